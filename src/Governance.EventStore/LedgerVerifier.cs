using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
    /// <summary>An event's content no longer matches the hash it was stored with.</summary>
    AlteredEvent,
    /// <summary>A stored hash was changed; the content still matches the chain.</summary>
    AlteredHash,
    /// <summary>A position is missing (an event was deleted).</summary>
    MissingPosition,
    /// <summary>Events were moved to other positions.</summary>
    Reordered,
    /// <summary>The tenant's published head does not match the chain.</summary>
    HeadMismatch,
}

/// <summary>
/// Recomputes every tenant's hash chain from the stored events, independently of the SQL that wrote it,
/// and reports the first position that does not hold.
/// </summary>
public static class LedgerVerifier
{
    /// <summary>The hash before the first event: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> GenesisHash => new byte[32];

    /// <summary>Verifies <paramref name="tenant"/>, or every tenant when it is null.</summary>
    public static async Task<IReadOnlyList<ChainVerification>> VerifyAsync(
        NpgsqlDataSource dataSource, string? tenant = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        if (tenant is not null) LedgerId.Require(tenant, "tenant");
        var tenants = new List<(string Id, long HeadPosition, byte[] HeadHash)>();
        await using (var cmd = dataSource.CreateCommand(
            "select tenant_id, head_position, head_hash from ledger.tenants where $1::text is null or tenant_id = $1 order by tenant_id"))
        {
            cmd.Parameters.Add(new() { Value = (object?)tenant ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                tenants.Add((reader.GetString(0), reader.GetInt64(1), (byte[])reader[2]));
        }

        var results = new List<ChainVerification>();
        foreach (var t in tenants)
            results.Add(await VerifyTenantAsync(dataSource, t.Id, t.HeadPosition, t.HeadHash, progress, cancellationToken));
        return results;
    }

    private sealed record Row(long Position, long GlobalPosition, byte[] Canonical, byte[] StoredHash);

    private static async Task<ChainVerification> VerifyTenantAsync(
        NpgsqlDataSource dataSource, string tenant, long headPosition, byte[] headHash,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("""
            select tenant_position, global_position, stream_id, stream_version, event_id, event_type, schema_version,
                   recorded_at, occurred_at, metadata::text, data::text, hash
              from ledger.events where tenant_id = $1 order by tenant_position
            """);
        cmd.Parameters.Add(new() { Value = tenant });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);

        var chain = GenesisHash.ToArray();   // recomputed hash up to the previous position
        Row? suspect = null;                 // a row whose hash did not match, waiting for the next row to say why
        byte[] suspectComputed = [];
        long count = 0;
        var expectedPosition = 1L;

        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new Row(
                reader.GetInt64(0), reader.GetInt64(1),
                CanonicalBytes(tenant, reader.GetInt64(0), reader.GetString(2), reader.GetInt64(3), reader.GetGuid(4),
                    reader.GetString(5), reader.GetInt32(6), reader.GetFieldValue<DateTimeOffset>(7),
                    reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8), reader.GetString(9), reader.GetString(10)),
                (byte[])reader[11]);

            if (suspect is not null)
                return new(tenant, count, chain, Classify(suspect, suspectComputed, row, headHash));

            if (row.Position != expectedPosition)
                return new(tenant, count, chain, new ChainProblem(expectedPosition, ChainProblemKind.MissingPosition,
                    $"position {expectedPosition} is missing (the next stored position is {row.Position})"));

            var computed = Link(chain, row.Canonical);
            if (!computed.AsSpan().SequenceEqual(row.StoredHash))
            {
                suspect = row;
                suspectComputed = computed;
                continue;
            }
            chain = computed;
            count++;
            expectedPosition++;
            if (count % 10_000 == 0) progress?.Report(count);
        }

        if (suspect is not null)
            return new(tenant, count, chain, Classify(suspect, suspectComputed, next: null, headHash));
        if (headPosition > count)
            return new(tenant, count, chain, new ChainProblem(count + 1, ChainProblemKind.MissingPosition,
                $"position {count + 1} is missing (the tenant's head says {headPosition} events)"));
        if (headPosition < count || !chain.AsSpan().SequenceEqual(headHash))
            return new(tenant, count, chain, new ChainProblem(count, ChainProblemKind.HeadMismatch,
                $"the tenant's head (position {headPosition}) does not match the chain"));
        progress?.Report(count);
        return new(tenant, count, chain, null);
    }

    private static ChainProblem Classify(Row suspect, byte[] computed, Row? next, byte[] headHash)
    {
        if (next is not null && next.GlobalPosition < suspect.GlobalPosition)
            return new(suspect.Position, ChainProblemKind.Reordered,
                $"position {suspect.Position} holds an event appended after the one at position {next.Position}: events were reordered");
        var nextStored = next?.StoredHash;
        var storedLinksOn = next is null ? headHash.AsSpan().SequenceEqual(suspect.StoredHash) : Link(suspect.StoredHash, next.Canonical).AsSpan().SequenceEqual(nextStored);
        var computedLinksOn = next is null ? headHash.AsSpan().SequenceEqual(computed) : Link(computed, next.Canonical).AsSpan().SequenceEqual(nextStored);
        if (computedLinksOn && !storedLinksOn)
            return new(suspect.Position, ChainProblemKind.AlteredHash,
                $"the stored hash at position {suspect.Position} was changed (the event itself still fits the chain)");
        return new(suspect.Position, ChainProblemKind.AlteredEvent,
            $"the event at position {suspect.Position} does not match its hash: its content or envelope was altered");
    }

    /// <summary>SHA-256 of the previous hash followed by the canonical bytes of one event.</summary>
    public static byte[] Link(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> canonical)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(previous);
        sha.AppendData(canonical);
        return sha.GetHashAndReset();
    }

    /// <summary>
    /// The bytes a chain link covers, exactly as <c>ledger.canonical_bytes</c> builds them: newline-separated,
    /// times in microseconds since the Unix epoch, JSON in PostgreSQL's jsonb rendering.
    /// </summary>
    public static byte[] CanonicalBytes(string tenant, long tenantPosition, string stream, long streamVersion, Guid eventId,
        string eventType, int schemaVersion, DateTimeOffset recordedAt, DateTimeOffset? occurredAt, string metadataJson, string dataJson)
    {
        var text = string.Join('\n',
            "ledger-v1", tenant, tenantPosition.ToString(CultureInfo.InvariantCulture), stream,
            streamVersion.ToString(CultureInfo.InvariantCulture), eventId.ToString("D"), eventType,
            schemaVersion.ToString(CultureInfo.InvariantCulture), Micros(recordedAt),
            occurredAt is { } o ? Micros(o) : "-", metadataJson, dataJson);
        return Encoding.UTF8.GetBytes(text);
    }

    private static string Micros(DateTimeOffset t) =>
        ((t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10).ToString(CultureInfo.InvariantCulture);
}
