using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using Governance.Api.Demo;

namespace Governance.Api.Tests.OpenData;

/// <summary>A server with the demo seeded, shared by the open data tests (they only read).</summary>
public sealed class OpenDataServer : IAsyncLifetime
{
    public GovernanceServer Server { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await GovernanceServer.StartAsync(null);
        await ActivatorUtilities.CreateInstance<DemoSeed>(Server.Services).SeedAsync(CancellationToken.None);
        await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(Server.Services.GetRequiredService<Marten.IDocumentStore>(), TimeSpan.FromSeconds(60));
        Client = Server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Issue 15 point 5: open data as CSV and JSON under CC0, and the page that links it.</summary>
public sealed class OpenDataTests(OpenDataServer demo) : IClassFixture<OpenDataServer>
{
    private const string Base = "/api/v1/alliances/osdorp-de-punt/open-data/";
    private readonly HttpClient _client = demo.Client;

    private async Task<JsonElement> Json(string dataset)
    {
        using var response = await _client.GetAsync(new Uri(Base + dataset + ".json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("creativecommons.org/publicdomain/zero/1.0", string.Join(",", response.Headers.GetValues("Link")), StringComparison.Ordinal);
        var body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal("CC0-1.0", body.GetProperty("licence").GetString());
        Assert.Equal(dataset, body.GetProperty("dataset").GetString());
        return body.GetProperty("items");
    }

    private async Task<List<Dictionary<string, string>>> Csv(string dataset)
    {
        using var response = await _client.GetAsync(new Uri(Base + dataset + ".csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using var csv = CsvReader.FromText(await response.Content.ReadAsStringAsync(), null);
        var headers = csv.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(headers.ToDictionary(h => h, h => csv.GetString(h)));
        return rows;
    }

    [Theory]
    [InlineData("decisions")]
    [InlineData("promises")]
    [InlineData("meetings")]
    [InlineData("deadlines")]
    public async Task Each_dataset_has_as_many_csv_rows_as_json_items_and_no_person_ids(string dataset)
    {
        var json = await Json(dataset);
        var csv = await Csv(dataset);
        Assert.True(json.GetArrayLength() > 0, $"the demo has {dataset}");
        Assert.Equal(json.GetArrayLength(), csv.Count);
        Assert.DoesNotMatch(@"p-[0-9a-f]{12}", json.ToString());
        Assert.DoesNotMatch(@"p-[0-9a-f]{12}", string.Join("\n", csv.SelectMany(r => r.Values)));
    }

    [Fact]
    public async Task Decisions_are_the_register_in_popolo_names_and_agree_with_the_decisions_api()
    {
        var json = await Json("decisions");
        var api = JsonSerializer.Deserialize<JsonElement>(await _client.GetStringAsync(new Uri("/api/v1/alliances/osdorp-de-punt/decisions?pageSize=200", UriKind.Relative)));
        Assert.Equal(api.GetProperty("page").GetProperty("total").GetInt64(), json.GetArrayLength());
        var first = json[0];
        Assert.True(first.GetProperty("motion").TryGetProperty("creator_id", out _));
        var voted = json.EnumerateArray().First(d => d.GetProperty("vote_event").ValueKind == JsonValueKind.Object);
        var row = (await Csv("decisions")).Single(r => r["id"] == voted.GetProperty("id").GetString());
        var yes = voted.GetProperty("vote_event").GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("option").GetString() == "yes");
        Assert.Equal(yes.GetProperty("value").GetInt32().ToString(CultureInfo.InvariantCulture), row["yes_count"]);
    }

    [Fact]
    public async Task Promises_carry_owner_due_date_and_status_in_iso_form()
    {
        var row = (await Csv("promises"))[0];
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", row["due"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T[\d:.]+Z$", row["made_at"]);
        Assert.Contains(row["status"], new[] { "open", "overdue", "fulfilled", "fulfilled-late", "cannot-be-met", "withdrawn" });
        Assert.False(string.IsNullOrEmpty(row["owner"]));
    }

    [Fact]
    public async Task Meetings_carry_their_agenda_and_deadline_compliance()
    {
        var meetings = await Json("meetings");
        var held = meetings.EnumerateArray().First(m => m.GetProperty("agenda").GetArrayLength() > 0);
        var id = held.GetProperty("id").GetString()!;
        var deadlines = (await Json("deadlines")).EnumerateArray().Where(d => d.GetProperty("meeting").GetString() == id).ToList();
        var counted = held.GetProperty("deadlinesMet").GetInt32() + held.GetProperty("deadlinesLate").GetInt32() + held.GetProperty("deadlinesMissed").GetInt32()
            + held.GetProperty("deadlinesWaived").GetInt32() + held.GetProperty("deadlinesPending").GetInt32();
        Assert.NotEmpty(deadlines);
        Assert.Equal(deadlines.Count, counted);
        Assert.True(meetings.EnumerateArray().Sum(m => m.GetProperty("deadlinesLate").GetInt32()) > 0, "the demo has late deadlines (R2)");
    }

    [Fact]
    public async Task The_open_data_page_links_every_file_and_states_the_licence_and_bad_addresses_are_problems()
    {
        var html = await _client.GetStringAsync(new Uri("/allianties/osdorp-de-punt/open-data", UriKind.Relative));
        foreach (var dataset in new[] { "decisions", "promises", "meetings", "deadlines" })
            foreach (var format in new[] { "csv", "json" })
                Assert.Contains($"href=\"{Base}{dataset}.{format}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Base}ori.json\"", html, StringComparison.Ordinal);
        Assert.Contains("CC0 1.0", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/allianties/osdorp-de-punt/open-data\"", await _client.GetStringAsync(new Uri("/allianties/osdorp-de-punt", UriKind.Relative)), StringComparison.Ordinal);

        foreach (var (path, code) in new[] { (Base + "votes.csv", "open-data.unknown"), (Base + "decisions.xml", "open-data.unknown"), (Base + "ori.csv", "open-data.unknown"),
            ("/api/v1/alliances/nergens/open-data/decisions.csv", "alliance.unknown") })
        {
            using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(code, JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Meetings_in_the_shape_of_ods_open_raadsinformatie_link_their_agendapunten_documents_and_toezeggingen_with_owner_and_due_date()
    {
        using var response = await _client.GetAsync(new Uri(Base + "ori.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("creativecommons.org/publicdomain/zero/1.0", string.Join(",", response.Headers.GetValues("Link")), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"p-[0-9a-f]{12}", text);
        var ori = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal("CC0-1.0", ori.GetProperty("licence").GetString());
        Assert.Equal("ODS Open Raadsinformatie", ori.GetProperty("specificatie").GetProperty("naam").GetString());

        // VERGADERING: every meeting of meetings.json, by its id, with the standard's status and planned start as a date-time.
        var meetings = await Json("meetings");
        var vergaderingen = ori.GetProperty("vergaderingen").EnumerateArray().ToList();
        Assert.Equal(meetings.EnumerateArray().Select(m => m.GetProperty("id").GetString()).Order(), vergaderingen.Select(v => v.GetProperty("id").GetString()).Order());
        Assert.All(vergaderingen, v =>
        {
            Assert.Contains(v.GetProperty("status").GetString(), new[] { "gepland", "gehouden", "geannuleerd" });
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", v.GetProperty("geplandeAanvangVergadering").GetString()!);
            Assert.EndsWith($"/api/v1/alliances/osdorp-de-punt/meetings/{v.GetProperty("id").GetString()}", v.GetProperty("url").GetString()!, StringComparison.Ordinal);
        });

        // AGENDAPUNT: each one the meeting lists points back at it and has the title of meetings.json's agenda.
        var agendapunten = ori.GetProperty("agendapunten").EnumerateArray().ToDictionary(a => a.GetProperty("url").GetString()!);
        var held = meetings.EnumerateArray().First(m => m.GetProperty("agenda").GetArrayLength() > 0);
        var vergadering = vergaderingen.Single(v => v.GetProperty("id").GetString() == held.GetProperty("id").GetString());
        var listed = vergadering.GetProperty("agendapunten").EnumerateArray().Select(u => agendapunten[u.GetString()!]).ToList();
        Assert.Equal(held.GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("title").GetString()).Order(),
            listed.Select(a => a.GetProperty("agendapuntTitel").GetString()).Order());
        Assert.All(listed, a => Assert.Equal(vergadering.GetProperty("url").GetString(), a.GetProperty("vergadering").GetString()));
        Assert.Equal(Enumerable.Range(1, listed.Count).Select(n => n.ToString(CultureInfo.InvariantCulture)), listed.Select(a => a.GetProperty("agendapuntvolgnummer").GetString()).Order());

        // INFORMATIEOBJECT: a shared document links to its file (which downloads) and to its agendapunt.
        var objecten = ori.GetProperty("informatieobjecten").EnumerateArray().ToList();
        var stuk = objecten.First(o => o.GetProperty("informatieobjecttype").GetString() == "besluitvormingsstuk");
        Assert.Contains(stuk.GetProperty("agendapunten")[0].GetString()!, agendapunten.Keys);
        using (var file = await _client.GetAsync(new Uri(stuk.GetProperty("link").GetString()!)))
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);

        // A toezegging is an informatieobject of that type; what the standard has no field for (owner, due date, status) is under "uitbreiding".
        var promises = (await Json("promises")).EnumerateArray().ToDictionary(p => "toezegging." + p.GetProperty("id").GetString());
        var toezeggingen = objecten.Where(o => o.GetProperty("informatieobjecttype").GetString() == "toezegging").ToList();
        Assert.Equal(promises.Keys.Order(), toezeggingen.Select(t => t.GetProperty("id").GetString()!).Order());
        Assert.All(toezeggingen, t =>
        {
            var promise = promises[t.GetProperty("id").GetString()!];
            var extra = t.GetProperty("uitbreiding");
            Assert.Equal(promise.GetProperty("what").GetString(), t.GetProperty("titel").GetString());
            Assert.Equal(promise.GetProperty("owner").GetString(), extra.GetProperty("partner").GetString());
            Assert.Equal(promise.GetProperty("due").GetString(), extra.GetProperty("uiterlijk").GetString());
            Assert.Equal(promise.GetProperty("status").GetString(), extra.GetProperty("status").GetString());
        });
        Assert.Contains(toezeggingen, t => t.GetProperty("vergaderingen").GetArrayLength() == 1);
    }
}
