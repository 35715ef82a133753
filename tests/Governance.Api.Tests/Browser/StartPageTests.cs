using Governance.Api.Auth;
using Governance.Domain;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// Issue 13: after signing in, each role of the demo alliance lands on "Wat vraagt uw aandacht" and finds the answer to
/// its question there, at desktop and phone size, on axe-clean pages (best practices included). Each role's start page
/// is written to docs/screenshots/ for reviewers.
/// </summary>
[RunsLong(35)]
public sealed class StartPageTests(Chromium browser, AllianceServer demo, ITestOutputHelper output) : IClassFixture<Chromium>, IClassFixture<AllianceServer>
{
    private static readonly string Alliance = AllianceServer.Alliance;

    private async Task<BrowserSession> SignedInAsync(string email, bool phone, [System.Runtime.CompilerServices.CallerMemberName] string testName = "")
    {
        await demo.WaitForProjectionAsync("all");
        var session = await demo.NewSessionAsync(browser, output, testName: testName);
        if (phone) await session.Page.SetViewportSizeAsync(390, 844);
        var account = AllianceServer.Account(email);
        await session.SignInAsync(account.Email, account.Password);
        // Signing in without a ReturnUrl lands here, not on "Mijn account".
        await Assertions.Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/aandacht$"));
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wat vraagt uw aandacht");
        return session;
    }

    private static ILocator MainOf(BrowserSession session) => session.Page.Locator("main");

    private async Task CheckAsync(BrowserSession session, string screenshot)
    {
        if (session.Page.ViewportSize is { Width: 390 })
        {
            var overflow = await session.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, "The start page scrolls sideways on a 390 px wide screen (WCAG 1.4.10 reflow).");
        }
        await session.AssertNoAxeViolationsIncludingBestPracticeAsync();
        await Screenshots.SaveForReviewAsync(session.Page, screenshot, output);
    }

    [Fact]
    public async Task The_core_group_sees_the_next_meetings_deadlines_late_promises_advice_and_this_weeks_disputes()
    {
        await using var session = await SignedInAsync("kerngroep@osdorp.example", phone: false);
        var main = MainOf(session);
        await Assertions.Expect(main).ToContainTextAsync("Uw rol: kerngroep.");
        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Kerngroep: worden afspraken nagekomen?" })).ToBeVisibleAsync();

        // The next meeting's deadlines that are not met yet: the Stadsdeel's document on the benches (R2) is still missing.
        var benches = main.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Onderhoud van de bankjes" }).Filter(new() { HasText = "Stadsdeel Nieuw-West" });
        await Assertions.Expect(benches.First).ToBeVisibleAsync();
        await Assertions.Expect(benches.First.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href",
            new System.Text.RegularExpressions.Regex($"^/allianties/{Alliance}/vergaderingen/[^/]+#kop-termijnen$"));

        // R10: overdue promises by partner, each linking to that partner's late promises.
        var late = main.GetByRole(AriaRole.Link, new() { Name = "Stadsdeel Nieuw-West: 1 belofte te laat" });
        await Assertions.Expect(late).ToHaveAttributeAsync("href", $"/allianties/{Alliance}/beloftes?toon=te-laat&partner=stadsdeel-nieuw-west");

        // R9: the Stadsdeel's advice that still waits for its motivation, past its date.
        var advice = main.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "motivatie van Stadsdeel Nieuw-West" });
        await Assertions.Expect(advice.First).ToContainTextAsync("te laat");
        await Assertions.Expect(advice.First.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href",
            new System.Text.RegularExpressions.Regex($"^/allianties/{Alliance}/besluiten/"));

        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Geschillen met een termijn deze week" })).ToBeVisibleAsync();
        await CheckAsync(session, "start-kerngroep");

        await late.ClickAsync();
        await Assertions.Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/beloftes\\?toon=te-laat&partner=stadsdeel-nieuw-west$"));
    }

    [Fact]
    public async Task A_representative_sees_on_a_phone_what_their_own_partner_must_do_and_by_when()
    {
        await using var session = await SignedInAsync("stadsdeel@osdorp.example", phone: true);
        var main = MainOf(session);
        await Assertions.Expect(main).ToContainTextAsync("Uw rol: vertegenwoordiger van Stadsdeel Nieuw-West.");
        await Assertions.Expect(main).Not.ToContainTextAsync("stadsdeel-nieuw-west");
        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Wat Stadsdeel Nieuw-West moet doen" })).ToBeVisibleAsync();

        var benches = main.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Onderhoud van de bankjes" });
        await Assertions.Expect(benches.First).ToContainTextAsync("uiterlijk");
        await Assertions.Expect(benches.First).ToContainTextAsync("nog open");
        // The promise that is late, linked to its own page, and the advice that waits for the partner's motivation (R9).
        var promise = main.GetByRole(AriaRole.Listitem).Filter(new() { Has = session.Page.Locator(".ams-badge", new() { HasText = "te laat" }) })
            .Filter(new() { Has = session.Page.Locator($"a[href^='/allianties/{Alliance}/beloftes/']") });
        await Assertions.Expect(promise.First).ToBeVisibleAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Advies waarop Stadsdeel Nieuw-West een motivatie geeft" })).ToBeVisibleAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "motivatie van Stadsdeel Nieuw-West" }).First).ToBeVisibleAsync();
        // Nothing of the core group's overview for a representative.
        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Kerngroep: worden afspraken nagekomen?" })).ToHaveCountAsync(0);
        await CheckAsync(session, "start-vertegenwoordiger-telefoon");
    }

    [Fact]
    public async Task A_representative_without_anything_to_do_reads_so_in_plain_dutch()
    {
        await using var session = await SignedInAsync("school@osdorp.example", phone: false);
        var main = MainOf(session);
        await Assertions.Expect(main).ToContainTextAsync("Openbare basisschool De Horizon heeft geen open beloftes.");
        await Assertions.Expect(main).ToContainTextAsync("Openbare basisschool De Horizon hoeft geen motivatie te geven.");
        await CheckAsync(session, "start-vertegenwoordiger");
    }

    [Fact]
    public async Task The_day_chair_sees_the_next_meeting_and_which_items_may_be_decided()
    {
        await using var session = await SignedInAsync("dagvoorzitter@osdorp.example", phone: false);
        var main = MainOf(session);
        await Assertions.Expect(main).ToContainTextAsync("Uw rol: dagvoorzitter.");
        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Wat mag er besloten worden?" })).ToBeVisibleAsync();
        // R7: the neighbourhood budget's proposal was shared in time; the benches have no document at all.
        var budget = main.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Buurtbudget 2027" });
        await Assertions.Expect(budget).ToContainTextAsync("mag besluiten");
        var benches = main.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Onderhoud van de bankjes" });
        await Assertions.Expect(benches).ToContainTextAsync("nog niet");
        await Assertions.Expect(benches).ToContainTextAsync("Er is geen stuk om over te besluiten gedeeld.");
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = "Vergadering leiden" }))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"^/allianties/{Alliance}/vergaderingen/[^/]+/leiden$"));
        await CheckAsync(session, "start-dagvoorzitter");
    }

    [Fact]
    public async Task The_escalation_contact_sees_the_disputes_of_their_alliances_most_urgent_first_on_a_phone()
    {
        await using var session = await SignedInAsync("npsnw@osdorp.example", phone: true);
        var main = MainOf(session);
        var section = main.Locator("section", new() { Has = session.Page.GetByRole(AriaRole.Heading, new() { Name = "Geschillen van uw allianties" }) });
        var items = section.GetByRole(AriaRole.Listitem);
        await Assertions.Expect(items.First).ToContainTextAsync("Wijkalliantie Osdorp de Punt");
        await Assertions.Expect(items.First.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href",
            new System.Text.RegularExpressions.Regex($"^/allianties/{Alliance}/geschillen/"));
        // Most urgent first: the deadlines shown are in order.
        var times = await section.Locator("li time").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('datetime'))");
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
        await CheckAsync(session, "start-escalatiecontact-telefoon");
    }

    [Fact]
    public async Task The_project_leader_sees_their_own_deadlines_before_the_next_meeting()
    {
        await using var session = await SignedInAsync("projectleider@osdorp.example", phone: false);
        var main = MainOf(session);
        await Assertions.Expect(main).ToContainTextAsync("Uw rol: secretaris/projectleider.");
        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Projectleider: uw termijnen" })).ToBeVisibleAsync();
        await CheckAsync(session, "start-projectleider");
    }

    [Fact]
    public async Task A_person_with_several_roles_sees_each_part_and_someone_without_a_role_reads_why_the_page_is_empty()
    {
        var accounts = demo.Server.Services.GetRequiredService<AccountService>();
        var email = $"{Guid.NewGuid():N}@example.org";
        var osdorp = new AllianceId(Alliance);
        await accounts.CreateAccountAsync(email, "Lotte Visser", AuthTestHelpers.Password,
            [new RoleGrant(osdorp, Role.CoreGroup), new RoleGrant(osdorp, Role.Representative, new PartnerId("bcop")), new RoleGrant(osdorp, Role.Chair)]);
        await demo.WaitForProjectionAsync("all");
        await using var session = await demo.NewSessionAsync(browser, output);
        await session.SignInAsync(email, AuthTestHelpers.Password);
        var main = MainOf(session);
        await Assertions.Expect(main).ToContainTextAsync("Uw rollen: dagvoorzitter, vertegenwoordiger van Bewonerscollectief Osdorp de Punt (BCOP), kerngroep.");
        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Kerngroep: worden afspraken nagekomen?" })).ToBeVisibleAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Wat Bewonerscollectief Osdorp de Punt (BCOP) moet doen" })).ToBeVisibleAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Dagvoorzitter: de volgende vergadering" })).ToBeVisibleAsync();
        await session.AssertNoAxeViolationsIncludingBestPracticeAsync();
        await session.ScreenshotAsync("meerdere-rollen");

        // "Mijn account" keeps the account and names the alliance and the partner, not their addresses.
        await session.Page.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Link, new() { Name = "Mijn account" }).ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mijn account");
        await Assertions.Expect(main).ToContainTextAsync("Wijkalliantie Osdorp de Punt");
        await Assertions.Expect(main).Not.ToContainTextAsync(Alliance);
        await Assertions.Expect(main).ToContainTextAsync("vertegenwoordiger van Bewonerscollectief Osdorp de Punt (BCOP)");

        var nobody = $"{Guid.NewGuid():N}@example.org";
        await accounts.CreateAccountAsync(nobody, "Kees Nobel", AuthTestHelpers.Password, []);
        await using var second = await demo.NewSessionAsync(browser, output);
        await second.SignInAsync(nobody, AuthTestHelpers.Password);
        await Assertions.Expect(MainOf(second)).ToContainTextAsync("U heeft nog geen rol in een wijkalliantie. Daarom staat hier niets voor u.");
        await second.AssertNoAxeViolationsIncludingBestPracticeAsync();
    }

    [Fact]
    public async Task The_main_menu_reaches_promises_deadlines_the_year_plan_and_disputes()
    {
        await demo.WaitForProjectionAsync("all");
        await using var session = await demo.NewSessionAsync(browser, output);
        var account = AllianceServer.Account("kerngroep@osdorp.example");
        await session.SignInAsync(account.Email, account.Password);
        var menu = session.Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        foreach (var (label, path, heading) in new[]
                 {
                     ("Beloftes", $"/allianties/{Alliance}/beloftes", "Wie beloofde wat"),
                     ("Termijnen", $"/allianties/{Alliance}/termijnen", "Termijnen"),
                     // With one year plan, the alliance's "Jaarplan" opens that plan.
                     ("Jaarplan", $"/allianties/{Alliance}/jaarplan", null),
                     ("Geschillen", "/geschillen", "Geschillen"),
                 })
        {
            await menu.GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).ClickAsync();
            await Assertions.Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(path) + "(/[^/]+)?$"));
            if (heading is not null) await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            // The item of the page's section is marked as the current one.
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = label, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        }
    }

    [Fact]
    public async Task A_past_meetings_page_links_to_what_was_decided_promised_and_escalated_there()
    {
        await demo.WaitForProjectionAsync("all");
        var today = NodaTime.Instant.FromDateTimeOffset(demo.Server.Services.GetRequiredService<TimeProvider>().GetUtcNow())
            .InZone(Governance.Api.Presentation.DutchFormat.Amsterdam).Date;
        // The demo's second meeting, 70 days ago.
        var meeting = "alliantie-" + today.PlusDays(-70).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using var session = await demo.NewSessionAsync(browser, output);
        await session.GotoAsync($"/allianties/{Alliance}/vergaderingen/{meeting}");
        var page = session.Page;
        var outcome = page.GetByRole(AriaRole.Region, new() { Name = "Wat hier is besloten, beloofd en geëscaleerd" });
        await Assertions.Expect(outcome.GetByRole(AriaRole.Link, new() { Name = "Afvalcontainers weg bij de speeltuin", Exact = true }))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"^/allianties/{Alliance}/besluiten/"));
        await Assertions.Expect(outcome.GetByRole(AriaRole.Link, new() { Name = "Stadsdeel Nieuw-West repareert de kapotte bankjes op het Osdorpplein." }))
            .ToHaveAttributeAsync("href", $"/allianties/{Alliance}/beloftes/stadsdeel-bankjes-repareren");
        await Assertions.Expect(outcome.Locator($"a[href='/allianties/{Alliance}/geschillen/advies-afvalcontainers']")).ToHaveCountAsync(1);
        await session.AssertNoAxeViolationsIncludingBestPracticeAsync();
        await session.ScreenshotAsync();

        // A meeting still to come has no such section.
        var upcoming = "alliantie-" + today.PlusDays(16).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await session.GotoAsync($"/allianties/{Alliance}/vergaderingen/{upcoming}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wat hier is besloten, beloofd en geëscaleerd" })).ToHaveCountAsync(0);
    }

    /// <summary>Issue 13: no two landmarks share a name (axe best-practice <c>landmark-unique</c>) on the main pages.</summary>
    [Fact]
    public async Task The_main_pages_have_no_two_landmarks_with_the_same_name()
    {
        await demo.WaitForProjectionAsync("all");
        await using var session = await demo.NewSessionAsync(browser, output);
        var core = AllianceServer.Account("kerngroep@osdorp.example");
        await session.SignInAsync(core.Email, core.Password);
        var failures = new List<string>();
        foreach (var path in new[]
                 {
                     "/", "/aandacht", "/allianties", $"/allianties/{Alliance}", $"/allianties/{Alliance}/vergaderingen", $"/allianties/{Alliance}/belangen",
                     $"/allianties/{Alliance}/werkafspraken", $"/allianties/{Alliance}/besluiten", $"/allianties/{Alliance}/advies",
                     $"/allianties/{Alliance}/beloftes", $"/allianties/{Alliance}/termijnen", $"/allianties/{Alliance}/termijnen?partner=stadsdeel-nieuw-west",
                     $"/allianties/{Alliance}/jaarplan", "/geschillen", "/account",
                 })
        {
            await session.GotoAsync(path);
            var violations = await Axe.RunAsync(session.Page, ["best-practice"]);
            failures.AddRange(violations.Where(v => v.Id == "landmark-unique").Select(v => $"{path}: {string.Join(", ", v.Targets)}"));
        }
        Assert.True(failures.Count == 0, "Landmarks that share a name:\n" + string.Join("\n", failures));
    }
}
