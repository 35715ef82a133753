using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.EventStore;
using Microsoft.Playwright;
using NodaTime;
using Npgsql;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>The core group's "Termijnen" page on the demo alliance with two meetings of partner deadlines.</summary>
public sealed class DeadlinePageTests(Chromium browser, AllianceServer demo, ITestOutputHelper output) : IClassFixture<Chromium>, IClassFixture<AllianceServer>
{
    [Fact]
    public async Task The_core_group_sees_per_partner_what_was_late_and_what_is_due_in_the_next_three_weeks()
    {
        // The demo's meeting 2: the Stadsdeel shared its traffic-safety plan 12 days ahead (R2 late); the upcoming meeting
        // in 16 days still lacks its document on the benches, due in 2 days.
        await demo.WaitForProjectionAsync("meeting-deadlines");

        await using var session = await demo.NewSessionAsync(browser, output);
        await session.SignInAsync(AllianceServer.Account("kerngroep@osdorp.example").Email, AllianceServer.Account("kerngroep@osdorp.example").Password);
        var response = await session.GotoAsync($"/allianties/{AllianceServer.Alliance}/termijnen");
        Assert.Equal(200, response.Status);
        var page = session.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Termijnen");

        var perPartner = page.GetByRole(AriaRole.Table, new() { Name = "Termijnen per partner: op tijd, te laat en ontbroken" });
        var stadsdeelRow = perPartner.GetByRole(AriaRole.Row).Filter(new() { HasText = "Stadsdeel Nieuw-West" });
        await Assertions.Expect(stadsdeelRow.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("1");   // "te laat": R2 in meeting 2
        await stadsdeelRow.GetByText("Bekijk").ClickAsync();
        await Assertions.Expect(stadsdeelRow).ToContainTextAsync("te laat");
        await Assertions.Expect(stadsdeelRow).ToContainTextAsync("Verkeersveiligheidsplan Osdorpplein");

        var upcoming = page.GetByRole(AriaRole.Table, new() { Name = "Termijnen die binnenkort aflopen" });
        var benchesRow = upcoming.GetByRole(AriaRole.Row).Filter(new() { HasText = "Stadsdeel Nieuw-West" }).Filter(new() { HasText = "R2" });
        await Assertions.Expect(benchesRow).ToContainTextAsync("nog open");
        await Assertions.Expect(benchesRow).ToContainTextAsync("Onderhoud van de bankjes");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();
    }

    [Fact]
    public async Task All_deadlines_of_one_partner_open_on_their_own_pages_from_the_overview()
    {
        await demo.WaitForProjectionAsync("meeting-deadlines");

        await using var session = await demo.NewSessionAsync(browser, output);
        var response = await session.GotoAsync($"/allianties/{AllianceServer.Alliance}/termijnen?partner=stadsdeel-nieuw-west");
        Assert.Equal(200, response.Status);
        var page = session.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Alle termijnen van Stadsdeel Nieuw-West, afgelopen 12 maanden" })).ToBeVisibleAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Termijnen van Stadsdeel Nieuw-West" });
        var late = table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Verkeersveiligheidsplan Osdorpplein" }).Filter(new() { HasText = "R2" });
        await Assertions.Expect(late).ToContainTextAsync("te laat");
        // The meeting of each deadline is a link to its page.
        await Assertions.Expect(late.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"^/allianties/{AllianceServer.Alliance}/vergaderingen/"));
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();
    }

    [Fact]
    public async Task The_table_per_partner_adds_up_with_waived_extended_and_open_deadlines_and_counts_the_project_leaders_agenda()
    {
        await demo.WaitForProjectionAsync("meeting-deadlines");
        await using var session = await demo.NewSessionAsync(browser, output);
        await session.GotoAsync($"/allianties/{AllianceServer.Alliance}/termijnen");
        var page = session.Page;
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Termijnen per partner: op tijd, te laat en ontbroken" });
        var headers = await table.GetByRole(AriaRole.Columnheader).AllInnerTextsAsync();
        Assert.Equal(["Partner", "Op tijd", "Op tijd na verlenging", "Te laat", "Ontbreekt", "Ontheffing", "Nog niet verlopen", "Samen", "Welke termijnen"], headers);
        // Every row adds up: each deadline is in exactly one column, and "Samen" is their sum.
        var rows = table.Locator("tbody tr");
        var count = await rows.CountAsync();
        Assert.True(count >= 2);
        var total = 0;
        for (var i = 0; i < count; i++)
        {
            var cells = (await rows.Nth(i).GetByRole(AriaRole.Cell).AllInnerTextsAsync()).ToList();
            var numbers = cells.Take(7).Select(c => int.Parse(c.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(numbers[6], numbers.Take(6).Sum());
            total += numbers[6];
        }
        Assert.True(total > 0);
        // The project leader's deadlines (the agenda, R1) have a row of their own.
        var office = table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Projectleider (secretaris)" }) });
        await Assertions.Expect(office).ToContainTextAsync("De agenda op tijd sturen");
        var officeTotal = int.Parse((await office.GetByRole(AriaRole.Cell).Nth(6).InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(officeTotal > 0, "The demo's meetings had agendas to send: the project leader has deadlines.");
        await session.AssertNoAxeViolationsIncludingBestPracticeAsync();
        await session.ScreenshotAsync();
    }
}
