using System.Diagnostics;
using Governance.Api.Tests.Browser;

namespace Governance.Api.Tests.Commands;

/// <summary>
/// Issue 11 §6: nodes load Wolverine's handler code pre-generated (TypeLoadMode.Static). When a handler changes and nobody
/// regenerates it, this test says so before a node fails to start.
/// </summary>
public sealed class GeneratedCodeTests
{
    [Fact]
    public async Task The_committed_generated_handler_code_is_what_codegen_writes_today()
    {
        var scratch = Directory.CreateTempSubdirectory("governance-codegen-").FullName;
        try
        {
            // The app's own build output (same configuration and framework as this test's): in the test's folder, JasperFx's
            // command discovery reads this test assembly's attributes too, and xunit's do not resolve for the app.
            var testOutput = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            var app = Path.Combine(RepositoryFiles.ApiProject, "bin", testOutput.Parent!.Name, testOutput.Name, "governance.dll");
            Assert.True(File.Exists(app), $"{app} is missing: build src/Governance.Api (the solution build does).");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { app, "codegen", "write", "--project-root", scratch }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await output + await error);

            var committed = Path.Combine(RepositoryFiles.ApiProject, "Internal", "Generated");
            var written = Path.Combine(scratch, "Internal", "Generated");
            string[] Files(string root) => [.. Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];
            const string Fix = "the generated handler code is stale: run `ops/governance codegen write` and commit src/Governance.Api/Internal/Generated";
            Assert.True(Files(written).SequenceEqual(Files(committed)), Fix);
            foreach (var file in Files(written))
                Assert.True(await File.ReadAllTextAsync(Path.Combine(written, file)) == await File.ReadAllTextAsync(Path.Combine(committed, file)), $"{file}: {Fix}");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
