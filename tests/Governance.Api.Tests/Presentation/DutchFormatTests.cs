using Governance.Api.Presentation;
using NodaTime;

namespace Governance.Api.Tests.Presentation;

public sealed class DutchFormatTests
{
    // 12 March 2026 is in winter time (CET, UTC+1): 18:30 UTC is 19:30 in Amsterdam.
    private static readonly Instant WinterEvening = Instant.FromUtc(2026, 3, 12, 18, 30);

    // 7 July 2026 is in summer time (CEST, UTC+2): 17:30 UTC is 19:30 in Amsterdam.
    private static readonly Instant SummerEvening = Instant.FromUtc(2026, 7, 7, 17, 30);

    [Fact]
    public void A_winter_instant_reads_as_Amsterdam_winter_time_with_lower_case_day_and_month()
    {
        Assert.Equal("donderdag 12 maart 2026, 19:30", DutchFormat.DateTime(WinterEvening));
        Assert.Equal("donderdag 12 maart 2026", DutchFormat.Date(WinterEvening));
    }

    [Fact]
    public void A_summer_instant_reads_as_Amsterdam_summer_time()
    {
        Assert.Equal("dinsdag 7 juli 2026, 19:30", DutchFormat.DateTime(SummerEvening));
        Assert.Equal("19:30", DutchFormat.Time(SummerEvening));
    }

    [Fact]
    public void The_date_is_the_Amsterdam_day_even_when_UTC_is_still_on_the_day_before()
    {
        // 23:30 UTC on 30 June is 01:30 on 1 July in Amsterdam.
        var afterMidnight = Instant.FromUtc(2026, 6, 30, 23, 30);
        Assert.Equal("woensdag 1 juli 2026", DutchFormat.Date(afterMidnight));
        Assert.Equal("woensdag 1 juli 2026, 01:30", DutchFormat.DateTime(afterMidnight));
    }

    [Fact]
    public void A_calendar_date_has_no_time_zone_to_apply()
    {
        Assert.Equal("zondag 1 november 2026", DutchFormat.Date(new LocalDate(2026, 11, 1)));
    }

    [Fact]
    public void The_machine_readable_form_carries_the_Amsterdam_offset()
    {
        Assert.Equal("2026-03-12T19:30:00+01:00", DutchFormat.MachineReadable(WinterEvening));
        Assert.Equal("2026-07-07T19:30:00+02:00", DutchFormat.MachineReadable(SummerEvening));
    }
}
