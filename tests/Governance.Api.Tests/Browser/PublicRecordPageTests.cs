using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// Issue 15's pages on the demo alliance, signed out: the checkpoints, the open data, and the download button on the
/// alliance page. Each page is axe-clean and photographed.
/// </summary>
public sealed class PublicRecordPageTests(Chromium browser, AllianceServer demo, ITestOutputHelper output) : IClassFixture<Chromium>, IClassFixture<AllianceServer>
{
    private const string Overview = "/allianties/" + AllianceServer.Alliance;

    [Fact]
    public async Task The_alliance_page_offers_the_public_record_the_checkpoints_and_the_open_data_in_plain_dutch()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        var page = session.Page;
        Assert.Equal(200, (await session.GotoAsync(Overview)).Status);
        var download = page.GetByRole(AriaRole.Link, new() { Name = "Download het openbare logboek (zip)" });
        await Assertions.Expect(download).ToHaveAttributeAsync("href", Overview + "/openbaar-archief");

        await page.GetByRole(AriaRole.Link, new() { Name = "Controlepunten: is er niets gewist of veranderd?" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Controlepunten");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download de controlepunten (JSON)" }))
            .ToHaveAttributeAsync("href", $"/api/v1/alliances/{AllianceServer.Alliance}/checkpoints?pageSize=200");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync("controlepunten");

        Assert.Equal(200, (await session.GotoAsync(Overview)).Status);
        await page.GetByRole(AriaRole.Link, new() { Name = "Open data: besluiten, beloftes en vergaderingen als bestand" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Open data");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "decisions.csv" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "CC0 1.0" })).ToHaveAttributeAsync("rel", "license");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync("open-data");
    }
}
