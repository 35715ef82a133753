using Governance.Api.Cli;
using Governance.Api.Hosting;

namespace Governance.Api.Tests;

/// <summary>Runs the `governance` CLI in-process against a database given through GOVERNANCE_DB, capturing its output.</summary>
/// <remarks>It sets a process-wide variable: callers belong to the <see cref="CliEnvironment"/> collection.</remarks>
public static class CliRunner
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string connectionString, params string[] args)
    {
        var previous = Environment.GetEnvironmentVariable(Database.EnvironmentVariable);
        Environment.SetEnvironmentVariable(Database.EnvironmentVariable, connectionString);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await GovernanceCli.RunAsync(args, output, error);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(Database.EnvironmentVariable, previous);
        }
    }
}
