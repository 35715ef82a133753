using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Api.Hosting;

namespace Governance.Api.Cli;

/// <summary>
/// The database a `bench` verb runs on: the one in GOVERNANCE_DB when it is set (what the run writes stays there, so `ledger verify`
/// can check it and `bench read` finds its seed again), otherwise a throw-away cluster with PostgreSQL's durable defaults (fsync on),
/// removed when disposed.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ThrowawayPostgres? _cluster;

    private BenchDatabase(ThrowawayPostgres? cluster, string connectionString)
    {
        _cluster = cluster;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public bool IsThrowaway => _cluster is not null;

    /// <param name="settings">More postgresql.conf lines for a throw-away cluster (ignored for GOVERNANCE_DB).</param>
    public static async Task<BenchDatabase> OpenAsync(TextWriter error, string? settings = null)
    {
        if (!string.IsNullOrWhiteSpace(CliEnvironment.Get(Database.EnvironmentVariable)))
            return new BenchDatabase(null, Database.ConnectionString());
        await error.WriteLineAsync("GOVERNANCE_DB not set: starting a throw-away cluster (fsync on) ...");
        var cluster = await ThrowawayPostgres.StartAsync(durable: true, settings);
        return new BenchDatabase(cluster, Database.Tune(cluster.ConnectionString()));
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}

/// <summary>What the `bench` verbs share in how they report: JSON lines in snake case, and percentiles by nearest rank.</summary>
internal static class BenchReport
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The <paramref name="p"/> quantile (0–1) of <paramref name="sorted"/> (ascending) by nearest rank; 0 when empty.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
