using Governance.Api.Commands;
using System.CommandLine;
using Governance.Api.Hosting;
using Governance.Api.Http;
using Governance.Api.Sweeping;

namespace Governance.Api.Cli;

/// <summary>`sweep`: one pass of the deadline sweeper, for cron; prints what it recorded per kind of deadline.</summary>
public static class SweepCommands
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var sweep = new Command("sweep", "Record every deadline that has passed (commitments, advice motivations, escalation steps) once.");
        sweep.SetAction((_, ct) => GovernanceCli.Guarded(error, async () =>
        {
            await using var db = await CliDatabase.OpenAsync(ct);
            var sweeper = new Sweeper(new DirectCommandBus(db.Store, TimeProvider.System), db.Ledger, TimeProvider.System);
            var report = await sweeper.SweepAllAsync(ct);
            foreach (var (name, count) in report.Recorded) await output.WriteLineAsync($"{name}: {count} events recorded");
            await output.WriteLineAsync($"sweep: {report.Total} events recorded, {report.StreamsChecked} streams checked");
            return 0;
        }));
        return sweep;
    }
}
