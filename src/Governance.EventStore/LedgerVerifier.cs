using Marten;
using Npgsql;

namespace Governance.EventStore;

/// <summary>What verifying one tenant's chain found.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="EventCount">Events checked before the first problem (all of them when there is none).</param>
/// <param name="HeadHash">The recomputed hash at the last good position, to publish.</param>
/// <param name="Problem">The first problem, or null when the chain is intact.</param>
public sealed record ChainVerification(string TenantId, long EventCount, byte[] HeadHash, ChainProblem? Problem)
{
    /// <summary>True when the chain is intact.</summary>
    public bool IsIntact => Problem is null;
    /// <summary>The head hash as 64 lower-case hex digits.</summary>
    public string HeadHashHex => Convert.ToHexStringLower(HeadHash);
}

/// <summary>The first position where a chain breaks, and why.</summary>
public sealed record ChainProblem(long Position, ChainProblemKind Kind, string Reason);

/// <summary>Kinds of chain damage.</summary>
public enum ChainProblemKind
{
    /// <summary>An event's content or envelope no longer matches the hash it was stored with.</summary>
    AlteredEvent,
    /// <summary>A stored hash was changed; the event itself still fits the chain.</summary>
    AlteredHash,
    /// <summary>A position is missing, or its event is (an event was deleted).</summary>
    MissingPosition,
    /// <summary>Events were moved to other positions.</summary>
    Reordered,
    /// <summary>The tenant's head does not match the chain (a truncated or re-written tail).</summary>
    HeadMismatch,
    /// <summary>An event is stored that was never linked into the chain (inserted behind the ledger's back).</summary>
    Unchained,
}

/// <summary>One link as stored: the chain row and, when it is still there, its event's envelope fields and data.</summary>
public sealed record ChainRow(
    long Position,
    byte[] StoredHash,
    bool HasEvent,
    string StreamId,
    long StreamVersion,
    Guid EventId,
    string Type,
    DateTimeOffset RecordedAt,
    string? CorrelationId,
    string? CausationId,
    string? HeadersJson,
    string DataJson)
{
    /// <summary>The envelope bytes of this event at <paramref name="position"/> (its own, or another one when testing a reordering).</summary>
    public byte[] EnvelopeAt(string tenant, long position) =>
        ChainFormat.Envelope(tenant, position, StreamId, StreamVersion, EventId, Type, RecordedAt, CorrelationId, CausationId, HeadersJson);
}

/// <summary>
/// Recomputes every alliance's hash chain from the stored events, independently of the SQL trigger that wrote it,
/// and reports the first position that does not hold.
/// </summary>
public static class LedgerVerifier
{
    /// <summary>Verifies <paramref name="tenant"/>, or every tenant (with a head, a link or an event) when it is null.</summary>
    /// <param name="store">The Marten store of the ledger.</param>
    /// <param name="tenant">One tenant, or null for all.</param>
    /// <param name="progress">Events verified so far.</param>
    /// <param name="onLink">Called with (tenant, position, recomputed hash) for every position that verified, in order: to compare with checkpoints.</param>
    /// <param name="pageSize">Positions read per query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<IReadOnlyList<ChainVerification>> VerifyAsync(
        IDocumentStore store, string? tenant = null, IProgress<long>? progress = null, Action<string, long, byte[]>? onLink = null,
        int pageSize = DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if (tenant is not null) LedgerId.Require(tenant, "tenant");
        var marten = store.Options.Events.DatabaseSchemaName;
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(cancellationToken);
        // One snapshot for the heads and the chains: an append while verifying is then simply not seen, never a false head mismatch.
        await using var snapshot = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

        var tenants = new List<(string Id, long HeadPosition, byte[] HeadHash)>();
        await using (var cmd = new NpgsqlCommand($"""
            select t.tenant_id, coalesce(h.position, 0), coalesce(h.hash, '\x{new string('0', 64)}'::bytea)
              from (select tenant_id from ledger.heads
                    union select tenant_id from ledger.chain
                    union select distinct tenant_id from {marten}.mt_events) t
              left join ledger.heads h on h.tenant_id = t.tenant_id
             where $1::text is null or t.tenant_id = $1
             order by t.tenant_id
            """, conn))
        {
            cmd.Parameters.Add(new() { Value = (object?)tenant ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) tenants.Add((reader.GetString(0), reader.GetInt64(1), (byte[])reader[2]));
        }

        var results = new List<ChainVerification>();
        foreach (var t in tenants)
        {
            var result = await VerifyChainAsync(t.Id, ReadChainAsync(conn, marten, t.Id, pageSize, cancellationToken), t.HeadPosition, t.HeadHash, progress,
                onLink is null ? null : (position, hash) => onLink(t.Id, position, hash), cancellationToken);
            if (result.IsIntact && await FirstUnchainedAsync(conn, marten, t.Id, cancellationToken) is { } forged)
                result = result with { Problem = new ChainProblem(result.EventCount + 1, ChainProblemKind.Unchained,
                    $"event {forged} is stored but not linked into the chain: it was inserted behind the ledger's back") };
            results.Add(result);
        }
        return results;
    }

    /// <summary>Rows per query when reading a chain.</summary>
    public const int DefaultPageSize = 10_000;

    /// <summary>
    /// <paramref name="tenant"/>'s links in position order, with their events as stored, in one snapshot: what an export
    /// publishes. Verify the chain first (<see cref="VerifyAsync"/>); this only reads.
    /// </summary>
    public static async IAsyncEnumerable<ChainRow> ReadChainAsync(IDocumentStore store, string tenant,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        LedgerId.Require(tenant, "tenant");
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(cancellationToken);
        await using var snapshot = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await foreach (var row in ReadChainAsync(conn, store.Options.Events.DatabaseSchemaName, tenant, DefaultPageSize, cancellationToken))
            yield return row;
    }

    /// <summary>
    /// The chain of <paramref name="tenant"/> in position order, in pages by position. One query over the whole chain
    /// was planned on the statistics of the moment: for an alliance that grew fast since the last analyse (an import, a
    /// benchmark) the planner expected one row and joined two scans of every event, which took minutes for 200,000
    /// events. A page ordered and limited by the primary key is always an index scan joined to the events' key.
    /// </summary>
    private static async IAsyncEnumerable<ChainRow> ReadChainAsync(NpgsqlConnection conn, string marten, string tenant, int pageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select c.position, c.hash, e.seq_id is not null, e.stream_id, e.version, e.id, e.type, e."timestamp",
                   e.correlation_id, e.causation_id, e.headers::text, e.data::text
              from ledger.chain c
              left join {marten}.mt_events e on e.seq_id = c.seq_id and e.tenant_id = c.tenant_id
             where c.tenant_id = $1 and c.position > $2
             order by c.position
             limit $3
            """, conn);
        cmd.Parameters.Add(new() { Value = tenant });
        var after = cmd.Parameters.Add(new() { Value = 0L });
        cmd.Parameters.Add(new() { Value = pageSize });
        while (true)
        {
            var rows = 0;
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                    rows++;
                    var has = r.GetBoolean(2);
                    var row = new ChainRow(r.GetInt64(0), (byte[])r[1], has,
                        has ? r.GetString(3) : "", has ? r.GetInt64(4) : 0, has ? r.GetGuid(5) : Guid.Empty, has ? r.GetString(6) : "",
                        has ? r.GetFieldValue<DateTimeOffset>(7) : default,
                        r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10),
                        has ? r.GetString(11) : "");
                    after.Value = row.Position;
                    yield return row;
                }
            }
            if (rows < pageSize) yield break;
        }
    }

    private static async Task<long?> FirstUnchainedAsync(NpgsqlConnection conn, string marten, string tenant, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select min(e.seq_id) from {marten}.mt_events e
             where e.tenant_id = $1 and not exists (select 1 from ledger.chain c where c.seq_id = e.seq_id and c.tenant_id = e.tenant_id)
            """, conn);
        cmd.Parameters.Add(new() { Value = tenant });
        return await cmd.ExecuteScalarAsync(ct) is long seq ? seq : null;
    }

    /// <summary>
    /// Verifies one chain given as rows in position order, against the head it should end in. Pure: the rows may come
    /// from the database or from an exported archive.
    /// </summary>
    public static async Task<ChainVerification> VerifyChainAsync(string tenant, IAsyncEnumerable<ChainRow> rows, long headPosition, byte[] headHash,
        IProgress<long>? progress = null, Action<long, byte[]>? onLink = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(headHash);
        var chain = ChainFormat.GenesisHash.ToArray();   // recomputed hash up to the previous position
        long count = 0;
        var expectedPosition = 1L;
        var all = new List<ChainRow>();                  // kept for telling a reordering apart, once something is wrong
        ChainRow? suspect = null;
        byte[] suspectComputed = [];

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (suspect is not null)
            {
                all.Add(row);
                continue;
            }
            if (row.Position != expectedPosition)
                return new(tenant, count, chain, new ChainProblem(expectedPosition, ChainProblemKind.MissingPosition,
                    $"position {expectedPosition} is missing (the next stored position is {row.Position})"));
            if (!row.HasEvent)
                return new(tenant, count, chain, new ChainProblem(row.Position, ChainProblemKind.MissingPosition,
                    $"the event at position {row.Position} is missing: it was deleted"));

            var computed = ChainFormat.Link(chain, row.EnvelopeAt(tenant, row.Position), ChainFormat.DataDigest(row.DataJson));
            all.Add(row);
            if (!computed.AsSpan().SequenceEqual(row.StoredHash))
            {
                suspect = row;
                suspectComputed = computed;
                continue;
            }
            chain = computed;
            count++;
            expectedPosition++;
            onLink?.Invoke(row.Position, computed);
            if (count % 10_000 == 0) progress?.Report(count);
        }

        if (suspect is not null)
            return new(tenant, count, chain, Classify(tenant, suspect, suspectComputed, all, headHash));
        if (headPosition > count)
            return new(tenant, count, chain, new ChainProblem(count + 1, ChainProblemKind.MissingPosition,
                $"position {count + 1} is missing (the tenant's head says {headPosition} events)"));
        if (headPosition < count || !chain.AsSpan().SequenceEqual(headHash))
            return new(tenant, count, chain, new ChainProblem(count, ChainProblemKind.HeadMismatch,
                $"the tenant's head (position {headPosition}) does not match the chain"));
        progress?.Report(count);
        return new(tenant, count, chain, null);
    }

    private static ChainProblem Classify(string tenant, ChainRow suspect, byte[] computed, List<ChainRow> rows, byte[] headHash)
    {
        var index = rows.IndexOf(suspect);
        var next = index + 1 < rows.Count ? rows[index + 1] : null;

        // A reordering: the event now at this position fits the stored chain at another position.
        for (var i = 1; i < rows.Count; i++)
        {
            if (i == index || !rows[i].HasEvent) continue;
            var linked = ChainFormat.Link(rows[i - 1].StoredHash, suspect.EnvelopeAt(tenant, rows[i].Position), ChainFormat.DataDigest(suspect.DataJson));
            if (linked.AsSpan().SequenceEqual(rows[i].StoredHash))
                return new(suspect.Position, ChainProblemKind.Reordered,
                    $"position {suspect.Position} holds the event that belongs at position {rows[i].Position}: events were reordered");
        }

        bool LinksOn(byte[] hash) => next is null
            ? headHash.AsSpan().SequenceEqual(hash)
            : next.HasEvent && ChainFormat.Link(hash, next.EnvelopeAt(tenant, next.Position), ChainFormat.DataDigest(next.DataJson)).AsSpan().SequenceEqual(next.StoredHash);
        if (LinksOn(computed) && !LinksOn(suspect.StoredHash))
            return new(suspect.Position, ChainProblemKind.AlteredHash,
                $"the stored hash at position {suspect.Position} was changed (the event itself still fits the chain)");
        return new(suspect.Position, ChainProblemKind.AlteredEvent,
            $"the event at position {suspect.Position} does not match its hash: its content or envelope was altered");
    }
}
