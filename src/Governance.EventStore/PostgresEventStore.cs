using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Governance.EventStore;

/// <summary>
/// The event store on PostgreSQL: appends (group-committed per tenant), stream and tenant reads,
/// the gap-safe cross-tenant feed, and archiving.
/// </summary>
public sealed class PostgresEventStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly GroupCommitter _committer;

    /// <summary>Creates a store on <paramref name="dataSource"/>; recorded times come from <paramref name="clock"/>.</summary>
    public PostgresEventStore(NpgsqlDataSource dataSource, TimeProvider clock, EventStoreOptions? options = null)
    {
        _dataSource = dataSource;
        _clock = clock;
        _committer = new GroupCommitter(dataSource, clock, options ?? new EventStoreOptions());
    }

    /// <summary>The data source the store writes to, for consumers that write their own rows with a checkpoint.</summary>
    public NpgsqlDataSource DataSource => _dataSource;

    /// <summary>
    /// Appends <paramref name="events"/> to a stream in one transaction, after checking <paramref name="expected"/>.
    /// Concurrent appends to one tenant may share a transaction (group commit); each keeps its own outcome.
    /// </summary>
    /// <exception cref="ConcurrencyException">The stream was not at the expected version.</exception>
    /// <exception cref="StreamArchivedException">The stream is archived.</exception>
    /// <exception cref="EventIdConflictException">Some ids are stored already with other content.</exception>
    public Task<AppendResult> AppendAsync(
        string tenant, string stream, string streamType, ExpectedVersion expected,
        IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        LedgerId.Require(tenant, "tenant");
        LedgerId.Require(stream, "stream");
        ArgumentException.ThrowIfNullOrWhiteSpace(streamType);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) throw new ArgumentException("An append needs at least one event.", nameof(events));
        foreach (var e in events) EventTypeRegistry.RequireAlias(e.Type);

        return _committer.AppendAsync(new PendingAppend(tenant, stream, streamType, expected, events), cancellationToken);
    }

    /// <summary>Reads a stream forward from <paramref name="fromVersion"/> (inclusive).</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string tenant, string stream, long fromVersion = 1, CancellationToken cancellationToken = default)
    {
        LedgerId.Require(tenant, "tenant");
        LedgerId.Require(stream, "stream");
        await using var cmd = _dataSource.CreateCommand(
            SelectEvents + " where tenant_id = $1 and stream_id = $2 and stream_version >= $3 order by stream_version");
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = stream });
        cmd.Parameters.Add(new() { Value = fromVersion });
        return await ReadAllRows(cmd, cancellationToken);
    }

    /// <summary>Reads a stream's events recorded up to and including <paramref name="asOf"/> (a live fold "as it stood").</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsOfAsync(
        string tenant, string stream, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        LedgerId.Require(tenant, "tenant");
        LedgerId.Require(stream, "stream");
        await using var cmd = _dataSource.CreateCommand(
            SelectEvents + " where tenant_id = $1 and stream_id = $2 and recorded_at <= $3 order by stream_version");
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = stream });
        cmd.Parameters.Add(new() { Value = asOf.ToUniversalTime() });
        return await ReadAllRows(cmd, cancellationToken);
    }

    /// <summary>
    /// The tenant's ledger position as it stood at <paramref name="asOf"/> (the last event recorded up to then), or its
    /// head now when <paramref name="asOf"/> is null; 0 before the first event. A read "as of" says which position it reflects.
    /// </summary>
    public async Task<long> GetTenantPositionAsync(string tenant, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        LedgerId.Require(tenant, "tenant");
        await using var cmd = asOf is { } at
            ? _dataSource.CreateCommand("select coalesce(max(tenant_position), 0) from ledger.events where tenant_id = $1 and recorded_at <= $2")
            : _dataSource.CreateCommand("select coalesce((select head_position from ledger.tenants where tenant_id = $1), 0)");
        cmd.Parameters.Add(new() { Value = tenant });
        if (asOf is { } instant) cmd.Parameters.Add(new() { Value = instant.ToUniversalTime() });
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads a tenant's ledger forward, after <paramref name="afterPosition"/>, at most <paramref name="maxCount"/> events.
    /// Positions are gapless and commit in order, so a consumer that keeps the last position it saw misses nothing.
    /// </summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadTenantAsync(
        string tenant, long afterPosition, int maxCount = 1000, CancellationToken cancellationToken = default)
    {
        LedgerId.Require(tenant, "tenant");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        await using var cmd = _dataSource.CreateCommand(
            SelectEvents + " where tenant_id = $1 and tenant_position > $2 order by tenant_position limit $3");
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = afterPosition });
        cmd.Parameters.Add(new() { Value = maxCount });
        var rows = await ReadAllRows(cmd, cancellationToken);
        // Defence in depth: hand out only a contiguous run, so a consumer can never step over a hole.
        var expected = afterPosition + 1;
        for (var i = 0; i < rows.Count; i++, expected++)
        {
            if (rows[i].TenantPosition != expected) return rows.Take(i).ToList();
        }
        return rows;
    }

    /// <summary>
    /// Reads every tenant's events in commit order after <paramref name="after"/>. Only transactions older than the
    /// oldest one still running anywhere in the cluster are returned, so an event that commits late is never skipped.
    /// </summary>
    public async Task<IReadOnlyList<FeedEvent>> ReadAllAsync(
        FeedCursor after, int maxCount = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        // The xid travels as text; the alias matters: without it ORDER BY transaction_id would sort that text.
        await using var cmd = _dataSource.CreateCommand(
            SelectEvents.Replace("select ", "select transaction_id::text as xid_text, ", StringComparison.Ordinal) + """
             where (transaction_id, global_position) > ($1::text::xid8, $2)
               and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
             order by transaction_id, global_position limit $3
            """);
        cmd.Parameters.Add(new() { Value = after.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        cmd.Parameters.Add(new() { Value = after.GlobalPosition });
        cmd.Parameters.Add(new() { Value = maxCount });
        var result = new List<FeedEvent>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var xid = ulong.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture);
            var e = ReadRow(reader, 1);
            result.Add(new FeedEvent(e, new FeedCursor(xid, e.GlobalPosition)));
        }
        return result;
    }

    /// <summary>The stream's current version (0 when it does not exist) and whether it is archived.</summary>
    public async Task<(long Version, bool Archived)> GetStreamStateAsync(
        string tenant, string stream, CancellationToken cancellationToken = default)
    {
        LedgerId.Require(tenant, "tenant");
        LedgerId.Require(stream, "stream");
        await using var cmd = _dataSource.CreateCommand(
            "select version, archived from ledger.streams where tenant_id = $1 and stream_id = $2");
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = stream });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetBoolean(1)) : (0, false);
    }

    /// <summary>Archives a stream: it stays readable but takes no more events.</summary>
    /// <returns>False when the stream does not exist.</returns>
    public async Task<bool> ArchiveStreamAsync(string tenant, string stream, CancellationToken cancellationToken = default)
    {
        LedgerId.Require(tenant, "tenant");
        LedgerId.Require(stream, "stream");
        // Serialised with appends of this tenant through the head row, so no append slips past the flag.
        await using var cmd = _dataSource.CreateCommand("""
            with head as (select 1 from ledger.tenants where tenant_id = $1 for update)
            update ledger.streams set archived = true, updated_at = $3
             where tenant_id = $1 and stream_id = $2 and exists (select 1 from head)
            """);
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = stream });
        cmd.Parameters.Add(new() { Value = _clock.GetUtcNow() });
        return await cmd.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// The ids of a tenant's streams of one type (e.g. every <c>meeting</c> of an alliance), by id.
    /// Read models that need "all X of a tenant" use this rather than scanning the tenant's events.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListStreamsAsync(string tenant, string streamType, CancellationToken cancellationToken = default)
    {
        LedgerId.Require(tenant, "tenant");
        await using var cmd = _dataSource.CreateCommand(
            "select stream_id from ledger.streams where tenant_id = $1 and stream_type = $2 order by stream_id");
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = streamType });
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>Every tenant's head (position and hash), to publish or to compare a later export against.</summary>
    public async Task<IReadOnlyList<TenantHead>> GetTenantHeadsAsync(CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand(
            "select tenant_id, head_position, head_hash from ledger.tenants order by tenant_id");
        var heads = new List<TenantHead>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            heads.Add(new TenantHead(reader.GetString(0), reader.GetInt64(1), (byte[])reader[2]));
        return heads;
    }

    internal const string SelectEvents = """
        select tenant_id, tenant_position, global_position, stream_id, stream_version, event_id, event_type,
               schema_version, data::text, metadata::text, recorded_at, occurred_at, hash
          from ledger.events
        """;

    private static async Task<IReadOnlyList<RecordedEvent>> ReadAllRows(NpgsqlCommand cmd, CancellationToken cancellationToken)
    {
        var result = new List<RecordedEvent>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) result.Add(ReadRow(reader, 0));
        return result;
    }

    internal static RecordedEvent ReadRow(NpgsqlDataReader r, int o) => new(
        r.GetString(o),
        r.GetInt64(o + 1),
        r.GetInt64(o + 2),
        r.GetString(o + 3),
        r.GetInt64(o + 4),
        r.GetGuid(o + 5),
        r.GetString(o + 6),
        r.GetInt32(o + 7),
        r.GetString(o + 8),
        MetadataJson.Parse(r.GetString(o + 9)),
        r.GetFieldValue<DateTimeOffset>(o + 10),
        r.IsDBNull(o + 11) ? null : r.GetFieldValue<DateTimeOffset>(o + 11),
        (byte[])r[o + 12]);

    internal static DateTimeOffset TruncateToMicroseconds(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);
}

internal static class MetadataJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(EventMetadata m) => JsonSerializer.Serialize(m, Options);

    public static EventMetadata Parse(string json) => JsonSerializer.Deserialize<EventMetadata>(json, Options) ?? EventMetadata.None;
}

internal sealed record PendingAppend(
    string Tenant, string Stream, string StreamType, ExpectedVersion Expected,
    IReadOnlyList<EventData> Events)
{
    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>How the store batches appends.</summary>
public sealed class EventStoreOptions
{
    /// <summary>Most append requests one tenant's transaction may carry (group commit). 1 turns batching off.</summary>
    public int MaxAppendsPerTransaction { get; init; } = 64;
}

/// <summary>
/// Group commit: appends of one tenant are serialised on its head row anyway, so while one transaction is in
/// flight the next requests queue up and go together in the following transaction. Different tenants run in parallel.
/// </summary>
internal sealed class GroupCommitter(NpgsqlDataSource dataSource, TimeProvider clock, EventStoreOptions options)
{
    private readonly Dictionary<string, TenantQueue> _queues = new(StringComparer.Ordinal);

    private sealed class TenantQueue
    {
        public readonly Queue<PendingAppend> Pending = new();
        public bool Draining;
    }

    public Task<AppendResult> AppendAsync(PendingAppend append, CancellationToken cancellationToken)
    {
        bool startDrain;
        TenantQueue queue;
        lock (_queues)
        {
            if (!_queues.TryGetValue(append.Tenant, out queue!))
                _queues[append.Tenant] = queue = new TenantQueue();
            queue.Pending.Enqueue(append);
            startDrain = !queue.Draining;
            queue.Draining = true;
        }
        if (startDrain) _ = Task.Run(() => DrainAsync(append.Tenant, queue), CancellationToken.None);
        return cancellationToken.CanBeCanceled
            ? append.Completion.Task.WaitAsync(cancellationToken)
            : append.Completion.Task;
    }

    private async Task DrainAsync(string tenant, TenantQueue queue)
    {
        while (true)
        {
            List<PendingAppend> batch;
            lock (_queues)
            {
                if (queue.Pending.Count == 0)
                {
                    queue.Draining = false;
                    _queues.Remove(tenant);
                    return;
                }
                batch = new List<PendingAppend>(Math.Min(queue.Pending.Count, options.MaxAppendsPerTransaction));
                while (batch.Count < options.MaxAppendsPerTransaction && queue.Pending.TryDequeue(out var next))
                    batch.Add(next);
            }
            try
            {
                await ExecuteAsync(tenant, batch);
            }
            catch (Exception ex)
            {
                foreach (var pending in batch) pending.Completion.TrySetException(ex);
            }
        }
    }

    private async Task ExecuteAsync(string tenant, List<PendingAppend> batch)
    {
        var eventCount = batch.Sum(b => b.Events.Count);
        var requestStreams = new string[batch.Count];
        var requestTypes = new string[batch.Count];
        var requestExpected = new long[batch.Count];
        var eventRequest = new int[eventCount];
        var ids = new Guid[eventCount];
        var types = new string[eventCount];
        var versions = new int[eventCount];
        var data = new string[eventCount];
        var metadata = new string[eventCount];
        var occurred = new DateTime?[eventCount];
        var k = 0;
        for (var r = 0; r < batch.Count; r++)
        {
            var b = batch[r];
            requestStreams[r] = b.Stream;
            requestTypes[r] = b.StreamType;
            requestExpected[r] = b.Expected.Value;
            foreach (var e in b.Events)
            {
                eventRequest[k] = r + 1;
                ids[k] = e.EventId;
                types[k] = e.Type;
                versions[k] = e.SchemaVersion;
                data[k] = e.Data;
                metadata[k] = MetadataJson.Write(e.Metadata);
                occurred[k] = e.OccurredAt is { } o ? PostgresEventStore.TruncateToMicroseconds(o).UtcDateTime : null;
                k++;
            }
        }

        // All requests of a batch share one recorded time, read when the batch goes out, so recorded times follow
        // tenant positions. Microsecond precision: what PostgreSQL stores is exactly what the hash chain covers.
        var recordedAt = PostgresEventStore.TruncateToMicroseconds(clock.GetUtcNow());
        await using var cmd = dataSource.CreateCommand(
            "select request_index, status, actual_version, first_tenant_position, last_tenant_position, next_stream_version " +
            "from ledger.append_batch($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)");
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = recordedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = requestStreams });
        cmd.Parameters.Add(new() { Value = requestTypes });
        cmd.Parameters.Add(new() { Value = requestExpected });
        cmd.Parameters.Add(new() { Value = eventRequest });
        cmd.Parameters.Add(new() { Value = ids });
        cmd.Parameters.Add(new() { Value = types });
        cmd.Parameters.Add(new() { Value = versions });
        cmd.Parameters.Add(new() { Value = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        cmd.Parameters.Add(new() { Value = metadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        cmd.Parameters.Add(new() { Value = occurred, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });

        var outcomes = new List<(int Index, string Status, long? Actual, long? First, long? Last, long? Next)>(batch.Count);
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                outcomes.Add((reader.GetInt32(0), reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetInt64(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4),
                    reader.IsDBNull(5) ? null : reader.GetInt64(5)));
            }
        }

        foreach (var (index, status, actual, first, last, next) in outcomes)
        {
            var pending = batch[index - 1];
            switch (status)
            {
                case "appended":
                case "duplicate":
                    pending.Completion.TrySetResult(new AppendResult(first!.Value, last!.Value, next!.Value, status == "duplicate"));
                    break;
                case "conflict":
                    pending.Completion.TrySetException(new ConcurrencyException(tenant, pending.Stream, pending.Expected, actual ?? 0));
                    break;
                case "archived":
                    pending.Completion.TrySetException(new StreamArchivedException(tenant, pending.Stream));
                    break;
                case "id-conflict":
                    pending.Completion.TrySetException(new EventIdConflictException(tenant, pending.Stream));
                    break;
                default:
                    pending.Completion.TrySetException(new InvalidOperationException($"Unexpected append status '{status}'."));
                    break;
            }
        }
        foreach (var pending in batch)
            pending.Completion.TrySetException(new InvalidOperationException("The append returned no outcome."));
    }
}
