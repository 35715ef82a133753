using Governance.EventStore;
using Npgsql;

namespace Governance.Projections.Daemon;

/// <summary>
/// Keeps every async projection of every tenant up to date. Each tenant is led by one node at a time: the node
/// holds a session advisory lock for it on a dedicated connection (released when the node dies). Even without the
/// lock nothing is applied twice: a batch locks its checkpoint row, re-reads it, and only then applies.
/// </summary>
public sealed class ProjectionDaemon(
    NpgsqlDataSource dataSource, PostgresEventStore store, EventTypeRegistry registry, IEnumerable<IAsyncProjection> projections)
{
    private const int LockClass = 0x4750;   // "GP": the advisory-lock namespace of the projection daemon
    private readonly IReadOnlyList<IAsyncProjection> _projections = [.. projections];
    private readonly HashSet<string> _led = new(StringComparer.Ordinal);
    private NpgsqlConnection? _lockConnection;

    public int BatchSize { get; init; } = 500;

    /// <summary>The tenants this node leads now.</summary>
    public IReadOnlyCollection<string> LedTenants => _led;

    /// <summary>Takes the lead of every tenant no other node leads, then brings their projections up to date.</summary>
    /// <returns>The number of events applied (summed over projections).</returns>
    public async Task<long> RunOnceAsync(CancellationToken cancellationToken)
    {
        await AcquireLeadershipAsync(cancellationToken);
        long applied = 0;
        foreach (var tenant in _led.Order(StringComparer.Ordinal).ToList())
            foreach (var projection in _projections)
                applied += await CatchUpAsync(projection, tenant, cancellationToken);
        return applied;
    }

    /// <summary>Runs until cancelled, polling for new events.</summary>
    public async Task RunAsync(TimeSpan pollInterval, Action<Exception>? onError, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(cancellationToken) > 0) continue;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or EventStoreException or TimeoutException)
            {
                onError?.Invoke(ex);
                await ReleaseAsync();   // a broken lock connection may have lost its locks: start over
            }
            try { await Task.Delay(pollInterval, cancellationToken); }
            catch (OperationCanceledException) { break; }
        }
        await ReleaseAsync();
    }

    private async Task AcquireLeadershipAsync(CancellationToken cancellationToken)
    {
        if (_lockConnection is null)
        {
            _lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
            _led.Clear();
        }
        var tenants = new List<string>();
        await using (var list = new NpgsqlCommand("select tenant_id from ledger.tenants", _lockConnection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) tenants.Add(reader.GetString(0));

        foreach (var tenant in tenants.Where(t => !_led.Contains(t)))
        {
            await using var tryLock = new NpgsqlCommand("select pg_try_advisory_lock($1, hashtext($2))", _lockConnection);
            tryLock.Parameters.Add(new() { Value = LockClass });
            tryLock.Parameters.Add(new() { Value = tenant });
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is true) _led.Add(tenant);
        }
    }

    /// <summary>Gives up every lead (on shutdown, or after the lock connection failed).</summary>
    public async Task ReleaseAsync()
    {
        _led.Clear();
        if (_lockConnection is not null)
        {
            await _lockConnection.DisposeAsync();   // closing the session releases its advisory locks
            _lockConnection = null;
        }
    }

    private async Task<long> CatchUpAsync(IAsyncProjection projection, string tenant, CancellationToken cancellationToken)
    {
        long applied = 0;
        while (true)
        {
            await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var tx = await conn.BeginTransactionAsync(cancellationToken);
            var position = await LockCheckpointAsync(tx, projection.Name, tenant, cancellationToken);
            var page = await store.ReadTenantAsync(tenant, position, BatchSize, cancellationToken);
            if (page.Count == 0)
            {
                await tx.RollbackAsync(cancellationToken);
                return applied;
            }

            // Never skip an unknown event: apply what comes before it, then stop this projection for this tenant there.
            var events = new List<ProjectedEvent>(page.Count);
            UnknownEventTypeException? unknown = null;
            foreach (var e in page)
            {
                try { events.Add(new ProjectedEvent(e, registry.Deserialize(e))); }
                catch (UnknownEventTypeException ex) { unknown = ex; break; }
            }
            if (events.Count == 0)
            {
                await tx.RollbackAsync(cancellationToken);
                await CheckpointStore.MarkFailedAsync(dataSource, projection.Name, tenant, unknown!.Message, cancellationToken);
                return applied;
            }

            await projection.ApplyAsync(tx, tenant, events, cancellationToken);
            await CheckpointStore.SaveAsync(tx, projection.Name, tenant, events[^1].Envelope.TenantPosition, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            applied += events.Count;
            if (unknown is not null)
            {
                await CheckpointStore.MarkFailedAsync(dataSource, projection.Name, tenant, unknown.Message, cancellationToken);
                return applied;
            }
        }
    }

    /// <summary>The projections this daemon keeps.</summary>
    public IReadOnlyList<IAsyncProjection> Projections => _projections;

    /// <summary>
    /// Rebuilds one projection of one tenant from position 1 in a single transaction: readers see the old rows until
    /// the new ones commit, the checkpoint row lock keeps the daemon on other nodes out meanwhile, and a failed
    /// checkpoint (an event type that was unknown before a deploy) starts afresh.
    /// </summary>
    /// <returns>The number of events applied.</returns>
    public async Task<long> RebuildAsync(IAsyncProjection projection, string tenant, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        await LockCheckpointAsync(tx, projection.Name, tenant, cancellationToken);
        await projection.ResetAsync(tx, tenant, cancellationToken);
        long position = 0;
        while (true)
        {
            var page = await store.ReadTenantAsync(tenant, position, BatchSize, cancellationToken);
            if (page.Count == 0) break;
            // Unknown types are an error here too: a rebuild that skipped them would look complete and be wrong.
            await projection.ApplyAsync(tx, tenant, [.. page.Select(e => new ProjectedEvent(e, registry.Deserialize(e)))], cancellationToken);
            position = page[^1].TenantPosition;
            progress?.Report(position);
        }
        await CheckpointStore.SaveAsync(tx, projection.Name, tenant, position, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return position;
    }

    /// <summary>Locks the checkpoint row for this batch (creating it at 0 the first time) and returns its position.</summary>
    private static async Task<long> LockCheckpointAsync(NpgsqlTransaction tx, string consumer, string tenant, CancellationToken cancellationToken)
    {
        await using (var ensure = new NpgsqlCommand(
            "insert into ledger.checkpoints (consumer, tenant_id, position) values ($1, $2, 0) on conflict (consumer, tenant_id) do nothing",
            tx.Connection, tx))
        {
            ensure.Parameters.Add(new() { Value = consumer });
            ensure.Parameters.Add(new() { Value = tenant });
            await ensure.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var cmd = new NpgsqlCommand(
            "select position, status from ledger.checkpoints where consumer = $1 and tenant_id = $2 for update", tx.Connection, tx);
        cmd.Parameters.Add(new() { Value = consumer });
        cmd.Parameters.Add(new() { Value = tenant });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var position = reader.GetInt64(0);
        // A failed projection stays where it failed until someone fixes the cause and rebuilds it.
        return reader.GetString(1) == "failed" ? long.MaxValue : position;
    }
}
