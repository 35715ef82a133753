using Governance.Domain;
using Governance.Domain.YearPlans;
using Governance.EventStore;
using Governance.Projections.Commitments;

namespace Governance.Projections.YearPlans;

/// <summary>A plan as its stream folds with <see cref="YearPlan.Decider"/>, with its whole history (progress notes included).</summary>
public sealed record YearPlanView(YearPlanId Id, YearPlan.State.Started State, long StreamVersion, IReadOnlyList<LedgerEntry> History);

/// <summary>Reads plans by folding their streams (live), optionally as they stood at an instant.</summary>
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

    public async Task<IReadOnlyList<YearPlanView>> ListAsync(AllianceId alliance, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var views = new List<YearPlanView>();
        foreach (var id in await StreamReads.IdsAsync(store, alliance.Value, "yearplan-", cancellationToken))
        {
            if (YearPlanId.TryParse(id, out var plan) && await GetAsync(alliance, plan, asOf, cancellationToken) is { } view) views.Add(view);
        }
        return [.. views.OrderBy(v => v.Id.Value, StringComparer.Ordinal)];
    }
}
