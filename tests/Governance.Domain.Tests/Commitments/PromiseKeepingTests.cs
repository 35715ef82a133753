using Governance.Domain.Commitments;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Commitments.CommitmentFixtures;

namespace Governance.Domain.Tests.Commitments;

/// <summary>R10: keep rate (kept on time / due) and median days late, the arithmetic behind "who promised what".</summary>
public class PromiseKeepingTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 7, 1, 10, 0); // 1 July 2026, noon in Amsterdam

    private static Commitment.State.Made Due(int day, int month = 6) =>
        (Commitment.State.Made)Commitment.Evolve(Commitment.Initial, MadeEvent(due: new LocalDate(2026, month, day)));

    private static Commitment.State.Made Fulfilled(Commitment.State.Made c, Instant at) =>
        (Commitment.State.Made)Commitment.Evolve(c, new CommitmentFulfilled("Gedaan", null, at, c.Due, at < c.DueAt));

    private static Commitment.State.Made Settled(Commitment.State.Made c, CommitmentEvent e) => (Commitment.State.Made)Commitment.Evolve(c, e);

    private static Instant Amsterdam(int month, int day, int hour = 12) =>
        new LocalDateTime(2026, month, day, hour, 0).InZoneStrictly(Commitment.Zone).ToInstant();

    [Fact]
    public void The_keep_rate_is_promises_kept_on_time_over_promises_due()
    {
        Commitment.State.Made[] promises =
        [
            Fulfilled(Due(1), Amsterdam(5, 30)), // on time
            Fulfilled(Due(2), Amsterdam(6, 2, 23)), // on time: the last hour of its day
            Fulfilled(Due(3), Amsterdam(6, 10)), // late
            Due(10), // overdue
        ];

        var rate = PromiseKeeping.KeepRate(promises, Now);

        Assert.Equal(new KeepRate(2, 4), rate);
        Assert.Equal(0.5, rate.Rate);
    }

    [Fact]
    public void Promises_not_yet_due_and_withdrawn_promises_do_not_count_and_not_possible_counts_as_not_kept()
    {
        Commitment.State.Made[] promises =
        [
            Fulfilled(Due(1), Amsterdam(5, 30)), // kept
            Due(15, month: 7), // open, not due yet
            Settled(Due(2), new CommitmentWithdrawn("Plein heringericht", Resident, Amsterdam(5, 20))),
            Settled(Due(3), new CommitmentReportedNotPossible("Geen budget", Amsterdam(5, 20))),
        ];

        Assert.Equal(new KeepRate(1, 2), PromiseKeeping.KeepRate(promises, Now));
    }

    [Fact]
    public void A_promise_kept_early_counts_as_due_and_kept() =>
        Assert.Equal(new KeepRate(1, 1), PromiseKeeping.KeepRate([Fulfilled(Due(15, month: 7), Amsterdam(6, 20))], Now));

    [Fact]
    public void Without_any_promise_due_there_is_no_keep_rate_rather_than_zero()
    {
        var rate = PromiseKeeping.KeepRate([Due(15, month: 7)], Now);

        Assert.Equal(0, rate.Due);
        Assert.Null(rate.Rate);
    }

    [Fact]
    public void Days_late_count_calendar_days_from_the_due_date_to_the_day_of_fulfilment_or_today()
    {
        Assert.Null(PromiseKeeping.DaysLate(Fulfilled(Due(1), Amsterdam(6, 1, 23)), Now));
        Assert.Equal(1, PromiseKeeping.DaysLate(Fulfilled(Due(1), Amsterdam(6, 2, 0)), Now));
        Assert.Equal(9, PromiseKeeping.DaysLate(Fulfilled(Due(1), Amsterdam(6, 10)), Now));
        Assert.Equal(20, PromiseKeeping.DaysLate(Due(11), Now)); // overdue since 12 June; today is 1 July
        Assert.Null(PromiseKeeping.DaysLate(Due(15, month: 7), Now));
    }

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_and_of_an_even_count_the_mean_of_the_two_middles()
    {
        Assert.Equal(3, PromiseKeeping.Median([9, 1, 3]));
        Assert.Equal(2.5, PromiseKeeping.Median([1, 4, 2, 3]));
        Assert.Null(PromiseKeeping.Median([]));
    }

    [Fact]
    public void Median_days_late_is_over_the_late_promises_only()
    {
        Commitment.State.Made[] promises =
        [
            Fulfilled(Due(1), Amsterdam(5, 30)), // on time: not late
            Fulfilled(Due(1), Amsterdam(6, 3)), // 2 days late
            Fulfilled(Due(1), Amsterdam(6, 6)), // 5 days late
            Due(20), // overdue 11 days
        ];

        Assert.Equal(5, PromiseKeeping.MedianDaysLate(promises, Now));
        Assert.Null(PromiseKeeping.MedianDaysLate([promises[0]], Now));
    }
}
