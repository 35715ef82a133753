namespace Governance.Api.Cli;

/// <summary>
/// The environment variables the CLI reads (GOVERNANCE_DB, <c>Governance__Checkpoints__KeyFile</c>, DOTNET_ENVIRONMENT): the
/// process's own, under those given to one in-process run with <see cref="Use"/>. A process that runs the CLI in-process
/// many times at once (the test suite) cannot give each run its own variables through the process environment, which
/// every run and every host in the process shares: the variables given here hold for the calling async flow only.
/// </summary>
public static class CliEnvironment
{
    private static readonly AsyncLocal<IReadOnlyDictionary<string, string>?> Given = new();

    /// <summary>The variables given to this flow (empty outside <see cref="Use"/>).</summary>
    public static IReadOnlyDictionary<string, string> Overlay => Given.Value ?? new Dictionary<string, string>();

    /// <summary>A variable given to this flow, else the process's.</summary>
    public static string? Get(string name) =>
        Given.Value is { } given && given.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name);

    /// <summary>
    /// Gives <paramref name="variables"/> to the calling async flow and what it starts, until the caller returns (an async
    /// method's changes to its flow end with it).
    /// </summary>
    public static void Use(IReadOnlyDictionary<string, string> variables) => Given.Value = variables;

    /// <summary>The given variables as configuration keys (<c>A__B</c> is <c>A:B</c>), for a configuration built from the environment.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> AsConfiguration() =>
        Overlay.Select(v => new KeyValuePair<string, string?>(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value));
}
