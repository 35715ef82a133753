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

/// <summary>
/// A partner with more deadlines than one page: the punctuality JSON counts them all and lists one page with a `page`
/// object, and the Termijnen page shows the first page per partner with a link to all of them, page by page.
/// </summary>
public sealed class PunctualityPagingTests : IAsyncLifetime
{
    private const string Alliance = "osdorp-de-punt";
    private GovernanceServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await GovernanceServer.StartAsync();
        var (admin, _) = await _server.SystemAdminAsync();
        using (admin)
        {
            foreach (var (path, body) in new[]
            {
                ("/api/v1/alliances", """{"id":"osdorp-de-punt","name":"Osdorp de Punt","neighbourhood":"Osdorp"}"""),
                ("/api/v1/alliances/osdorp-de-punt/partners", """{"id":"ymere","name":"Ymere","kind":"housing-corporation","body":"professional"}"""),
                ("/api/v1/alliances/osdorp-de-punt/partners", """{"id":"bcop","name":"BCOP","kind":"residents-collective","body":"residents"}"""),
            })
            {
                using var r = await admin.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
                r.EnsureSuccessStatusCode();
            }
        }

        // Six meetings 2 to 7 days from now, each with three Ymere decision items proposed today and no documents: per
        // item R3 late, R2 and R7 missing (all due before now). 6 × 3 × 3 = 54 deadlines, more than a page of 50.
        var store = _server.Services.GetRequiredService<Ledger>();
        var now = SystemClock.Instance.GetCurrentInstant();
        for (var m = 0; m < 6; m++)
        {
            var start = now.Plus(Duration.FromDays(2 + m)).InZone(Meeting.Zone).Date.At(new LocalTime(19, 30));
            var id = MeetingId.Parse($"vergadering-{m}");
            var state = Meeting.Initial;
            var events = new List<MeetingEvent>();
            var commands = new List<MeetingCommand>
            {
                new ScheduleMeeting(id, MeetingKind.AllianceMeeting, start, start.PlusHours(2), "Buurthuis", WorkingAgreements.Default, now),
            };
            for (var i = 0; i < 3; i++)
                commands.Add(new ProposeAgendaItem(AgendaItemId.Parse($"punt-{i}"), PartnerId.Parse("ymere"), $"Punt {m}.{i}", AgendaItemKind.Decision, null, now));
            foreach (var command in commands)
            {
                var decided = Meeting.Decide(command, state);
                state = decided.Aggregate(state, Meeting.Evolve);
                events.AddRange(decided);
            }
            await store.AppendAsync(Alliance, id.StreamId, ExpectedVersion.NoStream, [.. events.Select(e => new EventData(e, EventMetadata.None))]);
        }
        // The deadlines are an async projection: wait until the daemon has applied every event.
        await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(_server.Services.GetRequiredService<Marten.IDocumentStore>(), TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_punctuality_json_counts_every_deadline_and_lists_one_page_with_its_links()
    {
        using var client = _server.CreateClient();
        var path = $"/api/v1/alliances/{Alliance}/partners/ymere/punctuality";

        var first = await client.GetFromJsonAsync<JsonElement>(new Uri(path + "?pageSize=20", UriKind.Relative));
        Assert.Equal((18, 36, 0), (first.GetProperty("late").GetInt32(), first.GetProperty("missed").GetInt32(), first.GetProperty("met").GetInt32()));
        Assert.Equal(20, first.GetProperty("deadlines").GetArrayLength());
        var page = first.GetProperty("page");
        Assert.Equal((1, 20, 54L), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("total").GetInt64()));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("previous").ValueKind);
        Assert.Equal(path + "?page=2&pageSize=20", page.GetProperty("next").GetString());

        var last = await client.GetFromJsonAsync<JsonElement>(new Uri(path + "?page=3&pageSize=20", UriKind.Relative));
        Assert.Equal(14, last.GetProperty("deadlines").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("page").GetProperty("next").ValueKind);
        Assert.Equal(18, last.GetProperty("late").GetInt32());   // the counts cover the period on every page
        // The rows name what they are about by title, as the meeting knew it.
        Assert.StartsWith("Punt ", last.GetProperty("deadlines")[0].GetProperty("subjectTitle").GetString(), StringComparison.Ordinal);

        // Default: a page of 50.
        var defaults = await client.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));
        Assert.Equal((50, 50), (defaults.GetProperty("deadlines").GetArrayLength(), defaults.GetProperty("page").GetProperty("pageSize").GetInt32()));

        foreach (var (query, field) in new[] { ("?pageSize=0", "pageSize"), ("?pageSize=201", "pageSize"), ("?page=0", "page") })
        {
            using var bad = await client.GetAsync(new Uri(path + query, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True(JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(field, out _));
        }
    }

    [Fact]
    public async Task The_termijnen_page_shows_the_first_page_per_partner_and_links_to_all_of_them_page_by_page()
    {
        using var client = _server.CreateClient();
        var html = await client.GetStringAsync(new Uri($"/allianties/{Alliance}/termijnen", UriKind.Relative));
        Assert.Contains("Bekijk 54 termijnen", html, StringComparison.Ordinal);
        Assert.Contains("Hier staan de eerste 50.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/allianties/{Alliance}/termijnen?partner=ymere#kop-partner-termijnen\"", html, StringComparison.Ordinal);
        Assert.Contains("Punt 0.0", html, StringComparison.Ordinal);   // subjects by title, read from the deadline documents
        Assert.DoesNotContain("Alle termijnen van", html, StringComparison.Ordinal);

        var ymere = await client.GetStringAsync(new Uri($"/allianties/{Alliance}/termijnen?partner=ymere", UriKind.Relative));
        Assert.Contains("Alle termijnen van Ymere", ymere, StringComparison.Ordinal);
        Assert.Contains("Pagina 1 van 2 (54 termijnen)", ymere, StringComparison.Ordinal);
        Assert.Contains($"href=\"/allianties/{Alliance}/termijnen?partner=ymere&amp;pagina-partner=2\" rel=\"next\"", ymere, StringComparison.Ordinal);

        var second = await client.GetStringAsync(new Uri($"/allianties/{Alliance}/termijnen?partner=ymere&pagina-partner=2", UriKind.Relative));
        Assert.Contains("Pagina 2 van 2 (54 termijnen)", second, StringComparison.Ordinal);
        var table = second[second.IndexOf("Termijnen van Ymere</caption>", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(4, table.Split("<tr class=\"ams-table__row\">").Length - 1);
    }
}
