using Governance.Api.Auth;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.EventStore;
using Microsoft.Playwright;
using NodaTime;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// The day chair's pages (issue 13), as the chair, at desktop size and on a 390×844 phone: a button only when its action
/// can succeed now (the deciders are asked, with the time as input), otherwise the reason in Dutch; a refusal that is
/// no field's fault is not headed "fouten"; everyone present in one form; the R15 warning on "Vergadering leiden"; a
/// promise after a decision names it and returns to the meeting. Every state is axe-checked. One server for the class;
/// each test writes its own meeting.
/// </summary>
public sealed class ChairPageTests(Chromium browser, AllianceServer demo, ITestOutputHelper output) : IClassFixture<Chromium>, IClassFixture<AllianceServer>
{
    private const string Base = "/allianties/" + AllianceServer.Alliance;
    private static readonly AllianceId Osdorp = AllianceId.Parse(AllianceServer.Alliance);
    private const string Bcop = "Bewonerscollectief Osdorp de Punt (BCOP)";
    private static readonly DemoAccountRef Chair = new("dagvoorzitter@osdorp.example");

    private sealed record DemoAccountRef(string Email)
    {
        public string Password => AllianceServer.Account(Email).Password;
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task The_chair_is_not_offered_to_open_a_meeting_16_days_early_and_reads_why(int width, int height)
    {
        var upcoming = "alliantie-" + SystemClock.Instance.GetCurrentInstant().InZone(Meeting.Zone).Date.PlusDays(16).ToString("yyyy-MM-dd", null);
        await using var session = await demo.NewSessionAsync(browser, output);
        await session.Page.SetViewportSizeAsync(width, height);
        await session.SignInAsync(Chair.Email, Chair.Password);

        Assert.Equal(200, (await session.GotoAsync($"{Base}/vergaderingen/{upcoming}")).Status);

        var leading = session.Page.Locator("section", new() { Has = session.Page.GetByRole(AriaRole.Heading, new() { Name = "Vergadering leiden en plannen" }) });
        await Assertions.Expect(leading.GetByRole(AriaRole.Button, new() { Name = "Vergadering openen" })).ToHaveCountAsync(0);
        await Assertions.Expect(leading.Locator("#openen-kan-niet")).ToHaveTextAsync(
            "Vergadering openen kan nu niet. De vergadering is nog niet vandaag. Wilt u eerder vergaderen? Verplaats de vergadering dan eerst.");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync(width < 600 ? "telefoon" : null);
    }

    [Fact]
    public async Task On_the_day_the_chair_opens_the_meeting_and_records_everyone_present_in_one_form_and_the_R15_warning_shows_on_Vergadering_leiden()
    {
        var meeting = MeetingId.Parse("alliantie-voorzitter-vandaag");
        var today = SystemClock.Instance.GetCurrentInstant().InZone(Meeting.Zone).Date;
        await RunAsync(meeting, (alliance, now) => new ScheduleMeeting(meeting, MeetingKind.AllianceMeeting, today.At(new LocalTime(0, 30)),
            today.At(new LocalTime(23, 30)), "Buurtkamer De Punt", alliance, now));

        await using var session = await demo.NewSessionAsync(browser, output);
        await session.SignInAsync(Chair.Email, Chair.Password);
        await session.GotoAsync($"{Base}/vergaderingen/{meeting.Value}");
        var page = session.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Vergadering openen" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De vergadering is geopend.");

        // Nothing ticked: a field error, headed as one.
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanwezigen vastleggen" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.Locator("#foutoverzicht-kop")).ToHaveTextAsync("Verbeter de fouten voor u verder gaat");
        await Assertions.Expect(page.Locator("#foutoverzicht a[href='#aanwezig-persoon']")).ToHaveTextAsync("Vink aan wie er is.");
        await session.AssertNoAxeViolationsAsync();

        // Three professionals and one resident, ticked and recorded with one submit.
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Aanwezigen vastleggen" }) });
        foreach (var who in new[] { "Pieter de Graaf (Stadsdeel Nieuw-West)", "Sanne Visser (Ymere)", "Karim Bouzid (Eigenwijks)", "Fatima Yilmaz (Bewonerscollectief Osdorp de Punt, BCOP)" })
            await form.GetByText(who, new() { Exact = true }).ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Aanwezigen vastleggen" }).ClickAndWaitForPageAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("4 mensen zijn aanwezig:");
        var present = page.GetByRole(AriaRole.Table, new() { Name = "Aanwezigen" });
        await Assertions.Expect(present.GetByRole(AriaRole.Row)).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#r15")).ToContainTextAsync("er zijn meer professionals (3) dan bewoners (1) aan tafel");
        // Who is present is no longer offered.
        await Assertions.Expect(form.GetByText("Sanne Visser (Ymere)", new() { Exact = true })).ToHaveCountAsync(0);
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync("aanwezig");

        await session.GotoAsync($"{Base}/vergaderingen/{meeting.Value}/leiden");
        await Assertions.Expect(page.Locator("#r15")).ToContainTextAsync("Dat mag niet volgens afspraak R15.");
        await session.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Consent_is_offered_only_without_a_standing_valid_objection_a_refusal_is_not_headed_fouten_and_a_promise_after_it_returns_to_the_meeting()
    {
        var meeting = await MeetingsToday.OpenAsync(demo, "alliantie-voorzitter-consent");
        var proposal = ProposalId.Parse("zandbak-op-het-plein");
        var fatima = await PersonAsync("bewoner@osdorp.example");
        var stadsdeel = await PersonAsync("stadsdeel@osdorp.example");
        var decidability = (await demo.Server.Services.GetRequiredService<Governance.Projections.Meetings.MeetingQueries>().GetAsync(Osdorp, meeting))!
            .State.IsDecidable(MeetingsToday.Item);
        await ProposeAsync(proposal, now => new TableProposal(proposal, meeting, MeetingsToday.Item, "Zandbak op het plein", "Wij maken een zandbak.",
            PartnerId.Parse("bcop"), fatima, [], decidability, now));
        await ProposeAsync(proposal, now => new OpenConsentRound(now));
        await ProposeAsync(proposal, now => new RaiseObjection(stadsdeel, PartnerId.Parse("stadsdeel-nieuw-west"), "Katten gebruiken hem als bak.", now));
        await ProposeAsync(proposal, now => new TestObjection(1, ObjectionFinding.ValidObjection, "", now));

        await using var session = await demo.NewSessionAsync(browser, output);
        await session.Page.SetViewportSizeAsync(390, 844);
        await session.SignInAsync(Chair.Email, Chair.Password);
        var leiden = $"{Base}/vergaderingen/{meeting.Value}/leiden";
        await session.GotoAsync(leiden);
        var page = session.Page;
        var card = page.Locator("#voorstel-" + proposal.Value);
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Consent vaststellen voor Zandbak op het plein" })).ToHaveCountAsync(0);
        await Assertions.Expect(card.Locator("#geen-consent-" + proposal.Value)).ToHaveTextAsync(
            "Consent vaststellen kan nu niet. Er is nog een geldig bezwaar dat niet is opgelost. Dan is er geen consent (afspraak R8).");
        await session.AssertNoAxeViolationsAsync();

        // Withdrawn: now consent is offered. Someone raises a new objection before the chair submits: the decider refuses,
        // and since no field is wrong, the page does not ask to correct "fouten".
        await ProposeAsync(proposal, now => new ResolveObjection(1, ObjectionResolution.Withdrawal, "", null, null, now));
        await session.GotoAsync(leiden);
        var consent = card.GetByRole(AriaRole.Button, new() { Name = "Consent vaststellen voor Zandbak op het plein" });
        await Assertions.Expect(consent).ToBeVisibleAsync();
        await ProposeAsync(proposal, now => new RaiseObjection(stadsdeel, PartnerId.Parse("stadsdeel-nieuw-west"), "Te dicht bij de weg.", now));
        await consent.ClickAndWaitForPageAsync();
        await Assertions.Expect(page.Locator("#foutoverzicht-kop")).ToHaveTextAsync("Dit kan nu niet");
        await Assertions.Expect(page.Locator("#foutoverzicht")).ToContainTextAsync("Er is nog een bezwaar dat niet getoetst is.");
        Assert.StartsWith("Dit kan nu niet: Vergadering leiden", await page.TitleAsync(), StringComparison.Ordinal);
        await session.AssertNoAxeViolationsAsync();

        // Tested as a concern, consent is reached; the promise made right after names the decision and comes back here.
        await ProposeAsync(proposal, now => new TestObjection(2, ObjectionFinding.Concern, "", now));
        await session.GotoAsync(leiden);
        await card.GetByRole(AriaRole.Button, new() { Name = "Consent vaststellen voor Zandbak op het plein" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Er is consent. Het voorstel is aangenomen.");
        await card.GetByRole(AriaRole.Link, new() { Name = "Belofte vastleggen bij dit besluit (Zandbak op het plein)" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByLabel("In het besluit ‘Zandbak op het plein’")).ToBeCheckedAsync();
        await session.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Wie beloofde het?").SelectOptionAsync(new SelectOptionValue { Label = "Pieter de Graaf (Stadsdeel Nieuw-West)" });
        await page.GetByLabel("Wat is er beloofd?").FillAsync("Het Stadsdeel levert het zand.");
        var due = SystemClock.Instance.GetCurrentInstant().InZone(Meeting.Zone).Date.PlusDays(30).ToString("yyyy-MM-dd", null);
        await page.GetByLabel("Wanneer is het klaar?").FillAsync(due);
        await page.GetByRole(AriaRole.Button, new() { Name = "Belofte vastleggen" }).ClickAndWaitForPageAsync();

        Assert.EndsWith($"{leiden}#voorstel-{proposal.Value}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De belofte bij het besluit ‘Zandbak op het plein’ is vastgelegd.");
        await session.AssertNoAxeViolationsAsync();
        // The promise names the decision it follows from, with a link.
        Assert.Equal(200, (await session.GotoAsync($"{Base}/beloftes/{due}-het-stadsdeel-levert-het-zand")).Status);
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "zandbak-op-het-plein" }))
            .ToHaveAttributeAsync("href", $"{Base}/besluiten/zandbak-op-het-plein");
    }

    private async Task<PersonId> PersonAsync(string email) =>
        (await demo.Server.Services.GetRequiredService<AccountService>().FindByEmailAsync(email))!.Value;

    private async Task ProposeAsync(ProposalId proposal, Func<Instant, ProposalCommand> command)
    {
        var pipeline = demo.Server.Services.CreateScope().ServiceProvider.GetRequiredService<Governance.Api.Commands.CommandBus>();
        var chair = await PersonAsync(Chair.Email);
        await pipeline.HandleAsync(Proposal.Decider, Osdorp.Value, proposal.StreamId, command,
            new EventMetadata(chair.Value, "chair", "chair-page-test"), null, CancellationToken.None);
    }

    private async Task RunAsync(MeetingId meeting, Func<WorkingAgreements, Instant, MeetingCommand> command)
    {
        var services = demo.Server.Services;
        var pipeline = services.CreateScope().ServiceProvider.GetRequiredService<Governance.Api.Commands.CommandBus>();
        var alliance = (await services.GetRequiredService<Governance.Projections.Alliances.AllianceQueries>().GetAsync(Osdorp))!;
        var chair = await PersonAsync(Chair.Email);
        await pipeline.HandleAsync(Meeting.Decider, Osdorp.Value, meeting.StreamId, now => command(alliance.Agreements, now),
            new EventMetadata(chair.Value, "chair", "chair-page-test"), null, CancellationToken.None);
    }
}
