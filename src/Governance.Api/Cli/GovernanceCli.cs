using System.CommandLine;
using Governance.Api.Hosting;
using Npgsql;

namespace Governance.Api.Cli;

/// <summary>The verbs of the `governance` executable. Every verb uses the database in GOVERNANCE_DB.</summary>
public static class GovernanceCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand("Wijkalliantie-logboek: the governance ledger of a neighbourhood alliance.");

        var serve = new Command("serve", "Serve the web application and API (the default verb).") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction(async (parse, ct) =>
        {
            var app = WebHost.Build([.. parse.UnmatchedTokens]);
            await app.RunAsync(ct);
            return 0;
        });
        root.Subcommands.Add(serve);

        var db = new Command("db", "Database maintenance.");
        var migrate = new Command("migrate", "Apply every pending migration.");
        migrate.SetAction((_, ct) => Guarded(error, async () =>
        {
            // The host's services (built, not started): Wolverine's tables come with them, as at a node's start-up.
            await using var app = WebHost.Build(["--Logging:LogLevel:Default=Warning"],
                builder => builder.Configuration["ConnectionStrings:Governance"] = Database.ConnectionString());
            var applied = await LedgerServices.MigrateHostAsync(app.Services, ct);
            await output.WriteLineAsync(applied.Count == 0 ? "database is up to date" : string.Join(Environment.NewLine, applied.Select(a => "applied " + a)));
            return 0;
        }));
        db.Subcommands.Add(migrate);
        root.Subcommands.Add(db);

        root.Subcommands.Add(LedgerCommands.Build(output, error));
        root.Subcommands.Add(ExportCommands.Build(output, error));
        root.Subcommands.Add(BenchCommands.Build(output, error));
        root.Subcommands.Add(AccountCommands.Build(output, error));
        root.Subcommands.Add(SeedCommands.Build(output, error));
        root.Subcommands.Add(ProjectionCommands.Build(output, error));
        root.Subcommands.Add(SweepCommands.Build(output, error));
        root.Subcommands.Add(CodegenCommands.Build(output, error));

        var parsed = root.Parse(args.Length == 0 ? ["serve"] : args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Runs a verb; expected failures print one line and exit non-zero, never a stack trace.</summary>
    internal static async Task<int> Guarded(TextWriter error, Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return ex.ExitCode;
        }
        catch (NpgsqlException ex)
        {
            await error.WriteLineAsync("error: the database is not reachable or refused the request: " + ex.Message);
            return 2;
        }
        catch (Governance.EventStore.InvalidLedgerIdException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return 1;
        }
    }
}
