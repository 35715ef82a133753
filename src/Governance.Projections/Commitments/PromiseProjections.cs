using Governance.Projections.Escalations;
using Governance.Projections.YearPlans;
using JasperFx.Events.Projections;
using Marten;

namespace Governance.Projections.Commitments;

/// <summary>
/// The read models of promises (R10, R19), year plans (R11) and disputes (R12): inline, so a list read right after a command
/// shows it. One line in <see cref="GovernanceStore.Configure"/>.
/// </summary>
public static class PromiseProjections
{
    public static StoreOptions Register(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add(new CommitmentProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new YearPlanProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new EscalationProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<CommitmentDocument>().Index(d => d.Owner).Index(d => d.DueAt);
        options.Schema.For<EscalationDocument>().Index(d => d.RaisedAt);
        return options;
    }
}
