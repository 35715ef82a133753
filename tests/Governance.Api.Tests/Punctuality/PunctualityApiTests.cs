using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Api.Tests.Alliances;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.EventStore;
using NodaTime;

namespace Governance.Api.Tests.Punctuality;

public sealed class PunctualityApiTests
{
    [Fact]
    public async Task A_partners_punctuality_lists_its_deadlines_with_counts_and_unknown_partners_get_404()
    {
        await using var server = await GovernanceServer.StartAsync();
        var (admin, _) = await server.SystemAdminAsync();
        foreach (var (path, body) in new[]
        {
            ("/api/v1/alliances", """{"id":"osdorp-de-punt","name":"Osdorp de Punt","neighbourhood":"Osdorp"}"""),
            ("/api/v1/alliances/osdorp-de-punt/partners", """{"id":"ymere","name":"Ymere","kind":"housing-corporation","body":"professional"}"""),
        })
        {
            using var r = await admin.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            r.EnsureSuccessStatusCode();
        }

        // A meeting 10 days from now with a Ymere item proposed today: R3 (15 days) is already late.
        var store = server.Services.GetRequiredService<Ledger>();
        var now = SystemClock.Instance.GetCurrentInstant();
        var start = now.Plus(Duration.FromDays(10)).InZone(Meeting.Zone).LocalDateTime.Date.At(new LocalTime(19, 30));
        var state = Meeting.Initial;
        var events = new List<MeetingEvent>();
        foreach (var command in new MeetingCommand[]
        {
            new ScheduleMeeting(MeetingId.Parse("meeting-1"), MeetingKind.AllianceMeeting, start, start.PlusHours(2), "Buurthuis", WorkingAgreements.Default, now),
            new ProposeAgendaItem(AgendaItemId.Parse("renovatie"), PartnerId.Parse("ymere"), "Renovatie", AgendaItemKind.Information, null, now),
        })
        {
            var decided = Meeting.Decide(command, state);
            state = decided.Aggregate(state, Meeting.Evolve);
            events.AddRange(decided);
        }
        await store.AppendAsync("osdorp-de-punt", "meeting-1", ExpectedVersion.NoStream,
            [.. events.Select(e => new EventData(e, EventMetadata.None))]);

        using var client = server.CreateClient();
        var url = new Uri($"/api/v1/alliances/osdorp-de-punt/partners/ymere/punctuality?to={Uri.EscapeDataString(now.Plus(Duration.FromDays(30)).ToString())}", UriKind.Relative);
        JsonElement body2 = default;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100);   // an async projection: the daemon catches up within its poll interval
            body2 = await client.GetFromJsonAsync<JsonElement>(url);
        }
        // The counts and the list are two queries: the daemon can write between them, so wait for both.
        while ((body2.GetProperty("deadlines").GetArrayLength() == 0 || body2.GetProperty("late").GetInt32() < 1) && DateTime.UtcNow < deadline);

        Assert.Equal("ymere", body2.GetProperty("partner").GetString());
        var r3 = Assert.Single(body2.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("rule").GetString() == "R3");
        Assert.Equal("late", r3.GetProperty("status").GetString());
        Assert.Equal("meeting-1", r3.GetProperty("meeting").GetString());
        Assert.True(body2.GetProperty("late").GetInt32() >= 1);

        using var unknown = await client.GetAsync(new Uri("/api/v1/alliances/osdorp-de-punt/partners/nergens/punctuality", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
