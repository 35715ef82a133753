using System.Collections.Concurrent;
using Governance.Api.Hosting;
using Npgsql;

namespace Governance.TestSupport;

/// <summary>The throw-away PostgreSQL cluster shared by every test of one test process (fsync off).</summary>
public static class PostgresCluster
{
    private static readonly Lazy<Task<ThrowawayPostgres>> SharedCluster = new(() => ThrowawayPostgres.StartAsync(durable: false));
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Templates = new(StringComparer.Ordinal);

    public static Task<ThrowawayPostgres> Shared => SharedCluster.Value;

    /// <summary>A cluster of the caller's own, for a test that stops and starts its server (an outage).</summary>
    public static Task<ThrowawayPostgres> StartPrivateAsync() => ThrowawayPostgres.StartAsync(durable: false);

    /// <summary>
    /// A new database that is a copy of a template migrated once per test process by <paramref name="migrate"/> (given the
    /// template's connection string). Copying a migrated database takes a fraction of the time that migrating one does.
    /// </summary>
    public static async Task<string> CreateMigratedDatabaseAsync(string prefix, string templateKey, Func<string, Task> migrate)
    {
        ArgumentNullException.ThrowIfNull(migrate);
        var cluster = await Shared;
        var template = await Templates.GetOrAdd(templateKey, key => new Lazy<Task<string>>(async () =>
        {
            var connectionString = await cluster.CreateDatabaseAsync("template_" + key);
            await migrate(connectionString);
            // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
            NpgsqlConnection.ClearAllPools();
            return new NpgsqlConnectionStringBuilder(connectionString).Database!;
        })).Value;
        return await cluster.CreateDatabaseAsync(prefix, template);
    }
}
