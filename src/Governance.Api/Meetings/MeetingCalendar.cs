using System.Globalization;
using System.Text;
using Governance.Api.Presentation;
using Governance.Domain.Meetings;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;
using NodaTime;
using NodaTime.Text;

namespace Governance.Api.Meetings;

/// <summary>
/// An alliance's meetings as an RFC 5545 calendar: one VEVENT per meeting (UID stable across reschedules, SEQUENCE the
/// number of reschedules, STATUS:CANCELLED once cancelled), times in Europe/Amsterdam with its VTIMEZONE, and the
/// deadlines before it (R1 draft agenda, R2 and R4 documents, R3 intake, R6 announcements) as all-day VEVENTs, so
/// partners see in their own agenda when their papers are due.
/// </summary>
public static class MeetingCalendar
{
    private const string Tzid = "Europe/Amsterdam";
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");
    private static readonly LocalDatePattern Date = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");
    private static readonly InstantPattern Utc = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    // The EU rules in force since 1996 (last Sunday of March 02:00 → CEST, last Sunday of October 03:00 → CET);
    // Europe/Amsterdam has followed them since 1977/1996, long before any meeting here.
    private static readonly string[] Timezone =
    [
        "BEGIN:VTIMEZONE", "TZID:" + Tzid,
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19810329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19961027T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ];

    public static string Write(AllianceView alliance, IEnumerable<MeetingDocument> meetings, Instant now)
    {
        ArgumentNullException.ThrowIfNull(alliance);
        ArgumentNullException.ThrowIfNull(meetings);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Wijkalliantie//Governance Ledger//NL", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Escape(alliance.Name), "X-WR-TIMEZONE:" + Tzid,
        };
        lines.AddRange(Timezone);
        var stamp = "DTSTAMP:" + Utc.Format(now);
        var host = alliance.Id.Value + ".wijkalliantie";
        foreach (var meeting in meetings)
        {
            if (meeting is not { Kind: { } kind, Start: { } start } || meeting.Status == MeetingDocument.NotScheduled) continue;
            var cancelled = meeting.Status == MeetingDocument.Cancelled;
            var end = cancelled ? start : meeting.End ?? start;
            var place = cancelled ? "" : meeting.Place ?? "";

            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{meeting.Meeting}@{host}");
            lines.Add(stamp);
            lines.Add($"DTSTART;TZID={Tzid}:{Local.Format(start)}");
            lines.Add($"DTEND;TZID={Tzid}:{Local.Format(end)}");
            lines.Add("SEQUENCE:" + meeting.Reschedules.ToString(CultureInfo.InvariantCulture));
            lines.Add("SUMMARY:" + Escape(KindName(kind)));
            if (place.Length > 0) lines.Add("LOCATION:" + Escape(place));
            lines.Add("STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
            lines.Add("END:VEVENT");

            if (cancelled) continue;
            var title = $"{KindName(kind)} {Presentation.DutchFormat.Date(start.Date)}";

            // R3: the last day to put an item on an alliance meeting's agenda; a deadline of the meeting, not of an item.
            if (meeting.IntakeDueAt is { } intakeDue)
            {
                var intake = Instant.FromDateTimeOffset(intakeDue);
                AddDeadlineDay(lines, stamp, host, meeting, "r3.meeting", intake,
                    $"Agendapunten aanmelden uiterlijk {Presentation.DutchFormat.Time(intake)} (R3) voor {title}");
            }

            // R1, R2, R4, R6: what someone must have done by a day before the meeting, at the due moment in force after
            // any R19 extension. Subjects by title, so a partner sees which paper is theirs.
            foreach (var check in meeting.Deadlines.Where(c => c.Rule is "R1" or "R2" or "R4" or "R6"))
            {
                var subject = MeetingResponses.SubjectOf(check.Subject);
                var due = Instant.FromDateTimeOffset(check.DueAt);
                var about = check.Subject == DeadlineSubject.TheMeeting ? "" : DeadlineTexts.Subject(check.Subject, check.Title) + " ";
                AddDeadlineDay(lines, stamp, host, meeting, $"{check.Rule.ToLowerInvariant()}.{subject.Replace(':', '.')}", due,
                    $"{DeadlineTexts.Rule(check.Rule)} uiterlijk {Presentation.DutchFormat.Time(due)} ({check.Rule}): {about}voor {title}");
            }
        }
        lines.Add("END:VCALENDAR");

        var text = new StringBuilder();
        foreach (var line in lines) Fold(text, line);
        return text.ToString();
    }

    private static string KindName(MeetingKind kind) => System.Globalization.CultureInfo.GetCultureInfo("nl-NL").TextInfo.ToTitleCase(MeetingTexts.Kind(kind));

    /// <summary>An all-day, free-time event on the day of <paramref name="due"/>; its UID is stable for the meeting and deadline.</summary>
    private static void AddDeadlineDay(List<string> lines, string stamp, string host, MeetingDocument meeting, string key, Instant due, string summary)
    {
        var day = due.InZone(Meeting.Zone).Date;
        lines.Add("BEGIN:VEVENT");
        lines.Add($"UID:{meeting.Meeting}.{key}@{host}");
        lines.Add(stamp);
        lines.Add($"DTSTART;VALUE=DATE:{Date.Format(day)}");
        lines.Add($"DTEND;VALUE=DATE:{Date.Format(day.PlusDays(1))}");
        lines.Add("SEQUENCE:" + meeting.Reschedules.ToString(CultureInfo.InvariantCulture));
        lines.Add("SUMMARY:" + Escape(summary));
        lines.Add("TRANSP:TRANSPARENT");
        lines.Add("END:VEVENT");
    }

    /// <summary>RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values.</summary>
    public static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// RFC 5545 §3.1: lines end in CRLF and are folded at 75 octets (a continuation starts with a space, which counts),
    /// never inside a UTF-8 sequence.
    /// </summary>
    public static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 1;
            }
            output.Append(rune.ToString());
            octets += size;
        }
        output.Append("\r\n");
    }
}
