using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace Governance.EventStore.Tests;

/// <summary>
/// Readers must see every committed event exactly once, in order, and never one that rolled back,
/// while writers commit and roll back around them.
/// </summary>
[Collection(CrossTenantFeed.Name)]
public sealed class ConsumerTests : LedgerDatabase
{
    private readonly ConcurrentDictionary<Guid, byte> _committed = new();
    private readonly ConcurrentDictionary<Guid, byte> _rolledBack = new();

    [Fact]
    public async Task A_tenant_consumer_sees_every_committed_event_once_in_order_and_no_rolled_back_event()
    {
        using var done = new CancellationTokenSource();
        var writers = RunWriters(tenants: ["t1"], done.Token);

        var seen = new List<RecordedEvent>();
        var position = 0L;
        while (true)
        {
            var writersFinished = writers.IsCompleted;
            var page = await Store.ReadTenantAsync("t1", position, 50);
            foreach (var e in page)
            {
                Assert.Equal(position + 1, e.TenantPosition);
                position = e.TenantPosition;
                seen.Add(e);
            }
            if (writersFinished && page.Count == 0) break;
        }
        await writers;

        AssertExactlyTheCommitted(seen);
    }

    [Fact]
    public async Task The_cross_tenant_feed_sees_every_committed_event_once_and_waits_for_a_transaction_open_elsewhere()
    {
        // A transaction in another database of the same cluster holds the feed back: its xid is below later commits.
        var otherDb = await Cluster.CreateDatabaseAsync("other");
        await using var blocker = new NpgsqlConnection(otherDb);
        await blocker.OpenAsync();
        await using var blockerTx = await blocker.BeginTransactionAsync();
        await using (var xidCmd = new NpgsqlCommand("select pg_current_xact_id()::text", blocker, blockerTx))
            _ = await xidCmd.ExecuteScalarAsync();

        using var done = new CancellationTokenSource();
        await RunWriters(tenants: ["a1", "a2", "a3"], done.Token);

        var whileBlocked = await Store.ReadAllAsync(FeedCursor.Start, 100_000);
        Assert.Empty(whileBlocked);

        await blockerTx.RollbackAsync();

        var writers = RunWriters(tenants: ["a1", "a2", "a3"], done.Token);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new List<RecordedEvent>();
        var cursor = FeedCursor.Start;
        while (true)
        {
            var writersFinished = writers.IsCompleted;
            var page = await Store.ReadAllAsync(cursor, 50);
            foreach (var fe in page)
            {
                Assert.True((fe.Cursor.TransactionId, fe.Cursor.GlobalPosition).CompareTo((cursor.TransactionId, cursor.GlobalPosition)) > 0, $"{fe.Cursor} after {cursor}");
                cursor = fe.Cursor;
                seen.Add(fe.Event);
            }
            // Any open transaction in the cluster (other tests run in parallel) may hold the feed back for a moment:
            // stop only when everything acknowledged has arrived, or give up after a generous deadline.
            if (writersFinished && page.Count == 0 && (seen.Count >= _committed.Count || deadline.IsCancellationRequested)) break;
        }
        await writers;

        AssertExactlyTheCommitted(seen);
        foreach (var tenant in seen.GroupBy(e => e.TenantId))
            Assert.Equal(tenant.Select(e => e.TenantPosition).Order(), tenant.Select(e => e.TenantPosition));
    }

    private void AssertExactlyTheCommitted(List<RecordedEvent> seen)
    {
        Assert.Equal(seen.Count, seen.Select(e => e.EventId).Distinct().Count());
        Assert.DoesNotContain(seen, e => _rolledBack.ContainsKey(e.EventId));
        Assert.Equal(_committed.Keys.Order(), seen.Select(e => e.EventId).Order());
        Assert.False(_rolledBack.IsEmpty);
    }

    /// <summary>16 writers; every fourth transaction appends through the ledger function and then rolls back.</summary>
    private Task RunWriters(string[] tenants, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(Enumerable.Range(0, 16), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (w, ct) =>
            {
                for (var i = 0; i < 24; i++)
                {
                    var tenant = tenants[(w + i) % tenants.Length];
                    var e = Event(data: $$"""{"w":{{w}},"i":{{i}}}""");
                    if (i % 4 == 3)
                    {
                        await AppendAndRollBack(tenant, $"s-{w}", e, ct);
                        _rolledBack[e.EventId] = 0;
                    }
                    else
                    {
                        await Append(tenant, $"s-{w}", ExpectedVersion.Any, e);
                        _committed[e.EventId] = 0;
                    }
                }
            });

    private async Task AppendAndRollBack(string tenant, string stream, EventData e, CancellationToken ct)
    {
        await using var conn = await DataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "select status from ledger.append_batch($1, now(), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", conn, tx);
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = new[] { stream } });
        cmd.Parameters.Add(new() { Value = new[] { "test" } });
        cmd.Parameters.Add(new() { Value = new[] { -1L } });
        cmd.Parameters.Add(new() { Value = new[] { 1 } });
        cmd.Parameters.Add(new() { Value = new[] { e.EventId } });
        cmd.Parameters.Add(new() { Value = new[] { e.Type } });
        cmd.Parameters.Add(new() { Value = new[] { 1 } });
        cmd.Parameters.Add(new() { Value = new[] { e.Data }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        cmd.Parameters.Add(new() { Value = new[] { "{}" }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        cmd.Parameters.Add(new() { Value = new DateTime?[] { null }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        Assert.Equal("appended", await cmd.ExecuteScalarAsync(ct));
        await Task.Delay(2, ct);
        await tx.RollbackAsync(ct);
    }
}

[Collection(CrossTenantFeed.Name)]
public sealed class FeedOrderTests : LedgerDatabase
{
    [Fact]
    public async Task The_feed_orders_transaction_ids_as_numbers_not_as_text()
    {
        // Regression: ORDER BY once bound to the xid's text column, so xid 1004 sorted before 900.
        await Append("t1", "s1", ExpectedVersion.Any, Event());
        var first = (await ReadFeedUntil(count: 1))[0].Cursor.TransactionId;
        var digits = first.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        await using (var burn = DataSource.CreateCommand(
            "do $$ begin while length(pg_current_xact_id()::text) <= " + digits + " loop commit; end loop; end $$"))
            await burn.ExecuteNonQueryAsync();
        await Append("t1", "s1", ExpectedVersion.Any, Event());

        var feed = await ReadFeedUntil(count: 2);
        Assert.Equal([1L, 2L], feed.Select(f => f.Event.TenantPosition));
        Assert.True(feed[1].Cursor.TransactionId > feed[0].Cursor.TransactionId);
    }

    /// <summary>Transactions of tests running in parallel may hold the feed back for a moment: wait, within reason.</summary>
    private async Task<IReadOnlyList<FeedEvent>> ReadFeedUntil(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var feed = await Store.ReadAllAsync(FeedCursor.Start);
            if (feed.Count >= count || DateTime.UtcNow > deadline) return feed;
            await Task.Delay(20);
        }
    }
}

/// <summary>The tests that hold a transaction open across the cluster, and those that would wait on it, run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class CrossTenantFeed
{
    public const string Name = "cross-tenant feed";
}
