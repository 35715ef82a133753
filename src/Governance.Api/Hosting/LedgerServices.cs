using Governance.EventStore;
using Npgsql;

namespace Governance.Api.Hosting;

public static class LedgerServices
{
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddSingleton(sp => new PostgresEventStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<MigrateOnStart>();
        return services;
    }

    /// <summary>Every module's migrations, in dependency order. `db migrate` and start-up both run this.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAllAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        var applied = new List<string>();
        foreach (var m in await MigrationRunner.MigrateLedgerAsync(dataSource, cancellationToken))
            applied.Add($"ledger {m.Version:0000}_{m.Name}");
        // The host's own tables (accounts, people, tokens, keys, read models) live in schema `app`,
        // numbered separately in src/Governance.Api/Migrations.
        foreach (var m in await MigrationRunner.MigrateAsync(dataSource, "app", AppMigrations, cancellationToken))
            applied.Add($"app {m.Version:0000}_{m.Name}");
        foreach (var m in await MigrationRunner.MigrateAsync(dataSource, "projections", Projections.ProjectionMigrations.All, cancellationToken))
            applied.Add($"projections {m.Version:0000}_{m.Name}");
        return applied;
    }

    private static readonly IReadOnlyList<MigrationRunner.Migration> AppMigrations = MigrationRunner.FromAssembly(typeof(LedgerServices).Assembly);

    private sealed class MigrateOnStart(NpgsqlDataSource dataSource, ILogger<MigrateOnStart> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var applied in await MigrateAllAsync(dataSource, cancellationToken))
                logger.LogInformation("Applied migration {Migration}", applied);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
