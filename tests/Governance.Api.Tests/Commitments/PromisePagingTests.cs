using System.Net;
using System.Text.Json;
using NodaTime;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Commitments;

/// <summary>
/// The promise, plan and dispute lists page (issue 10 §5): a page size and a <c>next</c> link in the JSON, a 400 naming the field
/// for a bad value, and page links on "Wie beloofde wat". The lists read documents kept inline, so what was just recorded shows.
/// </summary>
public sealed class PromisePagingTests(SimulatedClockServer shared) : IClassFixture<SimulatedClockServer>, IAsyncLifetime
{
    private PromiseWorld _world = null!;

    private string Base => _world.Base;

    /// <summary>"Wie beloofde wat" of the world's alliance.</summary>
    private string Promises => $"/allianties/{_world.Osdorp}/beloftes";

    public async Task InitializeAsync() => _world = await PromiseWorld.FoundAsync(shared.Server);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task PromisesAsync(int count, int dueInDays = 30, string prefix = "belofte")
    {
        var due = (await _world.TodayAsync()).PlusDays(dueInDays);
        for (var i = 1; i <= count; i++) await _world.PromiseBenchesAsync(due, $"{prefix}-{i:D2}");
    }

    private static IEnumerable<string?> Ids(JsonElement list) => list.GetProperty("commitments").EnumerateArray().Select(c => c.GetProperty("id").GetString());

    [Fact]
    public async Task The_promises_list_pages_with_a_next_link_that_keeps_the_filters()
    {
        await PromisesAsync(5);

        var first = await Get(_world.Anonymous, $"{Base}/commitments?partner=stadsdeel-nieuw-west&pageSize=2");

        Assert.Equal(["belofte-01", "belofte-02"], Ids(first));
        var page = first.GetProperty("page");
        Assert.Equal((1, 2, 5L), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("total").GetInt64()));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("previous").ValueKind);
        var next = page.GetProperty("next").GetString()!;
        Assert.Equal($"{Base}/commitments?partner=stadsdeel-nieuw-west&page=2&pageSize=2", next);
        Assert.Equal(["belofte-03", "belofte-04"], Ids(await Get(_world.Anonymous, next)));
        var last = await Get(_world.Anonymous, $"{Base}/commitments?partner=stadsdeel-nieuw-west&pageSize=2&page=3");
        Assert.Equal(["belofte-05"], Ids(last));
        Assert.Equal(JsonValueKind.Null, last.GetProperty("page").GetProperty("next").ValueKind);
        // The default page holds 50.
        Assert.Equal(50, (await Get(_world.Anonymous, $"{Base}/commitments")).GetProperty("page").GetProperty("pageSize").GetInt32());
    }

    [Theory]
    [InlineData("commitments?page=0", "page")]
    [InlineData("commitments?pageSize=201", "pageSize")]
    [InlineData("partners/ymere/promises?pageSize=0", "pageSize")]
    [InlineData("escalations?page=-1", "page")]
    [InlineData("year-plans?pageSize=500", "pageSize")]
    public async Task A_page_or_page_size_out_of_range_is_a_400_naming_the_field(string path, string field)
    {
        var problem = await Problem(_world.Chair.GetAsync(new Uri($"{Base}/{path}", UriKind.Relative)), HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task R10_the_status_filter_is_judged_at_the_moment_asked_and_counted_over_every_page()
    {
        await PromisesAsync(3, dueInDays: 2, prefix: "snel");
        await PromisesAsync(4, dueInDays: 40, prefix: "later");
        var before = await _world.NowAsync();
        await _world.AdvanceAsync("P5D");

        var overdue = await Get(_world.Anonymous, $"{Base}/commitments?status=overdue&pageSize=2");
        Assert.Equal(3, overdue.GetProperty("page").GetProperty("total").GetInt64());
        Assert.Equal(["snel-01", "snel-02"], Ids(overdue));
        Assert.All(overdue.GetProperty("commitments").EnumerateArray(), c => Assert.Equal("overdue", c.GetProperty("status").GetString()));
        Assert.Equal(4, (await Get(_world.Anonymous, $"{Base}/commitments?status=open")).GetProperty("page").GetProperty("total").GetInt64());
        // As it stood before the due dates passed, all seven were open.
        var then = await Get(_world.Anonymous, $"{Base}/commitments?status=open&asOf={Query(before)}");
        Assert.Equal(7, then.GetProperty("page").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_partners_record_counts_every_promise_while_its_list_is_one_page()
    {
        await PromisesAsync(3, dueInDays: 1, prefix: "snel");
        await Ok(Post(_world.Stadsdeel, $"{Base}/commitments/snel-01/fulfilment", """{"evidence":"Klaar"}"""));
        await _world.AdvanceAsync("P3D");

        var record = await Get(_world.Anonymous, $"{Base}/partners/stadsdeel-nieuw-west/promises?pageSize=1");

        Assert.Equal(1, record.GetProperty("counts").GetProperty("fulfilled").GetInt32());
        Assert.Equal(2, record.GetProperty("counts").GetProperty("overdue").GetInt32());
        Assert.Equal(1.0 / 3, record.GetProperty("keepRate").GetDouble(), 6);
        Assert.Single(record.GetProperty("commitments").EnumerateArray());
        Assert.Equal(3, record.GetProperty("page").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Disputes_and_plans_are_listed_by_page_and_the_contacts_overview_pages_each_alliance()
    {
        await PromisesAsync(1, dueInDays: 1, prefix: "snel");
        await _world.AdvanceAsync("P3D");
        foreach (var id in new[] { "een", "twee", "drie" })
            await Ok(Post(_world.CoreGroup, $"{Base}/escalations",
                $$"""{"id":"{{id}}","subject":{"kind":"overdue-commitment","reference":"snel-01"},"reason":"Nog steeds kapot"}"""));
        await Ok(Post(_world.Chair, $"{Base}/year-plans", """{"id":"2026","title":"Jaarplan 2026"}"""));
        await Ok(Post(_world.Chair, $"{Base}/year-plans", """{"id":"2027","title":"Jaarplan 2027"}"""));

        var disputes = await Get(_world.CoreGroup, $"{Base}/escalations?pageSize=2");
        Assert.Equal(["een", "twee"], disputes.GetProperty("escalations").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(3, disputes.GetProperty("page").GetProperty("total").GetInt64());
        Assert.Equal($"{Base}/escalations?page=2&pageSize=2", disputes.GetProperty("page").GetProperty("next").GetString());

        var mine = Assert.Single((await Get(_world.Contact, "/api/v1/escalations?pageSize=1")).GetProperty("alliances").EnumerateArray());
        Assert.Single(mine.GetProperty("escalations").EnumerateArray());
        Assert.Equal(3, mine.GetProperty("page").GetProperty("total").GetInt64());
        Assert.Equal("/api/v1/escalations?page=2&pageSize=1", mine.GetProperty("page").GetProperty("next").GetString());

        var plans = await Get(_world.Anonymous, $"{Base}/year-plans?pageSize=1");
        var plan = Assert.Single(plans.GetProperty("plans").EnumerateArray());
        Assert.Equal(("2026", "Jaarplan 2026"), (plan.GetProperty("id").GetString(), plan.GetProperty("title").GetString()));
        Assert.Equal(2, plans.GetProperty("page").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Wie_beloofde_wat_shows_ten_promises_per_partner_and_one_partners_promises_page_by_page()
    {
        await PromisesAsync(52);

        var overview = await Html($"{Promises}");
        Assert.Equal(10, Count(overview, $"{Promises}/belofte-"));
        Assert.Contains($"href=\"{Promises}?partner=stadsdeel-nieuw-west\">Alle 52 beloftes van Stadsdeel Nieuw-West bij deze keuze</a>",
            overview, StringComparison.Ordinal);
        Assert.Contains("52 open", overview, StringComparison.Ordinal);

        var first = await Html($"{Promises}?partner=stadsdeel-nieuw-west");
        Assert.Equal(50, Count(first, $"{Promises}/belofte-"));
        Assert.Contains("Pagina 1 van 2 (52 beloftes)", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Promises}?partner=stadsdeel-nieuw-west&amp;pagina=2\" rel=\"next\"", first, StringComparison.Ordinal);
        var second = await Html($"{Promises}?partner=stadsdeel-nieuw-west&pagina=2");
        Assert.Equal(2, Count(second, $"{Promises}/belofte-"));
        Assert.Contains("belofte-52", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);
    }

    private async Task<string> Html(string path)
    {
        using var response = await _world.Anonymous.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static int Count(string html, string link) =>
        html.Split("href=\"" + link, StringSplitOptions.None).Length - 1;
}
