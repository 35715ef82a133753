using Governance.Domain;
using Governance.Domain.YearPlans;
using Governance.EventStore;
using Governance.Projections.Commitments;
using Marten;

namespace Governance.Projections.YearPlans;

/// <summary>A plan as its stream folds with <see cref="YearPlan.Decider"/>, with its whole history (progress notes included).</summary>
public sealed record YearPlanView(YearPlanId Id, YearPlan.State.Started State, long StreamVersion, IReadOnlyList<LedgerEntry> History);

/// <summary>Reads a plan by folding its stream (live), optionally as it stood at an instant; the list of plans from documents.</summary>
public sealed class YearPlanQueries(Ledger store)
{
    public async Task<YearPlanView?> GetAsync(AllianceId alliance, YearPlanId plan, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var events = await StreamReads.ReadAsync(store, alliance.Value, plan.StreamId, asOf, cancellationToken);
        if (events.Count == 0) return null;
        var history = events.Select(e => LedgerEntry.From(e, e.Data)).ToList();
        return YearPlan.Decider.Fold(history.Select(h => (YearPlanEvent)h.Event)) is YearPlan.State.Started started
            ? new YearPlanView(plan, started, events[^1].StreamVersion, history)
            : null;
    }

    /// <summary>One page of the alliance's plans, by id, from the documents <see cref="YearPlanProjection"/> keeps.</summary>
    public async Task<PageOf<YearPlanDocument>> ListAsync(AllianceId alliance, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var session = store.Store.QuerySession(alliance.Value);
        var batch = session.CreateBatchQuery();
        var total = batch.Query<YearPlanDocument>().Count();
        var page = batch.Query<YearPlanDocument>().OrderBy(d => d.Plan).Skip(skip).Take(take).ToList();
        await batch.Execute(cancellationToken);
        return new PageOf<YearPlanDocument>(await page, await total);
    }
}
