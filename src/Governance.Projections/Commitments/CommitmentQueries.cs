using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.EventStore;
using NodaTime;

namespace Governance.Projections.Commitments;

/// <summary>A promise as its stream folds with <see cref="Commitment.Decider"/>, with its whole history.</summary>
public sealed record CommitmentView(CommitmentId Id, Commitment.State.Made State, long StreamVersion, IReadOnlyList<LedgerEntry> History)
{
    /// <summary>The progress notes, in order.</summary>
    public IEnumerable<CommitmentProgressReported> Progress => History.Select(h => h.Event).OfType<CommitmentProgressReported>();
}

/// <summary>A partner's promises at a moment: counts per status, keep rate and median days late (R10), and the list.</summary>
public sealed record PromiseRecord(
    PartnerId Partner,
    IReadOnlyDictionary<CommitmentStatus, int> Counts,
    KeepRate KeepRate,
    double? MedianDaysLate,
    IReadOnlyList<CommitmentView> Commitments);

/// <summary>
/// Reads promises by folding their streams (live), optionally as they stood at an instant: only the events recorded
/// up to then count, so a promise fulfilled later shows open (or overdue) as of before.
/// </summary>
public sealed class CommitmentQueries(Ledger store)
{
    public async Task<CommitmentView?> GetAsync(AllianceId alliance, CommitmentId commitment, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var events = await StreamReads.ReadAsync(store, alliance.Value, commitment.StreamId, asOf, cancellationToken);
        if (events.Count == 0) return null;
        var history = events.Select(e => LedgerEntry.From(e, e.Data)).ToList();
        var state = Commitment.Decider.Fold(history.Select(h => (CommitmentEvent)h.Event));
        return state is Commitment.State.Made made ? new CommitmentView(commitment, made, events[^1].StreamVersion, history) : null;
    }

    /// <summary>Every promise of an alliance made by <paramref name="asOf"/>, by due date.</summary>
    public async Task<IReadOnlyList<CommitmentView>> ListAsync(AllianceId alliance, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var views = new List<CommitmentView>();
        foreach (var id in await StreamReads.IdsAsync(store, alliance.Value, "commitment-", cancellationToken))
        {
            if (!CommitmentId.TryParse(id, out var commitment)) continue;
            if (await GetAsync(alliance, commitment, asOf, cancellationToken) is { } view) views.Add(view);
        }
        return [.. views.OrderBy(v => v.State.Due).ThenBy(v => v.Id.Value, StringComparer.Ordinal)];
    }

    /// <summary>The tenant position a read as of <paramref name="asOf"/> (or now) reflects.</summary>
    public Task<long> PositionAsync(AllianceId alliance, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default) =>
        store.GetTenantPositionAsync(alliance.Value, asOf, cancellationToken);

    /// <summary>R10: a partner's record at <paramref name="at"/> over <paramref name="commitments"/> (its own are picked out).</summary>
    public static PromiseRecord RecordOf(PartnerId partner, IEnumerable<CommitmentView> commitments, Instant at)
    {
        var own = commitments.Where(c => c.State.Owner == partner).ToList();
        var states = own.Select(c => c.State).ToList();
        var counts = Enum.GetValues<CommitmentStatus>().ToDictionary(s => s, s => states.Count(c => c.StatusAt(at) == s));
        return new PromiseRecord(partner, counts, PromiseKeeping.KeepRate(states, at), PromiseKeeping.MedianDaysLate(states, at), own);
    }
}
