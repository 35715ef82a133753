using Governance.Api.Mail;
using NodaTime;

namespace Governance.Api.Tests.Mail;

/// <summary>Issue 14 §7: every kind of mail renders in Dutch, with its date in Amsterdam time and the page to act on.</summary>
public sealed class MailTextTests
{
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
    private static readonly Uri Site = new("https://logboek.example.nl/");
    private static readonly Uri Unsubscribe = new("https://logboek.example.nl/afmelden?t=abc");

    // Tuesday 24 March 2026, 19:30 in Amsterdam (CET); R2's 14 days before is Tuesday 10 March, 19:30.
    private static readonly Instant MeetingStart = new LocalDateTime(2026, 3, 24, 19, 30).InZoneStrictly(Amsterdam).ToInstant();
    private static readonly Instant DocumentsDue = new LocalDateTime(2026, 3, 10, 19, 30).InZoneStrictly(Amsterdam).ToInstant();

    private static (string Text, string Html) Render(MailText text, MailKind? kind = null) =>
        MailTexts.Render(text, "Sanne", kind ?? MailKinds.Reminders, Site, Unsubscribe);

    private static void HasBoth(MailText mail, string sentence, string link)
    {
        var (text, html) = Render(mail);
        Assert.Contains(sentence, text, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(sentence), html, StringComparison.Ordinal);
        Assert.Contains($"{mail.Action}: {link}", text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{link}\">", html, StringComparison.Ordinal);
        Assert.StartsWith("Beste Sanne,", text, StringComparison.Ordinal);
        Assert.Contains("Meld u af met één klik: https://logboek.example.nl/afmelden?t=abc", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_promise_reminder_R10_names_the_promise_and_its_day()
    {
        var mail = MailTexts.PromiseReminder("osdorp-de-punt", "bankjes", "Ymere", "Portiek schilderen", new LocalDate(2026, 3, 13), 2);
        Assert.Equal("Herinnering: belofte ‘Portiek schilderen’ uiterlijk vrijdag 13 maart 2026", mail.Subject);
        HasBoth(mail, "Ymere heeft beloofd: ‘Portiek schilderen’. Dat moet uiterlijk vrijdag 13 maart 2026 klaar zijn. Dat is over 2 dagen.",
            "https://logboek.example.nl/allianties/osdorp-de-punt/beloftes/bankjes");
    }

    [Fact]
    public void A_documents_reminder_R2_gives_the_moment_in_amsterdam_time()
    {
        var mail = MailTexts.DocumentsReminder("osdorp-de-punt", "av-2026-03", "Alliantievergadering maart", MeetingStart, "stuk ‘Verkeersplan’", DocumentsDue, 7);
        Assert.Equal("Herinnering: stukken voor ‘Alliantievergadering maart’ uiterlijk dinsdag 10 maart 2026, 19:30", mail.Subject);
        HasBoth(mail, "De stukken moeten uiterlijk dinsdag 10 maart 2026, 19:30 gedeeld zijn. Dat is over 7 dagen.",
            "https://logboek.example.nl/allianties/osdorp-de-punt/vergaderingen/av-2026-03");
        Assert.Contains("De vergadering ‘Alliantievergadering maart’ is op dinsdag 24 maart 2026, 19:30.", Render(mail).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agenda_reminder_R3_says_until_when_items_can_be_proposed()
    {
        var due = new LocalDateTime(2026, 3, 9, 19, 30).InZoneStrictly(Amsterdam).ToInstant();
        var mail = MailTexts.AgendaReminder("osdorp-de-punt", "av-2026-03", "Alliantievergadering maart", MeetingStart, due, 2);
        HasBoth(mail, "Wilt u een punt op de agenda? Meld het uiterlijk maandag 9 maart 2026, 19:30 aan. Dat is over 2 dagen.",
            "https://logboek.example.nl/allianties/osdorp-de-punt/vergaderingen/av-2026-03");
    }

    [Fact]
    public void A_motivation_reminder_R9_explains_the_advice()
    {
        // Summer time: 28 April 2026 19:30 in Amsterdam is 17:30 UTC.
        var due = Instant.FromUtc(2026, 4, 28, 17, 30);
        var mail = MailTexts.MotivationReminder("osdorp-de-punt", "Speelplein", "Ymere", due, 7);
        HasBoth(mail, "Ymere moet schriftelijk uitleggen waarom. Dat moet uiterlijk dinsdag 28 april 2026, 19:30. Dat is over 7 dagen.",
            "https://logboek.example.nl/allianties/osdorp-de-punt/advies");
    }

    [Fact]
    public void A_dispute_step_reminder_R12_names_the_step()
    {
        var due = Instant.FromUtc(2026, 3, 20, 11, 0);
        var mail = MailTexts.DisputeStepReminder("osdorp-de-punt", "geschil-1", "Stukken steeds te laat", 2, "stuurgroep met mandaat", due, 3);
        Assert.Equal("Herinnering: geschil, stap 2: reageer uiterlijk vrijdag 20 maart 2026, 12:00", mail.Subject);
        HasBoth(mail, "Er is een geschil: ‘Stukken steeds te laat’. Het geschil is nu bij stap 2: stuurgroep met mandaat.",
            "https://logboek.example.nl/allianties/osdorp-de-punt/geschillen/geschil-1");
    }

    [Fact]
    public void Text_from_people_is_escaped_in_the_html_part()
    {
        var mail = MailTexts.PromiseReminder("osdorp-de-punt", "x", "Ymere", "<script>alert(1)</script> & meer", new LocalDate(2026, 3, 13), 7);
        var (_, html) = Render(mail);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer", html, StringComparison.Ordinal);
    }
    [Fact]
    public void Every_notice_renders_in_dutch_with_its_page()
    {
        var due = new LocalDateTime(2026, 3, 10, 19, 30).InZoneStrictly(Amsterdam).ToInstant();
        (MailText Mail, string Sentence, string Path)[] notices =
        [
            (MailTexts.PromiseOverdue("a", "c", "Ymere", "Portiek schilderen", new LocalDate(2026, 3, 13)),
                "Ymere had beloofd: ‘Portiek schilderen’. Dat moest uiterlijk vrijdag 13 maart 2026 klaar zijn.", "/allianties/a/beloftes/c"),
            (MailTexts.PromiseNotPossible("a", "c", "Ymere", "Portiek schilderen", "Geen verf"), "De reden die Ymere geeft: ‘Geen verf’", "/allianties/a/beloftes/c"),
            (MailTexts.MeetingDeadlineMissed("a", "m", "Wijkalliantievergadering dinsdag 24 maart 2026", "Stukken voor besluit of bespreking", "stuk ‘Verkeersplan’", due),
                "was een termijn: stukken voor besluit of bespreking, stuk ‘Verkeersplan’. Dat moest uiterlijk dinsdag 10 maart 2026, 19:30.", "/allianties/a/vergaderingen/m"),
            (MailTexts.AdviceToPartner("a", "Speelplein", "Ymere", "Geen geld", due), "Ymere moet schriftelijk uitleggen waarom. Dat moet uiterlijk dinsdag 10 maart 2026, 19:30 (werkafspraak R9).", "/allianties/a/advies"),
            (MailTexts.MotivationReceived("a", "Speelplein", "Ymere", followsAdvice: false, late: true), "De motivatie kwam te laat (werkafspraak R9).", "/allianties/a/advies"),
            (MailTexts.MotivationOverdue("a", "Speelplein", "Ymere", due), "Ymere moest uiterlijk dinsdag 10 maart 2026, 19:30 uitleggen waarom", "/allianties/a/advies"),
            (MailTexts.DisputeRaised("a", "g", "Te laat", 1, "elkaar direct aanspreken", due), "Een antwoord is nodig uiterlijk dinsdag 10 maart 2026, 19:30 (werkafspraak R12).", "/allianties/a/geschillen/g"),
            (MailTexts.DisputeMovedUp("a", "g", "Te laat", 2, "stuurgroep met mandaat", deadlinePassed: true), "Het geschil ‘Te laat’ is nu bij stap 2: stuurgroep met mandaat.", "/allianties/a/geschillen/g"),
            (MailTexts.DecisionTaken("a", "p", "Speelplein", "Wijkalliantievergadering dinsdag 24 maart 2026", "aangenomen met consent"),
                "Over ‘Speelplein’ is besloten: aangenomen met consent.", "/allianties/a/besluiten/p"),
        ];
        foreach (var (mail, sentence, path) in notices)
            HasBoth(mail, sentence, "https://logboek.example.nl" + path);
    }
}
