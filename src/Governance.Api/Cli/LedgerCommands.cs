using System.CommandLine;
using Governance.Api.Hosting;
using Governance.EventStore;

namespace Governance.Api.Cli;

/// <summary>`ledger verify`: recompute every hash chain; exit 3 on any altered, missing or reordered event.</summary>
public static class LedgerCommands
{
    public const int TamperedExitCode = 3;

    public static Command Build(TextWriter output, TextWriter error)
    {
        var ledger = new Command("ledger", "The hash-chained ledger of each alliance.");
        var tenant = new Option<string?>("--tenant") { Description = "Verify only this alliance (tenant id)." };
        var verify = new Command("verify", "Recompute every chain and report the first position that does not hold.") { tenant };
        verify.SetAction((parse, ct) => GovernanceCli.Guarded(error, async () =>
        {
            var only = parse.GetValue(tenant);
            if (only is not null && !LedgerId.IsValid(only)) throw new CliException($"'{only}' is not a valid tenant id.");
            await using var db = await CliDatabase.OpenAsync(ct, migrate: false);
            var results = await LedgerVerifier.VerifyAsync(db.Store, only, cancellationToken: ct);
            if (only is not null && results.Count == 0) throw new CliException($"No ledger for tenant '{only}'.");
            var exit = 0;
            foreach (var r in results)
            {
                if (r.Problem is null)
                {
                    await output.WriteLineAsync($"{r.TenantId}: verified {r.EventCount} events, head {r.HeadHashHex}");
                }
                else
                {
                    exit = TamperedExitCode;
                    await output.WriteLineAsync(
                        $"{r.TenantId}: FAILED at position {r.Problem.Position}: {r.Problem.Kind}: {r.Problem.Reason}");
                }
            }
            if (results.Count == 0) await output.WriteLineAsync("no ledgers yet");
            return exit;
        }));
        ledger.Subcommands.Add(verify);
        return ledger;
    }
}
