using System.Net;
using System.Text;
using Governance.Api.Auth;
using Governance.Api.Tests.Alliances;
using Governance.Domain;

namespace Governance.Api.Tests.Meetings;

/// <summary>The calendar feed (written by Ical.Net) parsed back by hand (RFC 5545): line endings, folding, VTIMEZONE, UIDs, SEQUENCE and times.</summary>
public sealed class CalendarTests : IAsyncLifetime
{
    private const string Base = "/api/v1/alliances/osdorp-de-punt";
    private GovernanceServer _server = null!;
    private HttpClient _secretary = null!;

    public async Task InitializeAsync()
    {
        _server = await GovernanceServer.StartAsync(null, "--clock", "simulated");
        var (admin, _) = await _server.SystemAdminAsync();
        using (admin)
        {
            using var found = await admin.PostAsync(new Uri("/api/v1/alliances", UriKind.Relative), new StringContent(
                """{"id":"osdorp-de-punt","name":"Wijkalliantie Osdorp de Punt","neighbourhood":"Osdorp"}""", Encoding.UTF8, "application/json"));
            found.EnsureSuccessStatusCode();
            using var bcop = await admin.PostAsync(new Uri($"{Base}/partners", UriKind.Relative), new StringContent(
                """{"id":"bcop","name":"BCOP","kind":"residents-collective","body":"residents"}""", Encoding.UTF8, "application/json"));
            bcop.EnsureSuccessStatusCode();
        }
        (_secretary, _) = await _server.ClientWithRolesAsync("Projectleider", new RoleGrant(AllianceId.Parse("osdorp-de-punt"), Role.Secretary));
    }

    public async Task DisposeAsync()
    {
        _secretary.Dispose();
        await _server.DisposeAsync();
    }

    private async Task Post(string path, string json)
    {
        using var r = await _secretary.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
    }

    /// <summary>A property line: name, parameters (upper-cased names), value.</summary>
    private sealed record Property(string Name, Dictionary<string, string> Parameters, string Value);

    /// <summary>Unfolds (CRLF followed by a space or tab) and splits each line into name, parameters and value.</summary>
    private static List<Property> Parse(string text)
    {
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var result = new List<Property>();
        foreach (var line in unfolded.Split("\r\n"))
        {
            if (line.Length == 0) continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var head = line[..colon].Split(';');
            var parameters = head.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0].ToUpperInvariant(), p => p[1]);
            result.Add(new Property(head[0].ToUpperInvariant(), parameters, line[(colon + 1)..]));
        }
        return result;
    }

    /// <summary>The VEVENTs, each as its properties.</summary>
    private static List<List<Property>> Events(List<Property> properties)
    {
        var events = new List<List<Property>>();
        List<Property>? current = null;
        foreach (var p in properties)
        {
            if (p is { Name: "BEGIN", Value: "VEVENT" }) current = [];
            else if (p is { Name: "END", Value: "VEVENT" }) { events.Add(current!); current = null; }
            else current?.Add(p);
        }
        return events;
    }

    private async Task<string> Calendar()
    {
        using var anonymous = _server.CreateClient();
        using var response = await anonymous.GetAsync(new Uri($"{Base}/calendar.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        // RFC 5545 §3.1: every line ends in CRLF and is at most 75 octets.
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        foreach (var line in text.Split("\r\n")) Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line);
        return text;
    }

    private static string Prop(List<Property> e, string name) => e.Single(p => p.Name == name).Value;

    [Fact]
    public async Task Meetings_parse_back_with_Amsterdam_times_stable_UIDs_SEQUENCE_on_reschedule_and_cancellation()
    {
        var longPlace = "Buurthuis De Tump, grote zaal op de eerste verdieping, ingang aan de achterkant bij het fietsenhok (één trap op)";
        await Post($"{Base}/meetings", $$"""{"id":"2026-03-10-wijkalliantie","kind":"alliance-meeting","start":"2026-03-10T19:30","end":"2026-03-10T21:30","place":"{{longPlace}}"}""");
        await Post($"{Base}/meetings", """{"id":"2026-04-14-bewoners","kind":"residents-meeting","start":"2026-04-14T19:30","end":"2026-04-14T21:00","place":"Buurthuis"}""");

        var first = Parse(await Calendar());
        Assert.Equal("VCALENDAR", first[0].Value);
        Assert.Equal("2.0", first.Single(p => p.Name == "VERSION").Value);
        // VTIMEZONE for Europe/Amsterdam with both DST rules.
        Assert.Contains(first, p => p is { Name: "BEGIN", Value: "VTIMEZONE" });
        Assert.Equal("Europe/Amsterdam", first.First(p => p.Name == "TZID").Value);
        // The parts of a rule may come in any order (RFC 5545 §3.3.10).
        static bool Rule(Property p, string month) => p.Name == "RRULE"
            && p.Value.Split(';').ToHashSet().SetEquals(["FREQ=YEARLY", "BYMONTH=" + month, "BYDAY=-1SU"]);
        Assert.Contains(first, p => Rule(p, "3"));
        Assert.Contains(first, p => Rule(p, "10"));

        var meeting = Events(first).Single(e => Prop(e, "UID") == "2026-03-10-wijkalliantie@osdorp-de-punt.wijkalliantie");
        var start = meeting.Single(p => p.Name == "DTSTART");
        Assert.Equal("Europe/Amsterdam", start.Parameters["TZID"]);
        Assert.Equal("20260310T193000", start.Value);
        Assert.Equal("20260310T213000", Prop(meeting, "DTEND"));
        Assert.Equal("0", Prop(meeting, "SEQUENCE"));
        Assert.Equal("CONFIRMED", Prop(meeting, "STATUS"));
        Assert.Equal(longPlace.Replace(",", "\\,", StringComparison.Ordinal), Prop(meeting, "LOCATION"));   // folded and unfolded intact

        // Across the DST change of 29 March: the civil time stays 19:30, the zone carries the offset.
        await Post($"{Base}/meetings/2026-03-10-wijkalliantie/reschedule", """{"start":"2026-03-31T19:30","end":"2026-03-31T21:30","place":"Buurthuis","reason":"Zaal bezet"}""");
        await Post($"{Base}/meetings/2026-04-14-bewoners/cancellation", """{"reason":"Te weinig aanmeldingen"}""");

        var events = Events(Parse(await Calendar()));
        var moved = events.Single(e => Prop(e, "UID") == "2026-03-10-wijkalliantie@osdorp-de-punt.wijkalliantie");
        Assert.Equal("20260331T193000", moved.Single(p => p.Name == "DTSTART").Value);
        Assert.Equal("1", Prop(moved, "SEQUENCE"));
        var cancelled = events.Single(e => Prop(e, "UID") == "2026-04-14-bewoners@osdorp-de-punt.wijkalliantie");
        Assert.Equal("CANCELLED", Prop(cancelled, "STATUS"));
    }

    [Fact]
    public async Task R2_document_deadlines_are_all_day_events_14_days_before_the_meeting()
    {
        await Post($"{Base}/meetings", """{"id":"2026-03-10-wijkalliantie","kind":"alliance-meeting","start":"2026-03-10T19:30","end":"2026-03-10T21:30","place":"Buurthuis"}""");
        await Post($"{Base}/meetings/2026-03-10-wijkalliantie/items", """{"id":"verkeer","partner":"bcop","title":"Verkeer","kind":"decision"}""");
        var events = Events(Parse(await Calendar()));
        var deadline = events.Single(e => Prop(e, "UID") == "2026-03-10-wijkalliantie.r2.item.verkeer@osdorp-de-punt.wijkalliantie");
        var start = deadline.Single(p => p.Name == "DTSTART");
        Assert.Equal("DATE", start.Parameters["VALUE"]);
        Assert.Equal("20260224", start.Value);   // 14 days before Tuesday 10 March
        Assert.Equal("20260225", Prop(deadline, "DTEND"));
    }

    [Fact]
    public async Task The_draft_agenda_intake_information_documents_and_announcements_are_all_day_deadlines_named_in_Dutch()
    {
        await Post($"{Base}/meetings", """{"id":"2026-03-10-wijkalliantie","kind":"alliance-meeting","start":"2026-03-10T19:30","end":"2026-03-10T21:30","place":"Buurthuis"}""");
        await Post($"{Base}/meetings", """{"id":"2026-04-14-bewoners","kind":"residents-meeting","start":"2026-04-14T19:30","end":"2026-04-14T21:00","place":"Buurthuis"}""");
        await Post($"{Base}/meetings/2026-03-10-wijkalliantie/items", """{"id":"verkeer","partner":"bcop","title":"Verkeer rond school","kind":"decision"}""");
        var events = Events(Parse(await Calendar()));
        (string Day, string Summary) Deadline(string uid)
        {
            var e = events.Single(e => Prop(e, "UID") == uid + "@osdorp-de-punt.wijkalliantie");
            Assert.Equal("TRANSPARENT", Prop(e, "TRANSP"));
            return (e.Single(p => p.Name == "DTSTART").Value, Prop(e, "SUMMARY"));
        }

        // R1: 21 days before Tuesday 10 March; R3: 15 days before.
        var r1 = Deadline("2026-03-10-wijkalliantie.r1.meeting");
        Assert.Equal("20260217", r1.Day);
        Assert.StartsWith("Conceptagenda uiterlijk 19:30 (R1)", r1.Summary, StringComparison.Ordinal);
        Assert.Equal("20260223", Deadline("2026-03-10-wijkalliantie.r3.meeting").Day);
        Assert.Contains("agendapunt ‘Verkeer rond school’", Deadline("2026-03-10-wijkalliantie.r2.item.verkeer").Summary, StringComparison.Ordinal);

        // R6: social media and mail 28 days before 14 April, flyers 14 days before.
        Assert.Equal("20260317", Deadline("2026-04-14-bewoners.r6.channel.social-media").Day);
        Assert.Equal("20260317", Deadline("2026-04-14-bewoners.r6.channel.mail").Day);
        var flyers = Deadline("2026-04-14-bewoners.r6.channel.flyers");
        Assert.Equal("20260331", flyers.Day);
        Assert.Contains("aankondiging via flyers in de brievenbus voor Bewonersbijeenkomst dinsdag 14 april 2026", flyers.Summary, StringComparison.Ordinal);
    }
}
