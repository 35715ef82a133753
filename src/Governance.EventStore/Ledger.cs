using System.Globalization;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Npgsql;
using NpgsqlTypes;

namespace Governance.EventStore;

/// <summary>
/// The append adapter over Marten, and the reads that need the chain. Appending here gives exact expected versions
/// (<see cref="ExpectedVersion"/>), one typed conflict whatever Marten raised, and idempotent retries: the same event
/// ids with the same content return the first append's result. Every append, here or anywhere else, is linked into
/// its alliance's hash chain by the trigger of <see cref="LedgerSchema"/> in the same transaction.
/// </summary>
public sealed class Ledger
{
    /// <summary>How often an append is tried again after it met a concurrent first append of the same stream or ids.</summary>
    public const int MaxAttempts = 5;

    private readonly IDocumentStore _store;
    private readonly TimeProvider? _clock;
    private readonly Dictionary<Type, string> _aliases;
    private readonly string _marten;

    /// <summary>
    /// The ledger on <paramref name="store"/>, configured with <see cref="LedgerConfiguration.UseLedger"/>. Events appended here are
    /// recorded at <paramref name="clock"/>'s time when one is given (the demo's story clock), else at the store's.
    /// </summary>
    public Ledger(IDocumentStore store, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _clock = clock;
        _aliases = store.Options.Events.AllKnownEventTypes().ToDictionary(t => t.EventType, t => t.EventTypeName);
        _marten = store.Options.Events.DatabaseSchemaName;
    }

    /// <summary>The Marten store underneath.</summary>
    public IDocumentStore Store => _store;

    /// <summary>
    /// Appends <paramref name="events"/> to a stream in one transaction, after checking <paramref name="expected"/> under
    /// the alliance's lock (so a conflict is real, never a race between two readers).
    /// </summary>
    /// <exception cref="ConcurrencyException">The stream was not at the expected version.</exception>
    /// <exception cref="EventIdConflictException">Some ids are stored already with other content or in another stream.</exception>
    public async Task<AppendResult> AppendAsync(
        string tenant, string stream, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        LedgerId.Require(tenant, "tenant");
        LedgerId.Require(stream, "stream");
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) throw new ArgumentException("An append needs at least one event.", nameof(events));
        foreach (var e in events) AliasOf(e.Data);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AppendOnceAsync(tenant, stream, expected, events, cancellationToken);
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsRace(ex))
            {
                // Someone created this stream or stored these ids between our check and our insert, without our lock
                // (a writer outside this adapter). The next attempt sees it under the lock and answers properly.
            }
        }
    }

    private async Task<AppendResult> AppendOnceAsync(
        string tenant, string stream, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken ct)
    {
        await using var conn = _store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);

        var serializer = _store.Options.Serializer();
        var ids = events.Select(e => e.EventId).ToArray();
        var types = events.Select(e => AliasOf(e.Data)).ToArray();
        var bodies = events.Select(e => serializer.ToJson(e.Data)).ToArray();

        // One round trip: take the alliance's lock, read the stream's version, look for the ids.
        await using var batch = new NpgsqlBatch(conn, tx);
        batch.BatchCommands.Add(Command("select head_position from ledger.lock_head($1)", tenant));
        batch.BatchCommands.Add(Command($"select version from {_marten}.mt_streams where tenant_id = $1 and id = $2", tenant, stream));
        batch.BatchCommands.Add(Command($"""
            select e.stream_id = $2 and e.type = x.type and e.data = x.data, e.version, c.position
              from unnest($3::uuid[], $4::varchar[], $5::jsonb[]) as x(id, type, data)
              join {_marten}.mt_events e on e.id = x.id
              left join ledger.chain c on c.seq_id = e.seq_id
            """, tenant, stream, ids, types, bodies));
        long actual = 0;
        var stored = new List<(bool Same, long Version, long? Position)>();
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            await reader.NextResultAsync(ct);
            if (await reader.ReadAsync(ct)) actual = reader.GetInt64(0);
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
                stored.Add((reader.GetBoolean(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)));
        }

        if (stored.Count > 0)
        {
            // An idempotent retry: every id stored, in this stream, with this content. Anything else is a misuse of ids.
            if (stored.Count == events.Count && stored.All(s => s.Same && s.Position is not null))
                return new AppendResult(stored.Min(s => s.Position!.Value), stored.Max(s => s.Position!.Value), stored.Max(s => s.Version), WasDuplicate: true);
            throw new EventIdConflictException(tenant, stream);
        }

        var ok = expected.Value switch
        {
            ExpectedVersion.AnyValue => true,
            ExpectedVersion.NoStreamValue => actual == 0,
            ExpectedVersion.StreamExistsValue => actual > 0,
            var exact => actual == exact,
        };
        if (!ok) throw new ConcurrencyException(tenant, stream, expected, actual);

        var options = SessionOptions.ForTransaction(tx);
        options.TenantId = tenant;
        await using (var session = _store.LightweightSession(options))
        {
            var recordedAt = _clock?.GetUtcNow();
            session.Events.Append(stream, actual + events.Count, [.. events.Select(e => LedgerEvents.Wrap(e, recordedAt))]);
            await session.SaveChangesAsync(ct);
        }

        await using var positions = new NpgsqlCommand(
            $"select min(c.position), max(c.position) from {_marten}.mt_events e join ledger.chain c on c.seq_id = e.seq_id where e.id = any($1)", conn, tx);
        positions.Parameters.Add(new() { Value = ids });
        long first, last;
        await using (var reader = await positions.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (first, last) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        await tx.CommitAsync(ct);
        return new AppendResult(first, last, actual + events.Count, WasDuplicate: false);
    }

    /// <summary>The headers the ledger writes for <paramref name="metadata"/>.</summary>
    public static IEnumerable<(string Name, object Value)> HeadersOf(EventMetadata metadata, DateTimeOffset? occurredAt = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.ActorId is { } actor) yield return (LedgerConfiguration.Headers.Actor, actor);
        if (metadata.Role is { } role) yield return (LedgerConfiguration.Headers.Role, role);
        if (metadata.CommandId is { } command) yield return (LedgerConfiguration.Headers.Command, command);
        if (occurredAt is { } o)
            yield return (LedgerConfiguration.Headers.OccurredAt,
                TruncateToMicroseconds(o).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>The metadata of a stored Marten event.</summary>
    public static EventMetadata MetadataOf(IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EventMetadata(Header(e, LedgerConfiguration.Headers.Actor), Header(e, LedgerConfiguration.Headers.Role),
            e.CorrelationId, e.CausationId, Header(e, LedgerConfiguration.Headers.Command));
    }

    /// <summary>When a stored Marten event happened, where that differs from when it was recorded.</summary>
    public static DateTimeOffset? OccurredAtOf(IEvent e) =>
        Header(e, LedgerConfiguration.Headers.OccurredAt) is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;

    private static string? Header(IEvent e, string name) => e.GetHeader(name)?.ToString();

    /// <summary>Reads a stream forward, or as it stood at <paramref name="asOf"/> (the events recorded up to then).</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string tenant, string stream, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        LedgerId.Require(tenant, "tenant");
        LedgerId.Require(stream, "stream");
        await using var session = _store.QuerySession(tenant);
        var events = asOf is { } at
            ? await session.Events.FetchStreamAsync(stream, timestamp: at.ToUniversalTime(), token: cancellationToken)
            : await session.Events.FetchStreamAsync(stream, token: cancellationToken);
        if (events.Count == 0) return [];
        var positions = await PositionsAsync(events.Select(e => e.Sequence).ToArray(), cancellationToken);
        return [.. events.Select(e => Recorded(tenant, e, positions.GetValueOrDefault(e.Sequence)))];
    }

    /// <summary>A stored Marten event as a <see cref="RecordedEvent"/> with its chain position.</summary>
    public static RecordedEvent Recorded(string tenant, IEvent e, long tenantPosition)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(tenant, tenantPosition, e.Sequence, e.StreamKey!, e.Version, e.Id, e.EventTypeName, e.Data,
            MetadataOf(e), e.Timestamp, OccurredAtOf(e));
    }

    /// <summary>The chain positions of the events with these Marten sequence numbers.</summary>
    public async Task<IReadOnlyDictionary<long, long>> PositionsAsync(long[] sequences, CancellationToken cancellationToken = default)
    {
        await using var conn = _store.Storage.Database.CreateConnection();
        await conn.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("select seq_id, position from ledger.chain where seq_id = any($1)", conn);
        cmd.Parameters.Add(new() { Value = sequences });
        var result = new Dictionary<long, long>(sequences.Length);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) result[reader.GetInt64(0)] = reader.GetInt64(1);
        return result;
    }

    /// <summary>
    /// The chain positions of the events with these ids (for read models that keep event ids: an inline projection runs before
    /// the chain position exists). Ids not stored are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, long>> PositionsOfEventsAsync(Guid[] eventIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var result = new Dictionary<Guid, long>(eventIds.Length);
        if (eventIds.Length == 0) return result;
        await using var conn = _store.Storage.Database.CreateConnection();
        await conn.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(
            $"select e.id, c.position from {_marten}.mt_events e join ledger.chain c on c.seq_id = e.seq_id where e.id = any($1)", conn);
        cmd.Parameters.Add(new() { Value = eventIds });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) result[reader.GetGuid(0)] = reader.GetInt64(1);
        return result;
    }

    /// <summary>The stream's current version; 0 when it does not exist.</summary>
    public async Task<long> GetStreamVersionAsync(string tenant, string stream, CancellationToken cancellationToken = default)
    {
        LedgerId.Require(tenant, "tenant");
        LedgerId.Require(stream, "stream");
        return await ScalarAsync($"select version from {_marten}.mt_streams where tenant_id = $1 and id = $2", cancellationToken, tenant, stream) is long v ? v : 0;
    }

    /// <summary>
    /// The tenant's ledger position as it stood at <paramref name="asOf"/> (the last event recorded up to then), or its head now
    /// when <paramref name="asOf"/> is null; 0 before the first event. A read "as of" says which position it reflects.
    /// </summary>
    public async Task<long> GetTenantPositionAsync(string tenant, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        LedgerId.Require(tenant, "tenant");
        var value = asOf is { } at
            ? await ScalarAsync("select max(position) from ledger.chain where tenant_id = $1 and recorded_at <= $2", cancellationToken, tenant, at.ToUniversalTime())
            : await ScalarAsync("select position from ledger.heads where tenant_id = $1", cancellationToken, tenant);
        return value is long p ? p : 0;
    }

    /// <summary>The ids of a tenant's streams that start with <paramref name="prefix"/> (e.g. every <c>meeting-</c>), in order.</summary>
    public async Task<IReadOnlyList<string>> ListStreamsAsync(string tenant, string prefix, CancellationToken cancellationToken = default)
    {
        LedgerId.Require(tenant, "tenant");
        await using var conn = _store.Storage.Database.CreateConnection();
        await conn.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(
            $"select id from {_marten}.mt_streams where tenant_id = $1 and starts_with(id, $2) order by id", conn);
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = prefix });
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>Every tenant's head (position and hash), to publish or to compare a later export against.</summary>
    public async Task<IReadOnlyList<TenantHead>> GetTenantHeadsAsync(CancellationToken cancellationToken = default)
    {
        await using var conn = _store.Storage.Database.CreateConnection();
        await conn.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("select tenant_id, position, hash from ledger.heads order by tenant_id", conn);
        var heads = new List<TenantHead>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) heads.Add(new TenantHead(reader.GetString(0), reader.GetInt64(1), (byte[])reader[2]));
        return heads;
    }

    /// <summary>The chain's stored hash at <paramref name="position"/> of <paramref name="tenant"/>, or null when there is no such link.</summary>
    public async Task<byte[]?> GetChainHashAsync(string tenant, long position, CancellationToken cancellationToken = default)
    {
        LedgerId.Require(tenant, "tenant");
        await using var conn = _store.Storage.Database.CreateConnection();
        await conn.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("select hash from ledger.chain where tenant_id = $1 and position = $2", conn);
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = position });
        return await cmd.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    /// <summary>Whether <paramref name="tenant"/> recorded an event of one of <paramref name="types"/> (aliases) after <paramref name="position"/>.</summary>
    public async Task<bool> HasEventOfTypeAfterAsync(string tenant, long position, IReadOnlyCollection<string> types, CancellationToken cancellationToken = default)
    {
        LedgerId.Require(tenant, "tenant");
        ArgumentNullException.ThrowIfNull(types);
        await using var conn = _store.Storage.Database.CreateConnection();
        await conn.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand($"""
            select exists (select 1 from ledger.chain c join {_marten}.mt_events e on e.seq_id = c.seq_id and e.tenant_id = c.tenant_id
                            where c.tenant_id = $1 and c.position > $2 and e.type = any($3))
            """, conn);
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = position });
        cmd.Parameters.Add(new() { Value = types.ToArray() });
        return await cmd.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>
    /// The values among <paramref name="values"/> that some recorded event carries in its top-level string property
    /// <paramref name="property"/> (as stored: camelCase, e.g. <c>storageKey</c>), in any stream, or only in
    /// <paramref name="stream"/> of <paramref name="tenant"/> when given. The host uses it to keep exactly the uploaded
    /// files the ledger names (issue 12 §4).
    /// </summary>
    public async Task<IReadOnlySet<string>> FindReferencedAsync(
        string property, IReadOnlyCollection<string> values, string? tenant = null, string? stream = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(property);
        ArgumentNullException.ThrowIfNull(values);
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (values.Count == 0) return found;
        await using var conn = _store.Storage.Database.CreateConnection();
        await conn.OpenAsync(cancellationToken);
        var inStream = tenant is not null && stream is not null;
        await using var cmd = new NpgsqlCommand($"""
            select distinct e.data ->> $1 from {_marten}.mt_events e
             where e.data ->> $1 = any($2){(inStream ? " and e.tenant_id = $3 and e.stream_id = $4" : "")}
            """, conn);
        cmd.Parameters.Add(new() { Value = property });
        cmd.Parameters.Add(new() { Value = values.ToArray() });
        if (inStream)
        {
            cmd.Parameters.Add(new() { Value = tenant! });
            cmd.Parameters.Add(new() { Value = stream! });
        }
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found.Add(reader.GetString(0));
        return found;
    }

    /// <summary>
    /// Refuses to go on when the database holds the hand-written store's ledger (<c>ledger.events</c>): nothing migrates it,
    /// and a second ledger beside it would split the history.
    /// </summary>
    /// <exception cref="LegacyLedgerException">The old ledger is there.</exception>
    public static async Task RefuseLegacyLedgerAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var cmd = new NpgsqlCommand("select to_regclass('ledger.events') is not null", connection);
        if (await cmd.ExecuteScalarAsync(cancellationToken) is true) throw new LegacyLedgerException();
    }

    private string AliasOf(object data) =>
        _aliases.TryGetValue(data.GetType(), out var alias)
            ? alias
            : throw new ArgumentException($"Event type {data.GetType().Name} has no alias: register it with UseLedger.", nameof(data));

    private static bool IsRace(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected }) return true;
            if (e is Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.ConcurrencyException) return true;
        }
        return false;
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken ct, params object[] values)
    {
        await using var conn = _store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var v in values) cmd.Parameters.Add(new() { Value = v });
        var result = await cmd.ExecuteScalarAsync(ct);
        return result is DBNull ? null : result;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var v in values) cmd.Parameters.Add(new() { Value = v });
        return cmd;
    }

    internal static DateTimeOffset TruncateToMicroseconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);
}
