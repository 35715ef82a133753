namespace Governance.EventStore;

/// <summary>Who did what, and why: stored with every event (no personal data: the actor is a pseudonymous id).</summary>
/// <param name="ActorId">The pseudonymous id of the person or system that caused the event.</param>
/// <param name="Role">The role the actor acted in (for example <c>chair</c>).</param>
/// <param name="CorrelationId">Ties together everything one request caused.</param>
/// <param name="CausationId">The event or command that caused this one.</param>
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

/// <summary>An event to append: its id, alias, schema version and JSON body.</summary>
/// <param name="EventId">Unique within the tenant; appending the same id with the same content again is a no-op.</param>
/// <param name="Type">The stable alias (<c>meeting.document-shared</c>), never a CLR type name.</param>
/// <param name="SchemaVersion">The version of the body's shape, for upcasting on read.</param>
/// <param name="Data">The body as a JSON object.</param>
/// <param name="Metadata">Actor, role and correlation.</param>
/// <param name="OccurredAt">When it happened, where that differs from when it is recorded.</param>
public sealed record EventData(
    Guid EventId,
    string Type,
    int SchemaVersion,
    string Data,
    EventMetadata Metadata,
    DateTimeOffset? OccurredAt = null);

/// <summary>An event as stored in the ledger.</summary>
public sealed record RecordedEvent(
    string TenantId,
    long TenantPosition,
    long GlobalPosition,
    string StreamId,
    long StreamVersion,
    Guid EventId,
    string Type,
    int SchemaVersion,
    string Data,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt,
    DateTimeOffset? OccurredAt,
    byte[] Hash);

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

/// <summary>A place in the cross-tenant feed: past every event up to this (transaction, global position).</summary>
public readonly record struct FeedCursor(ulong TransactionId, long GlobalPosition)
{
    /// <summary>Before the first event.</summary>
    public static FeedCursor Start { get; } = new(0, 0);
}

/// <summary>An event of the cross-tenant feed with the cursor that continues after it.</summary>
public sealed record FeedEvent(RecordedEvent Event, FeedCursor Cursor);
