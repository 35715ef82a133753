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
        // Marten keeps creating a document's table on its first use (AutoCreate.CreateOrUpdate) even on a node that does not
        // migrate at start: the host stores documents (e.g. CommandRecord) that no projection declares up front.
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

    /// <summary>
    /// <c>Governance:Database:MigrateOnStart</c> (default true): whether a node brings the schema up to date when it starts. Off
    /// where `governance db migrate` runs as a deploy step, or on a copy of a migrated database (the tests' template): the node
    /// then skips the schema comparison, only checks that nothing is pending and refuses to start if so.
    /// </summary>
    public static bool MigratesOnStart(IConfiguration configuration) => configuration.GetValue("Governance:Database:MigrateOnStart", true);

    /// <summary>
    /// <see cref="MigrateAllAsync"/> with the host's own services, plus what only the host has: Wolverine's inbox, outbox and
    /// scheduled-message tables (and the document Wolverine's Marten integration adds). `db migrate` runs this; a node that
    /// migrates at start runs <see cref="MigrateAllAsync"/> only, since Wolverine then builds its own tables as it starts.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateHostAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var applied = new List<string>(await MigrateAllAsync(dataSource, services.GetRequiredService<IDocumentStore>(), cancellationToken));
        await using (var cmd = dataSource.CreateCommand("select to_regclass('wolverine.wolverine_incoming_envelopes') is null"))
        {
            var missing = (bool)(await cmd.ExecuteScalarAsync(cancellationToken))!;
            // Every store Wolverine knows (the collection finds Marten's before the runtime has started; `Storage` would still be
            // the null store then).
            var runtime = (Wolverine.Runtime.WolverineRuntime)services.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>();
            await runtime.Stores.MigrateAsync();
            if (missing) applied.Add("wolverine message storage (create)");
        }
        return applied;
    }

    /// <summary>What <see cref="MigrateHostAsync"/> would still do, cheaply: the host's own numbered migrations that are not applied.</summary>
    public static Task<IReadOnlyList<MigrationRunner.Migration>> PendingAppMigrationsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        MigrationRunner.PendingAsync(dataSource, "app", AppMigrations, cancellationToken);

    private static readonly IReadOnlyList<MigrationRunner.Migration> AppMigrations = MigrationRunner.FromAssembly(typeof(LedgerServices).Assembly);

    private sealed class MigrateOnStart(IServiceProvider services, IConfiguration configuration, ILogger<MigrateOnStart> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (!MigratesOnStart(configuration))
            {
                // A schema diff costs a second or two per node; the numbered migrations are the cheap tell of a database left behind.
                var pending = await PendingAppMigrationsAsync(services.GetRequiredService<NpgsqlDataSource>(), cancellationToken);
                if (pending.Count > 0)
                    throw new InvalidOperationException(
                        $"The database is not migrated ({pending.Count} pending, first {pending[0].Version:0000}_{pending[0].Name}) and " +
                        "Governance:Database:MigrateOnStart is false: run `governance db migrate` first.");
                return;
            }
            foreach (var applied in await MigrateAllAsync(services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<IDocumentStore>(), cancellationToken))
                logger.LogInformation("Applied migration {Migration}", applied);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
