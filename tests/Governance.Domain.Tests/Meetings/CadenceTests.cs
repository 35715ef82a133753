using Governance.Domain.Meetings;
using NodaTime;
using static Governance.Domain.Tests.Meetings.MeetingFixtures;

namespace Governance.Domain.Tests.Meetings;

public class CadenceTests
{
    private static IEnumerable<PlannedMeeting> CoreGroupEveryMonth =>
        Enumerable.Range(1, 12).Select(month => new PlannedMeeting(MeetingKind.CoreGroupMeeting, new LocalDate(2026, month, 10), false));

    private static IEnumerable<PlannedMeeting> ResidentsEveryQuarter =>
        new[] { 1, 4, 7, 10 }.Select(month => new PlannedMeeting(MeetingKind.ResidentsMeeting, new LocalDate(2026, month, 20), AnnouncedByFlyers: month is 4 or 10));

    [Fact]
    public void A_year_with_a_residents_meeting_each_quarter_the_core_group_monthly_and_two_flyer_rounds_has_no_gaps_R20() =>
        Assert.Empty(MeetingCadence.Gaps([.. CoreGroupEveryMonth, .. ResidentsEveryQuarter], 2026, Cadence.Default));

    [Fact]
    public void A_quarter_without_a_residents_meeting_is_a_gap_R20()
    {
        var withoutSummer = ResidentsEveryQuarter.Where(m => m.Date.Month != 7);

        var gaps = MeetingCadence.Gaps([.. CoreGroupEveryMonth, .. withoutSummer], 2026, Cadence.Default);

        Assert.Equal(
            [new CadenceGap(CadenceRequirement.ResidentsMeetingsPerQuarter, new LocalDate(2026, 7, 1), new LocalDate(2026, 9, 30), 1, 0)],
            gaps);
    }

    [Fact]
    public void A_month_without_a_core_group_meeting_is_a_gap_R20()
    {
        var withoutFebruary = CoreGroupEveryMonth.Where(m => m.Date.Month != 2);

        var gap = Assert.Single(MeetingCadence.Gaps([.. withoutFebruary, .. ResidentsEveryQuarter], 2026, Cadence.Default));

        Assert.Equal(new CadenceGap(CadenceRequirement.CoreGroupMeetingsPerMonth, new LocalDate(2026, 2, 1), new LocalDate(2026, 2, 28), 1, 0), gap);
    }

    [Fact]
    public void Fewer_than_two_flyer_rounds_a_year_is_a_gap_and_meetings_of_other_years_do_not_count_R20()
    {
        var oneFlyerRound = ResidentsEveryQuarter.Select(m => m with { AnnouncedByFlyers = m.Date.Month == 4 })
            .Append(new PlannedMeeting(MeetingKind.ResidentsMeeting, new LocalDate(2025, 12, 1), true));

        var gap = Assert.Single(MeetingCadence.Gaps([.. CoreGroupEveryMonth, .. oneFlyerRound], 2026, Cadence.Default));

        Assert.Equal(new CadenceGap(CadenceRequirement.FlyerRoundsPerYear, new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), 2, 1), gap);
    }

    [Fact]
    public void The_cadence_follows_the_agreements_in_force_R20()
    {
        var twicePerQuarter = new Cadence(ResidentsMeetingsPerQuarter: 2, CoreGroupMeetingsPerMonth: 1, FlyerRoundsPerYear: 2);

        var gaps = MeetingCadence.Gaps([.. CoreGroupEveryMonth, .. ResidentsEveryQuarter], 2026, twicePerQuarter);

        Assert.Equal(4, gaps.Count);
        Assert.All(gaps, g => Assert.Equal((CadenceRequirement.ResidentsMeetingsPerQuarter, 2, 1), (g.Requirement, g.Required, g.Planned)));
    }

    [Fact]
    public void A_scheduled_meeting_counts_in_the_planning_by_its_kind_day_and_flyers_R17_R20()
    {
        var announced = NewMeeting.Given(
            ScheduledEvent(MeetingKind.ResidentsMeeting), new ResidentsMeetingAnnounced(AnnouncementChannel.Flyers, DaysBefore(14)));

        Assert.Equal(new PlannedMeeting(MeetingKind.ResidentsMeeting, new LocalDate(2026, 5, 12), true), AsScheduled(announced.State).AsPlanned);
        Assert.Equal(new PlannedMeeting(MeetingKind.AllianceMeeting, new LocalDate(2026, 5, 12), false), AsScheduled(Scheduled.State).AsPlanned);
    }
}

public class OfficeHoursTests
{
    private static readonly OfficeHours NineToFive = OfficeHours.Default;

    [Theory]
    [InlineData("2026-05-15T23:00", "2026-05-18T08:59", false)] // Friday night to Monday before nine
    [InlineData("2026-05-15T23:00", "2026-05-18T09:30", true)] // … into Monday morning
    [InlineData("2026-05-16T09:00", "2026-05-17T17:00", false)] // the whole weekend
    [InlineData("2026-05-12T16:59", "2026-05-12T17:00", true)] // the last minute of the day
    [InlineData("2026-05-12T12:00", "2026-05-12T12:00", false)] // no span at all
    [InlineData("2026-05-01T00:00", "2026-06-01T00:00", true)] // a month
    public void A_span_overlaps_office_hours_when_it_takes_any_time_from_a_weekday_between_nine_and_five_R18(string from, string to, bool overlaps) =>
        Assert.Equal(overlaps, NineToFive.Overlaps(Parse(from), Parse(to)));

    private static LocalDateTime Parse(string text) => NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(text + ":00").Value;

    [Fact]
    public void R20_judges_only_the_periods_that_begin_after_the_alliance_was_founded()
    {
        var gaps = MeetingCadence.Gaps([], 2026, Cadence.Default, foundedOn: new LocalDate(2026, 7, 6));

        // Core group: August to December (July began before 6 July); residents: the fourth quarter; no flyer year.
        Assert.Equal([8, 9, 10, 11, 12], gaps.Where(g => g.Requirement == CadenceRequirement.CoreGroupMeetingsPerMonth).Select(g => g.From.Month));
        Assert.Equal([new LocalDate(2026, 10, 1)], gaps.Where(g => g.Requirement == CadenceRequirement.ResidentsMeetingsPerQuarter).Select(g => g.From));
        Assert.DoesNotContain(gaps, g => g.Requirement == CadenceRequirement.FlyerRoundsPerYear);
        // A year after the founding year is judged whole.
        Assert.Equal(17, MeetingCadence.Gaps([], 2027, Cadence.Default, foundedOn: new LocalDate(2026, 7, 6)).Count);
    }
}
