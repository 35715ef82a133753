using Governance.EventStore;
using NodaTime;

namespace Governance.Projections.Commitments;

/// <summary>One event as a history shows it: where it sits in the ledger, when it was recorded (and occurred), who did it, and the event.</summary>
public sealed record LedgerEntry(
    string Stream,
    long StreamVersion,
    long TenantPosition,
    string Type,
    Instant RecordedAt,
    Instant? OccurredAt,
    string? ActorId,
    string? Role,
    object Event)
{
    public static LedgerEntry From(RecordedEvent envelope, object e)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return new(envelope.StreamId, envelope.StreamVersion, envelope.TenantPosition, envelope.Type,
            Instant.FromDateTimeOffset(envelope.RecordedAt), envelope.OccurredAt is { } o ? Instant.FromDateTimeOffset(o) : null,
            envelope.Metadata.ActorId, envelope.Metadata.Role, e);
    }
}

/// <summary>
/// Reads a stream live, or as it stood at <paramref name="asOf"/> (the events recorded up to then): the one place the
/// promise, plan and dispute queries choose between the two.
/// </summary>
internal static class StreamReads
{
    public static Task<IReadOnlyList<RecordedEvent>> ReadAsync(Ledger store, string tenant, string stream, DateTimeOffset? asOf, CancellationToken ct) =>
        store.ReadStreamAsync(tenant, stream, asOf, ct);
}
