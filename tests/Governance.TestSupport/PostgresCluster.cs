using Governance.Api.Hosting;

namespace Governance.TestSupport;

/// <summary>The throw-away PostgreSQL cluster shared by every test of one test process (fsync off).</summary>
public static class PostgresCluster
{
    private static readonly Lazy<Task<ThrowawayPostgres>> SharedCluster = new(() => ThrowawayPostgres.StartAsync(durable: false));

    public static Task<ThrowawayPostgres> Shared => SharedCluster.Value;
}
