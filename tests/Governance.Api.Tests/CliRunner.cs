using Governance.Api.Cli;
using Governance.Api.Hosting;

namespace Governance.Api.Tests;

/// <summary>
/// Runs the `governance` CLI in-process against a database given as GOVERNANCE_DB, capturing its output. The variables are
/// given to this run alone (<see cref="CliEnvironment"/>), never set for the process: CLI tests run beside every other test.
/// </summary>
public static class CliRunner
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string connectionString, params string[] args) =>
        await RunAsync(connectionString, new Dictionary<string, string>(), args);

    /// <summary>With more environment variables for the run, such as <c>Governance__Checkpoints__KeyFile</c>.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string connectionString, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        CliEnvironment.Use(new Dictionary<string, string>(environment) { [Database.EnvironmentVariable] = connectionString });
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await GovernanceCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
