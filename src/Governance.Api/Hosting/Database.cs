using Npgsql;

namespace Governance.Api.Hosting;

/// <summary>Where the database is: <c>GOVERNANCE_DB</c> (an Npgsql connection string) wins over configuration.</summary>
public static class Database
{
    public const string EnvironmentVariable = "GOVERNANCE_DB";

    /// <summary>Connections one process may hold at most, unless the connection string says otherwise.</summary>
    public const int DefaultMaxPoolSize = 30;

    public static string ConnectionString(IConfiguration? configuration = null)
    {
        var fromEnv = Cli.CliEnvironment.Get(EnvironmentVariable);
        var raw = !string.IsNullOrWhiteSpace(fromEnv) ? fromEnv : configuration?.GetConnectionString("Governance");
        if (string.IsNullOrWhiteSpace(raw))
            throw new CliException($"No database: set {EnvironmentVariable} to an Npgsql connection string (ops/run does this for you).");
        try
        {
            return Tune(raw);
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"{EnvironmentVariable} is not a valid connection string: {ex.Message}");
        }
    }

    /// <summary>The settings every connection of ours gets, unless the connection string says otherwise.</summary>
    public static string Tune(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Appends are short; a session left idle inside a transaction would hold every feed reader back.
        if (builder.Options?.Contains("idle_in_transaction_session_timeout", StringComparison.Ordinal) != true)
            builder.Options = string.Join(' ', new[] { builder.Options, "-c idle_in_transaction_session_timeout=60000" }
                .Where(o => !string.IsNullOrWhiteSpace(o)));
        // Prepared statements halve the server's work per append (measured: docs/BENCHMARKS.md).
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 50;
        builder.ApplicationName ??= "governance";
        // A bounded pool per node: one busy node cannot take all of PostgreSQL's connections (max_connections, 100 by
        // default), so `ledger verify`, a second node and the daemon still connect. Set `Maximum Pool Size` to change it.
        if (!connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase)) builder.MaxPoolSize = DefaultMaxPoolSize;
        return builder.ConnectionString;
    }

    public static NpgsqlDataSource CreateDataSource(string connectionString) => NpgsqlDataSource.Create(connectionString);

    public static IServiceCollection AddGovernanceDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => CreateDataSource(ConnectionString(configuration)));
        return services;
    }
}

/// <summary>An error the CLI reports as one plain line and a non-zero exit code, without a stack trace.</summary>
public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
