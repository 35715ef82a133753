using Governance.Domain.Alliances;
using Governance.EventStore;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace Governance.Projections.Alliances;

/// <summary>
/// One alliance as it stands now: the <see cref="AllianceView"/> its pages and API show, kept in the same transaction
/// as every append to its stream, so a page shows what was just done without folding the stream again. One document
/// per alliance (tenant), with the stream id (<see cref="Domain.Alliances.Alliance.StreamId"/>) as its id. The name is
/// copied out of the view so that the list of alliances can sort on it in SQL.
/// </summary>
public sealed class AllianceDocument
{
    public string Id { get; set; } = Domain.Alliances.Alliance.StreamId;

    /// <summary>The alliance id (also the tenant).</summary>
    public string Alliance { get; set; } = "";

    public string Name { get; set; } = "";

    public AllianceView View { get; set; } = null!;
}

/// <summary>
/// Keeps <see cref="AllianceDocument"/> inline: each event is one step of the same fold as the live view
/// (<see cref="AllianceView.Apply"/>), with the recorded time at the precision the ledger stores.
/// </summary>
public sealed partial class AllianceProjection : SingleStreamProjection<AllianceDocument, string>
{
    public const string ProjectionName = "alliances";

    public AllianceProjection()
    {
        Name = ProjectionName;
        // The concrete alliance events: the daemon's filter matches stored types, so the abstract base would match nothing.
        foreach (var e in DomainJson.EventTypes.Where(e => e.Type.IsAssignableTo(typeof(AllianceEvent)))) IncludeType(e.Type);
    }

    public override AllianceDocument? Evolve(AllianceDocument? snapshot, string id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Data is not AllianceEvent data) return snapshot;
        var envelope = new AllianceView.Envelope(AllianceView.RecordedAt(e.Timestamp), e.Version, Ledger.MetadataOf(e).ActorId);
        var view = AllianceView.Apply(snapshot?.View, envelope, data);
        if (view is null) return snapshot;
        snapshot ??= new AllianceDocument { Id = id };
        snapshot.Alliance = view.Id.Value;
        snapshot.Name = view.Name;
        snapshot.View = view;
        return snapshot;
    }
}

/// <summary>The alliance slice's read models in the one Marten setup (<see cref="GovernanceStore.Configure"/>).</summary>
public static class AllianceProjections
{
    public static void Register(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Inline: every page loads the alliance, and must show what was just done (a partner admitted, an officer seated).
        options.Projections.Add<AllianceProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<AllianceDocument>().Index(d => d.Name);
    }
}
