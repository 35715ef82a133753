using Governance.TestSupport;
using Npgsql;

namespace Governance.EventStore.Tests;

/// <summary>A fresh, migrated database per test on the process's throw-away cluster.</summary>
public abstract class LedgerDatabase : IAsyncLifetime
{
    protected NpgsqlDataSource DataSource { get; private set; } = null!;
    protected PostgresEventStore Store { get; private set; } = null!;
    protected Governance.Api.Hosting.ThrowawayPostgres Cluster { get; private set; } = null!;
    protected string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Cluster = await PostgresCluster.Shared;
        ConnectionString = await Cluster.CreateDatabaseAsync("store");
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await MigrationRunner.MigrateLedgerAsync(DataSource);
        Store = new PostgresEventStore(DataSource, TimeProvider.System);
    }

    public async Task DisposeAsync() => await DataSource.DisposeAsync();

    protected static EventData Event(string type = "test.happened", string data = """{"n":1}""", Guid? id = null) =>
        new(id ?? Guid.NewGuid(), type, 1, data, new EventMetadata("p-actor", "admin", "corr", null, "cmd"));

    protected static EventData[] Events(int count) =>
        Enumerable.Range(1, count).Select(i => Event(data: $$"""{"n":{{i}}}""")).ToArray();

    protected Task<AppendResult> Append(string tenant, string stream, ExpectedVersion expected, params EventData[] events) =>
        Store.AppendAsync(tenant, stream, "test", expected, events);

    protected async Task Execute(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
