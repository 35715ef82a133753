using Governance.Domain.YearPlans;
using Governance.Projections.Commitments;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Governance.Projections.YearPlans;

/// <summary>A plan (R11) as the list of plans shows it: its id, title and how many goals and dreams it has.</summary>
public sealed class YearPlanDocument
{
    /// <summary>The stream id, <c>yearplan-…</c>.</summary>
    public string Id { get; set; } = "";

    public string Plan { get; set; } = "";

    public string Title { get; set; } = "";

    public int Goals { get; set; }

    public int Dreams { get; set; }

    /// <summary>When the plan was started (recorded), to the microsecond.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>Keeps one <see cref="YearPlanDocument"/> per plan, inline, folding with <see cref="YearPlan.Decider"/>'s own evolve.</summary>
public sealed partial class YearPlanProjection : SingleStreamProjection<YearPlanDocument, string>
{
    public const string ProjectionName = "year-plans";

    public YearPlanProjection()
    {
        Name = ProjectionName;
        foreach (var e in DomainJson.EventTypes.Where(e => e.Type.IsAssignableTo(typeof(YearPlanEvent)))) IncludeType(e.Type);
    }

    public override YearPlanDocument? Evolve(YearPlanDocument? snapshot, string id, IEvent e)
    {
        if (e.Data is not YearPlanEvent data) return snapshot;
        var document = snapshot ?? new YearPlanDocument { Id = id, RecordedAt = StoredEntry.Microseconds(e.Timestamp) };
        document.Version++;
        switch (data)
        {
            case YearPlanStarted s:
                (document.Plan, document.Title) = (s.Plan.Value, s.Title);
                break;
            case GoalSet { Horizon: GoalHorizon.Dream }:
                document.Dreams++;
                break;
            case GoalSet:
                document.Goals++;
                break;
        }
        return document;
    }
}
