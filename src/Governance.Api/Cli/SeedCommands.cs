using System.CommandLine;
using System.Diagnostics;
using Governance.Domain;
using Governance.Projections.Alliances;
using Governance.Api.Demo;
using Governance.Api.Hosting;

namespace Governance.Api.Cli;

/// <summary>
/// `seed demo [--if-empty]`: the demo alliance, printing one `role e-mail password` line per account. `seed decisions --count N`:
/// N more decisions in an existing alliance, appended through the ledger (to measure the decision pages with many rows).
/// </summary>
public static class SeedCommands
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var seed = new Command("seed", "Demo data.");
        var ifEmpty = new Option<bool>("--if-empty") { Description = "Do nothing when the ledger already holds an alliance." };
        var demo = new Command("demo", "Seed 'Wijkalliantie Osdorp de Punt' with its partners, people, roles and agreements.") { ifEmpty };
        demo.SetAction((parse, ct) => GovernanceCli.Guarded(error, async () =>
        {
            await using var db = await CliDatabase.OpenAsync(ct);
            var demoSeed = new DemoSeed(db.DataSource, db.Store, TimeProvider.System);
            if (parse.GetValue(ifEmpty) && !await demoSeed.IsEmptyAsync(ct))
            {
                if (!await demoSeed.IsSeededAsync(ct))
                {
                    await output.WriteLineAsync("the ledger is not empty: demo not seeded");
                    return 0;
                }
                // ops/run prints the demo accounts on every start, not only the first.
                await output.WriteLineAsync("demo alliance osdorp-de-punt present; accounts (role e-mail password), unless changed since:");
                foreach (var a in DemoSeed.Accounts) await output.WriteLineAsync($"{a.Role} {a.Email} {a.Password}");
                return 0;
            }
            var accounts = await demoSeed.SeedAsync(ct);
            await output.WriteLineAsync("demo alliance osdorp-de-punt seeded; accounts (role e-mail password):");
            foreach (var a in accounts) await output.WriteLineAsync($"{a.Role} {a.Email} {a.Password}");
            return 0;
        }));
        seed.Subcommands.Add(demo);

        var count = new Option<int>("--count") { Description = "How many decisions.", Required = true };
        var alliance = new Option<string>("--alliance") { Description = "The alliance (default: the demo's).", DefaultValueFactory = _ => "osdorp-de-punt" };
        var decisions = new Command("decisions", "Append N proposals decided by consent (every tenth declined: advice, R9) to an existing alliance.") { count, alliance };
        decisions.SetAction((parse, ct) => GovernanceCli.Guarded(error, async () =>
        {
            if (parse.GetValue(count) is not (> 0 and <= 100_000) || !AllianceId.TryParse(parse.GetValue(alliance), out var id))
                throw new CliException("--count is 1 to 100,000 and --alliance an alliance id.");
            await using var db = await CliDatabase.OpenAsync(ct);
            var view = await new AllianceQueries(db.Ledger).GetAsync(id, cancellationToken: ct)
                ?? throw new CliException($"There is no alliance '{id}': seed the demo first.");
            var prefix = "volume-" + Guid.NewGuid().ToString("N")[..6];
            var clock = Stopwatch.StartNew();
            await DecisionVolume.AppendAsync(db.Ledger, view, parse.GetValue(count), TimeProvider.System, prefix, cancellationToken: ct);
            await output.WriteLineAsync($"{parse.GetValue(count)} decisions appended to {id} ({prefix}-…) in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }));
        seed.Subcommands.Add(decisions);
        return seed;
    }
}
