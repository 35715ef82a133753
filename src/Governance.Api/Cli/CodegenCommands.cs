using System.CommandLine;
using Governance.Api.Hosting;
using JasperFx;

namespace Governance.Api.Cli;

/// <summary>
/// `codegen write|test|preview|delete`: Wolverine's generated handler code. The host loads it pre-built (TypeLoadMode.Static),
/// so a node starts in seconds instead of compiling at its first request; after a handler's signature changes, run
/// `ops/governance codegen write` and commit src/Governance.Api/Internal/Generated (a test fails while it is stale).
/// </summary>
public static class CodegenCommands
{
    public static readonly string[] Actions = ["write", "test", "preview", "delete"];

    public static Command Build(TextWriter output, TextWriter error)
    {
        var action = new Argument<string>("action") { Description = "write, test, preview or delete", DefaultValueFactory = _ => "write" };
        action.AcceptOnlyFromAmong(Actions);
        var root = new Option<string?>("--project-root") { Description = "The folder of Governance.Api.csproj (default: found from the current folder)." };
        var codegen = new Command("codegen", "Wolverine's generated handler code (src/Governance.Api/Internal/Generated).") { action, root };
        codegen.SetAction((parse, ct) => GovernanceCli.Guarded(error, async () =>
        {
            var project = parse.GetValue(root) ?? FindProject()
                ?? throw new CliException("Run this inside the repository (or give --project-root): Governance.Api.csproj was not found.");
            // Generating code builds the host but never connects to a database: any connection string does when none is set.
            var app = WebHost.Build(["--contentRoot", project, "--environment", "Development", "--Governance:Wolverine:DynamicCode=true",
                "--ConnectionStrings:Governance=Host=127.0.0.1;Port=1;Database=codegen;Username=codegen"]);
            return await app.RunJasperFxCommands(["codegen", parse.GetValue(action)!]);
        }));
        return codegen;
    }

    /// <summary>The folder of src/Governance.Api, from the current folder or any above it.</summary>
    public static string? FindProject()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Governance.Api");
            if (File.Exists(Path.Combine(candidate, "Governance.Api.csproj"))) return candidate;
            if (File.Exists(Path.Combine(dir.FullName, "Governance.Api.csproj"))) return dir.FullName;
        }
        return null;
    }
}
