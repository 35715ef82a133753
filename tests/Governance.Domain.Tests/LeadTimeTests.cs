using NodaTime;

namespace Governance.Domain.Tests;

/// <summary>Europe/Amsterdam in 2026: summer time starts 29 March 02:00 → 03:00, ends 25 October 03:00 → 02:00.</summary>
public class LeadTimeTests
{
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    [Fact]
    public void Fourteen_days_before_a_Tuesday_evening_meeting_after_the_March_change_is_the_same_time_two_Tuesdays_earlier()
    {
        var meeting = At(2026, 3, 31, 19, 30);

        var due = LeadTime.Days(14).DueBefore(meeting);

        Assert.Equal(new LocalDateTime(2026, 3, 17, 19, 30), due.InZone(Amsterdam).LocalDateTime);
        Assert.Equal(Duration.FromHours(14 * 24 - 1), meeting.ToInstant() - due);
    }

    [Fact]
    public void Fourteen_days_before_a_Tuesday_evening_meeting_after_the_October_change_is_the_same_time_two_Tuesdays_earlier()
    {
        var meeting = At(2026, 10, 27, 19, 30);

        var due = LeadTime.Days(14).DueBefore(meeting);

        Assert.Equal(new LocalDateTime(2026, 10, 13, 19, 30), due.InZone(Amsterdam).LocalDateTime);
        Assert.Equal(Duration.FromHours(14 * 24 + 1), meeting.ToInstant() - due);
    }

    [Fact]
    public void Forty_eight_hours_across_the_March_change_are_elapsed_hours_so_the_wall_clock_shows_an_hour_less()
    {
        var meeting = At(2026, 3, 30, 19, 30);

        var due = LeadTime.Hours(48).DueBefore(meeting);

        Assert.Equal(Duration.FromHours(48), meeting.ToInstant() - due);
        Assert.Equal(new LocalDateTime(2026, 3, 28, 18, 30), due.InZone(Amsterdam).LocalDateTime);
    }

    [Fact]
    public void Forty_eight_hours_across_the_October_change_are_elapsed_hours_so_the_wall_clock_shows_an_hour_more()
    {
        var meeting = At(2026, 10, 26, 19, 30);

        var due = LeadTime.Hours(48).DueBefore(meeting);

        Assert.Equal(Duration.FromHours(48), meeting.ToInstant() - due);
        Assert.Equal(new LocalDateTime(2026, 10, 24, 20, 30), due.InZone(Amsterdam).LocalDateTime);
    }

    [Fact]
    public void A_deadline_that_falls_in_the_skipped_hour_of_29_March_moves_forward_by_the_gap()
    {
        var meeting = At(2026, 3, 30, 2, 30);

        var due = LeadTime.Days(1).DueBefore(meeting);

        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 30), due);
        Assert.Equal(new LocalDateTime(2026, 3, 29, 3, 30), due.InZone(Amsterdam).LocalDateTime);
    }

    [Fact]
    public void A_deadline_on_the_first_minute_of_summer_time_is_kept_exactly()
    {
        var meeting = At(2026, 4, 5, 3, 0);

        var due = LeadTime.Days(7).DueBefore(meeting);

        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 0), due);
    }

    [Fact]
    public void A_deadline_at_the_last_minute_of_winter_time_on_29_March_is_kept_exactly()
    {
        var meeting = At(2026, 3, 30, 1, 59);

        var due = LeadTime.Days(1).DueBefore(meeting);

        Assert.Equal(Instant.FromUtc(2026, 3, 29, 0, 59), due);
    }

    [Fact]
    public void A_deadline_that_falls_in_the_repeated_hour_of_25_October_counts_at_its_first_occurrence()
    {
        var meeting = At(2026, 10, 26, 2, 30);

        var due = LeadTime.Days(1).DueBefore(meeting);

        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 30), due); // 02:30 summer time, not 02:30 winter time (01:30 UTC)
    }

    [Fact]
    public void One_hour_before_the_first_minute_of_summer_time_is_one_hour_on_the_clock_of_the_world()
    {
        var meeting = At(2026, 3, 29, 3, 0);

        var due = LeadTime.Hours(1).DueBefore(meeting);

        Assert.Equal(new LocalDateTime(2026, 3, 29, 1, 0), due.InZone(Amsterdam).LocalDateTime);
    }

    [Fact]
    public void One_hour_before_the_second_two_oclock_of_25_October_is_the_first_two_oclock()
    {
        var secondTwoOClock = Instant.FromUtc(2026, 10, 25, 1, 0).InZone(Amsterdam);

        var due = LeadTime.Hours(1).DueBefore(secondTwoOClock);

        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 0), due);
        Assert.Equal(new LocalDateTime(2026, 10, 25, 2, 0), due.InZone(Amsterdam).LocalDateTime);
    }

    [Fact]
    public void A_motivation_asked_before_the_October_change_is_due_28_civil_days_later_R9()
    {
        var advised = At(2026, 10, 15, 12, 0);

        var due = LeadTime.Days(28).DueAfter(advised);

        Assert.Equal(new LocalDateTime(2026, 11, 12, 12, 0), due.InZone(Amsterdam).LocalDateTime);
    }

    [Theory]
    [InlineData(0, LeadTimeUnit.Days)]
    [InlineData(-1, LeadTimeUnit.Days)]
    [InlineData(0, LeadTimeUnit.Hours)]
    [InlineData(367, LeadTimeUnit.Days)]
    [InlineData(366 * 24 + 1, LeadTimeUnit.Hours)]
    [InlineData(1, (LeadTimeUnit)3)]
    public void A_lead_time_that_is_not_positive_or_longer_than_a_year_cannot_exist(int amount, LeadTimeUnit unit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeadTime(amount, unit));

    [Fact]
    public void Lead_times_are_equal_by_amount_and_unit()
    {
        Assert.Equal(LeadTime.Days(2), new LeadTime(2, LeadTimeUnit.Days));
        Assert.NotEqual(LeadTime.Days(2), LeadTime.Hours(48));
    }

    [Theory]
    [InlineData(1, LeadTimeUnit.Days, "1 day")]
    [InlineData(14, LeadTimeUnit.Days, "14 days")]
    [InlineData(1, LeadTimeUnit.Hours, "1 hour")]
    [InlineData(48, LeadTimeUnit.Hours, "48 hours")]
    public void A_lead_time_reads_as_its_amount_and_unit(int amount, LeadTimeUnit unit, string text) =>
        Assert.Equal(text, new LeadTime(amount, unit).ToString());

    private static ZonedDateTime At(int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Amsterdam);
}
