namespace Governance.EventStore;

/// <summary>Base type of every error the ledger raises on purpose.</summary>
public abstract class EventStoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A tenant or stream id does not match <see cref="LedgerId.Pattern"/>.</summary>
public sealed class InvalidLedgerIdException(string what, string? value)
    : EventStoreException($"The {what} id '{value}' is not valid: use lower-case letters, digits and hyphens (at most 100).")
{
    /// <summary>Which id was wrong ("tenant" or "stream").</summary>
    public string What { get; } = what;
}

/// <summary>
/// The stream was not at the version the caller expected. Whatever Marten raised (a version mismatch, a stream that
/// already exists, two writers creating one stream at once) reaches callers as this one type.
/// </summary>
public sealed class ConcurrencyException(string tenant, string stream, ExpectedVersion expected, long actual, Exception? inner = null)
    : EventStoreException($"Stream '{stream}' of tenant '{tenant}' is at version {actual}; expected {expected}.", inner)
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

/// <summary>Event ids that are already stored were appended again with different content (or to another stream).</summary>
public sealed class EventIdConflictException(string tenant, string stream)
    : EventStoreException($"Some event ids appended to stream '{stream}' of tenant '{tenant}' are already stored with different content.");

/// <summary>
/// The database holds the ledger of the hand-written store that came before Marten (schema <c>ledger</c> with
/// <c>ledger.events</c>). Nothing migrates it: starting a second ledger beside it would split the history.
/// </summary>
public sealed class LegacyLedgerException()
    : EventStoreException("This database holds the old ledger (table ledger.events, from before the move to Marten). " +
        "It is not migrated: use a new database, or drop schema ledger if its events are not needed.");
