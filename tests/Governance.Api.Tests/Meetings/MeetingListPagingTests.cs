using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Api.Tests.Alliances;
using Governance.Domain;

namespace Governance.Api.Tests.Meetings;

/// <summary>
/// The alliance and meeting lists page: ?page and ?pageSize (400 naming the field), the body stays the array it was, and
/// the page travels in Link (rel next/prev) and X-Total-Count. Their pages link to the next page.
/// </summary>
public sealed class MeetingListPagingTests : IAsyncLifetime
{
    private const string Base = "/api/v1/alliances/osdorp-de-punt";
    private GovernanceServer _server = null!;
    private HttpClient _admin = null!;
    private HttpClient _secretary = null!;

    public async Task InitializeAsync()
    {
        _server = await GovernanceServer.StartAsync();
        (_admin, _) = await _server.SystemAdminAsync();
        (_secretary, _) = await _server.ClientWithRolesAsync("Projectleider", new RoleGrant(AllianceId.Parse("osdorp-de-punt"), Role.Secretary));
        await Post(_admin, "/api/v1/alliances", """{"id":"osdorp-de-punt","name":"Wijkalliantie Osdorp de Punt","neighbourhood":"Osdorp"}""");
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _secretary.Dispose();
        await _server.DisposeAsync();
    }

    private static async Task Post(HttpClient client, string path, string json)
    {
        using var r = await client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(r.IsSuccessStatusCode, $"{r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
    }

    private Task Schedule(string id, string start, string end) =>
        Post(_secretary, $"{Base}/meetings", $$"""{"id":"{{id}}","kind":"alliance-meeting","start":"{{start}}","end":"{{end}}","place":"Buurthuis"}""");

    private static async Task<(List<string> Ids, string? Next, string? Previous, string? Total)> Page(HttpClient client, string path, string field = "id")
    {
        using var r = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{r.StatusCode}: {text}");
        var root = JsonDocument.Parse(text).RootElement;
        // Like every list: the items and a `page` object; the same links also travel in the Link header.
        var items = root.EnumerateObject().Single(p => p.Value.ValueKind == JsonValueKind.Array).Value;
        var ids = items.EnumerateArray().Select(e => e.GetProperty(field).GetString()!).ToList();
        var page = root.GetProperty("page");
        var links = r.Headers.TryGetValues("Link", out var values) ? string.Join(", ", values) : "";
        string? Rel(string rel) => links.Split(", ").Where(l => l.EndsWith($"rel=\"{rel}\"", StringComparison.Ordinal))
            .Select(l => l[1..l.IndexOf('>', StringComparison.Ordinal)]).SingleOrDefault();
        var total = r.Headers.TryGetValues("X-Total-Count", out var count) ? count.Single() : null;
        Assert.Equal(Rel("next"), page.GetProperty("next").GetString());
        Assert.Equal(Rel("prev"), page.GetProperty("previous").GetString());
        Assert.Equal(total, page.GetProperty("total").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (ids, Rel("next"), Rel("prev"), total);
    }

    private static async Task AssertBadQuery(HttpClient client, string path, string field)
    {
        using var r = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{r.StatusCode}: {text}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
    }

    [Fact]
    public async Task The_meetings_list_pages_by_start_with_next_and_previous_links_and_filters_a_year()
    {
        await Schedule("maart", "2031-03-11T19:30", "2031-03-11T21:30");
        await Schedule("januari", "2031-01-14T19:30", "2031-01-14T21:30");
        await Schedule("februari", "2031-02-11T19:30", "2031-02-11T21:30");
        await Schedule("volgend-jaar", "2032-01-13T19:30", "2032-01-13T21:30");
        using var anonymous = _server.CreateClient();

        var first = await Page(anonymous, $"{Base}/meetings?pageSize=3");
        Assert.Equal(["januari", "februari", "maart"], first.Ids);
        Assert.Equal("4", first.Total);
        Assert.Null(first.Previous);
        Assert.Equal($"{Base}/meetings?page=2&pageSize=3", first.Next);

        var second = await Page(anonymous, first.Next!);
        Assert.Equal(["volgend-jaar"], second.Ids);
        Assert.Null(second.Next);
        Assert.Equal($"{Base}/meetings?page=1&pageSize=3", second.Previous);

        // The year planning's JSON twin: one year, its filter kept in the links.
        var year = await Page(anonymous, $"{Base}/meetings?year=2031&pageSize=2");
        Assert.Equal(["januari", "februari"], year.Ids);
        Assert.Equal("3", year.Total);
        Assert.Equal($"{Base}/meetings?year=2031&page=2&pageSize=2", year.Next);

        // Without parameters: the first 50, as the list always was for a small alliance.
        Assert.Equal(["januari", "februari", "maart", "volgend-jaar"], (await Page(anonymous, $"{Base}/meetings")).Ids);
        Assert.Empty((await Page(anonymous, $"{Base}/meetings?page=9")).Ids);

        await AssertBadQuery(anonymous, $"{Base}/meetings?pageSize=0", "pageSize");
        await AssertBadQuery(anonymous, $"{Base}/meetings?pageSize=201", "pageSize");
        await AssertBadQuery(anonymous, $"{Base}/meetings?page=0", "page");
        await AssertBadQuery(anonymous, $"{Base}/meetings?year=0", "year");
    }

    [Fact]
    public async Task The_alliances_list_pages_by_name_and_the_alliance_page_links_to_the_next_page()
    {
        // 51 more alliances than fit on one page of 50, founded as the system admin does.
        for (var i = 1; i <= 51; i++)
            await Post(_admin, "/api/v1/alliances", $$"""{"id":"wijk-{{i:00}}","name":"Wijk {{i:00}}","neighbourhood":"Nieuw-West"}""");
        using var anonymous = _server.CreateClient();

        var first = await Page(anonymous, "/api/v1/alliances?pageSize=2");
        Assert.Equal(["wijk-01", "wijk-02"], first.Ids);
        Assert.Equal("52", first.Total);
        Assert.Equal("/api/v1/alliances?page=2&pageSize=2", first.Next);
        var last = await Page(anonymous, "/api/v1/alliances?page=26&pageSize=2");
        Assert.Equal(["wijk-51", "osdorp-de-punt"], last.Ids);   // "Wijk 51" before "Wijkalliantie Osdorp de Punt"
        Assert.Null(last.Next);
        await AssertBadQuery(anonymous, "/api/v1/alliances?pageSize=500", "pageSize");
        await AssertBadQuery(anonymous, "/api/v1/alliances?page=-1", "page");

        var html = await anonymous.GetStringAsync(new Uri("/allianties", UriKind.Relative));
        Assert.Contains("Pagina 1 van 2 (52 allianties)", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/allianties?pagina=2\" rel=\"next\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/allianties/wijk-50\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/allianties/wijk-51\"", html, StringComparison.Ordinal);
        var second = await anonymous.GetStringAsync(new Uri("/allianties?pagina=2", UriKind.Relative));
        Assert.Contains("href=\"/allianties/wijk-51\"", second, StringComparison.Ordinal);
        Assert.Contains("href=\"/allianties?pagina=1\" rel=\"prev\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_alliance_reads_its_document_now_and_folds_as_of_an_instant_with_the_ledger_position_of_either()
    {
        var before = await _admin.GetFromJsonAsync<JsonElement>(new Uri(Base, UriKind.Relative));
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await Post(_admin, $"{Base}/partners", """{"id":"ymere","name":"Ymere","kind":"housing-corporation","body":"professional"}""");
        // A meeting between moves the alliance's chain on, not the alliance stream's own position.
        await Schedule("tussendoor", "2031-03-11T19:30", "2031-03-11T21:30");

        var now = await _admin.GetFromJsonAsync<JsonElement>(new Uri(Base, UriKind.Relative));
        Assert.Equal(3, now.GetProperty("version").GetInt64());
        Assert.Equal(3, now.GetProperty("ledgerPosition").GetInt64());   // founded, agreements adopted, partner admitted
        Assert.Single(now.GetProperty("partners").EnumerateArray());
        var then = await _admin.GetFromJsonAsync<JsonElement>(new Uri($"{Base}?asOf={Uri.EscapeDataString(between.ToString("O"))}", UriKind.Relative));
        Assert.Empty(then.GetProperty("partners").EnumerateArray());
        Assert.Equal((before.GetProperty("version").GetInt64(), before.GetProperty("ledgerPosition").GetInt64()),
            (then.GetProperty("version").GetInt64(), then.GetProperty("ledgerPosition").GetInt64()));
    }
}
