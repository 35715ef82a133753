using Governance.Api.Cli;
using Governance.Api.Hosting;
using Governance.EventStore;
using Governance.TestSupport;
using Governance.Projections;
using Npgsql;

namespace Governance.Api.Tests;

/// <summary>The CLI verbs, run in-process against a fresh database given through GOVERNANCE_DB.</summary>
[RunsLong(34)]
public sealed class CliTests : IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        var cluster = await PostgresCluster.Shared;
        _connectionString = await cluster.CreateDatabaseAsync("cli");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.RunAsync(_connectionString, args);

    private async Task Seed()
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        using var documents = GovernanceStore.Create(dataSource, TimeProvider.System);
        await LedgerServices.MigrateAllAsync(dataSource, documents);
        var store = new Ledger(documents);
        for (var i = 0; i < 4; i++)
            await store.AppendAsync("osdorp-de-punt", $"s{i % 2}", ExpectedVersion.Any, [new EventData(new BenchAppended(0, i, "x"), EventMetadata.None)]);
        await store.AppendAsync("geuzenveld", "s1", ExpectedVersion.Any, [new EventData(new BenchAppended(0, 0, "x"), EventMetadata.None)]);
    }

    private async Task Sql(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var cmd = dataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Db_migrate_applies_the_migrations_once()
    {
        var first = await Run("db", "migrate");
        Assert.Equal(0, first.Exit);
        Assert.Contains("applied marten marten.mt_events (create)", first.Out, StringComparison.Ordinal);
        Assert.Contains("applied marten ledger.chain (create)", first.Out, StringComparison.Ordinal);
        Assert.Contains("applied app 0001_app_schema", first.Out, StringComparison.Ordinal);
        // What only the host has: Wolverine's inbox, outbox and scheduled messages, and the document its Marten integration adds.
        Assert.Contains("applied wolverine message storage (create)", first.Out, StringComparison.Ordinal);
        Assert.Contains("applied marten marten.mt_doc_envelope (create)", first.Out, StringComparison.Ordinal);
        var second = await Run("db", "migrate");
        Assert.Equal((0, "database is up to date"), (second.Exit, second.Out.Trim()));
    }

    [Fact]
    public async Task A_node_that_does_not_migrate_on_start_refuses_a_database_with_pending_migrations_and_runs_once_db_migrate_did()
    {
        string[] noMigration = ["--Governance:Database:MigrateOnStart=false"];
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => GovernanceServer.StartOnDatabaseAsync(_connectionString, null, noMigration));
        var messages = string.Join(" | ", Flatten(refused).Select(e => e.Message));
        Assert.Contains("not migrated", messages, StringComparison.Ordinal);
        Assert.Contains("governance db migrate", messages, StringComparison.Ordinal);

        Assert.Equal(0, (await Run("db", "migrate")).Exit);
        await using var server = await GovernanceServer.StartOnDatabaseAsync(_connectionString, null, noMigration);
        using var client = server.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    private static IEnumerable<Exception> Flatten(Exception e) =>
        e is AggregateException a ? a.InnerExceptions.SelectMany(Flatten) : e.InnerException is null ? [e] : [e, .. Flatten(e.InnerException)];

    [Fact]
    public async Task Ledger_verify_prints_each_tenant_count_and_head_and_exits_0()
    {
        await Seed();
        var (exit, output, _) = await Run("ledger", "verify");
        Assert.Equal(0, exit);
        Assert.Matches(@"osdorp-de-punt: verified 4 events, head [0-9a-f]{64}", output);
        Assert.Matches(@"geuzenveld: verified 1 events, head [0-9a-f]{64}", output);
    }

    private const string Replica = "set session_replication_role = replica; ";   // an attacker with superuser rights switches the guards off
    private const string At = "where seq_id = (select seq_id from ledger.chain where tenant_id = 'osdorp-de-punt' and position = ";

    [Theory]
    [InlineData(Replica + """update marten.mt_events set data = '{"i":99}' """ + At + "2)", 2, "AlteredEvent")]
    [InlineData(Replica + "delete from marten.mt_events " + At + "3)", 3, "MissingPosition")]
    [InlineData(Replica + "update ledger.chain set hash = sha256('x'::bytea) where tenant_id = 'osdorp-de-punt' and position = 1", 1, "AlteredHash")]
    [InlineData(Replica + """
        update ledger.chain set position = -1 where tenant_id = 'osdorp-de-punt' and position = 2;
        update ledger.chain set position = 2 where tenant_id = 'osdorp-de-punt' and position = 4;
        update ledger.chain set position = 4 where tenant_id = 'osdorp-de-punt' and position = -1;
        update ledger.chain c set hash = x.hash from (select position, hash from ledger.chain where tenant_id = 'osdorp-de-punt') x
         where c.tenant_id = 'osdorp-de-punt' and ((c.position = 2 and x.position = 4) or (c.position = 4 and x.position = 2));
        """, 2, "Reordered")]
    public async Task Ledger_verify_exits_3_and_names_the_tenant_the_position_and_the_reason(string tamper, int position, string kind)
    {
        await Seed();
        await Sql(tamper);
        var (exit, output, _) = await Run("ledger", "verify");
        Assert.Equal(LedgerCommands.TamperedExitCode, exit);
        Assert.Contains($"osdorp-de-punt: FAILED at position {position}: {kind}", output, StringComparison.Ordinal);
        Assert.Matches(@"geuzenveld: verified 1 events", output);
    }

    [Fact]
    public async Task Ledger_verify_of_one_tenant_checks_only_that_tenant()
    {
        await Seed();
        var (exit, output, _) = await Run("ledger", "verify", "--tenant", "geuzenveld");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("osdorp", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_or_invalid_tenant_is_a_clear_error_with_a_non_zero_exit()
    {
        await Seed();
        var unknown = await Run("ledger", "verify", "--tenant", "nergens");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("No ledger for tenant 'nergens'", unknown.Err, StringComparison.Ordinal);
        var invalid = await Run("ledger", "verify", "--tenant", "Not Valid");
        Assert.Equal(1, invalid.Exit);
        Assert.Contains("not a valid tenant id", invalid.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_reported_in_one_line_without_a_stack_trace()
    {
        _connectionString = "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2";
        var (exit, _, error) = await Run("ledger", "verify");
        Assert.Equal(2, exit);
        Assert.StartsWith("error: the database is not reachable", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_append_prints_one_json_line_and_leaves_verifiable_events()
    {
        var (exit, output, _) = await Run("bench", "append", "--scenario", "tenant1-w16-single", "--events", "320");
        Assert.Equal(0, exit);
        using var line = System.Text.Json.JsonDocument.Parse(output.Trim());
        Assert.Equal("tenant1-w16-single", line.RootElement.GetProperty("scenario").GetString());
        Assert.Equal(320, line.RootElement.GetProperty("events").GetInt64());
        Assert.Equal(0, line.RootElement.GetProperty("lost").GetInt64());
        foreach (var field in new[] { "seconds", "events_per_s", "p50_ms", "p99_ms", "conflicts" })
            Assert.True(line.RootElement.TryGetProperty(field, out _), field);
        var verify = await Run("ledger", "verify");
        Assert.Equal(0, verify.Exit);
        Assert.Contains("verified 320 events", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_read_seeds_serves_and_prints_one_json_line_per_path_and_one_for_all_without_errors()
    {
        string[] args = ["bench", "read", "--promises", "50", "--meetings", "5", "--decisions", "10", "--seconds", "2", "--readers", "2",
            "--rate", "20", "--warmup", "0"];
        var (exit, output, error) = await Run(args);
        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        var paths = lines.Select(l => l.GetProperty("path").GetString()).ToList();
        Assert.Equal(11, paths.Count);
        foreach (var expected in new[] { "/beloftes", "/commitments", "/besluiten", "/decisions", "/vergaderingen?jaar=", "/meetings?year=",
            "/termijnen", "/punctuality" })
            Assert.Contains(paths, p => p!.Contains(expected, StringComparison.Ordinal));
        Assert.Contains("/allianties/osdorp-de-punt", paths);
        Assert.Contains("/api/v1/alliances/osdorp-de-punt", paths);
        Assert.Equal("all", paths[^1]);
        foreach (var line in lines)
        {
            Assert.Equal(0, line.GetProperty("errors").GetInt64());
            Assert.True(line.GetProperty("requests").GetInt64() > 0, line.ToString());
            foreach (var field in new[] { "requests_per_s", "p50_ms", "p95_ms", "p99_ms" })
                Assert.True(line.GetProperty(field).GetDouble() >= 0, field);
        }
        Assert.Equal(40, lines[^1].GetProperty("requests").GetInt64() + lines[^1].GetProperty("dropped").GetInt64());
        Assert.Contains("promises: 50 appended", error, StringComparison.Ordinal);

        // GOVERNANCE_DB keeps the seed: a second run adds nothing, and the chain still verifies.
        var again = await Run(args);
        Assert.True(again.Exit == 0, again.Err);
        Assert.Contains("promises: 50 in the alliance already", again.Err, StringComparison.Ordinal);
        Assert.Contains("decisions: 10 in the alliance already", again.Err, StringComparison.Ordinal);
        Assert.Equal(0, (await Run("ledger", "verify")).Exit);
    }

    [Fact]
    public async Task Seed_demo_creates_the_osdorp_alliance_prints_an_account_per_role_and_the_ledger_verifies()
    {
        var (exit, output, error) = await Run("seed", "demo");
        Assert.True(exit == 0, error);
        foreach (var role in new[] { "admin", "chair", "secretary", "representative", "core-group", "escalation-contact" })
            Assert.Matches($@"(?m)^{role} \S+@osdorp\.example \S+$", output);

        var verify = await Run("ledger", "verify");
        Assert.Equal(0, verify.Exit);
        Assert.Contains("osdorp-de-punt: verified", verify.Out, StringComparison.Ordinal);

        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        using var documents = GovernanceStore.Create(dataSource, TimeProvider.System);
        var queries = new Governance.Projections.Alliances.AllianceQueries(new Ledger(documents));
        var view = await queries.GetAsync(Governance.Domain.AllianceId.Parse("osdorp-de-punt"));
        Assert.NotNull(view);
        Assert.Equal(8, view.Partners.Count);
        Assert.Contains(view.Partners, p => p.Name == "Stadsdeel Nieuw-West");
        Assert.Equal(2, view.Officers.Count);
        Assert.Single(view.EscalationContacts);
        Assert.Equal(3, view.Declarations.Count);
        Assert.Equal(1, view.Agreements.Version);
    }

    [Fact]
    public async Task Sweep_runs_one_pass_and_reports_what_it_recorded()
    {
        Assert.Equal(0, (await Run("seed", "demo")).Exit);
        var (exit, output, error) = await Run("sweep");
        Assert.True(exit == 0, error);
        Assert.Matches(@"(?m)^sweep: \d+ events recorded, \d+ streams checked$", output);
        Assert.Contains("commitments: 0 events recorded", output, StringComparison.Ordinal);   // the demo's overdue promise was recorded when it fell due
    }

    [Fact]
    public async Task Seed_demo_if_empty_leaves_a_seeded_ledger_alone_and_prints_the_accounts_again()
    {
        Assert.Equal(0, (await Run("seed", "demo", "--if-empty")).Exit);
        var again = await Run("seed", "demo", "--if-empty");
        Assert.Equal(0, again.Exit);
        Assert.Matches(@"(?m)^chair dagvoorzitter@osdorp\.example \S+$", again.Out);
        var twice = await Run("seed", "demo");
        Assert.Equal(1, twice.Exit);
        Assert.Contains("exists already", twice.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Projections_rebuild_replaces_the_rows_from_the_ledger_without_counting_twice()
    {
        Assert.Equal(0, (await Run("seed", "demo")).Exit);
        var head = (await Run("ledger", "verify")).Out;
        var events = long.Parse(System.Text.RegularExpressions.Regex.Match(head, @"verified (\d+) events").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        for (var i = 0; i < 2; i++)
        {
            var (exit, output, error) = await Run("projections", "rebuild");
            Assert.True(exit == 0, error);
            Assert.Contains($"timeline: rebuilt from {events} events", output, StringComparison.Ordinal);
            Assert.Contains($"event-counts: rebuilt from {events} events", output, StringComparison.Ordinal);
        }

        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var rows = dataSource.CreateCommand("select (select count(*) from marten.mt_doc_timelineentrydocument), (select (data->>'events')::bigint from marten.mt_doc_tenanteventcount)");
        await using var reader = await rows.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((events, events), (reader.GetInt64(0), reader.GetInt64(1)));

        var unknown = await Run("projections", "rebuild", "--projection", "nonsense");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("Unknown projection 'nonsense'", unknown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_commands_records_every_acknowledged_command_once_and_refuses_none_for_a_race()
    {
        var (exit, output, error) = await Run("bench", "commands", "--clients", "4", "--seconds", "2");
        Assert.True(exit == 0, error);
        using var line = System.Text.Json.JsonDocument.Parse(output.Trim());
        var result = line.RootElement;
        Assert.True(result.GetProperty("commands").GetInt64() > 0);
        Assert.Equal(0, result.GetProperty("non_rule_refusals").GetInt64());
        Assert.Equal(0, result.GetProperty("lost").GetInt64());
        Assert.Equal(0, result.GetProperty("doubled").GetInt64());
        Assert.True(result.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task Bench_commands_refuses_a_client_count_out_of_range()
    {
        var (exit, _, error) = await Run("bench", "commands", "--clients", "0");
        Assert.NotEqual(0, exit);
        Assert.Contains("--clients", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_append_with_pg_stats_on_a_server_without_statement_statistics_says_so_and_still_measures()
    {
        var (exit, output, error) = await Run("bench", "append", "--scenario", "batch20", "--events", "40", "--pg-stats");
        Assert.True(exit == 0, error);
        Assert.Contains("shared_preload_libraries = 'pg_stat_statements'", error, StringComparison.Ordinal);
        using var line = System.Text.Json.JsonDocument.Parse(output.Trim());
        Assert.Equal(40, line.RootElement.GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task An_unknown_bench_scenario_is_refused()
    {
        var (exit, _, error) = await Run("bench", "append", "--scenario", "everything");
        Assert.NotEqual(0, exit);
        Assert.Contains("everything", error, StringComparison.Ordinal);
    }
}

