using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.EventStore;
using Microsoft.Playwright;
using NodaTime;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// The meetings list (year planning) and the meeting page, read and used as people do: the public sees a late R2
/// document against the partner responsible, the chair accepts and defers items, a representative uploads a document
/// and sees its SHA-256, the secretary records attendance and sees the R15 flag, a refusal reads as Dutch. Every
/// meeting is made in the test (with the domain's commands through the pipeline), so the demo's own meetings do not matter.
/// </summary>
[RunsLong(38)]
public sealed class MeetingPageTests(Chromium browser, AllianceServer demo, ITestOutputHelper output) : IClassFixture<Chromium>, IClassFixture<AllianceServer>
{
    private const string Base = "/allianties/" + AllianceServer.Alliance;
    private static readonly PartnerId Stadsdeel = PartnerId.Parse("stadsdeel-nieuw-west");
    private static readonly PartnerId Ymere = PartnerId.Parse("ymere");
    private static readonly PartnerId Bcop = PartnerId.Parse("bcop");

    [Fact]
    public async Task The_list_and_the_meeting_page_show_a_late_R2_document_as_te_laat_for_the_responsible_partner()
    {
        var meeting = NewId("verkeer");
        var item = AgendaItemId.Parse("verkeersveiligheid");
        var start = await ScheduleAsync(meeting, MeetingKind.AllianceMeeting, daysAhead: 5);
        await RunAsync(meeting, n => new ProposeAgendaItem(item, Stadsdeel, "Verkeersveiligheid Tussen Meer", AgendaItemKind.Decision, null, n));
        await RunAsync(meeting, n => new AcceptAgendaItem(item, n));
        // Shared 5 days ahead; R2 asks 14 days.
        await RunAsync(meeting, n => new ShareDocument(DocumentId.Parse("verkeersplan"), item, Stadsdeel, "Verkeersplan", DocumentPurpose.DecisionOrDiscussion,
            Sha256Digest.FromBytes(SHA256.HashData("plan"u8)), 4, "doc-test-verkeer", n));

        await using var session = await demo.NewSessionAsync(browser, output);
        // The main menu's "Vergaderingen" goes straight to the one alliance's year planning.
        await session.GotoAsync("/vergaderingen");
        await Assertions.Expect(session.Page).ToHaveURLAsync(new Regex($"{Base}/vergaderingen$"));
        var list = await session.GotoAsync($"{Base}/vergaderingen?jaar={start.Year}");
        Assert.Equal(200, list.Status);
        var page = session.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Vergaderingen {start.Year}");
        var when = MeetingTextsWhen(start);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = when }) });
        await Assertions.Expect(row).ToContainTextAsync("Wijkalliantievergadering");
        await Assertions.Expect(row).ToContainTextAsync("Buurthuis De Punt");
        await Assertions.Expect(row).ToContainTextAsync("gepland");
        // R20 only for the months the alliance existed: the demo holds a core-group meeting every month since it was
        // founded, a few months ago, so no month of this year's planning is warned about.
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(new Regex("Geen kerngroepoverleg in [a-z]+ \\(afspraak R20\\)"));
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Vergaderingen" }))
            .ToHaveAttributeAsync("aria-current", "page");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync("lijst");
        // Next year holds nothing yet: R20 in words for every month, December too.
        await session.GotoAsync($"{Base}/vergaderingen?jaar={start.Year + 1}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Geen kerngroepoverleg in december (afspraak R20).");
        await session.GotoAsync($"{Base}/vergaderingen?jaar={start.Year}");

        await row.GetByRole(AriaRole.Link, new() { Name = when }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"{Base}/vergaderingen/{meeting.Value}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Wijkalliantievergadering van {when}");

        var deadlines = page.GetByRole(AriaRole.Table, new() { Name = "Termijnen van deze vergadering" });
        var r2 = deadlines.GetByRole(AriaRole.Row).Filter(new() { HasText = "stuk ‘Verkeersplan’" });
        await Assertions.Expect(r2.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("R2 Stukken voor besluit of bespreking");
        await Assertions.Expect(r2).ToContainTextAsync("Stadsdeel Nieuw-West");
        await Assertions.Expect(r2.Locator(".ams-badge")).ToHaveTextAsync("te laat");
        // R1: the draft agenda is the secretary's; 21 days ahead has passed without one.
        var r1 = deadlines.GetByRole(AriaRole.Row).Filter(new() { HasText = "de conceptagenda" });
        await Assertions.Expect(r1).ToContainTextAsync("projectleider (secretaris)");
        await Assertions.Expect(r1.Locator(".ams-badge")).ToHaveTextAsync("ontbreekt");
        // R7: the item is not decidable, and the public sees no forms.
        var agendaRow = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Verkeersveiligheid Tussen Meer" }) });
        await Assertions.Expect(agendaRow).ToContainTextAsync("nog niet besluitrijp");
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync("vergadering");

        // An address without a meeting: 404 with its own Dutch text.
        var missing = await session.GotoAsync($"{Base}/vergaderingen/bestaat-niet");
        Assert.Equal(404, missing.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Deze vergadering bestaat niet");
        await session.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_chair_accepts_one_item_and_defers_another_with_a_reason()
    {
        var meeting = NewId("agenda");
        await ScheduleAsync(meeting, MeetingKind.AllianceMeeting, daysAhead: 30);
        await RunAsync(meeting, n => new ProposeAgendaItem(AgendaItemId.Parse("renovatie"), Ymere, "Renovatie Meerwijk", AgendaItemKind.Decision, null, n));
        await RunAsync(meeting, n => new ProposeAgendaItem(AgendaItemId.Parse("speeltuin"), Bcop, "Nieuwe speeltuin", AgendaItemKind.Discussion, null, n));

        await using var session = await demo.NewSessionAsync(browser, output);
        await session.SignInAsync(AllianceServer.Account("dagvoorzitter@osdorp.example").Email, AllianceServer.Account("dagvoorzitter@osdorp.example").Password);
        Assert.Equal(200, (await session.GotoAsync($"{Base}/vergaderingen/{meeting.Value}")).Status);
        var page = session.Page;
        await session.AssertNoAxeViolationsAsync();

        await ItemRow(page, "Renovatie Meerwijk").GetByRole(AriaRole.Button, new() { Name = "Op de agenda (Renovatie Meerwijk)" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("‘Renovatie Meerwijk’ staat nu op de agenda.");
        await Assertions.Expect(ItemRow(page, "Renovatie Meerwijk")).ToContainTextAsync("op de agenda");

        var speeltuin = ItemRow(page, "Nieuwe speeltuin");
        await speeltuin.Locator("summary", new() { HasText = "Uitstellen" }).ClickAsync();
        await speeltuin.GetByLabel("Waarom uitstellen?").FillAsync("Eerst overleg met de buurt over de plek.");
        await speeltuin.GetByRole(AriaRole.Button, new() { Name = "Punt uitstellen (Nieuwe speeltuin)" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("‘Nieuwe speeltuin’ is uitgesteld.");
        await Assertions.Expect(ItemRow(page, "Nieuwe speeltuin")).ToContainTextAsync("uitgesteld");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();

        // The same events, with the chair's metadata, as the API appends.
        var events = await demo.Server.Services.GetRequiredService<Ledger>().ReadStreamAsync(AllianceServer.Alliance, meeting.StreamId);
        Assert.Equal(["meeting.agenda-item-accepted", "meeting.agenda-item-deferred"], events.Skip(3).Select(e => e.Type));
        Assert.Contains("Eerst overleg met de buurt over de plek.", events[^1].Json(), StringComparison.Ordinal);
        Assert.Equal("chair", events[^1].Metadata.Role);
    }

    [Fact]
    public async Task A_representative_shares_a_document_by_file_upload_and_sees_it_listed_with_its_hash()
    {
        var meeting = NewId("stukken");
        var item = AgendaItemId.Parse("speeltuin");
        await ScheduleAsync(meeting, MeetingKind.AllianceMeeting, daysAhead: 30);
        await RunAsync(meeting, n => new ProposeAgendaItem(item, Bcop, "Nieuwe speeltuin", AgendaItemKind.Decision, null, n));
        await RunAsync(meeting, n => new AcceptAgendaItem(item, n));
        // Above the 1 MiB every other post may send: the meeting page takes uploads up to 20 MiB, as the API does.
        var bytes = new byte[1_500_000];
        "%PDF-1.4 speeltuin aan de Tussen Meer"u8.CopyTo(bytes);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        await using var session = await demo.NewSessionAsync(browser, output);
        await session.SignInAsync(AllianceServer.Resident.Email, AllianceServer.Resident.Password);
        Assert.Equal(200, (await session.GotoAsync($"{Base}/vergaderingen/{meeting.Value}")).Status);
        var page = session.Page;

        await page.Locator("summary", new() { HasText = "Stuk delen" }).ClickAsync();
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Stuk delen" }) });
        await form.GetByLabel("Bij welk agendapunt?").SelectOptionAsync(new SelectOptionValue { Label = "Nieuwe speeltuin" });
        // Fatima represents BCOP only, so that is the one partner she can choose.
        await Assertions.Expect(form.GetByLabel("Namens welke partner?").Locator("option")).ToHaveTextAsync(["Bewonerscollectief Osdorp de Punt (BCOP)"]);
        await form.GetByLabel("Titel van het stuk").FillAsync("Plan speeltuin");
        await form.GetByText("Om te bespreken of te besluiten (14 dagen van tevoren)").ClickAsync();
        await form.GetByLabel("Bestand").SetInputFilesAsync(new FilePayload { Name = "plan-speeltuin.pdf", MimeType = "application/pdf", Buffer = bytes });
        await form.GetByRole(AriaRole.Button, new() { Name = "Stuk delen" }).ClickAndWaitForPageAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het stuk ‘Plan speeltuin’ is gedeeld.");
        var documents = page.GetByRole(AriaRole.Table, new() { Name = "Gedeelde stukken en hun versies" });
        var row = documents.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Plan speeltuin" }) });
        await Assertions.Expect(row).ToContainTextAsync("Bewonerscollectief Osdorp de Punt (BCOP)");
        await Assertions.Expect(row).ToContainTextAsync($"Vingerafdruk SHA-256: {sha[..12]}…");
        await Assertions.Expect(row.Locator("code.wl-hash")).ToHaveTextAsync(sha, new() { UseInnerText = false });
        await Assertions.Expect(row.Locator(".ams-badge")).ToHaveTextAsync("op tijd");
        var download = row.GetByRole(AriaRole.Link, new() { Name = "Versie 1 downloaden (Plan speeltuin)" });
        var href = await download.GetAttributeAsync("href");
        Assert.Equal($"/api/v1/alliances/{AllianceServer.Alliance}/meetings/{meeting.Value}/documents/plan-speeltuin/versions/1/file", href);
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();

        // The existing file endpoint serves exactly the uploaded bytes, with the ledger's digest as its ETag.
        using var client = demo.Server.CreateClient();
        using var file = await client.GetAsync(href);
        Assert.Equal(bytes, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{sha}\"", file.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task The_secretary_records_attendance_the_R15_flag_shows_and_a_withdrawal_lifts_it()
    {
        var meeting = NewId("aanwezig");
        var today = SystemClock.Instance.GetCurrentInstant().InZone(Meeting.Zone).Date;
        await ScheduleAsync(meeting, MeetingKind.AllianceMeeting, start: today.At(new LocalTime(0, 30)), end: today.At(new LocalTime(23, 30)));
        await RunAsync(meeting, n => new OpenMeeting(n));

        await using var session = await demo.NewSessionAsync(browser, output);
        var secretary = AllianceServer.Account("projectleider@osdorp.example");
        await session.SignInAsync(secretary.Email, secretary.Password);
        Assert.Equal(200, (await session.GotoAsync($"{Base}/vergaderingen/{meeting.Value}")).Status);
        var page = session.Page;
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("geopend");

        await page.GetByText("Pieter de Graaf (Stadsdeel Nieuw-West)", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanwezigen vastleggen" }).ClickAndWaitForPageAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Pieter de Graaf is aanwezig voor Stadsdeel Nieuw-West.");
        var present = page.GetByRole(AriaRole.Table, new() { Name = "Aanwezigen" });
        await Assertions.Expect(present.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pieter de Graaf" })).ToContainTextAsync("Professionele organisatie");
        await Assertions.Expect(page.Locator("#r15")).ToContainTextAsync("er zijn meer professionals (1) dan bewoners (0) aan tafel. Dat mag niet volgens afspraak R15.");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();

        // Recorded by mistake: withdrawn with a reason, and R15 is judged again.
        var pieter = present.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pieter de Graaf" });
        await pieter.Locator("summary", new() { HasText = "Weghalen" }).ClickAsync();
        await pieter.GetByLabel("Waarom weghalen?").FillAsync("Per ongeluk aangeklikt.");
        await pieter.GetByRole(AriaRole.Button, new() { Name = "Aanwezigheid weghalen (Pieter de Graaf)" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Pieter de Graaf staat niet meer bij de aanwezigen.");
        await Assertions.Expect(page.Locator("#r15")).ToHaveCountAsync(0);
        await session.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task A_rule_refusal_shows_its_Dutch_message_next_to_the_form_and_keeps_the_input()
    {
        var meeting = NewId("ontheffing");
        var item = AgendaItemId.Parse("renovatie");
        await ScheduleAsync(meeting, MeetingKind.AllianceMeeting, daysAhead: 5);
        await RunAsync(meeting, n => new ProposeAgendaItem(item, Ymere, "Renovatie Meerwijk", AgendaItemKind.Decision, null, n));
        await RunAsync(meeting, n => new AcceptAgendaItem(item, n));
        var before = await StreamVersionAsync(meeting);

        // Ymere is a professional body: R7 lets only the residents waive their information period.
        await using var session = await demo.NewSessionAsync(browser, output);
        var ymere = AllianceServer.Account("ymere@osdorp.example");
        await session.SignInAsync(ymere.Email, ymere.Password);
        Assert.Equal(200, (await session.GotoAsync($"{Base}/vergaderingen/{meeting.Value}")).Status);
        var page = session.Page;
        var row = ItemRow(page, "Renovatie Meerwijk");
        await row.Locator("summary", new() { HasText = "Ontheffing geven" }).ClickAsync();
        await row.GetByLabel("Waarom willen de bewoners toch doorgaan?").FillAsync("Het plan is al met de buurt besproken.");
        await row.GetByRole(AriaRole.Button, new() { Name = "Ontheffing vastleggen (Renovatie Meerwijk)" }).ClickAndWaitForPageAsync();

        const string message = "Alleen een vertegenwoordiger van een bewonersorganisatie kan ontheffing geven (afspraak R7).";
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Verbeter uw invoer: "));
        await Assertions.Expect(page.Locator("#foutoverzicht")).ToContainTextAsync(message);
        row = ItemRow(page, "Renovatie Meerwijk");
        await Assertions.Expect(row.GetByLabel("Namens welke partner?")).ToHaveAccessibleDescriptionAsync("Invoerfout: " + message);
        await Assertions.Expect(row.GetByLabel("Waarom willen de bewoners toch doorgaan?")).ToHaveValueAsync("Het plan is al met de buurt besproken.");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("R7.waiver-not-by-residents");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();
        Assert.Equal(before, await StreamVersionAsync(meeting));
    }

    [Fact]
    public async Task The_secretary_schedules_a_meeting_with_the_form_and_a_forged_post_by_a_representative_is_refused()
    {
        var day = SystemClock.Instance.GetCurrentInstant().InZone(Meeting.Zone).Date.PlusDays(200);
        await using var session = await demo.NewSessionAsync(browser, output);
        var secretary = AllianceServer.Account("projectleider@osdorp.example");
        await session.SignInAsync(secretary.Email, secretary.Password);
        await session.GotoAsync($"{Base}/vergaderingen");
        var page = session.Page;

        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Vergadering plannen" }) });
        await form.GetByLabel("Soort vergadering").SelectOptionAsync(new SelectOptionValue { Label = "Bewonersbijeenkomst" });
        await form.GetByLabel("Datum").FillAsync(day.ToString("yyyy-MM-dd", null));
        await form.GetByLabel("Begintijd").FillAsync("19:30");
        await form.GetByLabel("Eindtijd").FillAsync("21:30");
        await form.GetByLabel("Plaats").FillAsync("Speeltuin De Punt");
        await form.GetByRole(AriaRole.Button, new() { Name = "Vergadering plannen" }).ClickAndWaitForPageAsync();

        var when = MeetingTextsWhen(day.At(new LocalTime(19, 30)));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"De bewonersbijeenkomst van {when} staat in de planning.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Vergaderingen {day.Year}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = when })).ToHaveAttributeAsync("href",
            $"{Base}/vergaderingen/{day:yyyy-MM-dd}-bewonersbijeenkomst");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();

        // A representative gets no planning form, and a post made by hand is refused as the API refuses it (403).
        await using var representative = await demo.NewSessionAsync(browser, output);
        await representative.SignInAsync(AllianceServer.Resident.Email, AllianceServer.Resident.Password);
        await representative.GotoAsync($"{Base}/vergaderingen");
        await Assertions.Expect(representative.Page.GetByRole(AriaRole.Button, new() { Name = "Vergadering plannen" })).ToHaveCountAsync(0);
        var token = await representative.Page.Locator("form[action='/uitloggen'] input[name='__RequestVerificationToken']").GetAttributeAsync("value");
        var forged = await representative.Page.APIRequest.PostAsync($"{Base}/vergaderingen?handler=Plannen", new()
        {
            Form = representative.Page.APIRequest.CreateFormData()
                .Set("__RequestVerificationToken", token!).Set("NewMeeting.Kind", "alliance-meeting").Set("NewMeeting.Date", day.ToString("yyyy-MM-dd", null))
                .Set("NewMeeting.StartTime", "20:00").Set("NewMeeting.EndTime", "21:00").Set("NewMeeting.Place", "Ergens"),
            MaxRedirects = 0,
        });
        Assert.Equal(403, forged.Status);
    }

    [Fact]
    public async Task A_representative_proposes_an_item_without_JavaScript_and_field_errors_keep_the_input()
    {
        var meeting = NewId("voorstel");
        await ScheduleAsync(meeting, MeetingKind.AllianceMeeting, daysAhead: 30);
        var address = $"{Base}/vergaderingen/{meeting.Value}";

        await using var session = await demo.NewSessionAsync(browser, output, javaScriptEnabled: false);
        var ymere = AllianceServer.Account("ymere@osdorp.example");
        await session.SignInAsync(ymere.Email, ymere.Password);
        await session.GotoAsync(address);
        var page = session.Page;

        // The disclosure opens without a script; the title is typed, the kind forgotten.
        await page.Locator("summary", new() { HasText = "Agendapunt aanmelden" }).ClickAsync();
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Agendapunt aanmelden" }) });
        await form.GetByLabel("Titel van het agendapunt").FillAsync("Groenonderhoud Meerwijk");
        await form.GetByRole(AriaRole.Button, new() { Name = "Agendapunt aanmelden" }).ClickAndWaitForPageAsync();

        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Verbeter uw invoer: "));
        form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Agendapunt aanmelden" }) });
        await Assertions.Expect(form).ToBeVisibleAsync();   // the disclosure is open again, with the error in it
        await Assertions.Expect(form.GetByLabel("Soort agendapunt")).ToHaveAccessibleDescriptionAsync("Invoerfout: Kies wat voor agendapunt het is.");
        await Assertions.Expect(form.GetByLabel("Titel van het agendapunt")).ToHaveValueAsync("Groenonderhoud Meerwijk");
        await Assertions.Expect(page.Locator("#foutoverzicht").GetByRole(AriaRole.Link)).ToHaveTextAsync(["Kies wat voor agendapunt het is."]);
        Assert.Equal(1, await StreamVersionAsync(meeting));
        await session.ScreenshotAsync("veldfout");

        await form.GetByLabel("Soort agendapunt").SelectOptionAsync(new SelectOptionValue { Label = "Besluit" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Agendapunt aanmelden" }).ClickAndWaitForPageAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(address + "$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            "Het agendapunt ‘Groenonderhoud Meerwijk’ is aangemeld. De dagvoorzitter beslist of het op de agenda komt.");
        var row = ItemRow(page, "Groenonderhoud Meerwijk");
        await Assertions.Expect(row).ToContainTextAsync("Ymere");
        await Assertions.Expect(row).ToContainTextAsync("voorgesteld");
        await Assertions.Expect(row).ToContainTextAsync("op tijd");

        // The page's command carries the id it made from the title, and the representative's role.
        var last = (await demo.Server.Services.GetRequiredService<Ledger>().ReadStreamAsync(AllianceServer.Alliance, meeting.StreamId))[^1];
        Assert.Equal("meeting.agenda-item-proposed", last.Type);
        Assert.Contains("\"groenonderhoud-meerwijk\"", last.Json(), StringComparison.Ordinal);
        Assert.Equal("representative", last.Metadata.Role);

        // axe needs a script: the same page state, checked with one.
        await using var check = await demo.NewSessionAsync(browser, output);
        await check.SignInAsync(ymere.Email, ymere.Password);
        await check.GotoAsync(address);
        await check.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_secretary_announces_by_flyers_and_extends_the_mail_deadline_with_a_reason()
    {
        var meeting = NewId("bewoners");
        var start = await ScheduleAsync(meeting, MeetingKind.ResidentsMeeting, daysAhead: 30);

        await using var session = await demo.NewSessionAsync(browser, output);
        var secretary = AllianceServer.Account("projectleider@osdorp.example");
        await session.SignInAsync(secretary.Email, secretary.Password);
        Assert.Equal(200, (await session.GotoAsync($"{Base}/vergaderingen/{meeting.Value}")).Status);
        var page = session.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Aankondiging via flyers in de brievenbus vastleggen" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De aankondiging via flyers in de brievenbus is vastgelegd.");
        var deadlines = page.GetByRole(AriaRole.Table, new() { Name = "Termijnen van deze vergadering" });
        await Assertions.Expect(deadlines.GetByRole(AriaRole.Row).Filter(new() { HasText = "aankondiging via flyers" }).Locator(".ams-badge")).ToHaveTextAsync("op tijd");

        // R19: the mail announcement (due 28 days ahead) moves 3 days, with a reason; the original due stays visible.
        var mail = deadlines.GetByRole(AriaRole.Row).Filter(new() { HasText = "aankondiging via e-mail" });
        await mail.Locator("summary", new() { HasText = "Verlengen" }).ClickAsync();
        var newDay = start.Date.PlusDays(-25);
        await mail.GetByLabel("Nieuwe datum").FillAsync(newDay.ToString("yyyy-MM-dd", null));
        await mail.GetByLabel("Tijd", new() { Exact = true }).FillAsync("19:30");
        await mail.GetByLabel("Waarom is er meer tijd nodig?").FillAsync("De nieuwsbrief van het stadsdeel komt later uit.");
        await mail.GetByRole(AriaRole.Button, new() { Name = "Termijn verlengen" }).ClickAndWaitForPageAsync();

        var newDue = MeetingTextsWhen(newDay.At(new LocalTime(19, 30)));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"De termijn is verlengd tot {newDue}.");
        mail = page.GetByRole(AriaRole.Table, new() { Name = "Termijnen van deze vergadering" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "aankondiging via e-mail" });
        await Assertions.Expect(mail.Locator(".ams-badge")).ToHaveTextAsync("uitgesteld");
        await Assertions.Expect(mail).ToContainTextAsync(newDue);
        await Assertions.Expect(mail).ToContainTextAsync("Verlengd: De nieuwsbrief van het stadsdeel komt later uit.");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();
    }

    [Fact]
    public async Task The_chair_opens_and_closes_the_meeting_and_the_secretary_publishes_the_minutes()
    {
        var meeting = NewId("verslag");
        var today = SystemClock.Instance.GetCurrentInstant().InZone(Meeting.Zone).Date;
        await ScheduleAsync(meeting, MeetingKind.AllianceMeeting, start: today.At(new LocalTime(0, 30)), end: today.At(new LocalTime(23, 30)));
        var address = $"{Base}/vergaderingen/{meeting.Value}";

        await using (var chairSession = await demo.NewSessionAsync(browser, output))
        {
            var chair = AllianceServer.Account("dagvoorzitter@osdorp.example");
            await chairSession.SignInAsync(chair.Email, chair.Password);
            await chairSession.GotoAsync(address);
            var page = chairSession.Page;
            await page.GetByRole(AriaRole.Button, new() { Name = "Vergadering openen" }).ClickAndWaitForPageAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De vergadering is geopend.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Vergadering sluiten" }).ClickAndWaitForPageAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De vergadering is gesloten.");
            await Assertions.Expect(page.Locator("main .ams-description-list .ams-badge")).ToHaveTextAsync("gesloten");
        }

        await using var session = await demo.NewSessionAsync(browser, output);
        var secretary = AllianceServer.Account("projectleider@osdorp.example");
        await session.SignInAsync(secretary.Email, secretary.Password);
        await session.GotoAsync(address);
        var secretaryPage = session.Page;
        var minutes = "Verslag van de wijkalliantievergadering."u8.ToArray();
        await secretaryPage.GetByLabel("Bestand van het verslag").SetInputFilesAsync(new FilePayload { Name = "verslag.txt", MimeType = "text/plain", Buffer = minutes });
        await secretaryPage.GetByRole(AriaRole.Button, new() { Name = "Verslag publiceren" }).ClickAndWaitForPageAsync();

        await Assertions.Expect(secretaryPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("Het verslag is gepubliceerd.");
        var sha = Convert.ToHexStringLower(SHA256.HashData(minutes));
        await Assertions.Expect(secretaryPage.GetByRole(AriaRole.Link, new() { Name = "Verslag versie 1 downloaden" }))
            .ToHaveAttributeAsync("href", $"/api/v1/alliances/{AllianceServer.Alliance}/meetings/{meeting.Value}/minutes/versions/1/file");
        await Assertions.Expect(secretaryPage.Locator("main")).ToContainTextAsync($"Vingerafdruk SHA-256: {sha[..12]}…");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();
    }

    [Fact]
    public async Task An_item_deferred_by_an_earlier_meeting_is_carried_over_and_counts_as_on_time_R3()
    {
        var earlier = NewId("eerder");
        var later = NewId("later");
        var item = AgendaItemId.Parse("buurtbudget");
        await ScheduleAsync(earlier, MeetingKind.AllianceMeeting, daysAhead: -10);
        // Ten days ahead: past the 15-day intake, so only a carry-over makes it on time.
        await ScheduleAsync(later, MeetingKind.AllianceMeeting, daysAhead: 10);
        await RunAsync(earlier, n => new ProposeAgendaItem(item, Bcop, "Buurtbudget 2027", AgendaItemKind.Discussion, null, n));
        await RunAsync(earlier, n => new DeferAgendaItem(item, "Eerst de begroting van het stadsdeel afwachten.", later, n));

        await using var session = await demo.NewSessionAsync(browser, output);
        await session.SignInAsync(AllianceServer.Resident.Email, AllianceServer.Resident.Password);
        await session.GotoAsync($"{Base}/vergaderingen/{later.Value}");
        var page = session.Page;
        await page.Locator("summary", new() { HasText = "Agendapunt aanmelden" }).ClickAsync();
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Agendapunt aanmelden" }) });
        await form.GetByLabel("Titel van het agendapunt").FillAsync("Buurtbudget 2027");
        await form.GetByLabel("Soort agendapunt").SelectOptionAsync(new SelectOptionValue { Label = "Bespreken" });
        await form.GetByLabel("Komt het punt uit een eerdere vergadering? (niet verplicht)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.GetByRole(AriaRole.Button, new() { Name = "Agendapunt aanmelden" }).ClickAndWaitForPageAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het agendapunt ‘Buurtbudget 2027’ is aangemeld.");
        var row = ItemRow(page, "Buurtbudget 2027");
        await Assertions.Expect(row).ToContainTextAsync("Uit de vorige vergadering, dus op tijd (afspraak R3)");
        await Assertions.Expect(row.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"{Base}/vergaderingen/{earlier.Value}");
        var intake = page.GetByRole(AriaRole.Table, new() { Name = "Termijnen van deze vergadering" }).GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "R3 Agendapunt aanmelden" });
        await Assertions.Expect(intake.Locator(".ams-badge")).ToHaveTextAsync("op tijd");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();
    }

    // ---- helpers ----

    private static MeetingId NewId(string what) => MeetingId.Parse($"test-{what}-{Guid.NewGuid():N}"[..30]);

    /// <summary>"dinsdag 12 maart 2026, 19:30", as the pages write a meeting's start.</summary>
    private static string MeetingTextsWhen(LocalDateTime start) =>
        Governance.Api.Presentation.DutchFormat.DateTime(start.InZoneLeniently(Meeting.Zone).ToInstant());

    private async Task<LocalDateTime> ScheduleAsync(MeetingId meeting, MeetingKind kind, int daysAhead = 0, LocalDateTime? start = null, LocalDateTime? end = null)
    {
        var from = start ?? SystemClock.Instance.GetCurrentInstant().Plus(Duration.FromDays(daysAhead)).InZone(Meeting.Zone).Date.At(new LocalTime(19, 30));
        var until = end ?? from.PlusHours(2);
        await RunAsync(meeting, n => new ScheduleMeeting(meeting, kind, from, until, "Buurthuis De Punt", WorkingAgreements.Default, n));
        return from;
    }

    /// <summary>A command through the same pipeline the pages and the API use, as the demo's admin.</summary>
    private async Task RunAsync(MeetingId meeting, Func<Instant, MeetingCommand> command)
    {
        var services = demo.Server.Services;
        var admin = await services.GetRequiredService<AccountService>().FindByEmailAsync(AllianceServer.Admin.Email);
        await services.CreateScope().ServiceProvider.GetRequiredService<Governance.Api.Commands.CommandBus>().HandleAsync(Meeting.Decider, AllianceServer.Alliance, meeting.StreamId, command,
            new EventMetadata(admin!.Value.Value, "admin", "browser-test", null, Guid.NewGuid().ToString()), ifMatch: null, CancellationToken.None);
    }

    private async Task<long> StreamVersionAsync(MeetingId meeting) =>
        await demo.Server.Services.GetRequiredService<Ledger>().GetStreamVersionAsync(AllianceServer.Alliance, meeting.StreamId);

    private static ILocator ItemRow(IPage page, string title) =>
        page.GetByRole(AriaRole.Table, new() { Name = "Agendapunten" })
            .GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = title, Exact = true }) });
}
