using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Governance.Api.Hosting;
using Governance.EventStore;
using Governance.Projections;
using Marten;
using Npgsql;

namespace Governance.Api.Cli;

/// <summary>
/// `bench append --scenario NAME [--events N]`: throughput and latency of the ledger on Marten, one JSON line per run
/// (exactly N events; the chains of the run's alliances are verified at the end). `bench read`: see <see cref="BenchRead"/>.
/// Against GOVERNANCE_DB when set (the events stay there, so `ledger verify` can check them), otherwise against a
/// throw-away cluster with PostgreSQL's durable defaults (fsync on): <see cref="BenchDatabase"/>.
/// </summary>
public static class BenchCommands
{
    public static readonly string[] Scenarios = ["tenants16-single", "tenant1-w16-single", "hot-stream-w16", "batch20", "catch-up", "rebuild"];

    public sealed record BenchResult(
        string Scenario, long Events, double Seconds, double EventsPerS, double P50Ms, double P99Ms, long Conflicts, long Lost, bool Verified);

    public static Command Build(TextWriter output, TextWriter error)
    {
        var bench = new Command("bench", "Benchmarks (numbers go to docs/BENCHMARKS.md).");
        var scenario = new Option<string>("--scenario") { Description = "One of: " + string.Join(", ", Scenarios), Required = true };
        scenario.AcceptOnlyFromAmong(Scenarios);
        var events = new Option<int?>("--events") { Description = "Events to append, exactly (default 20,000; catch-up and rebuild 200,000)." };
        var runs = new Option<int>("--runs") { Description = "How many runs (one JSON line each).", DefaultValueFactory = _ => 1 };
        var pgStats = new Option<bool>("--pg-stats") { Description = "After each run, PostgreSQL's top statements by total time during it (pg_stat_statements; the throw-away cluster has it)." };
        var append = new Command("append", "Append throughput and latency.") { scenario, events, runs, pgStats };
        append.SetAction((parse, ct) => GovernanceCli.Guarded(error, async () =>
        {
            var count = parse.GetValue(events) ?? (parse.GetValue(scenario) is "catch-up" or "rebuild" ? 200_000 : 20_000);
            if (count <= 0) throw new CliException("--events must be positive.");
            var runCount = parse.GetValue(runs);
            if (runCount <= 0) throw new CliException("--runs must be positive.");

            var statistics = parse.GetValue(pgStats);
            await using var database = await BenchDatabase.OpenAsync(error, statistics ? StatementStatistics.ClusterSettings : null);
            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 40 };
            await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
            using (var documents = GovernanceStore.Create(dataSource, TimeProvider.System))
                await LedgerServices.MigrateAllAsync(dataSource, documents, ct);
            for (var run = 0; run < runCount; run++)
            {
                var counting = statistics && await StatementStatistics.ResetAsync(dataSource, error, ct);
                var result = await RunAsync(dataSource, parse.GetValue(scenario)!, count, ct);
                await output.WriteLineAsync(JsonSerializer.Serialize(result, BenchReport.JsonOptions));
                if (counting)
                {
                    foreach (var statement in await StatementStatistics.TopAsync(dataSource, 12, ct))
                        await output.WriteLineAsync(JsonSerializer.Serialize(statement, BenchReport.JsonOptions));
                }
                if (result.Lost != 0 || !result.Verified) return 4;
            }
            return 0;
        }));
        bench.Subcommands.Add(append);
        bench.Subcommands.Add(CommandBench.Build(output, error));
        bench.Subcommands.Add(BenchRead.Build(output, error));
        return bench;
    }

    public static async Task<BenchResult> RunAsync(NpgsqlDataSource dataSource, string scenario, int events, CancellationToken ct)
    {
        using var documents = GovernanceStore.Create(dataSource, TimeProvider.System);
        var store = new Ledger(documents);
        var run = "b" + Guid.NewGuid().ToString("N")[..8];
        var result = scenario switch
        {
            "tenants16-single" => await Writers(store, scenario, run, events, writers: 16, perAppend: 1, tenantOf: w => $"{run}-t{w}", streams: 100),
            "tenant1-w16-single" => await Writers(store, scenario, run, events, writers: 16, perAppend: 1, tenantOf: _ => $"{run}-t", streams: 1000),
            "batch20" => await Writers(store, scenario, run, events, writers: 16, perAppend: 20, tenantOf: w => $"{run}-t{w}", streams: 100),
            "hot-stream-w16" => await HotStream(store, scenario, run, events, writers: 16),
            "catch-up" => await CatchUp(store, documents, scenario, run, events, ct),
            "rebuild" => await Rebuild(store, documents, scenario, run, events, ct),
            _ => throw new CliException($"Unknown scenario '{scenario}'."),
        };
        // Every run ends with the chains of its alliances recomputed: a benchmark that broke the ledger is a failed run.
        var verified = true;
        foreach (var tenant in (await store.GetTenantHeadsAsync(ct)).Where(h => h.TenantId.StartsWith(run + "-", StringComparison.Ordinal)))
            verified &= (await LedgerVerifier.VerifyAsync(documents, tenant.TenantId, cancellationToken: ct)).All(v => v.IsIntact);
        return result with { Verified = verified };
    }

    private static EventData BenchEvent(int writer, long i) => new(
        new BenchAppended(writer, i, "Bewoners willen de stukken twee weken van tevoren."), new EventMetadata("p-bench", "admin"));

    /// <summary>Splits <paramref name="count"/> items over <paramref name="parts"/> as evenly as possible, adding up exactly.</summary>
    private static int Share(int count, int parts, int part) => count / parts + (part < count % parts ? 1 : 0);

    private static async Task<BenchResult> Writers(Ledger store, string scenario, string run, int events,
        int writers, int perAppend, Func<int, string> tenantOf, int streams)
    {
        if (events % perAppend != 0) throw new CliException($"{scenario} appends batches of {perAppend}: --events must be a multiple of {perAppend}.");
        var appends = events / perAppend;
        var latencies = new double[appends];
        var acknowledged = new long[writers];
        long conflicts = 0;
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, writers), new ParallelOptions { MaxDegreeOfParallelism = writers }, async (w, ct) =>
        {
            var random = new Random(w);
            var first = Enumerable.Range(0, w).Sum(x => Share(appends, writers, x));
            for (var i = 0; i < Share(appends, writers, w); i++)
            {
                var batch = Enumerable.Range(0, perAppend).Select(k => BenchEvent(w, (long)i * perAppend + k)).ToArray();
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await store.AppendAsync(tenantOf(w), $"s-{random.Next(streams)}", ExpectedVersion.Any, batch, ct);
                }
                catch (ConcurrencyException)
                {
                    // `Any` never conflicts; one here would be a spurious conflict, and is counted as such.
                    Interlocked.Increment(ref conflicts);
                    continue;
                }
                latencies[first + i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                acknowledged[w] += perAppend;
            }
        });
        sw.Stop();
        var total = acknowledged.Sum();
        var lost = total - await CountStored(store, run);
        return Result(scenario, total, sw.Elapsed.TotalSeconds, latencies, conflicts, lost);
    }

    private static async Task<BenchResult> HotStream(Ledger store, string scenario, string run, int events, int writers)
    {
        var tenant = $"{run}-t";
        var latencies = new double[events];
        long conflicts = 0, acknowledged = 0;
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, writers), new ParallelOptions { MaxDegreeOfParallelism = writers }, async (w, ct) =>
        {
            var first = Enumerable.Range(0, w).Sum(x => Share(events, writers, x));
            for (var i = 0; i < Share(events, writers, w); i++)
            {
                var start = Stopwatch.GetTimestamp();
                var e = BenchEvent(w, i);
                while (true)
                {
                    var version = await store.GetStreamVersionAsync(tenant, "hot", ct);
                    try
                    {
                        await store.AppendAsync(tenant, "hot", ExpectedVersion.Exact(version), [e], ct);
                        break;
                    }
                    catch (ConcurrencyException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
                latencies[first + i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                Interlocked.Increment(ref acknowledged);
            }
        });
        sw.Stop();
        var lost = acknowledged - await CountStored(store, run);
        return Result(scenario, acknowledged, sw.Elapsed.TotalSeconds, latencies, conflicts, lost);
    }

    /// <summary>Appends <paramref name="events"/> to one alliance without measuring: 16 writers in batches of 100 (the last one smaller).</summary>
    private static async Task Seed(Ledger store, string tenant, int events, CancellationToken ct) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, 16), ct, async (w, token) =>
        {
            var mine = Share(events, 16, w);
            for (var done = 0; done < mine; done += 100)
            {
                var batch = Enumerable.Range(done, Math.Min(100, mine - done)).Select(k => BenchEvent(w, k)).ToArray();
                await store.AppendAsync(tenant, $"s-{w}", ExpectedVersion.Any, batch, token);
            }
        });

    /// <summary>Marten's async daemon catching up every projection over <paramref name="events"/> new events.</summary>
    private static async Task<BenchResult> CatchUp(Ledger store, DocumentStore documents, string scenario, string run, int events, CancellationToken ct)
    {
        using var daemon = await documents.BuildProjectionDaemonAsync();
        await daemon.CatchUpAsync(TimeSpan.FromMinutes(10), ct);   // whatever was there before is not measured
        await Seed(store, $"{run}-t", events, ct);
        var sw = Stopwatch.StartNew();
        await daemon.CatchUpAsync(TimeSpan.FromMinutes(10), ct);
        sw.Stop();
        return Result(scenario, events, sw.Elapsed.TotalSeconds, [], conflicts: 0, lost: events - await CountStored(store, run));
    }

    /// <summary>Rebuilding one projection (event-counts) through Marten's daemon over everything stored.</summary>
    private static async Task<BenchResult> Rebuild(Ledger store, DocumentStore documents, string scenario, string run, int events, CancellationToken ct)
    {
        await Seed(store, $"{run}-t", events, ct);
        var total = await CountAllAsync(documents, ct);
        using var daemon = await documents.BuildProjectionDaemonAsync();
        var sw = Stopwatch.StartNew();
        await daemon.RebuildProjectionAsync("event-counts", TimeSpan.FromMinutes(10), ct);
        sw.Stop();
        return Result(scenario, total, sw.Elapsed.TotalSeconds, [], conflicts: 0, lost: events - await CountStored(store, run));
    }

    private static async Task<long> CountAllAsync(DocumentStore documents, CancellationToken ct)
    {
        await using var conn = documents.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"select count(*) from {LedgerConfiguration.MartenSchema}.mt_events", conn);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task<long> CountStored(Ledger store, string run)
    {
        await using var conn = store.Store.Storage.Database.CreateConnection();
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"select count(*) from {LedgerConfiguration.MartenSchema}.mt_events where starts_with(tenant_id, $1)", conn);
        cmd.Parameters.Add(new() { Value = run + "-" });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static BenchResult Result(string scenario, long events, double seconds, double[] latencies, long conflicts, long lost)
    {
        latencies = [.. latencies.Where(l => l > 0)];
        Array.Sort(latencies);
        return new BenchResult(scenario, events, Math.Round(seconds, 3), Math.Round(events / seconds, 0),
            Math.Round(BenchReport.Percentile(latencies, 0.50), 2), Math.Round(BenchReport.Percentile(latencies, 0.99), 2), conflicts, lost, Verified: false);
    }
}
