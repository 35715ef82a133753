using Governance.Api.Demo;
using Governance.Domain;
using Governance.EventStore;
using Governance.Projections.Alliances;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// The decision register and the advice page with many rows (issue 10 §5): the demo alliance and 520 more decisions appended through
/// the ledger, every tenth declined (52 advice rows waiting for a motivation). Each list shows 50 rows and links to its other pages.
/// </summary>
public sealed class DecisionListPageTests(Chromium browser, DecisionListPageTests.ManyDecisions server, ITestOutputHelper output)
    : IClassFixture<Chromium>, IClassFixture<DecisionListPageTests.ManyDecisions>
{
    private const string Base = "/allianties/" + AllianceServer.Alliance;

    public sealed class ManyDecisions : IAsyncLifetime
    {
        public AllianceServer Demo { get; } = new();

        public async Task InitializeAsync()
        {
            await Demo.InitializeAsync();
            var services = Demo.Server.Services;
            var alliance = (await services.GetRequiredService<AllianceQueries>().GetAsync(AllianceId.Parse(AllianceServer.Alliance)))!;
            await DecisionVolume.AppendAsync(services.GetRequiredService<Ledger>(), alliance, 520, TimeProvider.System, "veel");
        }

        public Task DisposeAsync() => Demo.DisposeAsync();
    }

    [Fact]
    public async Task The_register_shows_50_decisions_newest_first_and_links_to_the_next_and_previous_page()
    {
        await using var session = await server.Demo.NewSessionAsync(browser, output);
        await session.GotoAsync(Base + "/besluiten");
        var page = session.Page;
        var register = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Besluitenlijst" }) });
        await Assertions.Expect(register.Locator("tbody tr")).ToHaveCountAsync(50);
        await Assertions.Expect(register.Locator("tbody tr").First).ToContainTextAsync("Besluit 00520");
        var pages = page.GetByRole(AriaRole.Navigation, new() { Name = "Bladeren door de besluiten" });
        await Assertions.Expect(pages).ToContainTextAsync("Pagina 1 van 11 (525 besluiten)");
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Vorige pagina" })).ToHaveCountAsync(0);
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Volgende pagina" })).ToHaveAttributeAsync("href", Base + "/besluiten?pagina=2");

        // Wait for the page asked for, not for network silence (issue 16 §2): its load, its address, then its rows.
        // (WaitForURLAsync waited a minute for a load event that had come already, twice in a whole run.)
        await pages.GetByRole(AriaRole.Link, new() { Name = "Volgende pagina" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/besluiten\\?pagina=2$"));
        await Assertions.Expect(register.Locator("tbody tr").First).ToContainTextAsync("Besluit 00470");
        await Assertions.Expect(pages).ToContainTextAsync("Pagina 2 van 11");
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Vorige pagina" })).ToHaveAttributeAsync("href", Base + "/besluiten?pagina=1");
        await session.AssertNoAxeViolationsAsync();

        // The last page: the demo's own decisions, the oldest.
        await session.GotoAsync(Base + "/besluiten?pagina=11");
        await Assertions.Expect(register.Locator("tbody tr")).ToHaveCountAsync(25);
        await Assertions.Expect(register.GetByRole(AriaRole.Link, new() { Name = "Betere avondverlichting Tussen Meer" })).ToBeVisibleAsync();
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Volgende pagina" })).ToHaveCountAsync(0);
        // A page number that is not there reads as the first page, never an error.
        Assert.Equal(200, (await session.GotoAsync(Base + "/besluiten?pagina=nul")).Status);
        await Assertions.Expect(pages).ToContainTextAsync("Pagina 1 van 11");
    }

    [Fact]
    public async Task The_advice_page_counts_every_row_and_pages_each_list_on_its_own()
    {
        await using var session = await server.Demo.NewSessionAsync(browser, output);
        await session.GotoAsync(Base + "/advies");
        var page = session.Page;
        var waiting = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Wacht op motivatie (52)" }) });
        await Assertions.Expect(waiting.Locator("tbody tr")).ToHaveCountAsync(50);
        var late = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Motivatie te laat (1)" }) });
        await Assertions.Expect(late.Locator("tbody tr")).ToHaveCountAsync(1);
        var pages = waiting.GetByRole(AriaRole.Navigation, new() { Name = "Bladeren: wacht op motivatie" });
        await Assertions.Expect(pages).ToContainTextAsync("Pagina 1 van 2 (52 adviezen)");
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Volgende pagina" })).ToHaveAttributeAsync("href", Base + "/advies?pagina-wacht=2");

        await pages.GetByRole(AriaRole.Link, new() { Name = "Volgende pagina" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/advies\\?pagina-wacht=2$"));
        await Assertions.Expect(waiting.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(waiting.Locator("tbody tr").Last).ToContainTextAsync("Besluit 00520");
        // The other lists stay on their first page.
        await Assertions.Expect(late.Locator("tbody tr")).ToHaveCountAsync(1);
        await session.AssertNoAxeViolationsAsync();
    }
}
