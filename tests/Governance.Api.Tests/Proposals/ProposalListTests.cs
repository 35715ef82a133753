using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Api.Demo;
using Governance.Api.Tests.Alliances;
using Governance.Domain;
using Governance.EventStore;
using Governance.Projections.Alliances;

namespace Governance.Api.Tests.Proposals;

/// <summary>
/// The lists of the decisions slice and the timeline come a page at a time (issue 10 §5): <c>page</c> and <c>pageSize</c> in, a
/// <c>page</c> object with the total and the links to the next and previous page out, a 400 naming the field for a bad value.
/// Twenty decisions appended through the ledger; every tenth became advice (R9).
/// </summary>
public sealed class ProposalListTests(ProposalListTests.World world) : IClassFixture<ProposalListTests.World>
{
    private const string Base = "/api/v1/alliances/osdorp-de-punt";
    private static readonly AllianceId Osdorp = AllianceId.Parse("osdorp-de-punt");
    private GovernanceServer _server => world.Server;
    private HttpClient _anonymous => world.Anonymous;

    /// <summary>One server for the class (issue 16 §4): every test only reads the same twenty decisions.</summary>
    public sealed class World : IAsyncLifetime
    {
        public GovernanceServer Server { get; private set; } = null!;
        public HttpClient Anonymous { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await GovernanceServer.StartAsync();
            var (admin, _) = await Server.SystemAdminAsync();
            var (_, bea) = await Server.ClientWithRolesAsync("Bea Bewoner", new RoleGrant(Osdorp, Role.Representative, PartnerId.Parse("bcop")));
            var (_, sanne) = await Server.ClientWithRolesAsync("Sanne Stadsdeel", new RoleGrant(Osdorp, Role.Representative, PartnerId.Parse("stadsdeel")));
            foreach (var (path, body) in new[]
            {
                ("/api/v1/alliances", """{"id":"osdorp-de-punt","name":"Wijkalliantie Osdorp de Punt","neighbourhood":"Osdorp"}"""),
                ($"{Base}/partners", """{"id":"bcop","name":"BCOP","kind":"residents-collective","body":"residents"}"""),
                ($"{Base}/partners", """{"id":"stadsdeel","name":"Stadsdeel Nieuw-West","kind":"municipality","body":"professional"}"""),
                ($"{Base}/representatives", $$"""{"person":"{{bea}}","partner":"bcop","hasMandate":true}"""),
                ($"{Base}/representatives", $$"""{"person":"{{sanne}}","partner":"stadsdeel","hasMandate":true}"""),
            })
            {
                using var r = await admin.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
                r.EnsureSuccessStatusCode();
            }
            admin.Dispose();
            var alliance = (await Server.Services.GetRequiredService<AllianceQueries>().GetAsync(Osdorp))!;
            await DecisionVolume.AppendAsync(Server.Services.GetRequiredService<Ledger>(), alliance, 20, TimeProvider.System, "besluit");
            Anonymous = Server.CreateClient();
        }

        public async Task DisposeAsync()
        {
            Anonymous.Dispose();
            await Server.DisposeAsync();
        }
    }

    private async Task<JsonElement> Get(string path)
    {
        using var response = await _anonymous.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string? Link(JsonElement list, string which) => list.GetProperty("page").GetProperty(which).GetString();

    private static string[] Ids(JsonElement list, string items, string id = "id") =>
        [.. list.GetProperty(items).EnumerateArray().Select(i => i.GetProperty(id).GetString()!)];

    [Fact]
    public async Task Proposals_come_a_page_at_a_time_in_tabling_order_with_links_to_the_next_and_previous_page()
    {
        var first = await Get($"{Base}/proposals?pageSize=8");
        Assert.Equal([.. Enumerable.Range(1, 8).Select(i => $"besluit-{i:00000}")], Ids(first, "proposals"));
        var page = first.GetProperty("page");
        Assert.Equal((1, 8, 20L), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("total").GetInt64()));
        Assert.Equal($"{Base}/proposals?page=2&pageSize=8", Link(first, "next"));
        Assert.Null(Link(first, "previous"));

        var second = await Get(Link(first, "next")!);
        Assert.Equal([.. Enumerable.Range(9, 8).Select(i => $"besluit-{i:00000}")], Ids(second, "proposals"));
        Assert.Equal($"{Base}/proposals?page=1&pageSize=8", Link(second, "previous"));
        var last = await Get(Link(second, "next")!);
        Assert.Equal(4, last.GetProperty("proposals").GetArrayLength());
        Assert.Null(Link(last, "next"));

        // Without paging parameters: the first 50.
        var all = await Get($"{Base}/proposals");
        Assert.Equal((20, 50), (all.GetProperty("proposals").GetArrayLength(), all.GetProperty("page").GetProperty("pageSize").GetInt32()));
        Assert.Null(Link(all, "next"));
    }

    [Fact]
    public async Task The_decision_register_and_the_advice_list_page_and_the_links_keep_the_status_filter()
    {
        var decisions = await Get($"{Base}/decisions?page=2&pageSize=15");
        Assert.Equal([.. Enumerable.Range(16, 5).Select(i => $"besluit-{i:00000}")], Ids(decisions, "decisions"));
        Assert.Equal(20, decisions.GetProperty("page").GetProperty("total").GetInt64());
        Assert.Equal($"{Base}/decisions?page=1&pageSize=15", Link(decisions, "previous"));
        Assert.Null(Link(decisions, "next"));

        var pending = await Get($"{Base}/advice?status=pending&pageSize=1");
        Assert.Equal(["besluit-00010"], Ids(pending, "advice", "proposal"));
        Assert.Equal(2, pending.GetProperty("page").GetProperty("total").GetInt64());
        Assert.Equal($"{Base}/advice?status=pending&page=2&pageSize=1", Link(pending, "next"));
        Assert.Equal(["besluit-00020"], Ids(await Get(Link(pending, "next")!), "advice", "proposal"));
        Assert.Equal(0, (await Get($"{Base}/advice?status=answered")).GetProperty("page").GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("/proposals?page=0", "page")]
    [InlineData("/proposals?pageSize=201", "pageSize")]
    [InlineData("/decisions?pageSize=0", "pageSize")]
    [InlineData("/decisions?page=-1", "page")]
    [InlineData("/advice?status=overdue&pageSize=500", "pageSize")]
    [InlineData("/timeline?page=0", "page")]
    [InlineData("/timeline?pageSize=201", "pageSize")]
    [InlineData("/timeline?limit=10&pageSize=10", "limit")]
    public async Task A_page_or_page_size_out_of_range_is_a_400_that_names_the_field(string path, string field)
    {
        using var response = await _anonymous.GetAsync(new Uri(Base + path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task The_timeline_pages_newest_first_and_limit_still_gives_the_newest_lines()
    {
        // The timeline is an async projection: wait until the daemon has every event of the alliance.
        var head = await _server.Services.GetRequiredService<Ledger>().GetTenantPositionAsync(Osdorp.Value);
        JsonElement first;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100);
            first = await Get($"{Base}/timeline?pageSize=3");
        }
        while (first.GetProperty("page").GetProperty("total").GetInt64() < head && DateTime.UtcNow < deadline);

        long[] Positions(JsonElement page) => [.. page.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("position").GetInt64())];
        Assert.Equal(head, first.GetProperty("page").GetProperty("total").GetInt64());
        Assert.Equal([head, head - 1, head - 2], Positions(first));
        Assert.Equal($"{Base}/timeline?page=2&pageSize=3", Link(first, "next"));
        Assert.Equal([head - 3, head - 4, head - 5], Positions(await Get(Link(first, "next")!)));

        // `limit` as before: the newest N; the links keep it as the page size.
        var limited = await Get($"{Base}/timeline?limit=2");
        Assert.Equal([head, head - 1], Positions(limited));
        Assert.Equal($"{Base}/timeline?page=2&limit=2", Link(limited, "next"));
        Assert.Equal([head - 2, head - 3], Positions(await Get(Link(limited, "next")!)));
        using var tooMany = await _anonymous.GetAsync(new Uri($"{Base}/timeline?limit=1001", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        // Without parameters: a page of 200, as the timeline gave before it had pages.
        Assert.Equal(200, (await Get($"{Base}/timeline")).GetProperty("page").GetProperty("pageSize").GetInt32());
    }
}
