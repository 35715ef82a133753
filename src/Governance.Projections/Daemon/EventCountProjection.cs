using JasperFx.Events;
using Marten.Events.Projections;

namespace Governance.Projections.Daemon;

/// <summary>How many events of one alliance the async daemon has applied (one document per alliance).</summary>
public sealed class TenantEventCount
{
    public const string Key = "events";

    public string Id { get; set; } = Key;

    public long Events { get; set; }
}

/// <summary>
/// Counts each alliance's events as the daemon applies them: the plainest proof that no event is ever applied twice,
/// also with two app nodes (the count must equal the chain's head position).
/// </summary>
public sealed partial class EventCountProjection : MultiStreamProjection<TenantEventCount, string>
{
    public EventCountProjection()
    {
        Name = "event-counts";
        Identity<object>(_ => TenantEventCount.Key);
    }

    public override TenantEventCount Evolve(TenantEventCount? snapshot, string id, IEvent e)
    {
        snapshot ??= new TenantEventCount { Id = id };
        snapshot.Events++;
        return snapshot;
    }
}
