using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Governance.Api.Commands;
using Governance.Api.Demo;
using Governance.Api.Hosting;
using Governance.Api.Http;
using Governance.Api.Sweeping;
using Governance.Domain.Meetings;
using Governance.EventStore;
using Governance.Projections;
using Governance.Projections.Alliances;
using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Console;
using NodaTime;
using Npgsql;

namespace Governance.Api.Cli;

/// <summary>
/// `bench read` (issue 10): the demo alliance with many promises, meetings and decisions, the real app served on loopback, and
/// readers asking the five busiest pages and their JSON twins at a paced rate. Seeding goes through the deciders and the ledger
/// (<see cref="PromiseVolume"/>, <see cref="MeetingVolume"/>, <see cref="DecisionVolume"/>), so the inline projections write their
/// documents; it is not measured, and in GOVERNANCE_DB it is kept for the next run (only what is missing is added). The load is
/// open-loop: request k is due at k / rate seconds and its latency counts from then, so a server (or client) that falls behind
/// shows it in the percentiles instead of quietly sending less. One JSON line per path and one for all of them; `--pg-stats` adds
/// PostgreSQL's own account of its time (pg_stat_statements) for the measured part.
/// </summary>
public static class BenchRead
{
    public const string PromisePrefix = "bench-belofte";
    public const string MeetingPrefix = "bench-vergadering";
    public const string DecisionPrefix = "bench-besluit";

    public sealed record Settings(int Promises, int Meetings, int Decisions, int Readers, int Seconds, int Rate, int Warmup, bool PgStats,
        IReadOnlyList<string> Only);

    /// <summary>
    /// One path (or all of them, <c>path = "all"</c>, with the run's settings). The latencies run from when each request was due;
    /// the service latencies from when it was sent (the difference is time spent waiting for a free reader).
    /// </summary>
    public sealed record PathResult(string Path, long Requests, double RequestsPerS, double P50Ms, double P95Ms, double P99Ms, double MaxMs, long Errors, long Bytes,
        double ServiceP50Ms, double ServiceP99Ms)
    {
        public int? TargetPerS { get; init; }
        public int? Readers { get; init; }
        public double? Seconds { get; init; }
        /// <summary>Requests not sent by twice the duration (a server that cannot keep up); they are not in the percentiles.</summary>
        public long? Dropped { get; init; }
        /// <summary>CPU seconds this process (readers and server together) used during the measured part.</summary>
        public double? CpuS { get; init; }
        /// <summary>The machine's 1-minute load average when the measured part ended.</summary>
        public double? LoadAverage { get; init; }
    }

    public static Command Build(TextWriter output, TextWriter error)
    {
        Option<int> Int(string name, string description, int value) => new(name) { Description = description, DefaultValueFactory = _ => value };
        var promises = Int("--promises", "Promises in the alliance (seeded once; GOVERNANCE_DB keeps them).", 10_000);
        var meetings = Int("--meetings", "Meetings in the alliance, weekly from 2022.", 500);
        var decisions = Int("--decisions", "Decisions in the alliance (consent; every tenth declined, so advice).", 2_000);
        var readers = Int("--readers", "Concurrent readers (connections).", 16);
        var seconds = Int("--seconds", "How long to measure.", 30);
        var rate = Int("--rate", "Requests per second over all paths, paced (open loop).", 200);
        var warmup = Int("--warmup", "Seconds of the same load before measuring (not counted).", 5);
        var only = new Option<string[]>("--path") { Description = "Measure only the paths that contain this text (repeatable), e.g. --path beloftes." };
        var pgStats = new Option<bool>("--pg-stats") { Description = "Print PostgreSQL's top statements by total time over the measured part (pg_stat_statements; preloaded on the throw-away cluster)." };
        var read = new Command("read", "Read latency and throughput of the busiest pages and their JSON twins on a seeded alliance.")
        {
            promises, meetings, decisions, readers, seconds, rate, warmup, only, pgStats,
        };
        read.SetAction((parse, ct) => GovernanceCli.Guarded(error, async () =>
        {
            var settings = new Settings(parse.GetValue(promises), parse.GetValue(meetings), parse.GetValue(decisions), parse.GetValue(readers),
                parse.GetValue(seconds), parse.GetValue(rate), parse.GetValue(warmup), parse.GetValue(pgStats), parse.GetValue(only) ?? []);
            if (new[] { settings.Promises, settings.Meetings, settings.Decisions }.Any(n => n is < 0 or > 100_000))
                throw new CliException("--promises, --meetings and --decisions are 0 to 100,000.");
            if (settings.Readers is < 1 or > 1_000 || settings.Seconds < 1 || settings.Rate < 1 || settings.Warmup < 0)
                throw new CliException("--readers is 1 to 1,000; --seconds and --rate are positive; --warmup is 0 or more.");
            return await RunAsync(settings, output, error, ct);
        }));
        return read;
    }

    private static async Task<int> RunAsync(Settings settings, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await error.WriteLineAsync($"load average at the start: {LoadAverages() ?? "unknown"}");
        await using var database = await BenchDatabase.OpenAsync(error, settings.PgStats ? StatementStatistics.ClusterSettings : null);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        AllianceView alliance;
        using (var documents = GovernanceStore.Create(dataSource, TimeProvider.System))
        {
            await LedgerServices.MigrateAllAsync(dataSource, documents, ct);
            var ledger = new Ledger(documents);
            alliance = await SeedAsync(dataSource, documents, ledger, settings, error, ct);
            await PrepareAsync(documents, ledger, error, ct);
        }

        var every = Paths(alliance);
        var paths = settings.Only.Count == 0 ? every : every.Where(p => settings.Only.Any(o => p.Contains(o, StringComparison.Ordinal))).ToList();
        if (paths.Count == 0) throw new CliException("--path matches none of: " + string.Join(", ", every));
        var app = await StartServerAsync(database.ConnectionString, ct);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await error.WriteLineAsync($"serving on {address} (Production); {settings.Readers} readers, {settings.Rate} requests/s over {paths.Count} paths");
            using var client = new HttpClient(new SocketsHttpHandler
            {
                MaxConnectionsPerServer = settings.Readers,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                AllowAutoRedirect = false,
                UseCookies = false,
            })
            {
                BaseAddress = new Uri(address),
                Timeout = TimeSpan.FromSeconds(30),
            };

            foreach (var path in paths)
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
                if (!response.IsSuccessStatusCode)
                    throw new CliException($"{path} answered {(int)response.StatusCode}: every path must work before it is measured.");
            }
            if (settings.Warmup > 0) await LoadAsync(client, paths, settings.Readers, settings.Rate, settings.Warmup, ct);

            var statistics = settings.PgStats && await StatementStatistics.ResetAsync(dataSource, error, ct);
            using var self = Process.GetCurrentProcess();
            var cpu = self.TotalProcessorTime;
            var (samples, elapsed, dropped) = await LoadAsync(client, paths, settings.Readers, settings.Rate, settings.Seconds, ct);
            self.Refresh();

            var done = samples.OfType<Sample>().ToList();
            foreach (var (path, index) in paths.Select((p, i) => (p, i)))
                await output.WriteLineAsync(JsonSerializer.Serialize(Summarise(path, done.Where(s => s.Path == index), elapsed), BenchReport.JsonOptions));
            var all = Summarise("all", done, elapsed) with
            {
                TargetPerS = settings.Rate,
                Readers = settings.Readers,
                Seconds = Math.Round(elapsed, 2),
                Dropped = dropped,
                CpuS = Math.Round((self.TotalProcessorTime - cpu).TotalSeconds, 1),
                LoadAverage = double.TryParse(LoadAverages()?.Split(' ')[0], CultureInfo.InvariantCulture, out var load) ? load : null,
            };
            await output.WriteLineAsync(JsonSerializer.Serialize(all, BenchReport.JsonOptions));
            if (statistics)
            {
                foreach (var statement in await StatementStatistics.TopAsync(dataSource, 12, ct))
                    await output.WriteLineAsync(JsonSerializer.Serialize(statement, BenchReport.JsonOptions));
            }
            return all.Errors == 0 ? 0 : 4;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    /// <summary>The five busiest pages and their JSON twins: Wie beloofde wat, Besluiten, the year planning, Termijnen, the alliance.</summary>
    private static List<string> Paths(AllianceView alliance)
    {
        var a = alliance.Id.Value;
        var year = SystemClock.Instance.GetCurrentInstant().InZone(Meeting.Zone).Year.ToString(CultureInfo.InvariantCulture);
        var members = alliance.Partners.Where(p => p.IsMember).ToList();
        var partner = members[1 % members.Count].Id.Value;   // in the demo: Stadsdeel Nieuw-West
        return
        [
            $"/allianties/{a}/beloftes", $"/api/v1/alliances/{a}/commitments",
            $"/allianties/{a}/besluiten", $"/api/v1/alliances/{a}/decisions",
            $"/allianties/{a}/vergaderingen?jaar={year}", $"/api/v1/alliances/{a}/meetings?year={year}",
            $"/allianties/{a}/termijnen", $"/api/v1/alliances/{a}/partners/{partner}/punctuality",
            $"/allianties/{a}", $"/api/v1/alliances/{a}",
        ];
    }

    /// <summary>
    /// The demo alliance (when missing) and the volume asked for, through the deciders and the ledger, eight appends at a time.
    /// What an earlier run left in the database is kept: only missing numbers are appended.
    /// </summary>
    private static async Task<AllianceView> SeedAsync(NpgsqlDataSource dataSource, DocumentStore documents, Ledger ledger, Settings settings,
        TextWriter error, CancellationToken ct)
    {
        var demo = new DemoSeed(dataSource, documents, TimeProvider.System);
        if (!await demo.IsSeededAsync(ct))
        {
            var clock = Stopwatch.StartNew();
            await demo.SeedAsync(ct);
            await error.WriteLineAsync($"seeded the demo alliance {DemoSeed.Osdorp} in {clock.Elapsed.TotalSeconds:0.0} s");
        }
        var alliance = await new AllianceQueries(ledger).GetAsync(DemoSeed.Osdorp, cancellationToken: ct)
            ?? throw new CliException($"The alliance {DemoSeed.Osdorp} cannot be read.");
        var now = TimeProvider.System;
        await TopUpAsync(ledger, "promises", $"commitment-{PromisePrefix}-", 0, settings.Promises,
            (n, t) => PromiseVolume.AppendAsync(ledger, alliance, n, 1, now, PromisePrefix, t), error, ct);
        await TopUpAsync(ledger, "meetings", $"meeting-{MeetingPrefix}-", 0, settings.Meetings,
            (n, t) => MeetingVolume.AppendAsync(ledger, alliance, n, 1, MeetingPrefix, t), error, ct);
        await TopUpAsync(ledger, "decisions", $"proposal-{DecisionPrefix}-", 1, settings.Decisions,
            (n, t) => DecisionVolume.AppendAsync(ledger, alliance, 1, now, DecisionPrefix, n, t), error, ct);
        return alliance;
    }

    private static async Task TopUpAsync(Ledger ledger, string what, string streamPrefix, int first, int wanted,
        Func<int, CancellationToken, Task<int>> append, TextWriter error, CancellationToken ct)
    {
        var present = (await ledger.ListStreamsAsync(DemoSeed.Osdorp.Value, streamPrefix, ct))
            .Select(id => int.TryParse(id.AsSpan(streamPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
            .ToHashSet();
        var missing = Enumerable.Range(first, wanted).Where(n => !present.Contains(n)).ToList();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (n, t) => await append(n, t));
        var total = present.Count + missing.Count;
        await error.WriteLineAsync(missing.Count == 0
            ? $"{what}: {total} in the alliance already"
            : $"{what}: {missing.Count} appended in {clock.Elapsed.TotalSeconds:0.0} s, {total} in the alliance");
        if (total > wanted) await error.WriteLineAsync($"{what}: {total} is more than asked; the database keeps what earlier runs seeded");
    }

    /// <summary>
    /// Out of the measured time: one pass of the sweeper (the overdue promises recorded, as the host would have done; the host's own
    /// sweeper is off during the run, so no pass lands in the middle of it), then Marten's async daemon catches up (the deadline
    /// documents of Termijnen and punctuality, the timeline) so that the served app's daemon has nothing left to do.
    /// </summary>
    private static async Task PrepareAsync(DocumentStore documents, Ledger ledger, TextWriter error, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var report = await new Sweeper(new DirectCommandBus(documents, TimeProvider.System), ledger, TimeProvider.System).SweepAllAsync(ct);
        await error.WriteLineAsync($"sweep: {report.Total} passed deadlines recorded, {report.StreamsChecked} streams checked in {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        using (var daemon = await documents.BuildProjectionDaemonAsync())
            await daemon.CatchUpAsync(TimeSpan.FromMinutes(30), ct);
        await error.WriteLineAsync($"async projections caught up in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>The real app (<see cref="WebHost.Build"/>) on a free loopback port, environment Production, logging warnings to stderr.</summary>
    private static async Task<WebApplication> StartServerAsync(string connectionString, CancellationToken ct)
    {
        // applicationName: when a test runner is the entry assembly, Razor Pages must still find their pages in ours.
        var app = WebHost.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production",
            "--applicationName", typeof(WebHost).Assembly.GetName().Name!, "--Governance:Sweeper:OnStart", "false",
            "--Governance:Checkpoints:Enabled", "false"], builder =>   // no chain recomputed for a checkpoint in the middle of a measurement
        {
            builder.Configuration["ConnectionStrings:Governance"] = connectionString;
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
            builder.Logging.AddFilter<ConsoleLoggerProvider>(level => level >= LogLevel.Warning);
            builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);   // stdout is for the JSON lines
        });
        await app.StartAsync(ct);
        return app;
    }

    private sealed record Sample(int Path, double LatencyMs, double ServiceMs, bool Ok, long Bytes);

    /// <summary>
    /// <paramref name="rate"/> × <paramref name="seconds"/> GETs, request k due at k / rate seconds on path k mod the paths, taken by
    /// <paramref name="readers"/> readers in turn. A request's latency runs from when it was due until its body is read, so waiting
    /// for a free reader counts. What is not sent within twice the duration is dropped (and counted).
    /// </summary>
    private static async Task<(Sample?[] Samples, double Seconds, long Dropped)> LoadAsync(HttpClient client, IReadOnlyList<string> paths,
        int readers, int rate, int seconds, CancellationToken ct)
    {
        var total = (long)rate * seconds;
        var samples = new Sample?[total];
        var uris = paths.Select(p => new Uri(p, UriKind.Relative)).ToArray();
        long next = -1, dropped = 0;
        var start = Stopwatch.GetTimestamp();
        var last = start;
        var giveUp = start + 2L * seconds * Stopwatch.Frequency;
        var workers = Enumerable.Range(0, readers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var k = Interlocked.Increment(ref next);
                if (k >= total) return;
                var due = start + k * Stopwatch.Frequency / rate;
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                if (Stopwatch.GetTimestamp() > giveUp)
                {
                    Interlocked.Increment(ref dropped);
                    continue;
                }
                var path = (int)(k % uris.Length);
                var (ok, bytes) = (false, 0L);
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(uris[path], ct);
                    var body = await response.Content.ReadAsByteArrayAsync(ct);
                    (ok, bytes) = (response.IsSuccessStatusCode, body.Length);
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                    // the client's timeout: an error like any other
                }
                var end = Stopwatch.GetTimestamp();
                // The timer may wake a millisecond early; then the request counts from when it was sent.
                samples[k] = new Sample(path, Stopwatch.GetElapsedTime(Math.Min(due, sent), end).TotalMilliseconds,
                    Stopwatch.GetElapsedTime(sent, end).TotalMilliseconds, ok, bytes);
                for (var seen = Interlocked.Read(ref last); end > seen; seen = Interlocked.Read(ref last))
                    if (Interlocked.CompareExchange(ref last, end, seen) == seen) break;
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        return (samples, Stopwatch.GetElapsedTime(start, last).TotalSeconds, dropped);
    }

    private static PathResult Summarise(string path, IEnumerable<Sample> samples, double seconds)
    {
        var list = samples.ToList();
        var latencies = list.Select(s => s.LatencyMs).Order().ToArray();
        var service = list.Select(s => s.ServiceMs).Order().ToArray();
        double Ms(double[] sorted, double p) => Math.Round(BenchReport.Percentile(sorted, p), 1);
        return new PathResult(path, list.Count, Math.Round(list.Count / Math.Max(seconds, 1e-9), 1),
            Ms(latencies, 0.50), Ms(latencies, 0.95), Ms(latencies, 0.99), Ms(latencies, 1.0), list.Count(s => !s.Ok),
            list.Count == 0 ? 0 : (long)list.Average(s => s.Bytes), Ms(service, 0.50), Ms(service, 0.99));
    }

    private static string? LoadAverages()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
