using JasperFx.Events;

namespace Governance.EventStore;

/// <summary>How an event is handed to Marten by any writer of the ledger (the adapter, a Wolverine handler): with its id, metadata and headers.</summary>
public static class LedgerEvents
{
    /// <summary>
    /// Wraps <paramref name="e"/> for <c>session.Events.Append</c>: its id, correlation and causation, the headers (actor, role,
    /// command id, occurred-at), and, when given, the recorded time (else Marten takes it from the store's clock).
    /// </summary>
    public static IEvent Wrap(EventData e, DateTimeOffset? recordedAt = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var wrapped = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(e.Data.GetType()), e.Data)!;
        wrapped.Id = e.EventId;
        if (recordedAt is { } at) wrapped.Timestamp = at.ToUniversalTime();
        wrapped.CorrelationId = e.Metadata.CorrelationId;
        wrapped.CausationId = e.Metadata.CausationId;
        foreach (var (name, value) in Ledger.HeadersOf(e.Metadata, e.OccurredAt)) wrapped.SetHeader(name, value);
        return wrapped;
    }
}
