using Governance.EventStore;
using Governance.Projections;
using Marten;
using Npgsql;

namespace Governance.Api.Hosting;

/// <summary>What a CLI verb works on: the database in GOVERNANCE_DB, migrated, with the same Marten setup as the host.</summary>
public sealed class CliDatabase : IAsyncDisposable
{
    private CliDatabase(NpgsqlDataSource dataSource, DocumentStore store, TimeProvider clock)
    {
        DataSource = dataSource;
        Store = store;
        Ledger = new Ledger(store, clock);
    }

    public NpgsqlDataSource DataSource { get; }
    public DocumentStore Store { get; }
    public Ledger Ledger { get; }

    /// <summary>Opens the database and (unless <paramref name="migrate"/> is false: read-only verbs) applies pending migrations, as the host does at start-up.</summary>
    public static async Task<CliDatabase> OpenAsync(CancellationToken cancellationToken, TimeProvider? clock = null, bool migrate = true)
    {
        clock ??= TimeProvider.System;
        var dataSource = Database.CreateDataSource(Database.ConnectionString());
        var store = GovernanceStore.Create(dataSource, clock);
        try
        {
            if (migrate) await LedgerServices.MigrateAllAsync(dataSource, store, cancellationToken);
        }
        catch
        {
            store.Dispose();
            await dataSource.DisposeAsync();
            throw;
        }
        return new CliDatabase(dataSource, store, clock);
    }

    public async ValueTask DisposeAsync()
    {
        Store.Dispose();
        await DataSource.DisposeAsync();
    }
}
