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
        // Columns of their own (each with an index) for what the lists filter, count and sort on: a query then never has to
        // unpack a promise's JSON, history and all.
        options.Schema.For<CommitmentDocument>()
            .Duplicate(d => d.Commitment).Duplicate(d => d.Owner).Duplicate(d => d.DueAt).Duplicate(d => d.RecordedAt).Duplicate(d => d.DueSince)
            .Duplicate(d => d.Settlement).Duplicate(d => d.SettledRecordedAt).Duplicate(d => d.OverdueRecordedAt);
        options.Schema.For<EscalationDocument>().Index(d => d.RaisedAt);
        return options;
    }
}
