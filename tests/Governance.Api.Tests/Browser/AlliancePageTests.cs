using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// The alliance pages as residents, partners and the public read them, on the seeded demo alliance: the list, the
/// overview, the interest register and the working agreements, signed in and signed out. Every page visited must be
/// axe-clean and is photographed. Nothing here changes the alliance (see <see cref="AllianceFormTests"/>).
/// </summary>
public sealed partial class AlliancePageTests(Chromium browser, AllianceServer demo, ITestOutputHelper output) : IClassFixture<Chromium>, IClassFixture<AllianceServer>
{
    private const string Overview = "/allianties/" + AllianceServer.Alliance;

    [Fact]
    public async Task Signed_in_as_admin_the_overview_shows_the_partners_the_people_at_the_table_and_the_officers()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        await session.SignInAsync(AllianceServer.Admin.Email, AllianceServer.Admin.Password);

        var response = await session.GotoAsync("/allianties");
        Assert.Equal(200, response.Status);
        var page = session.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Allianties");
        var list = page.GetByRole(AriaRole.Table, new() { Name = "Wijkallianties in het logboek" });
        await Assertions.Expect(Row(list, "Wijkalliantie Osdorp de Punt")).ToContainTextAsync("8");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync("lijst");

        await list.GetByRole(AriaRole.Link, new() { Name = "Wijkalliantie Osdorp de Punt" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Overview + "$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wijkalliantie Osdorp de Punt");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Kruimelpad" }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync(["Home", "Allianties"]);

        var partners = page.GetByRole(AriaRole.Table, new() { Name = "Partners aan tafel en wie namens hen aan tafel zitten" });
        await Assertions.Expect(partners.Locator("tbody tr")).ToHaveCountAsync(8);
        var bcop = Row(partners, "Bewonerscollectief Osdorp de Punt (BCOP)");
        await Assertions.Expect(bcop).ToContainTextAsync("Bewonerscollectief");
        await Assertions.Expect(bcop).ToContainTextAsync("Bewonersorganisatie");
        await Assertions.Expect(bcop).ToContainTextAsync("Fatima Yilmaz (met mandaat)");
        var ymere = Row(partners, "Ymere");
        await Assertions.Expect(ymere).ToContainTextAsync("Woningcorporatie");
        await Assertions.Expect(ymere).ToContainTextAsync("Professionele organisatie");
        await Assertions.Expect(ymere).ToContainTextAsync("Sanne Visser (met mandaat)");
        await Assertions.Expect(Row(partners, "Stadsdeel Nieuw-West")).ToContainTextAsync("Gemeente/stadsdeel");

        var offices = page.GetByRole(AriaRole.Table, new() { Name = "Onafhankelijke functies en wie ze hebben" });
        await Assertions.Expect(Row(offices, "Dagvoorzitter")).ToContainTextAsync("Marleen Bakker");
        await Assertions.Expect(Row(offices, "Projectleider/secretaris")).ToContainTextAsync("Youssef El Amrani");
        await Assertions.Expect(Row(offices, "Vertrouwenspersoon")).ToContainTextAsync("Nog niemand");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("verklaard dat zij geen direct belang hebben in de wijk (afspraak R13)");
        // A date in the Dutch long form, in Amsterdam time.
        Assert.Matches(DutchDate(), await Row(offices, "Dagvoorzitter").Locator("time").InnerTextAsync());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ingrid Mulder, contactpersoon van het NPSNW");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Werkafspraken (versie 1)" })).ToHaveAttributeAsync("href", Overview + "/werkafspraken");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vertrokken partners" })).ToHaveCountAsync(0);

        // The admin of this alliance sees the forms.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Partner toevoegen" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vertegenwoordiger aanstellen" })).ToBeVisibleAsync();
        await Assertions.Expect(partners.GetByText("Partner vertrekt")).ToHaveCountAsync(8);

        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync("overzicht");
    }

    [Fact]
    public async Task Signed_out_the_public_reads_the_overview_without_forms()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        await session.GotoAsync("/allianties");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync("lijst");

        var response = await session.GotoAsync(Overview);
        Assert.Equal(200, response.Status);
        var page = session.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wijkalliantie Osdorp de Punt");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Fatima Yilmaz (met mandaat)");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Beheer" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync("overzicht");
    }

    [Fact]
    public async Task Signed_out_the_public_sees_the_interest_register_and_the_working_agreements_through_the_main_menu()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        await session.GotoAsync("/");
        var page = session.Page;
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });

        // With one alliance in the ledger the menu goes straight to its register.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Belangenregister" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Overview + "/belangen$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Belangenregister");
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Belangenregister" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waarom dit register?" })).ToBeVisibleAsync();
        var register = page.GetByRole(AriaRole.Table, new() { Name = "Gemelde belangen, de nieuwste eerst" });
        var fatima = Row(register, "Fatima Yilmaz", exact: false);
        await Assertions.Expect(fatima).ToContainTextAsync("Subsidiestroom");
        await Assertions.Expect(fatima).ToContainTextAsync("buurtkamerproject");
        await Assertions.Expect(fatima).ToContainTextAsync("Stadsdeel Nieuw-West");
        Assert.Matches(DutchDate(), await fatima.Locator("time").InnerTextAsync());
        await Assertions.Expect(Row(register, "Pieter de Graaf", exact: false)).ToContainTextAsync("SV Osdorp");
        await Assertions.Expect(Row(register, "Sanne Visser", exact: false)).ToContainTextAsync("Belang");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Beëindigde meldingen" })).ToBeVisibleAsync();
        // Signed out: an invitation to sign in instead of the form, and no e-mail addresses anywhere.
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Log dan in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("@");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync("belangen");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Werkafspraken" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Overview + "/werkafspraken$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Werkafspraken");
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Werkafspraken" })).ToHaveAttributeAsync("aria-current", "page");
        var rules = page.GetByRole(AriaRole.Table, new() { Name = "Werkafspraken, versie 1" });
        await Assertions.Expect(Row(rules, "R2"))
            .ToContainTextAsync("Stukken voor besluit of bespreking");
        await Assertions.Expect(Row(rules, "R2")).ToContainTextAsync("14 dagen voor de vergadering");
        await Assertions.Expect(Row(rules, "R5")).ToContainTextAsync("48 uur");
        await Assertions.Expect(Row(rules, "R14")).ToContainTextAsync("telt 2 keer");
        await Assertions.Expect(Row(rules, "R12")).ToContainTextAsync("stap 3: de escalatiecontactpersoon van het programma (NPSNW)");
        var versions = page.GetByRole(AriaRole.Table, new() { Name = "Alle versies van de werkafspraken, de nieuwste eerst" });
        var first = Row(versions, "Versie 1", exact: false);
        await Assertions.Expect(first).ToContainTextAsync("Vastgesteld bij de oprichting van de alliantie");
        Assert.Matches(DutchDateTime(), await first.Locator("time").InnerTextAsync());
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync("werkafspraken");

        // "Allianties" also goes straight to the one alliance; the list stays one step up in the breadcrumbs.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Allianties" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Overview + "$"));
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Allianties" })).ToHaveAttributeAsync("aria-current", "page");
    }

    [Fact]
    public async Task The_alliance_pages_fit_a_phone_screen_and_their_wide_tables_scroll_by_keyboard()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        await session.SignInAsync(AllianceServer.Admin.Email, AllianceServer.Admin.Password);
        await session.Page.SetViewportSizeAsync(390, 844);
        foreach (var (path, name) in new[] { (Overview, "overzicht"), (Overview + "/belangen", "belangen"), (Overview + "/werkafspraken", "werkafspraken") })
        {
            await session.GotoAsync(path);
            var overflow = await session.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, $"{path} scrolls sideways on a 390 px wide screen (WCAG 1.4.10 reflow); only a table may scroll, inside its own box.");
            // axe's scrollable-region-focusable rule checks that a table too wide for the screen can be scrolled without a mouse.
            await session.AssertNoAxeViolationsAsync();
            await session.ScreenshotAsync(name);
        }
    }

    [Theory]
    [InlineData("/allianties/bestaat-niet")]
    [InlineData("/allianties/bestaat-niet/belangen")]
    [InlineData("/allianties/bestaat-niet/werkafspraken")]
    [InlineData("/allianties/Geen%20Adres")]
    public async Task An_unknown_alliance_gets_a_Dutch_404_page_that_leads_to_the_list(string path)
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        var response = await session.GotoAsync(path);

        Assert.Equal(404, response.Status);
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Deze alliantie bestaat niet");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Link, new() { Name = "Bekijk alle wijkallianties" })).ToHaveAttributeAsync("href", "/allianties");
        await session.AssertNoAxeViolationsAsync();
        if (path == "/allianties/bestaat-niet") await session.ScreenshotAsync();
    }

    /// <summary>The row whose header cell is (or with <paramref name="exact"/> false: contains) <paramref name="header"/>; a row's own name is all of its text.</summary>
    [Fact]
    public async Task A_decision_record_prints_without_menu_breadcrumbs_footer_or_forms_and_with_its_address_and_the_print_date()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        await session.SignInAsync(AllianceServer.Admin.Email, AllianceServer.Admin.Password);
        var path = Overview + "/besluiten/" + Governance.Api.Demo.DemoDecisions.PlayStreet.Value;
        Assert.Equal(200, (await session.GotoAsync(path)).Status);
        var page = session.Page;
        var printLine = page.Locator(".wl-print-only");
        await Assertions.Expect(printLine).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Kruimelpad" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("footer")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
        await Assertions.Expect(printLine).ToBeVisibleAsync();
        await Assertions.Expect(printLine).ToContainTextAsync(new Regex(@"Afgedrukt op \w+dag \d{1,2} \w+ \d{4}, \d{2}:\d{2}\s+van\s+http://127\.0\.0\.1:\d+" + Regex.Escape(path)));
    }

    private static ILocator Row(ILocator table, string header, bool exact = true) =>
        table.GetByRole(AriaRole.Row).Filter(new() { Has = table.Page.GetByRole(AriaRole.Rowheader, new() { Name = header, Exact = exact }) });

    [GeneratedRegex(@"^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} [a-z]+ \d{4}$")]
    private static partial Regex DutchDate();

    [GeneratedRegex(@"^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} [a-z]+ \d{4}, \d{2}:\d{2}$")]
    private static partial Regex DutchDateTime();
}
