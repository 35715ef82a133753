using Microsoft.Playwright;
using NodaTime;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// The demo story as residents see it on the pages (issues 4 and 5, "done when"): meeting 2's late traffic plan, the
/// evening-lighting vote the residents' weight decided, and the Stadsdeel's advice without motivation.
/// </summary>
public sealed class DemoStoryPageTests(Chromium browser, AllianceServer demo, ITestOutputHelper output) : IClassFixture<Chromium>, IClassFixture<AllianceServer>
{
    private const string Base = "/allianties/" + AllianceServer.Alliance;

    private static string Meeting2 =>
        "alliantie-" + SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]).Date.PlusDays(-70).ToString("yyyy-MM-dd", null);

    [Fact]
    public async Task Meeting_2_shows_R2_late_for_the_Stadsdeel_traffic_plan()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        Assert.Equal(200, (await session.GotoAsync($"{Base}/vergaderingen/{Meeting2}")).Status);
        var deadlines = session.Page.GetByRole(AriaRole.Table, new() { Name = "Termijnen van deze vergadering" });
        var r2 = deadlines.GetByRole(AriaRole.Row).Filter(new() { HasText = "stuk ‘Verkeersveiligheidsplan Osdorpplein’" });
        await Assertions.Expect(r2).ToContainTextAsync("Stadsdeel Nieuw-West");
        await Assertions.Expect(r2.Locator(".ams-badge")).ToHaveTextAsync("te laat");
        await session.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_evening_lighting_decision_reads_as_adopted_by_the_weighted_vote_and_the_advice_shows_overdue()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        Assert.Equal(200, (await session.GotoAsync($"{Base}/besluiten/avondverlichting-tussen-meer")).Status);
        await Assertions.Expect(session.Page.Locator("main")).ToContainTextAsync("Aangenomen met 3 van 5 gewogen stemmen");
        await session.AssertNoAxeViolationsAsync();

        Assert.Equal(200, (await session.GotoAsync($"{Base}/advies")).Status);
        var overdue = session.Page.GetByRole(AriaRole.Table, new() { Name = "Motivatie te laat" });
        var row = overdue.GetByRole(AriaRole.Row).Filter(new() { HasText = "Stadsdeel Nieuw-West" });
        await Assertions.Expect(row).ToContainTextAsync("Afvalcontainers weg bij de speeltuin");
        await session.AssertNoAxeViolationsAsync();
    }
}
