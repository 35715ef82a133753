using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NodaTime;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// The charts of issue 13 on the demo alliance: each page draws its chart as an image with a title, the same numbers are
/// in a table under "De cijfers", and the page has no axe violation and fits a 390×844 phone. Read-only: one server for all.
/// </summary>
public sealed class ChartPageTests(Chromium browser, AllianceServer demo, ITestOutputHelper output) : IClassFixture<Chromium>, IClassFixture<AllianceServer>
{
    private static readonly string Base = $"/allianties/{AllianceServer.Alliance}";

    [Fact]
    public async Task The_promises_page_draws_the_keep_rate_per_partner()
    {
        await demo.WaitForProjectionAsync("commitments");
        await using var session = await demo.NewSessionAsync(browser, output);

        await AssertChartAsync(session, $"{Base}/beloftes", "grafiek-beloftes", "Beloftes op tijd nagekomen, per partner",
            ("Ymere", "1 van 1 (100%)"), ("Politie Nieuw-West", "nog niets klaar"));
    }

    [Fact]
    public async Task The_deadlines_page_draws_deadlines_met_per_partner_per_quarter()
    {
        await demo.WaitForProjectionAsync("meeting-deadlines");
        await using var session = await demo.NewSessionAsync(browser, output);

        // The Stadsdeel shared its traffic-safety plan late for meeting 2 (R2): its quarter shows it among the settled deadlines.
        await AssertChartAsync(session, $"{Base}/termijnen", "grafiek-termijnen", "Termijnen op tijd, per partner per kwartaal",
            ("Stadsdeel Nieuw-West", new Regex(@"\d+ van \d+ op tijd \(\d+%\); [1-9]\d* te laat")));
    }

    [Fact]
    public async Task The_vote_page_draws_the_weighted_votes_with_the_line_needed_for_a_majority()
    {
        await demo.WaitForProjectionAsync("proposals");
        await using var session = await demo.NewSessionAsync(browser, output);

        // The evening lighting: BCOP (a residents' body, weight 2) and Eigenwijks for, Stadsdeel and Ymere against, two abstained.
        var chart = await AssertChartAsync(session, $"{Base}/besluiten/avondverlichting-tussen-meer/stemming", "grafiek-stemming-avondverlichting-tussen-meer",
            "Uitslag van de stemming, in gewogen stemmen", ("Voor", "3 stemmen"), ("Tegen", "2 stemmen"), ("Onthouden", "2 stemmen, telt niet mee"));
        await Assertions.Expect(chart.Locator("svg")).ToContainTextAsync("nodig voor een meerderheid: meer dan 2,5");
        await Assertions.Expect(chart.GetByText("De stippellijn is wat nodig is voor een meerderheid: meer dan 2,5 gewogen stemmen voor.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_dispute_page_draws_the_ladder_with_its_step_deadlines()
    {
        await demo.WaitForProjectionAsync("escalations");
        await using var session = await demo.NewSessionAsync(browser, output);
        var core = AllianceServer.Account("kerngroep@osdorp.example");
        await session.SignInAsync(core.Email, core.Password);

        // Steps 1 and 2 passed without an answer; the dispute is at step 3, the programme's escalation contact.
        await AssertChartAsync(session, $"{Base}/geschillen/advies-afvalcontainers", "grafiek-ladder", "Waar het geschil staat op de ladder",
            ("Stap 1: elkaar direct aanspreken", new Regex("termijn gemist$")),
            ("Stap 3: de escalatiecontactpersoon van het programma (NPSNW)", new Regex("hier staat het nu$")),
            ("Stap 4: het bestuur van de alliantie", "nog niet bereikt"));
    }

    [Fact]
    public async Task The_year_plan_page_draws_how_far_each_goal_is()
    {
        await demo.WaitForProjectionAsync("yearplans");
        await using var session = await demo.NewSessionAsync(browser, output);
        var year = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]).Year;

        await AssertChartAsync(session, $"{Base}/jaarplan/jaarplan-{year}", "grafiek-doelen", "Hoe ver zijn de doelen?",
            ("Elke straat een veilige speelplek", "nog niet bereikt; de belofte voor dit doel is nagekomen"),
            ("Veilige en verlichte looproutes naar school en winkels", "nog niet bereikt; geen beloftes gekoppeld"));
    }

    /// <summary>
    /// On <paramref name="path"/>, at desktop and phone size: the chart is one image named by its title (and its SVG
    /// title), the rows of its table under "De cijfers" hold <paramref name="rows"/>, and axe finds nothing. Returns the chart.
    /// </summary>
    private static async Task<ILocator> AssertChartAsync(BrowserSession session, string path, string id, string title, params (string Label, object Value)[] rows)
    {
        var page = session.Page;
        var chart = page.Locator($"[data-grafiek='{id}']");
        foreach (var (width, height, screen) in new[] { (1280, 900, "desktop"), (390, 844, "telefoon") })
        {
            await page.SetViewportSizeAsync(width, height);
            var response = await session.GotoAsync(path);
            Assert.Equal(200, response.Status);

            var image = chart.GetByRole(AriaRole.Img, new() { Name = title });
            await Assertions.Expect(image).ToBeVisibleAsync();
            await Assertions.Expect(image.Locator("title")).ToHaveTextAsync(title);
            Assert.False(string.IsNullOrWhiteSpace(await image.Locator("desc").TextContentAsync()));
            var box = await image.BoundingBoxAsync();
            Assert.True(box is { Width: > 0 } && box.Width <= width, $"The chart is {box?.Width} px wide on a {width} px screen.");

            await chart.Locator("summary", new() { HasText = "De cijfers" }).ClickAsync();
            var table = chart.GetByRole(AriaRole.Table, new() { Name = title });
            await Assertions.Expect(table).ToBeVisibleAsync();
            foreach (var (label, value) in rows)
            {
                // A partner has a row per quarter: one of the label's rows must hold the value in its last cell.
                var cells = table.GetByRole(AriaRole.Row).Filter(new() { HasText = label }).Locator("td:last-child");
                var expected = value as Regex ?? new Regex("^" + Regex.Escape((string)value) + "$");
                await Assertions.Expect(cells.Filter(new() { HasTextRegex = expected })).Not.ToHaveCountAsync(0);
            }

            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, $"{path} scrolls sideways on a {width} px wide screen.");
            await session.AssertNoAxeViolationsAsync();
            await session.ScreenshotAsync(screen);
        }
        return chart;
    }
}
