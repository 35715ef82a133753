using Governance.Api.Auth;
using Governance.Api.Demo;
using Governance.Domain;
using Governance.Domain.Escalations;
using Governance.EventStore;
using Microsoft.Playwright;
using NodaTime;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// The escalation contact's dispute pages (issue 13, R12), signed in as the programme's Ingrid Mulder, at desktop size
/// and on a 390×844 phone: who missed a step is named; a step where the programme advised is not a red "termijn gemist";
/// after the last step the page says what happens next; the ladder and the history give an event one date; a day still
/// to come or not a date gets a Dutch message with the input kept, not today's view; and "Geschillen" shows every
/// alliance's disputes as they stood on a day. One server for the class; the test that writes uses its own dispute.
/// </summary>
public sealed class DisputePageTests(Chromium browser, AllianceServer demo, ITestOutputHelper output) : IClassFixture<Chromium>, IClassFixture<AllianceServer>
{
    private const string Base = "/allianties/" + AllianceServer.Alliance;
    private const string Contact = "npsnw@osdorp.example";
    private const string Stadsdeel = "Stadsdeel Nieuw-West";

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task A_dispute_names_who_missed_each_step_an_advised_step_is_not_red_and_after_the_last_step_it_says_what_happens_next(int width, int height)
    {
        var id = EscalationId.Parse($"geschil-ladder-{width}");
        await LadderClimbedAsync(id);

        await using var session = await SignedInAsync(width, height);
        Assert.Equal(200, (await session.GotoAsync($"{Base}/geschillen/{id.Value}")).Status);
        var page = session.Page;
        var ladder = page.GetByRole(AriaRole.Table, new() { Name = "De stappen van dit geschil" });
        var rows = ladder.Locator("tbody tr");

        // Step 1 passed without an answer: red, and who missed it.
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("termijn gemist");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync($"{Stadsdeel} gaf geen antwoord voor");
        // Step 3: the programme advised, so the step is not its missed deadline; the Stadsdeel still did not answer.
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("advies gegeven");
        await Assertions.Expect(rows.Nth(2)).Not.ToContainTextAsync("termijn gemist");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync($"{Stadsdeel} gaf geen antwoord voor");
        // Step 4 is the last: the page says what happens next.
        await Assertions.Expect(page.Locator("#na-de-laatste-stap")).ToContainTextAsync("Hoger kan het geschil niet (afspraak R12).");

        // One date for one event: the day step 2 began on the ladder is the day the history gives it.
        var began = (await rows.Nth(1).Locator("td").First.InnerTextAsync()).Trim();
        var historyLine = page.Locator("#kop-geschiedenis ~ ol li").Filter(new() { HasText = "Stap 2:" }).Filter(new() { HasText = "Antwoord uiterlijk" });
        await Assertions.Expect(historyLine).ToContainTextAsync(began);

        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync(width < 600 ? "telefoon" : null);
    }

    [Theory]
    [InlineData("2999-01-01", "Die dag is nog niet geweest. Kies vandaag of een dag die voorbij is.")]
    [InlineData("gisteren", "Vul een datum in, bijvoorbeeld 1-10-2026.")]
    public async Task A_day_still_to_come_or_not_a_date_gets_a_Dutch_message_with_the_input_kept_instead_of_todays_view(string stand, string message)
    {
        await using var session = await SignedInAsync(1280, 900);
        var page = session.Page;

        foreach (var path in new[] { $"{Base}/geschillen/{DemoPromises.UnansweredAdvice.Value}", "/geschillen" })
        {
            await session.GotoAsync($"{path}?stand={stand}");

            await Assertions.Expect(page.Locator("#foutoverzicht")).ToContainTextAsync(message);
            Assert.Equal(stand, await page.Locator("#stand").GetAttributeAsync("value"));
            await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "bekijk hoe het nu staat" })).ToBeVisibleAsync();
            await session.AssertNoAxeViolationsAsync();
        }
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task The_contact_sees_the_disputes_of_all_their_alliances_as_they_stood_on_a_day(int width, int height)
    {
        await using var session = await SignedInAsync(width, height);
        var page = session.Page;
        // The demo's dispute went to step 3 ten days ago; eleven days ago it stood at step 2, with only step 1 missed.
        var day = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]).Date.PlusDays(-11);

        await session.GotoAsync($"/geschillen?stand={day:yyyy-MM-dd}");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Zo stond het op");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("bij alle allianties");
        var row = DemoDisputeRow(page);
        await Assertions.Expect(row).ToContainTextAsync("tap 2 van 4");
        await Assertions.Expect(row).ToContainTextAsync($"Stap 1 (elkaar direct aanspreken): {Stadsdeel} gaf geen antwoord voor");
        await Assertions.Expect(row).Not.ToContainTextAsync("Stap 2 (");
        await session.AssertNoAxeViolationsAsync();

        // Today the same dispute is at step 3 and names the Stadsdeel for both missed steps.
        await session.GotoAsync("/geschillen");
        row = DemoDisputeRow(page);
        await Assertions.Expect(row).ToContainTextAsync("tap 3 van 4");
        await Assertions.Expect(row.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await session.ScreenshotAsync(width < 600 ? "telefoon" : null);
    }

    private static ILocator DemoDisputeRow(IPage page) =>
        page.Locator("tr", new() { Has = page.Locator($"a[href$='/geschillen/{DemoPromises.UnansweredAdvice.Value}']") });

    private async Task<BrowserSession> SignedInAsync(int width, int height, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var session = await demo.NewSessionAsync(browser, output, testName: test);
        await session.Page.SetViewportSizeAsync(width, height);
        await session.SignInAsync(Contact, AllianceServer.Account(Contact).Password);
        return session;
    }

    /// <summary>
    /// A dispute about the Stadsdeel's unanswered advice, raised 50 days ago (the decider takes the time as input): the
    /// sweeper moves it past steps 1 and 2, the contact advises at step 3, and the sweeper moves it to step 4, the last.
    /// </summary>
    private async Task LadderClimbedAsync(EscalationId id)
    {
        var services = demo.Server.Services;
        var pipeline = services.CreateScope().ServiceProvider.GetRequiredService<Governance.Api.Commands.CommandBus>();
        var accounts = services.GetRequiredService<AccountService>();
        var coreGroup = (await accounts.FindByEmailAsync("kerngroep@osdorp.example"))!.Value;
        var contact = (await accounts.FindByEmailAsync(Contact))!.Value;
        var now = SystemClock.Instance.GetCurrentInstant();

        Task Do(PersonId actor, string role, EscalationCommand command) =>
            pipeline.HandleAsync(Escalation.Decider, AllianceServer.Alliance, id.StreamId, _ => command,
                new EventMetadata(actor.Value, role, "dispute-page-test"), null, CancellationToken.None);

        await Do(coreGroup, "core-group", new RaiseEscalation(id, coreGroup,
            new EscalationSubject(EscalationSubjectKind.AdviceWithoutMotivation, DemoDecisions.WasteContainers.Value),
            "Het stadsdeel gaf geen motivatie.", WorkingAgreements.Default.EscalationLadder, WorkingAgreements.Default.Version, now - Duration.FromDays(50)));
        await Do(coreGroup, "core-group", new RecordEscalationStepOverdue(now - Duration.FromDays(30)));
        await Do(coreGroup, "core-group", new RecordEscalationStepOverdue(now - Duration.FromDays(20)));
        await Do(contact, "escalation-contact", new GiveEscalationAdvice(contact, "Stadsdeel, geef schriftelijk antwoord.", Solicited: false, now - Duration.FromDays(15)));
        await Do(coreGroup, "core-group", new RecordEscalationStepOverdue(now));
    }
}
