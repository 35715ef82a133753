using System.Net;
using System.Text.Json;
using Governance.Api.Cli;
using Governance.Api.Demo;
using Governance.Api.Hosting;
using Governance.EventStore;
using Governance.Projections;
using Governance.TestSupport;
using Npgsql;

namespace Governance.Api.Tests.Checkpoints;

/// <summary>
/// Issue 15 points 1–2: signed checkpoints, and `ledger verify --checkpoints` catching what `ledger verify` alone cannot:
/// a rewound head, a re-hashed tail and forged events after a checkpoint, each done directly in the database.
/// </summary>
public sealed class CheckpointTests : IAsyncLifetime
{
    private const string Alliance = "osdorp-de-punt";
    private const string KeyFileVariable = "Governance__Checkpoints__KeyFile";
    private string _connectionString = "";
    private readonly string _folder = Directory.CreateTempSubdirectory("checkpoint-tests-").FullName;
    private readonly Dictionary<string, string> _environment = [];

    public async Task InitializeAsync()
    {
        _connectionString = await (await PostgresCluster.Shared).CreateDatabaseAsync("checkpoints");
        var key = Path.Combine(_folder, "signing.pem");
        Assert.Equal(0, (await Run("ledger", "keygen", "--out", key)).Exit);
        _environment[KeyFileVariable] = key;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.RunAsync(_connectionString, _environment, args);

    private string File(string name) => Path.Combine(_folder, name);

    private async Task Append(int count, string text = "x")
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        using var documents = GovernanceStore.Create(dataSource, TimeProvider.System);
        await LedgerServices.MigrateAllAsync(dataSource, documents);
        var ledger = new Ledger(documents);
        for (var i = 0; i < count; i++)
            await ledger.AppendAsync(Alliance, $"s{i % 2}", ExpectedVersion.Any, [new EventData(new BenchAppended(0, i, text), EventMetadata.None)]);
    }

    private async Task Sql(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var cmd = dataSource.CreateCommand("set session_replication_role = replica; " + sql);   // an attacker with superuser rights
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Four events, checkpoint A (position 4); two more, checkpoint B (position 6); both in checkpoints.json.</summary>
    private async Task<string> TwoCheckpoints()
    {
        await Append(4);
        var a = await Run("ledger", "checkpoint", "--out", File("a.json"));
        Assert.True(a.Exit == 0, a.Out + a.Err);
        Assert.Contains($"checkpoint {Alliance}@4 (", a.Out, StringComparison.Ordinal);
        await Append(2);
        var b = await Run("ledger", "checkpoint", "--out", File("b.json"));
        Assert.True(b.Exit == 0, b.Out + b.Err);
        var both = JsonSerializer.Deserialize<JsonElement[]>(await System.IO.File.ReadAllTextAsync(File("a.json")))!
            .Concat(JsonSerializer.Deserialize<JsonElement[]>(await System.IO.File.ReadAllTextAsync(File("b.json")))!);
        await System.IO.File.WriteAllTextAsync(File("checkpoints.json"), JsonSerializer.Serialize(both));
        return File("checkpoints.json");
    }

    /// <summary>The attack must defeat `ledger verify` without checkpoints (exit 0): that is what the checkpoints are for.</summary>
    private async Task AssertPlainVerifyPasses()
    {
        var plain = await Run("ledger", "verify");
        Assert.True(plain.Exit == 0, plain.Out);
    }

    [Fact]
    public async Task Keygen_writes_an_owner_only_key_and_never_overwrites_one()
    {
        var path = File("other.pem");
        var (exit, output, _) = await Run("ledger", "keygen", "--out", path);
        Assert.Equal(0, exit);
        Assert.Matches(@"key id [0-9a-f]{16}", output);
        Assert.Contains("-----BEGIN PUBLIC KEY-----", output, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", await System.IO.File.ReadAllTextAsync(path), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, System.IO.File.GetUnixFileMode(path));
        var again = await Run("ledger", "keygen", "--out", path);
        Assert.Equal(1, again.Exit);
        Assert.Contains("exists already", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_untampered_ledger_extends_every_checkpoint_and_a_later_checkpoint_of_an_unchanged_head_is_the_same()
    {
        var checkpoints = await TwoCheckpoints();
        var (exit, output, _) = await Run("ledger", "verify", "--checkpoints", checkpoints);
        Assert.True(exit == 0, output);
        Assert.Matches($@"checkpoint {Alliance}@4 \(\S+\): extended", output);
        Assert.Matches($@"checkpoint {Alliance}@6 \(\S+\): extended", output);
        var again = await Run("ledger", "checkpoint");
        Assert.Contains($"{Alliance}@6", again.Out, StringComparison.Ordinal);
        Assert.Contains("already signed", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rewound_head_fails_the_checkpoint_it_no_longer_reaches()
    {
        var checkpoints = await TwoCheckpoints();
        // Delete the last event and its link, and set the head back to position 5: the chain is consistent again.
        await Sql($"""
            delete from marten.mt_events where seq_id = (select seq_id from ledger.chain where tenant_id = '{Alliance}' and position = 6);
            delete from ledger.chain where tenant_id = '{Alliance}' and position = 6;
            update ledger.heads set position = 5, hash = (select hash from ledger.chain where tenant_id = '{Alliance}' and position = 5) where tenant_id = '{Alliance}';
            """);
        await AssertPlainVerifyPasses();

        var (exit, output, _) = await Run("ledger", "verify", "--checkpoints", checkpoints);
        Assert.Equal(LedgerCommands.TamperedExitCode, exit);
        Assert.Matches($@"checkpoint {Alliance}@4 \(\S+\): extended", output);
        Assert.Matches($@"checkpoint {Alliance}@6 \(\S+\): FAILED: the ledger holds 5 events, fewer than the checkpoint's 6: its head was rewound", output);
        await AssertNotSignedOver();
    }

    [Fact]
    public async Task An_altered_and_re_hashed_tail_fails_every_checkpoint_after_the_change()
    {
        var checkpoints = await TwoCheckpoints();
        // Alter the event at position 3, then recompute every link after it with the chain's own format, and the head.
        await Sql($"""update marten.mt_events set data = '{"{"}"i":2,"text":"forged","writer":0{"}"}' where seq_id = (select seq_id from ledger.chain where tenant_id = '{Alliance}' and position = 3)""");
        await ReHashAsync(from: 3);
        await AssertPlainVerifyPasses();

        var (exit, output, _) = await Run("ledger", "verify", "--checkpoints", checkpoints);
        Assert.Equal(LedgerCommands.TamperedExitCode, exit);
        Assert.Matches($@"checkpoint {Alliance}@4 \(\S+\): FAILED: the ledger's hash at position 4 is [0-9a-f]{{64}}, the checkpoint's is [0-9a-f]{{64}}", output);
        Assert.Matches($@"checkpoint {Alliance}@6 \(\S+\): FAILED: the ledger's hash at position 6", output);
        await AssertNotSignedOver();
    }

    [Fact]
    public async Task Forged_events_appended_after_a_checkpoint_in_place_of_recorded_ones_fail_the_later_checkpoint()
    {
        var checkpoints = await TwoCheckpoints();
        // Rewind to checkpoint A (position 4), then append two forged events the normal way: the database's own trigger
        // hashes them into the chain, so the chain verifies and extends A.
        await Sql($"""
            delete from marten.mt_events where seq_id in (select seq_id from ledger.chain where tenant_id = '{Alliance}' and position > 4);
            update marten.mt_streams set version = 2 where tenant_id = '{Alliance}';
            delete from ledger.chain where tenant_id = '{Alliance}' and position > 4;
            update ledger.heads set position = 4, hash = (select hash from ledger.chain where tenant_id = '{Alliance}' and position = 4) where tenant_id = '{Alliance}';
            """);
        await Append(2, text: "forged");
        await AssertPlainVerifyPasses();

        var (exit, output, _) = await Run("ledger", "verify", "--checkpoints", checkpoints);
        Assert.Equal(LedgerCommands.TamperedExitCode, exit);
        Assert.Matches($@"checkpoint {Alliance}@4 \(\S+\): extended", output);
        Assert.Matches($@"checkpoint {Alliance}@6 \(\S+\): FAILED: the ledger's hash at position 6", output);
    }

    [Fact]
    public async Task A_checkpoint_with_a_changed_field_or_another_key_fails_and_a_bad_file_is_a_clear_error()
    {
        var checkpoints = await TwoCheckpoints();
        var text = await System.IO.File.ReadAllTextAsync(checkpoints);
        var first = JsonSerializer.Deserialize<JsonElement[]>(text)![0];
        var changed = first.ToString().Replace("\"position\":4", "\"position\":3", StringComparison.Ordinal);
        Assert.NotEqual(first.ToString(), changed);
        await System.IO.File.WriteAllTextAsync(File("changed.json"), changed);
        var (exit, output, _) = await Run("ledger", "verify", "--checkpoints", File("changed.json"));
        Assert.Equal(LedgerCommands.TamperedExitCode, exit);
        Assert.Contains($"checkpoint {Alliance}@3", output, StringComparison.Ordinal);
        Assert.Contains("its signature does not hold", output, StringComparison.Ordinal);

        using var other = CheckpointKey.Create();
        var foreign = await Run("ledger", "verify", "--checkpoints", checkpoints, "--public-key", other.PublicKey);
        Assert.Equal(LedgerCommands.TamperedExitCode, foreign.Exit);
        Assert.Contains($"not by the trusted key {other.KeyId}", foreign.Out, StringComparison.Ordinal);

        await System.IO.File.WriteAllTextAsync(File("bad.json"), "{\"checkpoints\": [{\"format\": \"ledger-checkpoint-v1\"}]}");
        var bad = await Run("ledger", "verify", "--checkpoints", File("bad.json"));
        Assert.Equal(1, bad.Exit);
        Assert.StartsWith("error: ", bad.Err, StringComparison.Ordinal);
        Assert.Contains("checkpoint 1", bad.Err, StringComparison.Ordinal);
        var missing = await Run("ledger", "verify", "--checkpoints", File("nothing-here.json"));
        Assert.Equal(1, missing.Exit);
        Assert.Contains("Cannot read checkpoints", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_signs_checkpoints_publishes_them_as_json_and_on_a_page_and_verify_reads_them_from_the_url()
    {
        // A short interval too: a pass that comes while the seed is half-way signs part of it, and the rest must not wait an hour.
        await using var server = await GovernanceServer.StartAsync(b =>
        {
            b.Configuration["Governance:Checkpoints:Poll"] = "00:00:01";
            b.Configuration["Governance:Checkpoints:Interval"] = "00:00:01";
            b.Configuration["Governance:Checkpoints:KeyFile"] = _environment[KeyFileVariable];
        });
        await ActivatorUtilities.CreateInstance<DemoSeed>(server.Services).SeedAsync(CancellationToken.None);
        using var client = server.CreateClient();
        var url = new Uri(server.BaseAddress, $"/api/v1/alliances/{Alliance}/checkpoints?pageSize=200");

        JsonElement body = default;
        var head = (await server.Services.GetRequiredService<Ledger>().GetTenantHeadsAsync()).Single(h => h.TenantId == Alliance);
        for (var i = 0; i < 100; i++)
        {
            body = JsonSerializer.Deserialize<JsonElement>(await client.GetStringAsync(url));
            if (body.GetProperty("checkpoints").EnumerateArray().Any(c => c.GetProperty("position").GetInt64() == head.Position)) break;
            await Task.Delay(200);
        }
        var newest = body.GetProperty("checkpoints")[0];
        Assert.Equal(head.Position, newest.GetProperty("position").GetInt64());
        Assert.Equal(head.HashHex, newest.GetProperty("headHash").GetString());
        Assert.Equal("ledger-checkpoint-v1", newest.GetProperty("format").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", newest.GetProperty("time").GetString()!);

        var (exit, output, error) = await CliRunner.RunAsync(server.ConnectionString, "ledger", "verify", "--checkpoints", url.ToString());
        Assert.True(exit == 0, output + error);
        Assert.Contains($"checkpoint {Alliance}@{head.Position} (", output, StringComparison.Ordinal);

        var page = await client.GetAsync(new Uri($"/allianties/{Alliance}/controlepunten", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Controlepunten", html, StringComparison.Ordinal);
        Assert.Contains(head.HashHex, html, StringComparison.Ordinal);

        // The minutes of a closed meeting name the checkpoint that followed its close (the demo's second alliance meeting, 70 days ago).
        var today = NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]).Date;
        var meeting = await client.GetStringAsync(new Uri($"/allianties/{Alliance}/vergaderingen/alliantie-{today.PlusDays(-70):yyyy-MM-dd}", UriKind.Relative));
        var named = System.Text.RegularExpressions.Regex.Match(meeting, @"Controlepunt na deze vergadering: het logboek had toen (\d+) stappen\.\s+De code van de laatste stap is <code class=""wl-hash"">([0-9a-f]{64})</code>");
        Assert.True(named.Success, "the minutes name the checkpoint after the meeting");
        // ... and link to that checkpoint with its signature, as a file to keep.
        var signed = $"/api/v1/alliances/{Alliance}/checkpoints/{named.Groups[1].Value}";
        Assert.Contains($"href=\"{signed}\"", meeting, StringComparison.Ordinal);
        var one = JsonSerializer.Deserialize<JsonElement>(await client.GetStringAsync(new Uri(signed, UriKind.Relative)));
        Assert.Equal(named.Groups[2].Value, one.GetProperty("headHash").GetString());
        Assert.Equal(64, Convert.FromBase64String(one.GetProperty("signature").GetString()!).Length);
        var none = await client.GetAsync(new Uri($"/api/v1/alliances/{Alliance}/checkpoints/999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Contains("checkpoint.unknown", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var alliancePage = await client.GetStringAsync(new Uri($"/allianties/{Alliance}", UriKind.Relative));
        Assert.Contains($"href=\"/allianties/{Alliance}/openbaar-archief\"", alliancePage, StringComparison.Ordinal);
        var download = await client.GetAsync(new Uri($"/allianties/{Alliance}/openbaar-archief", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        await using (var zip = new MemoryStream(await download.Content.ReadAsByteArrayAsync()))
        {
            var record = await Governance.Api.PublicRecord.PublicRecordVerifier.VerifyAsync(zip, null, null, CancellationToken.None);
            Assert.True(record.Holds, string.Join("; ", record.Problems));
            Assert.True(record.Events >= head.Position);
        }

        var unknown = await client.GetAsync(new Uri("/api/v1/alliances/nergens/checkpoints", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>After tampering, the signer refuses to sign over the ledger.</summary>
    private async Task AssertNotSignedOver()
    {
        var (exit, output, _) = await Run("ledger", "checkpoint");
        Assert.Equal(LedgerCommands.TamperedExitCode, exit);
        Assert.Contains($"{Alliance}: NOT SIGNED: the ledger does not extend checkpoint {Alliance}@6", output, StringComparison.Ordinal);
    }

    /// <summary>What an attacker who knows the format does: recompute every link from <paramref name="from"/> on, and the head.</summary>
    private async Task ReHashAsync(long from)
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        var rows = new List<(long Position, ChainRow Row)>();
        await using (var cmd = dataSource.CreateCommand($"""
            select c.position, c.hash, e.stream_id, e.version, e.id, e.type, e."timestamp", e.correlation_id, e.causation_id, e.headers::text, e.data::text
              from ledger.chain c join marten.mt_events e on e.seq_id = c.seq_id where c.tenant_id = '{Alliance}' order by c.position
            """))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
                rows.Add((r.GetInt64(0), new ChainRow(r.GetInt64(0), (byte[])r[1], true, r.GetString(2), r.GetInt64(3), r.GetGuid(4), r.GetString(5),
                    r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8),
                    r.IsDBNull(9) ? null : r.GetString(9), r.GetString(10))));
        }
        var previous = rows.Single(x => x.Position == from - 1).Row.StoredHash;
        var sql = new System.Text.StringBuilder("set session_replication_role = replica;");
        foreach (var (position, row) in rows.Where(x => x.Position >= from))
        {
            previous = ChainFormat.Link(previous, row.EnvelopeAt(Alliance, position), ChainFormat.DataDigest(row.DataJson));
            sql.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"update ledger.chain set hash = '\\x{Convert.ToHexStringLower(previous)}' where tenant_id = '{Alliance}' and position = {position};");
        }
        sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"update ledger.heads set hash = '\\x{Convert.ToHexStringLower(previous)}' where tenant_id = '{Alliance}';");
        await using var update = dataSource.CreateCommand(sql.ToString());
        await update.ExecuteNonQueryAsync();
    }
}
