using Governance.EventStore;
using Governance.Projections;
using Governance.Projections.Punctuality;
using Governance.Projections.Timeline;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using Wolverine.Marten;

namespace Governance.Api.Hosting;

public static class LedgerServices
{
    /// <summary>
    /// Marten on the app's data source (<see cref="GovernanceStore"/>: the ledger, its chain, every projection), its async daemon
    /// in HotCold mode (with several nodes one runs each shard, another takes over when it stops), and the ledger adapter.
    /// </summary>
    public static IServiceCollection AddLedger(this IServiceCollection services, IConfiguration configuration)
    {
        // Migrations first: hosted services start in the order they were added, and the daemon must find its tables.
        services.AddHostedService<MigrateOnStart>();
        var marten = services.AddMarten(sp => GovernanceStore.Configure(new StoreOptions(), sp.GetRequiredService<TimeProvider>()))
            .UseNpgsqlDataSource()
            // Wolverine's inbox, outbox and scheduled messages in the same database, in their own schema, committed with the events.
            .IntegrateWithWolverine(w => w.MessageStorageSchemaName = "wolverine");
        if (configuration.GetValue("Governance:Projections:Daemon", true)) marten.AddAsyncDaemon(DaemonMode.HotCold);
        services.AddSingleton(sp => new Ledger(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TimelineQueries>();
        services.AddSingleton<PunctualityQueries>();
        return services;
    }

    /// <summary>
    /// Everything the database needs, in order: refuse a database that holds the old ledger, Marten's schema with the chain
    /// (<see cref="LedgerSchema"/>), then the host's own tables. `db migrate` and start-up both run this.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAllAsync(NpgsqlDataSource dataSource, IDocumentStore store, CancellationToken cancellationToken = default)
    {
        var applied = new List<string>();
        await using (var conn = await dataSource.OpenConnectionAsync(cancellationToken))
            await Ledger.RefuseLegacyLedgerAsync(conn, cancellationToken);
        var changes = await store.Storage.Database.CreateMigrationAsync(cancellationToken);
        if (changes.Difference != Weasel.Core.SchemaPatchDifference.None)
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            applied.AddRange(changes.Deltas.Where(d => d.Difference != Weasel.Core.SchemaPatchDifference.None)
                .Select(d => $"marten {d.SchemaObject.Identifier.QualifiedName} ({d.Difference.ToString().ToLowerInvariant()})"));
        }
        // The host's own tables (accounts, people, tokens, keys, documents) live in schema `app`, numbered in src/Governance.Api/Migrations.
        foreach (var m in await MigrationRunner.MigrateAsync(dataSource, "app", AppMigrations, cancellationToken))
            applied.Add($"app {m.Version:0000}_{m.Name}");
        return applied;
    }

    private static readonly IReadOnlyList<MigrationRunner.Migration> AppMigrations = MigrationRunner.FromAssembly(typeof(LedgerServices).Assembly);

    private sealed class MigrateOnStart(NpgsqlDataSource dataSource, IDocumentStore store, ILogger<MigrateOnStart> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var applied in await MigrateAllAsync(dataSource, store, cancellationToken))
                logger.LogInformation("Applied migration {Migration}", applied);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
