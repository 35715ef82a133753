namespace Governance.EventStore;

/// <summary>Who did what, and why: stored with every event (no personal data: the actor is a pseudonymous id).</summary>
/// <param name="ActorId">The pseudonymous id of the person or system that caused the event.</param>
/// <param name="Role">The role the actor acted in (for example <c>chair</c>).</param>
/// <param name="CorrelationId">Ties together everything one request caused (Marten's <c>correlation_id</c>).</param>
/// <param name="CausationId">The event or command that caused this one (Marten's <c>causation_id</c>).</param>
/// <param name="CommandId">The command's id; a retried command keeps it.</param>
public sealed record EventMetadata(
    string? ActorId = null,
    string? Role = null,
    string? CorrelationId = null,
    string? CausationId = null,
    string? CommandId = null)
{
    /// <summary>No actor (system-made events, tests).</summary>
    public static EventMetadata None { get; } = new();
}

/// <summary>An event to append: its body, who caused it, its id and, where it differs from now, when it happened.</summary>
/// <param name="Data">The event object; its type must be registered with an alias.</param>
/// <param name="Metadata">Actor, role, correlation, causation and command id.</param>
/// <param name="EventId">Unique; appending the same id with the same content again returns the first result.</param>
/// <param name="OccurredAt">When it happened, where that differs from when it is recorded (an oral promise made last week).</param>
public sealed record EventData(object Data, EventMetadata Metadata, Guid EventId, DateTimeOffset? OccurredAt = null)
{
    /// <summary>An event with a new id (version 7, so ids sort by creation).</summary>
    public EventData(object data, EventMetadata metadata, DateTimeOffset? occurredAt = null)
        : this(data, metadata, Guid.CreateVersion7(), occurredAt)
    {
    }
}

/// <summary>An event as stored in the ledger, with its place in the alliance's chain.</summary>
/// <param name="TenantId">The alliance.</param>
/// <param name="TenantPosition">Its gapless position in the alliance's chain (1, 2, 3 …).</param>
/// <param name="Sequence">Marten's global sequence (<c>seq_id</c>); not in chain order for concurrent appends.</param>
/// <param name="StreamId">The stream.</param>
/// <param name="StreamVersion">Its version within the stream.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="Type">The stable alias (<c>meeting.document-shared</c>).</param>
/// <param name="Data">The deserialised (and upcast) event.</param>
/// <param name="Metadata">Actor, role, correlation, causation, command id.</param>
/// <param name="RecordedAt">When the ledger recorded it (the app's clock, never the client's).</param>
/// <param name="OccurredAt">When it happened, where that differs.</param>
public sealed record RecordedEvent(
    string TenantId,
    long TenantPosition,
    long Sequence,
    string StreamId,
    long StreamVersion,
    Guid EventId,
    string Type,
    object Data,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt,
    DateTimeOffset? OccurredAt);

/// <summary>Where an append landed.</summary>
/// <param name="FirstTenantPosition">The tenant position of the first event.</param>
/// <param name="LastTenantPosition">The tenant position of the last event.</param>
/// <param name="StreamVersion">The stream's version after the append.</param>
/// <param name="WasDuplicate">True when every event id was already stored with the same content (an idempotent retry).</param>
public sealed record AppendResult(long FirstTenantPosition, long LastTenantPosition, long StreamVersion, bool WasDuplicate);

/// <summary>A tenant's ledger head: how many events, and the hash of the last one.</summary>
public sealed record TenantHead(string TenantId, long Position, byte[] Hash)
{
    /// <summary>The head hash as 64 lower-case hex digits, to publish.</summary>
    public string HashHex => Convert.ToHexStringLower(Hash);
}
