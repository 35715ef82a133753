using System.Net;
using Governance.Api.Tests.Browser;
using Governance.Domain;
using Governance.Projections.Meetings;
using Ical.Net;
using Ical.Net.CalendarComponents;
using NodaTime;

namespace Governance.Api.Tests.Meetings;

/// <summary>
/// The two calendar subscriptions on the demo story (issue 13), each fetched over HTTP and read back with Ical.Net: every
/// scheduled meeting once, at its Amsterdam time, with its page as URL and in its description; the deadlines only in the
/// feed that says so. Reads only, so the class shares one server.
/// </summary>
public sealed class CalendarFeedTests(AllianceServer demo) : IClassFixture<AllianceServer>
{
    private const string Api = AllianceServer.Api;

    private async Task<Calendar> FeedAsync(string path)
    {
        using var client = demo.Server.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return Calendar.Load(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Not a calendar.");
    }

    private async Task<IReadOnlyList<MeetingDocument>> ScheduledMeetingsAsync() =>
        [.. (await demo.Server.Services.GetRequiredService<MeetingQueries>().DocumentsAsync(AllianceId.Parse(AllianceServer.Alliance)))
            .Where(m => m is { Kind: not null, Start: not null } && m.Status != MeetingDocument.NotScheduled)];

    [Fact]
    public async Task The_meetings_only_feed_holds_each_meeting_once_at_its_Amsterdam_time_linking_to_its_page()
    {
        var calendar = await FeedAsync($"{Api}/calendar/meetings.ics");
        var meetings = await ScheduledMeetingsAsync();
        Assert.NotEmpty(meetings);
        Assert.Equal(meetings.Count, calendar.Events.Count);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Amsterdam");

        foreach (var meeting in meetings)
        {
            var e = Assert.Single(calendar.Events, e => e.Uid == $"{meeting.Meeting}@{AllianceServer.Alliance}.wijkalliantie");
            var start = meeting.Start!.Value;
            Assert.Equal("Europe/Amsterdam", e.DtStart!.TzId);
            Assert.Equal(start.ToDateTimeUnspecified(), e.DtStart.Value);
            // The same moment in UTC as NodaTime's tzdb says (summer and winter time alike).
            Assert.Equal(start.InZoneLeniently(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]).ToDateTimeUtc(), e.DtStart.AsUtc);
            var page = $"/allianties/{AllianceServer.Alliance}/vergaderingen/{meeting.Meeting}";
            Assert.NotNull(e.Url);
            Assert.True(e.Url.IsAbsoluteUri);
            Assert.Equal(page, e.Url.AbsolutePath);
            Assert.Contains(e.Url.AbsoluteUri, e.Description, StringComparison.Ordinal);
            Assert.Equal(meeting.Reschedules, e.Sequence);
            Assert.Equal(meeting.Status == MeetingDocument.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed, e.Status);
        }
        Assert.DoesNotContain(calendar.Events, e => e.IsAllDay);
    }

    [Fact]
    public async Task The_feed_with_deadlines_at_the_old_address_adds_all_day_deadlines_that_link_to_their_meeting()
    {
        var calendar = await FeedAsync($"{Api}/calendar.ics");
        var meetings = await ScheduledMeetingsAsync();
        var timed = calendar.Events.Where(e => !e.IsAllDay).ToList();
        Assert.Equal(meetings.Count, timed.Count);
        var deadlines = calendar.Events.Where(e => e.IsAllDay).ToList();
        Assert.NotEmpty(deadlines);
        foreach (var deadline in deadlines)
        {
            // "<meeting>.<rule>.<subject>@…": its meeting is the part before the first dot, and its page is that meeting's.
            var meeting = deadline.Uid![..deadline.Uid!.IndexOf('.', StringComparison.Ordinal)];
            Assert.Contains(meetings, m => m.Meeting == meeting);
            Assert.Equal($"/allianties/{AllianceServer.Alliance}/vergaderingen/{meeting}", deadline.Url!.AbsolutePath);
            Assert.Contains(deadline.Url.AbsoluteUri, deadline.Description, StringComparison.Ordinal);
            Assert.Equal(TransparencyType.Transparent, deadline.Transparency);
            Assert.Equal(deadline.DtStart!.AddDays(1), deadline.DtEnd);
            Assert.Matches(@"\(R[1-6]\)", deadline.Summary);
        }
        // Stable: the same UIDs on the next fetch, so a calendar updates its events instead of adding new ones.
        var again = await FeedAsync($"{Api}/calendar.ics");
        Assert.Equal(calendar.Events.Select(e => e.Uid).Order(), again.Events.Select(e => e.Uid).Order());
    }

    [Fact]
    public async Task An_unknown_alliance_has_no_feed()
    {
        using var client = demo.Server.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/v1/alliances/nergens/calendar/meetings.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
