using Governance.EventStore;
using Governance.TestSupport;
using Marten;
using Npgsql;

namespace Governance.Projections.Tests;

/// <summary>A fresh database per test (a copy of one migrated template) with the product's Marten setup and a clock the test moves.</summary>
public abstract class ProjectionDatabase : IAsyncLifetime
{
    protected NpgsqlDataSource DataSource { get; private set; } = null!;
    protected DocumentStore Documents { get; private set; } = null!;
    protected Ledger Store { get; private set; } = null!;
    protected MutableClock Clock { get; } = new(new DateTimeOffset(2026, 1, 6, 19, 30, 0, TimeSpan.Zero));
    protected string ConnectionString { get; private set; } = "";

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await PostgresCluster.CreateMigratedDatabaseAsync("proj", "projections", async cs =>
        {
            await using var ds = NpgsqlDataSource.Create(cs);
            using var store = GovernanceStore.Create(ds, TimeProvider.System);
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        });
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        Documents = GovernanceStore.Create(DataSource, Clock);
        Store = new Ledger(Documents, Clock);
    }

    public async Task DisposeAsync()
    {
        Documents.Dispose();
        await DataSource.DisposeAsync();
    }

    /// <summary>Runs Marten's async daemon until every projection has caught up with the ledger.</summary>
    protected async Task CatchUpAsync()
    {
        using var daemon = await Documents.BuildProjectionDaemonAsync();
        await daemon.CatchUpAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
    }
}
