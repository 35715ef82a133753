using System.Globalization;
using Governance.Api.Auth;
using Governance.Domain;
using Microsoft.Playwright;
using NodaTime;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// Who promised what and the disputes (issue 6 §5) on the demo story: the Stadsdeel's bench repairs 20 days overdue and
/// its unanswered advice on the waste containers, and the dispute about that advice at step 3 with the programme's
/// escalation contact. A server of its own, since some tests here record things.
/// </summary>
[RunsLong(40)]
public sealed class PromisePageTests(Chromium browser, AllianceServer demo, ITestOutputHelper output) : IClassFixture<Chromium>, IClassFixture<AllianceServer>
{
    private const string Dispute = "advies-afvalcontainers";
    private static readonly string Promises = $"/allianties/{AllianceServer.Alliance}/beloftes";
    private static readonly string DisputePage = $"/allianties/{AllianceServer.Alliance}/geschillen/{Dispute}";

    [Fact]
    public async Task The_core_group_sees_the_Stadsdeels_overdue_bench_repairs_and_its_unanswered_advice()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        var core = AllianceServer.Account("kerngroep@osdorp.example");
        await session.SignInAsync(core.Email, core.Password);
        var response = await session.GotoAsync(Promises);
        Assert.Equal(200, response.Status);
        var page = session.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wie beloofde wat");

        var stadsdeel = page.GetByRole(AriaRole.Region, new() { Name = "Stadsdeel Nieuw-West", Exact = true });
        var benches = stadsdeel.GetByRole(AriaRole.Row).Filter(new() { HasText = "bankjes" });
        await Assertions.Expect(benches).ToContainTextAsync("te laat");
        await Assertions.Expect(benches).ToContainTextAsync("20 dagen te laat");
        await Assertions.Expect(stadsdeel.GetByRole(AriaRole.Heading, new() { Name = "Advies zonder antwoord" })).ToBeVisibleAsync();
        await Assertions.Expect(stadsdeel.GetByRole(AriaRole.Link, new() { Name = "Afvalcontainers weg bij de speeltuin" })).ToBeVisibleAsync();
        await Assertions.Expect(stadsdeel).ToContainTextAsync("0 van 1 op tijd nagekomen");
        // Ymere kept its renovation plan on time.
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Ymere", Exact = true })).ToContainTextAsync("1 van 1 op tijd nagekomen");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();

        // Only what is late: the bench repairs stay, the police's open patrol schedule goes.
        await page.GetByLabel("Welke beloftes").SelectOptionAsync("te-laat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon beloftes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Stadsdeel Nieuw-West repareert de kapotte bankjes op het Osdorpplein." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("De politie deelt het rooster")).ToHaveCountAsync(0);

        // The promise page: its history in plain Dutch.
        await session.GotoAsync($"{Promises}/stadsdeel-bankjes-repareren");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Belofte van Stadsdeel Nieuw-West");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Voortgang: De opdracht is gegeven aan de aannemer.");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Te laat: de belofte was niet nagekomen op");
        // The core group may read, not report on a partner's promise.
        await Assertions.Expect(page.GetByText("Voortgang melden")).ToHaveCountAsync(0);
        await session.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task As_of_a_day_before_the_bench_repairs_were_due_they_were_open()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        var day = Today().PlusDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await session.GotoAsync($"{Promises}?partner=stadsdeel-nieuw-west&stand={day}");
        var page = session.Page;
        await Assertions.Expect(page.GetByText("Zo stond het op")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("uit het logboek tot en met regel")).ToBeVisibleAsync();
        var benches = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "bankjes" });
        await Assertions.Expect(benches).ToContainTextAsync("open");
        await Assertions.Expect(benches).Not.ToContainTextAsync("te laat");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Ymere", Exact = true })).ToHaveCountAsync(0);
        await session.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task A_representative_reports_progress_on_their_partners_promise_without_JavaScript()
    {
        await using var session = await demo.NewSessionAsync(browser, output, javaScriptEnabled: false);
        var stadsdeel = AllianceServer.Account("stadsdeel@osdorp.example");
        await session.SignInAsync(stadsdeel.Email, stadsdeel.Password);
        await session.GotoAsync($"{Promises}/stadsdeel-bankjes-repareren");
        var page = session.Page;
        await page.GetByLabel("Wat is er gebeurd?").FillAsync("De aannemer komt volgende week de bankjes maken.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voortgang melden" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De voortgang is vastgelegd.");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Voortgang: De aannemer komt volgende week de bankjes maken.");
        await session.ScreenshotAsync();
    }

    [Fact]
    public async Task A_representative_cannot_report_on_another_partners_promise()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        var ymere = AllianceServer.Account("ymere@osdorp.example");
        await session.SignInAsync(ymere.Email, ymere.Password);
        await session.GotoAsync($"{Promises}/stadsdeel-bankjes-repareren");
        await Assertions.Expect(session.Page.GetByText("Voortgang melden")).ToHaveCountAsync(0);

        // Posting anyway is refused as the API refuses it.
        var token = await session.Page.Locator("form[action='/uitloggen'] input[name='__RequestVerificationToken']").GetAttributeAsync("value");
        var post = await session.Page.APIRequest.PostAsync($"{Promises}/stadsdeel-bankjes-repareren?handler=Voortgang", new()
        {
            Form = session.Page.APIRequest.CreateFormData().Set("note", "Niet van ons").Set("__RequestVerificationToken", token!),
            MaxRedirects = 0,
        });
        Assert.Equal(403, post.Status);
    }

    [Fact]
    public async Task The_escalation_contact_sees_the_dispute_at_step_3_with_its_history_and_at_step_2_as_of_15_days_ago()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        var contact = AllianceServer.Account("npsnw@osdorp.example");
        await session.SignInAsync(contact.Email, contact.Password);
        var response = await session.GotoAsync("/geschillen");
        Assert.Equal(200, response.Status);
        var page = session.Page;
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Alle geschillen" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Afvalcontainers" });
        await Assertions.Expect(row).ToContainTextAsync("Wijkalliantie Osdorp de Punt");
        await Assertions.Expect(row).ToContainTextAsync("Stap 3 van 4");
        await Assertions.Expect(row).ToContainTextAsync("Stap 1 (elkaar direct aanspreken): Stadsdeel Nieuw-West gaf geen antwoord voor");
        await Assertions.Expect(row).ToContainTextAsync("Stap 2 (stuurgroep met mandaat): Stadsdeel Nieuw-West gaf geen antwoord voor");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync("overzicht");

        await row.GetByRole(AriaRole.Link).ClickAndWaitForPageAsync();
        Assert.EndsWith(DisputePage, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        var main = page.GetByRole(AriaRole.Main);
        await Assertions.Expect(main).ToContainTextAsync("Stap 3 van 4: de escalatiecontactpersoon van het programma (NPSNW)");
        await Assertions.Expect(main).ToContainTextAsync("Henk Smit begon het geschil over een advies zonder antwoord.");
        await Assertions.Expect(main).ToContainTextAsync("Stap 1: geen antwoord voor");
        await Assertions.Expect(main).ToContainTextAsync("Door naar stap 3, omdat de termijn van stap 2 voorbij is.");
        await Assertions.Expect(main).ToContainTextAsync("Advies van Ingrid Mulder bij stap 3 (niet gevraagd)");
        // Inline, the advice it is about: declined by the Stadsdeel, and its motivation overdue.
        await Assertions.Expect(main).ToContainTextAsync("Stadsdeel Nieuw-West voert het besluit niet uit.");
        await Assertions.Expect(main).ToContainTextAsync("Stadsdeel Nieuw-West gaf geen uitleg voor");
        var ladder = page.GetByRole(AriaRole.Table, new() { Name = "De stappen van dit geschil" });
        await Assertions.Expect(ladder.GetByRole(AriaRole.Row).Filter(new() { HasText = "Stuurgroep met mandaat" })).ToContainTextAsync("termijn gemist");
        await Assertions.Expect(ladder.GetByRole(AriaRole.Row).Filter(new() { HasText = "NPSNW" })).ToContainTextAsync("hier staat het nu");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync("nu");

        var fifteenDaysAgo = Today().PlusDays(-15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("Stand op").FillAsync(fifteenDaysAgo);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon de stand" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(main).ToContainTextAsync("Zo stond het op");
        await Assertions.Expect(main).ToContainTextAsync("Stap 2 van 4: stuurgroep met mandaat");
        await Assertions.Expect(main).Not.ToContainTextAsync("Advies van Ingrid Mulder");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Advies geven" })).ToHaveCountAsync(0);
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync("stand");
    }

    [Fact]
    public async Task The_escalation_contact_gives_advice_through_the_form()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        var contact = AllianceServer.Account("npsnw@osdorp.example");
        await session.SignInAsync(contact.Email, contact.Password);
        await session.GotoAsync(DisputePage);
        var page = session.Page;

        // Without a text and a choice the form says what is missing, in Dutch.
        await page.GetByRole(AriaRole.Button, new() { Name = "Advies geven" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByText("Schrijf uw advies op.").First).ToBeVisibleAsync();
        await session.AssertNoAxeViolationsAsync();

        await page.GetByLabel("Uw advies").FillAsync("Plan een gesprek met de stuurgroep en het stadsdeel binnen een week.");
        await page.GetByText("Ja, iemand vroeg om advies").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Advies geven" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw advies staat in het geschil.");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(
            "Advies van Ingrid Mulder bij stap 3 (gevraagd): Plan een gesprek met de stuurgroep en het stadsdeel binnen een week.");
    }

    [Fact]
    public async Task An_escalation_contact_of_another_alliance_does_not_see_the_dispute()
    {
        var accounts = demo.Server.Services.GetRequiredService<AccountService>();
        const string email = "contact-elders@example.test";
        const string password = "een ander wachtwoord";
        await accounts.CreateAccountAsync(email, "Contact Elders", password, [new RoleGrant(AllianceId.Parse("geuzenveld"), Role.EscalationContact)]);

        await using var session = await demo.NewSessionAsync(browser, output);
        await session.SignInAsync(email, password);
        var overview = await session.GotoAsync("/geschillen");
        Assert.Equal(200, overview.Status);
        await Assertions.Expect(session.Page.GetByText("Er zijn geen geschillen die u kunt zien.")).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.GetByText("Afvalcontainers")).ToHaveCountAsync(0);
        await session.AssertNoAxeViolationsAsync();

        var dispute = await session.GotoAsync(DisputePage);
        Assert.Equal(403, dispute.Status);
        await Assertions.Expect(session.Page.GetByText("Afvalcontainers")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_secretary_records_an_oral_promise_from_the_meeting_page_in_one_short_form()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        var secretary = AllianceServer.Account("projectleider@osdorp.example");
        await session.SignInAsync(secretary.Email, secretary.Password);
        var meeting = $"/allianties/{AllianceServer.Alliance}/vergaderingen/alliantie-{Today().PlusDays(-28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        await session.GotoAsync(meeting);
        var page = session.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Belofte vastleggen: wie beloofde wat aan tafel?" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Belofte vastleggen");

        // An empty form says what is missing, in Dutch, next to each field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Belofte vastleggen" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByText("Kies wie de belofte deed.").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Schrijf op wat er beloofd is.").First).ToBeVisibleAsync();
        await session.AssertNoAxeViolationsAsync();

        await page.GetByLabel("Wie beloofde het?").SelectOptionAsync(new SelectOptionValue { Label = "Ruben Kok (Politie Nieuw-West)" });
        await page.GetByLabel("Wat is er beloofd?").FillAsync("De politie loopt een extra avondronde bij de speeltuin.");
        await page.GetByLabel("Wanneer is het klaar?").FillAsync(Today().PlusDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByText("Mondeling, buiten de agenda").ClickAsync();
        await page.GetByLabel("Waar was dat?").FillAsync("na afloop, bij de koffie");
        await page.GetByLabel("Wie hoorde het?", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Marleen Bakker" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Belofte vastleggen" }).ClickAndWaitForPageAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De belofte is vastgelegd.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Belofte van Politie Nieuw-West");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(
            "Ruben Kok (Politie Nieuw-West) beloofde mondeling: De politie loopt een extra avondronde bij de speeltuin.");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Dat was na afloop, bij de koffie, met als getuigen Marleen Bakker.");
        await session.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_year_plan_shows_goals_with_owner_and_date_the_dream_apart_and_the_owner_reports_progress()
    {
        await using var anonymous = await demo.NewSessionAsync(browser, output);
        await anonymous.GotoAsync($"/allianties/{AllianceServer.Alliance}/jaarplan");
        var page = anonymous.Page;
        Assert.EndsWith($"/jaarplan/jaarplan-{Today().Year}", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        var thisYear = page.GetByRole(AriaRole.Region, new() { Name = "Doelen voor dit jaar" });
        var playground = thisYear.GetByRole(AriaRole.Article, new() { Name = "Elke straat een veilige speelplek" });
        await Assertions.Expect(playground).ToContainTextAsync("Eigenaar: Bewonerscollectief Osdorp de Punt (BCOP).");
        await Assertions.Expect(playground).ToContainTextAsync($"31 december {Today().Year}");
        await Assertions.Expect(playground.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Ymere deelt het uitvoeringsplan" })).ToContainTextAsync("nagekomen");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Doelen voor de lange termijn" })).ToContainTextAsync("Veilige en verlichte looproutes");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Dromen" })).ToContainTextAsync("Een eigen buurthuis voor Osdorp de Punt");
        await Assertions.Expect(page.GetByText("Voortgang melden")).ToHaveCountAsync(0);
        await anonymous.AssertNoAxeViolationsAsync();
        await anonymous.ScreenshotAsync();

        await using var session = await demo.NewSessionAsync(browser, output);
        await session.SignInAsync(AllianceServer.Resident.Email, AllianceServer.Resident.Password);
        await session.GotoAsync($"/allianties/{AllianceServer.Alliance}/jaarplan/jaarplan-{Today().Year}");
        page = session.Page;
        // BCOP owns the playground goal, not the Stadsdeel's walking routes.
        var routes = page.GetByRole(AriaRole.Article, new() { Name = "Veilige en verlichte looproutes naar school en winkels" });
        await Assertions.Expect(routes.GetByText("Voortgang melden")).ToHaveCountAsync(0);
        playground = page.GetByRole(AriaRole.Article, new() { Name = "Elke straat een veilige speelplek" });
        await playground.GetByText("Voortgang melden").First.ClickAsync();
        await playground.GetByLabel("Wat is er gebeurd?").FillAsync("In drie straten is een speelplek gekozen.");
        await playground.GetByRole(AriaRole.Button, new() { Name = "Voortgang melden" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De voortgang is vastgelegd.");
        await Assertions.Expect(page.GetByRole(AriaRole.Article, new() { Name = "Elke straat een veilige speelplek" })).ToContainTextAsync("In drie straten is een speelplek gekozen.");
        await session.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_secretary_adds_a_goal_and_R11_refuses_one_without_an_owner_in_Dutch_next_to_the_field()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        var secretary = AllianceServer.Account("projectleider@osdorp.example");
        await session.SignInAsync(secretary.Email, secretary.Password);
        await session.GotoAsync($"/allianties/{AllianceServer.Alliance}/jaarplan/jaarplan-{Today().Year}");
        var page = session.Page;
        var form = page.GetByRole(AriaRole.Region, new() { Name = "Doel of droom toevoegen" });

        await form.GetByText("Een doel voor dit jaar").ClickAsync();
        await form.GetByLabel("Het doel").FillAsync("Een bankje in elke straat");
        await form.GetByLabel("Streefdatum: wanneer moet het bereikt zijn? (niet bij een droom)").FillAsync($"{Today().Year}-12-31");
        await form.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAndWaitForPageAsync();
        var ownerField = page.Locator(".ams-field", new() { Has = page.GetByLabel("Eigenaar (niet bij een droom)") });
        await Assertions.Expect(ownerField).ToContainTextAsync("Een doel heeft een eigenaar. Kies welke partner ervoor zorgt (afspraak R11).");
        await session.AssertNoAxeViolationsAsync();

        await form.GetByLabel("Eigenaar (niet bij een droom)").SelectOptionAsync(new SelectOptionValue { Label = "Stadsdeel Nieuw-West" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het doel staat in het plan.");
        await Assertions.Expect(page.GetByRole(AriaRole.Article, new() { Name = "Een bankje in elke straat" })).ToContainTextAsync("Eigenaar: Stadsdeel Nieuw-West.");
    }

    /// <summary>Today in Amsterdam, as the demo story counts its days.</summary>
    private static LocalDate Today() => SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]).Date;

    [Fact]
    public async Task The_sinds_filter_shows_promises_due_since_a_day_and_an_unreadable_day_is_said_in_dutch_keeping_the_other_choices()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        var page = session.Page;
        // The bench repairs were due 20 days ago, the renovation plan 80 days ago: since 30 days ago only the first.
        var today = NodaTime.Instant.FromDateTimeOffset(demo.Server.Services.GetRequiredService<TimeProvider>().GetUtcNow())
            .InZone(Governance.Api.Presentation.DutchFormat.Amsterdam).Date;
        var since = today.PlusDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await session.GotoAsync($"{Promises}?toon=alle&sinds={since}");
        await Assertions.Expect(page.GetByLabel("Sinds")).ToHaveValueAsync(since);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Stadsdeel Nieuw-West repareert de kapotte bankjes op het Osdorpplein." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Ymere deelt het uitvoeringsplan van de renovatie")).ToHaveCountAsync(0);
        // Partners without a promise due since then are left out, and the page says how many.
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("hebben geen beloftes bij deze keuze");
        await session.AssertNoAxeViolationsIncludingBestPracticeAsync();

        await session.GotoAsync($"{Promises}?toon=te-laat&sinds=31-02-2026");
        await Assertions.Expect(page.GetByLabel("Sinds")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Vul een datum in, bijvoorbeeld 1-10-2026."));
        await Assertions.Expect(page.GetByLabel("Welke beloftes")).ToHaveValueAsync("te-laat");
        // The rest of the choice still applies: only late promises.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Stadsdeel Nieuw-West repareert de kapotte bankjes op het Osdorpplein." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("De politie deelt het rooster")).ToHaveCountAsync(0);
        await session.AssertNoAxeViolationsIncludingBestPracticeAsync();
        await session.ScreenshotAsync();
    }
}
