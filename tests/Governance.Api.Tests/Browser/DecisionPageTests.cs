using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Domain;
using Governance.Api.Proposals;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.EventStore;
using Governance.Projections.Alliances;
using Microsoft.Playwright;
using NodaTime;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// The decision pages (issue 5 §4, §6) on the demo alliance, in a browser: the chair runs a whole consent round and a
/// vote from "Vergadering leiden" without touching the API, two representatives vote from their own browsers on the
/// phone page, and the chair's tally updates without a reload. The meeting is set up with domain commands (scheduled
/// today, an item with the residents' waiver, the table recorded) so it is open and the representatives present; the
/// demo's own proposals are not relied on. Every page is axe-checked.
/// </summary>
[RunsLong(68)]
public sealed class DecisionPageTests(Chromium browser, AllianceServer demo, ITestOutputHelper output) : IClassFixture<Chromium>, IClassFixture<AllianceServer>
{
    private const string Base = "/allianties/" + AllianceServer.Alliance;
    private static readonly AllianceId Osdorp = AllianceId.Parse(AllianceServer.Alliance);
    private const string Bcop = "Bewonerscollectief Osdorp de Punt (BCOP)";
    private static readonly AgendaItemId Item = AgendaItemId.Parse("buurtplein");

    [Fact]
    public async Task The_chair_runs_a_consent_round_and_a_vote_while_two_representatives_vote_from_their_phones_and_the_tally_updates_live()
    {
        var meeting = await OpenMeetingTodayAsync("alliantie-vandaag");
        var leiden = $"{Base}/vergaderingen/{meeting.Value}/leiden";

        await using var chair = await demo.NewSessionAsync(browser, output);
        await chair.SignInAsync("dagvoorzitter@osdorp.example", AllianceServer.Account("dagvoorzitter@osdorp.example").Password);
        await chair.GotoAsync(leiden);
        var page = chair.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vergadering leiden");
        var item = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Inrichting buurtplein", Level = 2 }) });
        await Assertions.Expect(item).ToContainTextAsync("besluitrijp");
        await Assertions.Expect(item).ToContainTextAsync("Met ontheffing van Fatima Yilmaz, namens " + Bcop);
        await chair.AssertNoAxeViolationsAsync();

        // Consent: table for BCOP, open the round, an objection from BCOP tested valid and integrated in version 2, consent.
        await TableAsync(page, "Picknicktafels op het buurtplein", "Wij zetten vier picknicktafels op het buurtplein.", concernsStadsdeel: true);
        var consent = Proposal(page, "Picknicktafels op het buurtplein");
        await SubmitAsync(page, consent.GetByRole(AriaRole.Button, new() { Name = "Consentronde openen" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De consentronde is geopend.");

        await consent.Locator("summary", new() { HasText = "Bezwaar noteren" }).ClickAsync();
        await consent.GetByLabel("Wie maakt bezwaar").SelectOptionAsync(new SelectOptionValue { Label = "Fatima Yilmaz, " + Bcop });
        await consent.GetByLabel("Voor welke partner").SelectOptionAsync(new SelectOptionValue { Label = Bcop });
        await consent.GetByLabel("Waarom").FillAsync("Tafels zonder schaduw staan in de zomer leeg.");
        await SubmitAsync(page, consent.GetByRole(AriaRole.Button, new() { Name = "Bezwaar noteren" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het bezwaar van Fatima Yilmaz is genoteerd.");

        consent = Proposal(page, "Picknicktafels op het buurtplein");
        // Testing without a finding: a Dutch error next to the choice, nothing recorded.
        await SubmitAsync(page, consent.GetByRole(AriaRole.Button, new() { Name = "Toetsing vastleggen voor bezwaar 1" }));
        await Assertions.Expect(page.Locator("#foutoverzicht")).ToContainTextAsync("Kies of het een geldig bezwaar is of een zorg.");
        await chair.AssertNoAxeViolationsAsync();
        consent = Proposal(page, "Picknicktafels op het buurtplein");
        await consent.GetByText("Geldig bezwaar", new() { Exact = true }).ClickAsync();
        await SubmitAsync(page, consent.GetByRole(AriaRole.Button, new() { Name = "Toetsing vastleggen voor bezwaar 1" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het is een geldig bezwaar.");

        // Consent cannot be reached while the valid objection stands: no button, but the rule in Dutch, not a code (issue 13).
        consent = Proposal(page, "Picknicktafels op het buurtplein");
        await Assertions.Expect(consent.GetByRole(AriaRole.Button, new() { Name = "Consent vaststellen voor Picknicktafels op het buurtplein" })).ToHaveCountAsync(0);
        await Assertions.Expect(consent).ToContainTextAsync("Consent vaststellen kan nu niet. Er is nog een geldig bezwaar dat niet is opgelost.");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("R8.unresolved-objection");

        consent = Proposal(page, "Picknicktafels op het buurtplein");
        await consent.GetByText("Verwerkt in een nieuwe versie van de tekst", new() { Exact = true }).ClickAsync();
        await consent.GetByLabel("Nieuwe tekst (bij verwerkt)").FillAsync("Wij zetten vier picknicktafels op het buurtplein, onder de bomen.");
        await SubmitAsync(page, consent.GetByRole(AriaRole.Button, new() { Name = "Oplossing vastleggen voor bezwaar 1" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Het bezwaar is verwerkt in een nieuwe versie van de tekst.");
        consent = Proposal(page, "Picknicktafels op het buurtplein");
        await SubmitAsync(page, consent.GetByRole(AriaRole.Button, new() { Name = "Consent vaststellen voor Picknicktafels op het buurtplein" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Er is consent. Het voorstel is aangenomen.");
        consent = Proposal(page, "Picknicktafels op het buurtplein");
        await Assertions.Expect(consent).ToContainTextAsync("aangenomen");
        await Assertions.Expect(consent).ToContainTextAsync($"Aangenomen met consent, in versie 2; bezwaar van {Bcop} verwerkt in versie 2.");
        await chair.AssertNoAxeViolationsAsync();
        await chair.ScreenshotAsync("consent");

        // The vote: concerning no partner (Fatima Yilmaz's subsidy from the Stadsdeel would recuse her, R16): tabled, a consent round that does not reach consent, the vote opened on that ground.
        await TableAsync(page, "Fietsenrekken bij het buurtplein", "Wij plaatsen twintig fietsenrekken aan de rand van het plein.");
        var vote = Proposal(page, "Fietsenrekken bij het buurtplein");
        await SubmitAsync(page, vote.GetByRole(AriaRole.Button, new() { Name = "Consentronde openen" }));
        vote = Proposal(page, "Fietsenrekken bij het buurtplein");
        await vote.Locator("summary", new() { HasText = "Stemming openen" }).ClickAsync();
        await vote.GetByText("Er kwam geen consent (afspraak R8)", new() { Exact = true }).ClickAsync();
        await SubmitAsync(page, vote.GetByRole(AriaRole.Button, new() { Name = "Stemming openen", Exact = true }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De stemming is open. De vertegenwoordigers kunnen nu stemmen.");
        vote = Proposal(page, "Fietsenrekken bij het buurtplein");
        var summary = vote.Locator("[data-samenvatting]");
        await Assertions.Expect(summary).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(summary).ToContainTextAsync("0 van de");
        await chair.AssertNoAxeViolationsAsync();
        // A marker that a reload would wipe: the tally must change under it.
        await page.EvaluateAsync("() => { window.zonderHerladen = true; }");

        var votePage = vote.GetByRole(AriaRole.Link, new() { Name = "Pagina om te stemmen" });
        var stemmen = await votePage.GetAttributeAsync("href");
        await VoteAsync("bewoner@osdorp.example", stemmen!, "Voor", $"Uw stem namens {Bcop} is: voor.", axe: true);
        await Assertions.Expect(BcopRow(vote)).ToContainTextAsync("heeft gestemd");
        await Assertions.Expect(summary).ToContainTextAsync("1 van de");
        await VoteAsync("ymere@osdorp.example", stemmen!, "Onthouden", "Uw stem namens Ymere is: onthouden.", axe: false);
        await Assertions.Expect(summary).ToContainTextAsync("2 van de");
        Assert.True(await page.EvaluateAsync<bool>("() => window.zonderHerladen === true"), "The chair's page reloaded instead of updating in place.");
        await chair.AssertNoAxeViolationsAsync();
        await chair.ScreenshotAsync("stemming-live");

        await SubmitAsync(page, vote.GetByRole(AriaRole.Button, new() { Name = "Stemming sluiten over Fietsenrekken bij het buurtplein" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De stemming is gesloten.");
        vote = Proposal(page, "Fietsenrekken bij het buurtplein");
        await Assertions.Expect(vote).ToContainTextAsync("Aangenomen met 2 van 2 gewogen stemmen; Ymere onthield zich.");
        await chair.AssertNoAxeViolationsAsync();

        // A vote after close is refused in Dutch on the phone page.
        await using (var late = await demo.NewSessionAsync(browser, output))
        {
            await late.SignInAsync("bewoner@osdorp.example", DemoPassword);
            await late.GotoAsync(stemmen!);
            await Assertions.Expect(late.Page.Locator("main")).ToContainTextAsync("De stemming is gesloten. Stemmen of uw stem veranderen kan niet meer.");
            await Assertions.Expect(late.Page.Locator("main")).ToContainTextAsync($"De stem van {Bcop} is nu: voor");
            await late.AssertNoAxeViolationsAsync();
        }

        // Everyone's pages: the record, the register, the projector and the advice list, signed out.
        await using var visitor = await demo.NewSessionAsync(browser, output);
        var record = stemmen![..^"/stemmen".Length];
        await visitor.GotoAsync(record);
        var main = visitor.Page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("Aangenomen met 2 van 2 gewogen stemmen; Ymere onthield zich.");
        await Assertions.Expect(main).ToContainTextAsync("Versie 1");
        await Assertions.Expect(main).ToContainTextAsync("Telling per keuze");
        await visitor.AssertNoAxeViolationsAsync();
        await visitor.ScreenshotAsync("besluit");
        await visitor.GotoAsync(Base + "/besluiten/picknicktafels-op-het-buurtplein");
        await Assertions.Expect(main).ToContainTextAsync("Tafels zonder schaduw staan in de zomer leeg.");
        await Assertions.Expect(main).ToContainTextAsync("verwerkt in versie 2");
        await visitor.AssertNoAxeViolationsAsync();
        await visitor.GotoAsync(Base + "/besluiten");
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = "Fietsenrekken bij het buurtplein" })).ToBeVisibleAsync();
        await visitor.AssertNoAxeViolationsAsync();
        await visitor.ScreenshotAsync("register");
        await visitor.GotoAsync(record + "/stemming");
        await Assertions.Expect(main).ToContainTextAsync("De stemming is gesloten: aangenomen.");
        await visitor.AssertNoAxeViolationsAsync();
        await visitor.GotoAsync(Base + "/advies");
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Advies");
        await visitor.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Only_the_chair_may_lead_the_meeting_a_representative_gets_the_Dutch_403_page()
    {
        var meeting = await OpenMeetingTodayAsync("alliantie-vandaag-2");
        await using var session = await demo.NewSessionAsync(browser, output);
        await session.SignInAsync("ymere@osdorp.example", DemoPassword);

        var response = await session.GotoAsync($"{Base}/vergaderingen/{meeting.Value}/leiden");

        Assert.Equal(403, response.Status);
        await Assertions.Expect(session.Page.Locator("main form")).ToHaveCountAsync(0);
        await session.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Without_JavaScript_a_representative_votes_and_one_not_present_is_refused_in_Dutch_and_the_projector_page_reloads()
    {
        var meeting = await OpenMeetingTodayAsync("alliantie-vandaag-3");
        var proposal = await VotingProposalAsync(meeting, "zonder-script");
        var stemmen = $"{Base}/besluiten/{proposal.Value}/stemmen";

        // Anouk de Vries has mandate for BCOP but is not recorded as present: the decider would refuse, so the page says
        // why before she chooses, and offers no button (issue 13).
        await using (var absent = await demo.NewSessionAsync(browser, output, javaScriptEnabled: false))
        {
            await absent.SignInAsync("bewoner2@osdorp.example", DemoPassword);
            await absent.GotoAsync(stemmen);
            await Assertions.Expect(absent.Page.Locator("#kan-niet-stemmen")).ToContainTextAsync("U staat niet op de lijst van aanwezigen.");
            await Assertions.Expect(absent.Page.GetByRole(AriaRole.Button, new() { Name = "Stem uitbrengen" })).ToHaveCountAsync(0);
            await absent.ScreenshotAsync("niet-aanwezig");
        }

        await using var present = await demo.NewSessionAsync(browser, output, javaScriptEnabled: false);
        await present.SignInAsync("bewoner@osdorp.example", DemoPassword);
        await present.GotoAsync(stemmen);
        await present.Page.GetByText("Tegen", new() { Exact = true }).ClickAsync();
        await present.Page.GetByRole(AriaRole.Button, new() { Name = "Stem uitbrengen" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(present.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Uw stem namens {Bcop} is: tegen.");
        // Changeable until close.
        await present.Page.GetByText("Voor", new() { Exact = true }).ClickAsync();
        await present.Page.GetByRole(AriaRole.Button, new() { Name = "Stem uitbrengen" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(present.Page.Locator("main")).ToContainTextAsync($"De stem van {Bcop} is nu: voor");

        await using var projector = await demo.NewSessionAsync(browser, output, javaScriptEnabled: false);
        await projector.GotoAsync($"{Base}/besluiten/{proposal.Value}/stemming");
        var row = projector.Page.Locator("[data-stand] tr", new() { Has = projector.Page.GetByRole(AriaRole.Rowheader, new() { Name = Bcop, Exact = true }) });
        await Assertions.Expect(row).ToContainTextAsync("heeft gestemd");
        await Assertions.Expect(projector.Page.GetByRole(AriaRole.Link, new() { Name = "Vernieuwen" })).ToBeVisibleAsync();
        await projector.ScreenshotAsync();
    }

    [Fact]
    public async Task On_a_phone_the_menu_folds_the_choices_and_the_button_fit_the_first_screen_and_a_recused_representative_reads_why_before_choosing()
    {
        var meeting = await OpenMeetingTodayAsync("alliantie-vandaag-telefoon");
        var proposal = await VotingProposalAsync(meeting, "op-de-telefoon");
        var stemmen = $"{Base}/besluiten/{proposal.Value}/stemmen";

        await using (var phone = await demo.NewSessionAsync(browser, output, javaScriptEnabled: false))
        {
            await phone.Page.SetViewportSizeAsync(390, 844);
            await phone.SignInAsync("ymere@osdorp.example", DemoPassword);
            await phone.GotoAsync(stemmen);
            var page = phone.Page;
            // The menu is folded under "Menu" (no script), its links out of sight until opened.
            var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
            await Assertions.Expect(menu.Locator("summary", new() { HasText = "Menu" })).ToBeVisibleAsync();
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Besluiten" })).Not.ToBeVisibleAsync();
            foreach (var control in new[] { page.GetByText("Voor", new() { Exact = true }), page.GetByText("Tegen", new() { Exact = true }),
                         page.GetByText("Onthouden", new() { Exact = true }), page.GetByRole(AriaRole.Button, new() { Name = "Stem uitbrengen" }) })
            {
                var box = await control.BoundingBoxAsync();
                Assert.True(box is not null && box.Y + box.Height <= 844, $"Not on the first screen: {box?.Y + box?.Height}px.");
            }
            await phone.AssertNoAxeViolationsAsync();
            await phone.ScreenshotAsync("telefoon");
            await menu.Locator("summary", new() { HasText = "Menu" }).ClickAsync();
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Besluiten" })).ToBeVisibleAsync();
        }

        // Fatima Yilmaz declares an interest at the table (R16): her page says so before she chooses.
        var services = demo.Server.Services;
        var pipeline = services.CreateScope().ServiceProvider.GetRequiredService<Governance.Api.Commands.CommandBus>();
        var accounts = services.GetRequiredService<AccountService>();
        var fatima = (await accounts.FindByEmailAsync("bewoner@osdorp.example"))!.Value;
        var chair = (await accounts.FindByEmailAsync("dagvoorzitter@osdorp.example"))!.Value;
        await pipeline.HandleAsync(Governance.Domain.Proposals.Proposal.Decider, Osdorp.Value, proposal.StreamId,
            now => new DeclareRecusal(fatima, "Zij is voorzitter van de bloemenclub.", now), new EventMetadata(chair.Value, "chair", "decision-page-test"), null, CancellationToken.None);
        await using var recused = await demo.NewSessionAsync(browser, output);
        await recused.Page.SetViewportSizeAsync(390, 844);
        await recused.SignInAsync("bewoner@osdorp.example", DemoPassword);
        await recused.GotoAsync(stemmen);
        await Assertions.Expect(recused.Page.Locator("#kan-niet-stemmen")).ToContainTextAsync("omdat u een belang heeft (afspraak R16)");
        await Assertions.Expect(recused.Page.GetByRole(AriaRole.Button, new() { Name = "Stem uitbrengen" })).ToHaveCountAsync(0);
        await recused.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_projector_shows_the_result_first_and_large_without_the_site_menu_and_a_phone_is_told_a_wide_table_scrolls()
    {
        var meeting = await OpenMeetingTodayAsync("alliantie-vandaag-scherm");
        var proposal = await VotingProposalAsync(meeting, "op-het-scherm");
        var services = demo.Server.Services;
        var pipeline = services.CreateScope().ServiceProvider.GetRequiredService<Governance.Api.Commands.CommandBus>();
        var accounts = services.GetRequiredService<AccountService>();
        var chair = (await accounts.FindByEmailAsync("dagvoorzitter@osdorp.example"))!.Value;
        var fatima = (await accounts.FindByEmailAsync("bewoner@osdorp.example"))!.Value;
        await pipeline.HandleAsync(Governance.Domain.Proposals.Proposal.Decider, Osdorp.Value, proposal.StreamId,
            now => new CastVote(fatima, PartnerId.Parse("bcop"), VoteChoice.For, now), new EventMetadata(fatima.Value, "representative", "decision-page-test"), null, CancellationToken.None);
        await pipeline.HandleAsync(Governance.Domain.Proposals.Proposal.Decider, Osdorp.Value, proposal.StreamId,
            now => new CloseVote(now), new EventMetadata(chair.Value, "chair", "decision-page-test"), null, CancellationToken.None);

        await using var projector = await demo.NewSessionAsync(browser, output);
        await projector.GotoAsync($"{Base}/besluiten/{proposal.Value}/stemming");
        var page = projector.Page;
        var result = page.Locator("#uitslag");
        await Assertions.Expect(result).ToContainTextAsync("Aangenomen met 2 van 2 gewogen stemmen.");
        // First in the content, and large.
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').querySelector('p, h1, h2, table').id === 'uitslag'"));
        Assert.True(await result.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)") >= 40);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("footer")).ToHaveCountAsync(0);
        await projector.AssertNoAxeViolationsAsync();
        await projector.ScreenshotAsync();

        // On a phone a table region says it scrolls, and can be scrolled with the keyboard (it takes focus).
        await page.SetViewportSizeAsync(390, 844);
        var region = page.Locator(".ams-table[role=region]").First;
        Assert.Contains("Schuif de tabel opzij", await region.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"), StringComparison.Ordinal);
        Assert.Equal("0", await region.GetAttributeAsync("tabindex"));
    }

    /// <summary>A proposal on the meeting's item, its consent round opened and the vote opened as the API opens it (ProposalFacts).</summary>
    private async Task<ProposalId> VotingProposalAsync(MeetingId meeting, string slug)
    {
        var services = demo.Server.Services;
        var pipeline = services.CreateScope().ServiceProvider.GetRequiredService<Governance.Api.Commands.CommandBus>();
        var accounts = services.GetRequiredService<AccountService>();
        var alliance = (await services.GetRequiredService<AllianceQueries>().GetAsync(Osdorp))!;
        var state = (await services.GetRequiredService<Governance.Projections.Meetings.MeetingQueries>().GetAsync(Osdorp, meeting))!.State;
        var chair = (await accounts.FindByEmailAsync("dagvoorzitter@osdorp.example"))!.Value;
        var fatima = (await accounts.FindByEmailAsync("bewoner@osdorp.example"))!.Value;
        var id = ProposalId.Parse(slug);
        var metadata = new EventMetadata(chair.Value, "chair", "decision-page-test");

        Task Do(Func<Instant, ProposalCommand> command) =>
            pipeline.HandleAsync(Governance.Domain.Proposals.Proposal.Decider, Osdorp.Value, id.StreamId, command, metadata, null, CancellationToken.None);

        await Do(now => new TableProposal(id, meeting, Item, "Bloembakken", "Wij zetten bloembakken langs het plein.",
            PartnerId.Parse("bcop"), fatima, [], state.IsDecidable(Item), now));
        await Do(now => new OpenConsentRound(now));
        await Do(now => ProposalFacts.OpenVote(VoteGround.ConsentFailed, alliance, state, now));
        return id;
    }

    private static string DemoPassword => AllianceServer.Resident.Password;

    private static ILocator Proposal(IPage page, string title) =>
        page.Locator("article", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 3 }) });

    private static ILocator BcopRow(ILocator proposal) =>
        proposal.Locator("[data-stand] tr", new() { Has = proposal.Page.GetByRole(AriaRole.Rowheader, new() { Name = Bcop, Exact = true }) });

    /// <summary>Posts a form and waits for the page it leads to; the chair's page keeps a tally stream open, so "network idle" never comes.</summary>
    private static async Task SubmitAsync(IPage page, ILocator button)
    {
        // A mark on the old document: the next document, fully loaded, does not have it.
        await page.EvaluateAsync("() => { window.vorigePagina = true; }");
        await button.ClickAsync();
        await page.WaitForFunctionAsync("() => window.vorigePagina !== true && document.readyState === 'complete'");
    }

    private static async Task TableAsync(IPage page, string title, string text, bool concernsStadsdeel = false)
    {
        var item = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Inrichting buurtplein", Level = 2 }) });
        await item.Locator("summary", new() { HasText = "Voorstel indienen" }).ClickAsync();
        await item.GetByLabel("Titel van het voorstel").FillAsync(title);
        await item.GetByLabel("Tekst van het voorstel").FillAsync(text);
        await item.GetByLabel("Namens welke partner").SelectOptionAsync(new SelectOptionValue { Label = Bcop });
        await item.GetByLabel("Wie dient het in").SelectOptionAsync(new SelectOptionValue { Label = "Fatima Yilmaz, " + Bcop });
        if (concernsStadsdeel) await item.Locator("fieldset").GetByText("Stadsdeel Nieuw-West", new() { Exact = true }).ClickAsync();
        await SubmitAsync(page, item.GetByRole(AriaRole.Button, new() { Name = "Voorstel indienen" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Het voorstel ‘{title}’ is ingediend.");
    }

    private async Task VoteAsync(string email, string path, string choice, string message, bool axe)
    {
        await using var phone = await demo.NewSessionAsync(browser, output);
        await phone.Page.SetViewportSizeAsync(390, 844);
        await phone.SignInAsync(email, DemoPassword);
        await phone.GotoAsync(path);
        await phone.Page.GetByText(choice, new() { Exact = true }).ClickAsync();
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Stem uitbrengen" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(message + " U kunt dit veranderen tot de stemming sluit.");
        await Assertions.Expect(phone.Page.GetByLabel(choice, new() { Exact = true })).ToBeCheckedAsync();
        if (axe)
        {
            await phone.AssertNoAxeViolationsAsync();
            await phone.ScreenshotAsync();
        }
    }

    private Task<MeetingId> OpenMeetingTodayAsync(string slug) => MeetingsToday.OpenAsync(demo, slug);
}
