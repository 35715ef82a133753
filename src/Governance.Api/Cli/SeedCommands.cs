using System.CommandLine;
using Governance.Api.Demo;
using Governance.Api.Hosting;

namespace Governance.Api.Cli;

/// <summary>`seed demo [--if-empty]`: the demo alliance, printing one `role e-mail password` line per account.</summary>
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
        return seed;
    }
}
