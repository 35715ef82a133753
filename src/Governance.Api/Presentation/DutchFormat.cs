using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Governance.Api.Presentation;

/// <summary>
/// Dates and times as Dutch readers expect them on a page: "dinsdag 12 maart 2026, 19:30", always in
/// Amsterdam time (meetings and deadlines happen there, whatever zone the server runs in).
/// </summary>
public static class DutchFormat
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The zone every page shows times in.</summary>
    public static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    // nl-NL writes day and month names in lower case, as Dutch does; the comma before the time is the
    // usual Dutch style ("dinsdag 12 maart 2026, 19:30"), and 24-hour time needs no "uur".
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Create("dddd d MMMM yyyy", Dutch);
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.Create("HH:mm", Dutch);
    private static readonly LocalDateTimePattern DateTimePattern = LocalDateTimePattern.Create("dddd d MMMM yyyy', 'HH:mm", Dutch);

    /// <summary>"dinsdag 12 maart 2026, 19:30" in Amsterdam time.</summary>
    public static string DateTime(Instant instant) => DateTimePattern.Format(instant.InZone(Amsterdam).LocalDateTime);

    /// <summary>"dinsdag 12 maart 2026": the Amsterdam calendar day on which <paramref name="instant"/> falls.</summary>
    public static string Date(Instant instant) => DatePattern.Format(instant.InZone(Amsterdam).Date);

    /// <summary>"dinsdag 12 maart 2026" for a date that has no time of day (a deadline day, a meeting date).</summary>
    public static string Date(LocalDate date) => DatePattern.Format(date);

    /// <summary>Whole Amsterdam calendar days from the day of <paramref name="from"/> to <paramref name="to"/>'s (negative when it lies before).</summary>
    public static int DaysBetween(Instant from, LocalDate to) => Period.Between(from.InZone(Amsterdam).Date, to, PeriodUnits.Days).Days;

    /// <summary>"19:30" in Amsterdam time.</summary>
    public static string Time(Instant instant) => TimePattern.Format(instant.InZone(Amsterdam).TimeOfDay);

    /// <summary>The value for a &lt;time datetime="…"&gt; attribute: ISO 8601 with the Amsterdam offset.</summary>
    public static string MachineReadable(Instant instant) =>
        OffsetDateTimePattern.Rfc3339.Format(instant.InZone(Amsterdam).ToOffsetDateTime());
}
