using System.CommandLine;
using System.Diagnostics;
using Governance.Api.Hosting;
using JasperFx.Events.Projections;
using Marten;
using Spectre.Console;

namespace Governance.Api.Cli;

/// <summary>
/// `projections rebuild [--projection P]`: rebuild read models from the ledger through Marten's daemon, with a progress bar
/// on stderr (events done of the total, and the rate), so that stdout stays one summary line per projection.
/// </summary>
public static class ProjectionCommands
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var projections = new Command("projections", "Read models built from the ledger.");
        var name = new Option<string?>("--projection") { Description = "Only this projection (see the list printed when the name is unknown)." };
        var rebuild = new Command("rebuild", "Rebuild from the first event of every alliance.") { name };
        rebuild.SetAction((parse, ct) => GovernanceCli.Guarded(error, async () =>
        {
            await using var db = await CliDatabase.OpenAsync(ct);
            var known = ((Marten.Events.IReadOnlyEventStoreOptions)db.Store.Options.Events).Projections().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            var only = parse.GetValue(name);
            var chosen = known.Where(p => only is null || p == only).ToList();
            if (chosen.Count == 0) throw new CliException($"Unknown projection '{only}': use one of {string.Join(", ", known)}.");

            var total = await TotalEventsAsync(db.Store, ct);
            using var daemon = await db.Store.BuildProjectionDaemonAsync();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
            foreach (var projection in chosen)
            {
                var clock = Stopwatch.StartNew();
                var progress = new RebuildProgress(projection);
                using (daemon.Tracker.Subscribe(progress))
                {
                    await console.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(progress, clock))
                        .StartAsync(async context =>
                        {
                            var task = context.AddTask(projection, maxValue: Math.Max(1, total));
                            var run = daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(10), ct);
                            while (!run.IsCompleted)
                            {
                                task.Value = Math.Min(total, progress.Done);
                                await Task.WhenAny(run, Task.Delay(200, ct));
                            }
                            await run;
                            task.Value = total;
                        });
                }
                var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                await output.WriteLineAsync($"{projection}: rebuilt from {total} events in {seconds:0.0} s ({total / seconds:0} events/s)");
            }
            return 0;
        }));
        projections.Subcommands.Add(rebuild);
        return projections;
    }

    private static async Task<long> TotalEventsAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new Npgsql.NpgsqlCommand($"select count(*) from {store.Options.Events.DatabaseSchemaName}.mt_events", conn);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>How far the rebuild of one projection has come: the highest event sequence its shards report.</summary>
    private sealed class RebuildProgress(string projection) : IObserver<ShardState>
    {
        private long _done;

        public long Done => Interlocked.Read(ref _done);

        public void OnNext(ShardState value)
        {
            if (!value.ShardName.StartsWith(projection + ":", StringComparison.Ordinal)) return;
            long seen;
            while ((seen = Interlocked.Read(ref _done)) < value.Sequence && Interlocked.CompareExchange(ref _done, value.Sequence, seen) != seen) { }
        }

        public void OnError(Exception error) { }

        public void OnCompleted() { }
    }

    /// <summary>Events per second so far.</summary>
    private sealed class RateColumn(RebuildProgress progress, Stopwatch clock) : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text($"{progress.Done:N0} events, {progress.Done / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s");
    }
}
