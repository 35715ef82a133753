using System.Text.Json;
using Governance.EventStore;
using JasperFx.Events;
using NodaTime;

namespace Governance.Projections.Commitments;

/// <summary>
/// One event kept inside a document, so that a list can show a stream's history without reading the stream. The chain
/// position is not kept: an inline projection runs before the chain trigger gives it one, so a read looks the positions up
/// by event id (<see cref="Ledger.PositionsOfEventsAsync"/>) for the rows it shows.
/// </summary>
public sealed class StoredEntry
{
    private static readonly Dictionary<string, Type> Types = DomainJson.EventTypes.ToDictionary(t => t.StoredName, t => t.Type, StringComparer.Ordinal);

    public Guid EventId { get; set; }

    public long Version { get; set; }

    /// <summary>The type as the envelope names it (the alias stored in <c>mt_events.type</c>).</summary>
    public string Type { get; set; } = "";

    /// <summary>The alias of the shape <see cref="Data"/> has (after upcasting, the current one).</summary>
    public string DataType { get; set; } = "";

    /// <summary>When the ledger recorded it, to the microsecond as PostgreSQL keeps it (so a rebuild writes the same value).</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public DateTimeOffset? OccurredAt { get; set; }

    public string? ActorId { get; set; }

    public string? Role { get; set; }

    /// <summary>The event as <see cref="DomainJson"/> writes it: what the API shows.</summary>
    public JsonElement Data { get; set; }

    public static StoredEntry From(IEvent e, long version)
    {
        ArgumentNullException.ThrowIfNull(e);
        var metadata = Ledger.MetadataOf(e);
        var type = e.Data.GetType();
        return new StoredEntry
        {
            EventId = e.Id,
            Version = version,
            Type = e.EventTypeName,
            DataType = DomainJson.AliasOf(type),
            RecordedAt = Microseconds(e.Timestamp),
            OccurredAt = Ledger.OccurredAtOf(e) is { } o ? Microseconds(o) : null,
            ActorId = metadata.ActorId,
            Role = metadata.Role,
            Data = JsonSerializer.SerializeToElement(e.Data, type, DomainJson.Options),
        };
    }

    /// <summary>The domain event again.</summary>
    public object Event() =>
        Data.Deserialize(Types[DataType], DomainJson.Options) ?? throw new JsonException($"Event {EventId} has no data.");

    /// <summary>As a history shows it, with its chain position (0 when not known).</summary>
    public LedgerEntry ToEntry(string stream, long position, object e) =>
        new(stream, Version, position, Type, Instant.FromDateTimeOffset(RecordedAt), OccurredAt is { } o ? Instant.FromDateTimeOffset(o) : null,
            ActorId, Role, e);

    /// <summary>PostgreSQL keeps microseconds: an inline projection sees the clock's ticks, a rebuild what was stored.</summary>
    public static DateTimeOffset Microseconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);
}
