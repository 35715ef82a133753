using Governance.Domain.Meetings;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;

namespace Governance.Api.Meetings;

/// <summary>
/// An alliance's meetings as an RFC 5545 calendar, written with Ical.Net: one VEVENT per meeting (UID stable across
/// reschedules, SEQUENCE the number of reschedules, STATUS:CANCELLED once cancelled), times in Europe/Amsterdam with its
/// VTIMEZONE, and each event's URL (and a line in its description) the meeting's page. Two feeds: the meetings only, and
/// the meetings with the deadlines before them (R1 draft agenda, R2 and R4 documents, R3 intake, R6 announcements) as
/// all-day VEVENTs, so partners see in their own agenda when their papers are due.
/// </summary>
public static class MeetingCalendar
{
    private const string Tzid = "Europe/Amsterdam";

    /// <summary>Which events a feed holds.</summary>
    public enum Feed
    {
        /// <summary>The meetings only: for residents who want to know when the alliance meets.</summary>
        Meetings,

        /// <summary>The meetings and every deadline before them: for partners who must deliver.</summary>
        MeetingsAndDeadlines,
    }

    /// <param name="site">The site's address (scheme, host and path base, ending in "/"), for the links to the meeting pages.</param>
    public static string Write(AllianceView alliance, IEnumerable<MeetingDocument> meetings, Instant now, Uri site, Feed feed)
    {
        ArgumentNullException.ThrowIfNull(alliance);
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(site);
        var calendar = new Calendar { ProductId = "-//Wijkalliantie//Governance Ledger//NL", Method = "PUBLISH", Scale = "GREGORIAN" };
        // Calendar clients name a subscription after X-WR-CALNAME; Google and Outlook read X-WR-TIMEZONE as the feed's zone.
        calendar.Properties.Add(new CalendarProperty("X-WR-CALNAME", feed == Feed.Meetings ? alliance.Name : $"{alliance.Name}: vergaderingen en termijnen"));
        calendar.Properties.Add(new CalendarProperty("X-WR-TIMEZONE", Tzid));
        // The zone's rules from tzdb through NodaTime (Ical.Net's own), not written by hand: every client then agrees on the offset.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(Tzid, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), includeHistoricalData: false));

        var stamp = new CalDateTime(now.ToDateTimeUtc(), "UTC", true);
        var host = alliance.Id.Value + ".wijkalliantie";
        foreach (var meeting in meetings)
        {
            if (meeting is not { Kind: { } kind, Start: { } start } || meeting.Status == MeetingDocument.NotScheduled) continue;
            var cancelled = meeting.Status == MeetingDocument.Cancelled;
            var end = cancelled ? start : meeting.End ?? start;
            var place = cancelled ? null : meeting.Place;
            var page = new Uri(site, $"allianties/{Uri.EscapeDataString(alliance.Id.Value)}/vergaderingen/{Uri.EscapeDataString(meeting.Meeting)}");

            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{meeting.Meeting}@{host}",
                DtStamp = stamp,
                DtStart = Local(start),
                DtEnd = Local(end),
                Sequence = meeting.Reschedules,
                Summary = KindName(kind),
                Location = string.IsNullOrEmpty(place) ? null : place,
                Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Url = page,
                Description = cancelled
                    ? $"Deze vergadering gaat niet door. Meer informatie: {page}"
                    : $"{KindName(kind)} van {alliance.Name}. De agenda, de stukken en later het verslag staan op {page}",
            });

            if (cancelled || feed == Feed.Meetings) continue;
            var title = $"{KindName(kind)} {Presentation.DutchFormat.Date(start.Date)}";

            // R3: the last day to put an item on an alliance meeting's agenda; a deadline of the meeting, not of an item.
            if (meeting.IntakeDueAt is { } intakeDue)
            {
                var intake = Instant.FromDateTimeOffset(intakeDue);
                calendar.Events.Add(DeadlineDay(stamp, host, meeting, page, "r3.meeting", intake,
                    $"Agendapunten aanmelden uiterlijk {Presentation.DutchFormat.Time(intake)} (R3) voor {title}"));
            }

            // R1, R2, R4, R6: what someone must have done by a day before the meeting, at the due moment in force after
            // any R19 extension. Subjects by title, so a partner sees which paper is theirs.
            foreach (var check in meeting.Deadlines.Where(c => c.Rule is "R1" or "R2" or "R4" or "R6"))
            {
                var subject = MeetingResponses.SubjectOf(check.Subject);
                var due = Instant.FromDateTimeOffset(check.DueAt);
                var about = check.Subject == DeadlineSubject.TheMeeting ? "" : DeadlineTexts.Subject(check.Subject, check.Title) + " ";
                calendar.Events.Add(DeadlineDay(stamp, host, meeting, page, $"{check.Rule.ToLowerInvariant()}.{subject.Replace(':', '.')}", due,
                    $"{DeadlineTexts.Rule(check.Rule)} uiterlijk {Presentation.DutchFormat.Time(due)} ({check.Rule}): {about}voor {title}"));
            }
        }
        return new CalendarSerializer(calendar).SerializeToString() ?? throw new InvalidOperationException("Ical.Net wrote no calendar.");
    }

    private static CalDateTime Local(LocalDateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, Tzid);

    private static string KindName(MeetingKind kind) => System.Globalization.CultureInfo.GetCultureInfo("nl-NL").TextInfo.ToTitleCase(MeetingTexts.Kind(kind));

    /// <summary>An all-day, free-time event on the day of <paramref name="due"/>; its UID is stable for the meeting and deadline.</summary>
    private static CalendarEvent DeadlineDay(CalDateTime stamp, string host, MeetingDocument meeting, Uri page, string key, Instant due, string summary)
    {
        var day = due.InZone(Meeting.Zone).Date;
        return new CalendarEvent
        {
            Uid = $"{meeting.Meeting}.{key}@{host}",
            DtStamp = stamp,
            DtStart = new CalDateTime(day.ToDateOnly()),
            DtEnd = new CalDateTime(day.PlusDays(1).ToDateOnly()),
            Sequence = meeting.Reschedules,
            Summary = summary,
            Transparency = TransparencyType.Transparent,
            Url = page,
            Description = $"Een termijn voor deze vergadering. Meer informatie: {page}",
        };
    }
}
