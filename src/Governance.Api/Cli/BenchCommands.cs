using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Governance.Api.Hosting;
using Governance.EventStore;
using Npgsql;

namespace Governance.Api.Cli;

/// <summary>
/// `bench append --scenario NAME [--events N]`: throughput and latency of the event store, one JSON line per run.
/// Against GOVERNANCE_DB when set (the events stay there, so `ledger verify` can check them), otherwise against a
/// throw-away cluster with PostgreSQL's durable defaults (fsync on).
/// </summary>
public static class BenchCommands
{
    public static readonly string[] Scenarios = ["tenants16-single", "tenant1-w16-single", "hot-stream-w16", "batch20", "catch-up"];

    public sealed record BenchResult(
        string Scenario, long Events, double Seconds, double EventsPerS, double P50Ms, double P99Ms, long Conflicts, long Lost);

    public static Command Build(TextWriter output, TextWriter error)
    {
        var bench = new Command("bench", "Benchmarks (numbers go to docs/BENCHMARKS.md).");
        var scenario = new Option<string>("--scenario") { Description = "One of: " + string.Join(", ", Scenarios), Required = true };
        scenario.AcceptOnlyFromAmong(Scenarios);
        var events = new Option<int?>("--events") { Description = "Events to append (default 20,000; catch-up reads 200,000)." };
        var runs = new Option<int>("--runs") { Description = "How many runs (one JSON line each).", DefaultValueFactory = _ => 1 };
        var append = new Command("append", "Append throughput and latency.") { scenario, events, runs };
        append.SetAction((parse, ct) => GovernanceCli.Guarded(error, async () =>
        {
            var count = parse.GetValue(events) ?? (parse.GetValue(scenario) == "catch-up" ? 200_000 : 20_000);
            if (count <= 0) throw new CliException("--events must be positive.");
            var runCount = parse.GetValue(runs);
            if (runCount <= 0) throw new CliException("--runs must be positive.");

            ThrowawayPostgres? cluster = null;
            string connectionString;
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Database.EnvironmentVariable)))
            {
                connectionString = Database.ConnectionString();
            }
            else
            {
                await error.WriteLineAsync("GOVERNANCE_DB not set: starting a throw-away cluster (fsync on) ...");
                cluster = await ThrowawayPostgres.StartAsync(durable: true);
                connectionString = Database.Tune(cluster.ConnectionString());
            }
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 40 };
                await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
                await LedgerServices.MigrateAllAsync(dataSource, ct);
                for (var run = 0; run < runCount; run++)
                {
                    var result = await RunAsync(dataSource, parse.GetValue(scenario)!, count, ct);
                    await output.WriteLineAsync(JsonSerializer.Serialize(result, JsonOptions));
                    if (result.Lost != 0) return 4;
                }
                return 0;
            }
            finally
            {
                if (cluster is not null) await cluster.DisposeAsync();
            }
        }));
        bench.Subcommands.Add(append);
        return bench;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Task<BenchResult> RunAsync(NpgsqlDataSource dataSource, string scenario, int events, CancellationToken ct)
    {
        var store = new PostgresEventStore(dataSource, TimeProvider.System);
        var run = "b" + Guid.NewGuid().ToString("N")[..8];
        return scenario switch
        {
            "tenants16-single" => Writers(store, scenario, run, events, writers: 16, perAppend: 1, tenantOf: w => $"{run}-t{w}", streams: 100),
            "tenant1-w16-single" => Writers(store, scenario, run, events, writers: 16, perAppend: 1, tenantOf: _ => $"{run}-t", streams: 1000),
            "batch20" => Writers(store, scenario, run, events, writers: 16, perAppend: 20, tenantOf: w => $"{run}-t{w}", streams: 100),
            "hot-stream-w16" => HotStream(store, scenario, run, events, writers: 16),
            "catch-up" => CatchUp(store, scenario, run, events, ct),
            _ => throw new CliException($"Unknown scenario '{scenario}'."),
        };
    }

    private static EventData BenchEvent(int writer, long i) => new(
        Guid.CreateVersion7(), "bench.appended", 1,
        $$"""{"writer":{{writer}},"i":{{i}},"text":"Bewoners willen de stukken twee weken van tevoren."}""",
        new EventMetadata("p-bench", "admin", null, null, null));

    private static async Task<BenchResult> Writers(PostgresEventStore store, string scenario, string run, int events,
        int writers, int perAppend, Func<int, string> tenantOf, int streams)
    {
        var appendsPerWriter = Math.Max(1, events / (writers * perAppend));
        var latencies = new double[writers * appendsPerWriter];
        var acknowledged = new long[writers];
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, writers), new ParallelOptions { MaxDegreeOfParallelism = writers }, async (w, ct) =>
        {
            var random = new Random(w);
            for (var i = 0; i < appendsPerWriter; i++)
            {
                var batch = Enumerable.Range(0, perAppend).Select(k => BenchEvent(w, (long)i * perAppend + k)).ToArray();
                var start = Stopwatch.GetTimestamp();
                await store.AppendAsync(tenantOf(w), $"s-{random.Next(streams)}", "bench", ExpectedVersion.Any, batch, ct);
                latencies[w * appendsPerWriter + i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                acknowledged[w] += perAppend;
            }
        });
        sw.Stop();
        var total = acknowledged.Sum();
        var lost = total - await CountStored(store, run);
        return Result(scenario, total, sw.Elapsed.TotalSeconds, latencies, conflicts: 0, lost);
    }

    private static async Task<BenchResult> HotStream(PostgresEventStore store, string scenario, string run, int events, int writers)
    {
        var tenant = $"{run}-t";
        var perWriter = Math.Max(1, events / writers);
        var latencies = new double[writers * perWriter];
        long conflicts = 0, acknowledged = 0;
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, writers), new ParallelOptions { MaxDegreeOfParallelism = writers }, async (w, ct) =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var e = BenchEvent(w, i);
                while (true)
                {
                    var (version, _) = await store.GetStreamStateAsync(tenant, "hot", ct);
                    try
                    {
                        await store.AppendAsync(tenant, "hot", "bench", ExpectedVersion.Exact(version), [e], ct);
                        break;
                    }
                    catch (ConcurrencyException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
                latencies[w * perWriter + i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                Interlocked.Increment(ref acknowledged);
            }
        });
        sw.Stop();
        var lost = acknowledged - await CountStored(store, run);
        return Result(scenario, acknowledged, sw.Elapsed.TotalSeconds, latencies, conflicts, lost);
    }

    private static async Task<BenchResult> CatchUp(PostgresEventStore store, string scenario, string run, int events, CancellationToken ct)
    {
        var tenant = $"{run}-t";
        // Seeding is not measured: 16 writers in batches of 100.
        var perWriter = (events + 16 * 100 - 1) / (16 * 100);
        await Parallel.ForEachAsync(Enumerable.Range(0, 16), ct, async (w, token) =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                var batch = Enumerable.Range(0, 100).Select(k => BenchEvent(w, (long)i * 100 + k)).ToArray();
                await store.AppendAsync(tenant, $"s-{w}", "bench", ExpectedVersion.Any, batch, token);
            }
        });
        var seeded = (long)perWriter * 16 * 100;

        var latencies = new List<double>();
        var position = 0L;
        var sw = Stopwatch.StartNew();
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            var page = await store.ReadTenantAsync(tenant, position, 5000, ct);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (page.Count == 0) break;
            position = page[^1].TenantPosition;
        }
        sw.Stop();
        return Result(scenario, position, sw.Elapsed.TotalSeconds, [.. latencies], conflicts: 0, lost: seeded - position);
    }

    private static async Task<long> CountStored(PostgresEventStore store, string run)
    {
        await using var cmd = store.DataSource.CreateCommand("select count(*) from ledger.events where tenant_id like $1");
        cmd.Parameters.Add(new() { Value = run + "-%" });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static BenchResult Result(string scenario, long events, double seconds, double[] latencies, long conflicts, long lost)
    {
        Array.Sort(latencies);
        double Percentile(double p) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        return new BenchResult(scenario, events, Math.Round(seconds, 3), Math.Round(events / seconds, 0),
            Math.Round(Percentile(0.50), 2), Math.Round(Percentile(0.99), 2), conflicts, lost);
    }
}
