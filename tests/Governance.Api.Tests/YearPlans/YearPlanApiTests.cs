using System.Net;
using Governance.Api.Tests.Commitments;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.YearPlans;

/// <summary>The year plan over real HTTP (R11): goals with an owner and a date, dreams without.</summary>
public sealed class YearPlanApiTests : IAsyncLifetime
{
    private PromiseWorld _world = null!;

    private string Base => _world.Base;

    private string Plan => $"{Base}/year-plans/2026";

    public async Task InitializeAsync() => _world = await PromiseWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task R11_goals_need_an_owner_and_a_target_date_dreams_need_neither_and_the_plan_reads_as_of_a_moment()
    {
        await Ok(Post(_world.Chair, $"{Base}/year-plans", """{"id":"2026","title":"Jaarplan 2026"}"""));
        await Problem(Post(_world.Chair, $"{Plan}/goals", """{"id":"veilig-spelen","horizon":"short-term","title":"Veilig spelen","targetDate":"2026-12-31"}"""),
            HttpStatusCode.Conflict, "R11.owner-required");
        await Problem(Post(_world.Chair, $"{Plan}/goals", """{"id":"veilig-spelen","horizon":"long-term","title":"Veilig spelen","owner":"stadsdeel-nieuw-west"}"""),
            HttpStatusCode.Conflict, "R11.lead-time-required");
        await Ok(Post(_world.Chair, $"{Plan}/goals",
            """{"id":"veilig-spelen","horizon":"short-term","title":"Veilig spelen","owner":"stadsdeel-nieuw-west","targetDate":"2026-12-31","commitments":["bankjes-repareren"]}"""));
        var before = await _world.NowAsync();
        await _world.AdvanceAsync("PT1H");
        await Ok(Post(_world.Chair, $"{Plan}/goals", """{"id":"buitenzwembad","horizon":"dream","title":"Een buitenzwembad"}"""));
        await Ok(Post(_world.Stadsdeel, $"{Plan}/goals/veilig-spelen/progress", """{"note":"Hekje geplaatst"}"""));
        await Problem(Post(_world.Ymere, $"{Plan}/goals/veilig-spelen/progress", """{"note":"Niet van ons"}"""), HttpStatusCode.Forbidden, "forbidden");

        var plan = await Get(_world.Anonymous, Plan);
        var goals = plan.GetProperty("goals").EnumerateArray().ToList();
        Assert.Equal(["veilig-spelen", "buitenzwembad"], goals.Select(g => g.GetProperty("id").GetString()));
        Assert.Equal(["bankjes-repareren"], goals[0].GetProperty("commitments").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["Hekje geplaatst"], goals[0].GetProperty("progress").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("dream", goals[1].GetProperty("horizon").GetString());
        var then = await Get(_world.Anonymous, $"{Plan}?asOf={Query(before)}");
        Assert.Single(then.GetProperty("goals").EnumerateArray());
        Assert.True(then.GetProperty("tenantPosition").GetInt64() < plan.GetProperty("tenantPosition").GetInt64());
        await Problem(_world.Anonymous.GetAsync(new Uri($"{Base}/year-plans/2031", UriKind.Relative)), HttpStatusCode.NotFound, "yearplan.unknown");
    }
}
