using NodaTime;

namespace Governance.Domain.Commitments;

/// <summary>A partner's record on its promises at a moment: how many were due, how many of those were kept on time.</summary>
public sealed record KeepRate(int KeptOnTime, int Due)
{
    /// <summary>Kept on time / due, between 0 and 1; null when nothing was due yet (no record is not a bad record).</summary>
    public double? Rate => Due == 0 ? null : (double)KeptOnTime / Due;
}

/// <summary>
/// Pure arithmetic for the "who promised what" views (R10). "Due" at a moment means: fulfilled (on time or late),
/// reported as not possible, or not settled while its due moment has passed. Open promises not yet due do not count,
/// and neither do withdrawn ones: taking a promise back by agreement is not breaking it. A promise reported as not
/// possible counts as due and not kept: R10 asks to report it back, which is right, but the promise was not kept.
/// </summary>
public static class PromiseKeeping
{
    public static KeepRate KeepRate(IEnumerable<Commitment.State.Made> commitments, Instant now)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        var statuses = commitments.Select(c => c.StatusAt(now)).ToList();
        return KeepRate(Enum.GetValues<CommitmentStatus>().ToDictionary(s => s, s => statuses.Count(x => x == s)));
    }

    /// <summary>The same rate from counts per status at a moment (a read model counts them without the promises).</summary>
    public static KeepRate KeepRate(IReadOnlyDictionary<CommitmentStatus, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var due = counts.Where(c => c.Key is not (CommitmentStatus.Open or CommitmentStatus.Withdrawn)).Sum(c => c.Value);
        return new KeepRate(counts.GetValueOrDefault(CommitmentStatus.Fulfilled), due);
    }

    /// <summary>
    /// Whole Amsterdam calendar days a promise is late at <paramref name="now"/>: for one fulfilled late, from its due
    /// date to the day it was fulfilled; for one overdue, from its due date to today. Null for a promise not late.
    /// Due on 1 June and fulfilled on 3 June is 2 days late; fulfilled on 1 June at 23:59 is on time.
    /// </summary>
    public static int? DaysLate(Commitment.State.Made commitment, Instant now)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        return commitment.StatusAt(now) switch
        {
            CommitmentStatus.FulfilledLate => Period.Between(commitment.Due, commitment.SettledAt!.Value.InZone(Commitment.Zone).Date, PeriodUnits.Days).Days,
            CommitmentStatus.Overdue => DaysOverdue(commitment.Due, now),
            _ => null,
        };
    }

    /// <summary>Whole Amsterdam calendar days a promise due on <paramref name="due"/> and still open is late at <paramref name="now"/> (at least 1).</summary>
    public static int DaysOverdue(LocalDate due, Instant now) =>
        Math.Max(1, Period.Between(due, now.InZone(Commitment.Zone).Date, PeriodUnits.Days).Days);

    /// <summary>The median of <see cref="DaysLate"/> over the promises that are late at <paramref name="now"/>; null when none is.</summary>
    public static double? MedianDaysLate(IEnumerable<Commitment.State.Made> commitments, Instant now)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        return Median([.. commitments.Select(c => DaysLate(c, now)).OfType<int>()]);
    }

    /// <summary>The middle value, or the mean of the two middle values for an even count; null for none.</summary>
    public static double? Median(IReadOnlyList<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
