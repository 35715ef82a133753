using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>The pages every visitor meets: each is in Dutch, axe-clean, keyboard-usable, and photographed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_home_page_explains_the_ledger_and_links_to_alliances_and_the_interest_register()
    {
        await using var session = await browser.NewSessionAsync(output);
        var response = await session.GotoAsync("/");

        Assert.Equal(200, response.Status);
        await Assertions.Expect(session.Page).ToHaveTitleAsync("Wijkalliantie-logboek");
        await Assertions.Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wijkalliantie-logboek");
        await Assertions.Expect(session.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Bekijk de allianties" })).ToHaveAttributeAsync("href", "/allianties");
        await Assertions.Expect(session.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Bekijk het belangenregister" })).ToHaveAttributeAsync("href", "/belangenregister");
        var menu = session.Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        await Assertions.Expect(menu.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Home", "Allianties", "Vergaderingen", "Belangenregister", "Werkafspraken", "Besluiten", "Advies", "Beloftes", "Termijnen", "Jaarplan", "Geschillen", "Toegankelijkheid"]);
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Home" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Link, new() { Name = "Inloggen", Exact = true }).First).ToBeVisibleAsync();

        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();
        await session.AssertSkipLinkMovesFocusToMainAsync();
    }

    [Fact]
    public async Task The_home_page_fits_a_phone_screen()
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.Page.SetViewportSizeAsync(390, 844);
        await session.GotoAsync("/");

        var overflow = await session.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The page scrolls sideways on a 390 px wide screen (WCAG 1.4.10 reflow).");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();
    }

    [Fact]
    public async Task The_accessibility_statement_says_what_we_test_the_known_limits_and_how_to_report_a_problem()
    {
        await using var session = await browser.NewSessionAsync(output);
        var response = await session.GotoAsync("/toegankelijkheid");

        Assert.Equal(200, response.Status);
        await Assertions.Expect(session.Page).ToHaveTitleAsync("Toegankelijkheid – Wijkalliantie-logboek");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Toegankelijkheid");
        var sections = session.Page.GetByRole(AriaRole.Heading, new() { Level = 2 });
        await Assertions.Expect(sections).ToContainTextAsync(["Hoe wij testen", "Wat nog niet goed is", "Een probleem melden"]);
        await Assertions.Expect(session.Page.Locator("main")).ToContainTextAsync("axe-core");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })
            .GetByRole(AriaRole.Link, new() { Name = "Toegankelijkheid" })).ToHaveAttributeAsync("aria-current", "page");

        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();
        await session.AssertSkipLinkMovesFocusToMainAsync();
    }

    [Fact]
    public async Task An_unknown_address_shows_the_Dutch_404_page_with_status_404()
    {
        await using var session = await browser.NewSessionAsync(output);
        var response = await session.GotoAsync("/deze-pagina-bestaat-niet");

        Assert.Equal(404, response.Status);
        Assert.EndsWith("/deze-pagina-bestaat-niet", session.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Deze pagina bestaat niet");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Link, new() { Name = "Naar de startpagina" })).ToHaveAttributeAsync("href", "/");

        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();
        await session.AssertSkipLinkMovesFocusToMainAsync();
    }

    [Fact]
    public async Task A_failing_page_shows_the_Dutch_500_page_without_details_of_the_fault()
    {
        await using var session = await browser.NewSessionAsync(output);
        var response = await session.GotoAsync(BrowserFixture.ThrowingPath);

        Assert.Equal(500, response.Status);
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Er ging iets mis");
        await Assertions.Expect(session.Page.Locator("body")).Not.ToContainTextAsync("Deliberate failure");
        await Assertions.Expect(session.Page.Locator("body")).Not.ToContainTextAsync("InvalidOperationException");

        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();
    }

    [Fact]
    public async Task The_pages_work_without_JavaScript()
    {
        await using var session = await browser.NewSessionAsync(output, javaScriptEnabled: false);
        await session.GotoAsync("/");

        await session.Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })
            .GetByRole(AriaRole.Link, new() { Name = "Toegankelijkheid" }).ClickAsync();
        await Assertions.Expect(session.Page).ToHaveURLAsync(new Regex("/toegankelijkheid$"));
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Toegankelijkheid");
        Assert.Equal("Source Sans 3", await session.Page.Locator("h1").EvaluateAsync<string>("h => getComputedStyle(h).fontFamily.split(',')[0].replaceAll('\"', '')"));
        await session.ScreenshotAsync();
    }

    [Fact]
    public async Task Keyboard_focus_is_clearly_visible_on_links()
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.GotoAsync("/");

        // Tab past the skip link to the brand link in the header.
        await session.Page.Keyboard.PressAsync("Tab");
        await session.Page.Keyboard.PressAsync("Tab");
        var outline = await session.Page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.Equal("solid 3px", outline);
        await session.ScreenshotAsync("focus");
    }
}
