using Governance.TestSupport;
using JasperFx;
using Marten;
using Npgsql;

namespace Governance.EventStore.Tests;

/// <summary>An event the store tests append: no domain here, the ledger knows nothing of one.</summary>
public sealed record TestHappened(int N, string? Text = null);

/// <summary>A second event type, to tell types apart.</summary>
public sealed record TestNoted(string Note);

/// <summary>A fresh, migrated database per test (a copy of one migrated template) with the ledger on Marten.</summary>
public abstract class LedgerDatabase : IAsyncLifetime
{
    protected NpgsqlDataSource DataSource { get; private set; } = null!;
    protected DocumentStore Documents { get; private set; } = null!;
    protected Ledger Store { get; private set; } = null!;
    protected string ConnectionString { get; private set; } = "";

    public static readonly LedgerEventType[] TestEvents =
        [new(typeof(TestHappened), "test.happened"), new(typeof(TestNoted), "test.noted")];

    /// <summary>A Marten store with the ledger and the test events, recording at <paramref name="clock"/>.</summary>
    public static DocumentStore CreateStore(NpgsqlDataSource dataSource, TimeProvider? clock = null, Action<StoreOptions>? configure = null,
        IEnumerable<LedgerEventType>? events = null) =>
        DocumentStore.For(o =>
        {
            o.Connection(dataSource);
            o.UseLedger(events ?? TestEvents, clock ?? TimeProvider.System);
            o.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            configure?.Invoke(o);
        });

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresCluster.CreateMigratedDatabaseAsync("store", "ledger", async cs =>
        {
            await using var ds = NpgsqlDataSource.Create(cs);
            using var store = CreateStore(ds);
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        });
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        Documents = CreateStore(DataSource);
        Store = new Ledger(Documents);
    }

    public async Task DisposeAsync()
    {
        Documents.Dispose();
        await DataSource.DisposeAsync();
    }

    protected static EventData Event(int n = 1, Guid? id = null, string? text = null) =>
        new(new TestHappened(n, text), new EventMetadata("p-actor", "admin", "corr", null, "cmd"), id ?? Guid.NewGuid());

    protected static EventData[] Events(int count) => [.. Enumerable.Range(1, count).Select(i => Event(i))];

    protected Task<AppendResult> Append(string tenant, string stream, ExpectedVersion expected, params EventData[] events) =>
        Store.AppendAsync(tenant, stream, expected, events);

    protected async Task Execute(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Runs <paramref name="sql"/> behind the ledger's back: the guards are triggers, and an attacker with superuser rights can switch them off.</summary>
    protected Task Tamper(string sql) => Execute("set session_replication_role = replica; " + sql + "; set session_replication_role = origin;");

    protected async Task<T> Scalar<T>(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>A tenant's chain as (position, stream, stream version), in chain order.</summary>
    protected async Task<IReadOnlyList<(long Position, string Stream, long Version)>> ChainOf(string tenant)
    {
        await using var cmd = DataSource.CreateCommand("""
            select c.position, e.stream_id, e.version from ledger.chain c join marten.mt_events e on e.seq_id = c.seq_id
             where c.tenant_id = $1 order by c.position
            """);
        cmd.Parameters.Add(new() { Value = tenant });
        var rows = new List<(long, string, long)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
        return rows;
    }
}
