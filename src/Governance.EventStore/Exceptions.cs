namespace Governance.EventStore;

/// <summary>Base type of every error the store raises on purpose.</summary>
public abstract class EventStoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A tenant or stream id does not match <see cref="LedgerId.Pattern"/>.</summary>
public sealed class InvalidLedgerIdException(string what, string? value)
    : EventStoreException($"The {what} id '{value}' is not valid: use lower-case letters, digits and hyphens (at most 100).")
{
    /// <summary>Which id was wrong ("tenant" or "stream").</summary>
    public string What { get; } = what;
}

/// <summary>The stream was not at the version the caller expected.</summary>
public sealed class ConcurrencyException(string tenant, string stream, ExpectedVersion expected, long actual)
    : EventStoreException($"Stream '{stream}' of tenant '{tenant}' is at version {actual}; expected {expected}.")
{
    /// <summary>The tenant.</summary>
    public string Tenant { get; } = tenant;
    /// <summary>The stream.</summary>
    public string Stream { get; } = stream;
    /// <summary>What the caller expected.</summary>
    public ExpectedVersion Expected { get; } = expected;
    /// <summary>The stream's version when the append was tried (0: no stream).</summary>
    public long Actual { get; } = actual;
}

/// <summary>An archived stream takes no more events.</summary>
public sealed class StreamArchivedException(string tenant, string stream)
    : EventStoreException($"Stream '{stream}' of tenant '{tenant}' is archived and takes no more events.");

/// <summary>Event ids that are already stored were appended again with different content.</summary>
public sealed class EventIdConflictException(string tenant, string stream)
    : EventStoreException($"Some event ids appended to stream '{stream}' of tenant '{tenant}' are already stored with different content.");

/// <summary>A stored event's type alias is not registered: it is never skipped.</summary>
public sealed class UnknownEventTypeException(string alias, int schemaVersion, string tenant, long tenantPosition)
    : EventStoreException($"Unknown event type '{alias}' (schema version {schemaVersion}) at position {tenantPosition} of tenant '{tenant}'.")
{
    /// <summary>The unknown alias.</summary>
    public string Alias { get; } = alias;
    /// <summary>Where it is stored.</summary>
    public long TenantPosition { get; } = tenantPosition;
}
