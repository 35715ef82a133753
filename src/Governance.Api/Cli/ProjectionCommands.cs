using System.CommandLine;
using Governance.Api.Hosting;
using Governance.EventStore;
using Governance.Projections.Daemon;
using Governance.Projections.Timeline;

namespace Governance.Api.Cli;

/// <summary>`projections rebuild [--projection P] [--tenant T]`: rebuild read models from the ledger, with progress.</summary>
public static class ProjectionCommands
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var projections = new Command("projections", "Read models built from the ledger.");
        var name = new Option<string?>("--projection") { Description = "Only this projection (timeline, event-counts, meeting-deadlines)." };
        var tenant = new Option<string?>("--tenant") { Description = "Only this alliance." };
        var rebuild = new Command("rebuild", "Rebuild from position 1; readers see the old rows until the new ones are complete.") { name, tenant };
        rebuild.SetAction((parse, ct) => GovernanceCli.Guarded(error, async () =>
        {
            await using var dataSource = Database.CreateDataSource(Database.ConnectionString());
            await LedgerServices.MigrateAllAsync(dataSource, ct);
            var store = new PostgresEventStore(dataSource, TimeProvider.System);
            var registry = Projections.DomainJson.CreateRegistry();
            var daemon = new ProjectionDaemon(dataSource, store, registry,
                [new TimelineProjection(), new EventCountProjection(), new Projections.Punctuality.MeetingDeadlineProjection(store, registry)])
                { BatchSize = 2000 };

            var only = parse.GetValue(name);
            var chosen = daemon.Projections.Where(p => only is null || p.Name == only).ToList();
            if (chosen.Count == 0)
                throw new CliException($"Unknown projection '{only}': use one of {string.Join(", ", daemon.Projections.Select(p => p.Name))}.");
            var heads = (await store.GetTenantHeadsAsync(ct)).Where(h => parse.GetValue(tenant) is not { } t || h.TenantId == t).ToList();
            if (parse.GetValue(tenant) is { } wanted && heads.Count == 0) throw new CliException($"No ledger for tenant '{wanted}'.");

            foreach (var projection in chosen)
            foreach (var head in heads)
            {
                var bar = new ProgressLine(error, $"{projection.Name} {head.TenantId}", head.Position);
                var applied = await daemon.RebuildAsync(projection, head.TenantId, bar, ct);
                bar.Done();
                await output.WriteLineAsync($"{projection.Name} {head.TenantId}: rebuilt from {applied} events");
            }
            return 0;
        }));
        projections.Subcommands.Add(rebuild);
        return projections;
    }

    /// <summary>A one-line progress bar on stderr, so stdout stays machine-readable.</summary>
    private sealed class ProgressLine(TextWriter error, string label, long total) : IProgress<long>
    {
        public void Report(long value)
        {
            var fraction = total == 0 ? 1 : Math.Min(1, (double)value / total);
            var filled = (int)(fraction * 30);
            error.Write($"\r{label} [{new string('#', filled)}{new string('.', 30 - filled)}] {value}/{total}");
        }

        public void Done() => error.WriteLine();
    }
}
