using System.Net;
using System.Text;
using Governance.Api.Presentation;
using NodaTime;

namespace Governance.Api.Mail;

/// <summary>
/// One mail before it is addressed: its subject, its paragraphs (plain Dutch, B1), and the page where the reader does
/// what it asks (<paramref name="Link"/>, a path on the site, with <paramref name="Action"/> as the link's words).
/// </summary>
public sealed record MailText(string Subject, IReadOnlyList<string> Paragraphs, string Action, string Link);

/// <summary>
/// Every mail's Dutch text, in one place (issue 14 §7): short sentences, the deadline as "uiterlijk dinsdag 12 maart
/// 2026, 19:30" in Amsterdam time, and the page where the thing is done. <see cref="Render"/> makes the plain-text and
/// HTML parts from the same sentences.
/// </summary>
public static class MailTexts
{
    /// <summary>"uiterlijk dinsdag 12 maart 2026, 19:30".</summary>
    public static string By(Instant due) => "uiterlijk " + DutchFormat.DateTime(due);

    /// <summary>"uiterlijk vrijdag 13 maart 2026": a promise is due by the end of its day.</summary>
    public static string By(LocalDate due) => "uiterlijk " + DutchFormat.Date(due);

    /// <summary>The time left when the mail is written, in civil days: "Dat is vandaag.", "Dat is morgen.", "Dat is over 3 dagen.".</summary>
    public static string DaysLeft(int days) => days switch
    {
        <= 0 => "Dat is vandaag.",
        1 => "Dat is morgen.",
        _ => $"Dat is over {days} dagen.",
    };

    // R10: a promise's due date, to the representatives of the partner that made it.
    public static MailText PromiseReminder(string alliance, string commitment, string partner, string what, LocalDate due, int daysLeft) => new(
        $"Herinnering: belofte ‘{what}’ {By(due)}",
        [
            $"{partner} heeft beloofd: ‘{what}’. Dat moet {By(due)} klaar zijn. {DaysLeft(daysLeft)}",
            "Is het klaar? Zet in het logboek dat de belofte is nagekomen. Lukt het niet op tijd? Meld dat dan, met de reden. "
                + "Of spreek een nieuwe datum af. Zo is het afgesproken (werkafspraak R10).",
        ],
        "Naar de belofte",
        $"/allianties/{alliance}/beloftes/{commitment}");

    // R2: the documents for a decision or discussion item, to the representatives of the partner that brings them.
    public static MailText DocumentsReminder(string alliance, string meeting, string meetingTitle, Instant meetingStart, string subject, Instant due, int daysLeft) => new(
        $"Herinnering: stukken voor ‘{meetingTitle}’ {By(due)}",
        [
            $"De vergadering ‘{meetingTitle}’ is op {DutchFormat.DateTime(meetingStart)}. Uw organisatie brengt {subject} in.",
            $"De stukken moeten {By(due)} gedeeld zijn. {DaysLeft(daysLeft)} "
                + "Zo hebben bewoners genoeg tijd om ze te lezen (werkafspraak R2).",
        ],
        "Stukken delen",
        $"/allianties/{alliance}/vergaderingen/{meeting}");

    // R3: agenda items for the next meeting, to the representatives of every partner.
    public static MailText AgendaReminder(string alliance, string meeting, string meetingTitle, Instant meetingStart, Instant due, int daysLeft) => new(
        $"Herinnering: agendapunten voor ‘{meetingTitle}’ {By(due)}",
        [
            $"De vergadering ‘{meetingTitle}’ is op {DutchFormat.DateTime(meetingStart)}.",
            $"Wilt u een punt op de agenda? Meld het {By(due)} aan. {DaysLeft(daysLeft)} Daarna kan het alleen nog als spoedpunt "
                + "(werkafspraak R3).",
        ],
        "Agendapunt aanmelden",
        $"/allianties/{alliance}/vergaderingen/{meeting}");

    // R9: a declined decision's motivation, to the representatives of the partner that declined.
    public static MailText MotivationReminder(string alliance, string proposalTitle, string partner, Instant due, int daysLeft) => new(
        $"Herinnering: motivatie voor ‘{proposalTitle}’ {By(due)}",
        [
            $"{partner} voert het besluit ‘{proposalTitle}’ niet uit. Daarom is het besluit nu een advies aan {partner}.",
            $"{partner} moet schriftelijk uitleggen waarom. Dat moet {By(due)}. {DaysLeft(daysLeft)} "
                + "Zo is het afgesproken (werkafspraak R9).",
        ],
        "Motivatie geven",
        $"/allianties/{alliance}/advies");

    // R12: a dispute step's response deadline, to the people on the current step.
    public static MailText DisputeStepReminder(string alliance, string escalation, string reason, int step, string stepDescription, Instant due, int daysLeft) => new(
        $"Herinnering: geschil, stap {step}: reageer {By(due)}",
        [
            $"Er is een geschil: ‘{reason}’. Het geschil is nu bij stap {step}: {stepDescription}.",
            $"Een antwoord is nodig {By(due)}. {DaysLeft(daysLeft)} Komt er geen antwoord? Dan gaat het geschil naar de volgende "
                + "stap (werkafspraak R12).",
        ],
        "Naar het geschil",
        $"/allianties/{alliance}/geschillen/{escalation}");

    // Notices: something happened that the reader follows.

    // R10: a promise's due day ended and it was not kept.
    public static MailText PromiseOverdue(string alliance, string commitment, string partner, string what, LocalDate due) => new(
        $"Belofte niet op tijd: ‘{what}’",
        [
            $"{partner} had beloofd: ‘{what}’. Dat moest {By(due)} klaar zijn. Dat is niet gelukt: de belofte is te laat.",
            "Kan het niet? Dan moet de partner dat melden, met de reden. Of er wordt een nieuwe datum afgesproken (werkafspraken R10 en R19).",
        ],
        "Naar de belofte",
        $"/allianties/{alliance}/beloftes/{commitment}");

    // R10: a promise reported back as not possible, with its motivation.
    public static MailText PromiseNotPossible(string alliance, string commitment, string partner, string what, string motivation) => new(
        $"Belofte lukt niet: ‘{what}’",
        [
            $"{partner} meldt dat de belofte ‘{what}’ niet lukt.",
            $"De reden die {partner} geeft: ‘{motivation}’",
        ],
        "Naar de belofte",
        $"/allianties/{alliance}/beloftes/{commitment}");

    // R2–R6: a meeting deadline passed unmet.
    public static MailText MeetingDeadlineMissed(string alliance, string meeting, string meetingName, string what, string subject, Instant due) => new(
        $"Termijn gemist: {what} voor ‘{meetingName}’",
        [
            $"Voor de vergadering ‘{meetingName}’ was een termijn: {what.ToLowerInvariant()}, {subject}. Dat moest {By(due)}.",
            "Die termijn is voorbij en het is niet gebeurd. Dat staat nu in het logboek.",
        ],
        "Naar de termijnen van de vergadering",
        $"/allianties/{alliance}/vergaderingen/{meeting}");

    // R9: a decision a partner will not or cannot carry out is now advice to it.
    public static MailText AdviceToPartner(string alliance, string proposalTitle, string partner, string reason, Instant motivationDue) => new(
        $"Advies aan {partner}: ‘{proposalTitle}’",
        [
            $"{partner} voert het besluit ‘{proposalTitle}’ niet uit. De reden: ‘{reason}’. Daarom is het besluit nu een advies aan {partner}.",
            $"{partner} moet schriftelijk uitleggen waarom. Dat moet {By(motivationDue)} (werkafspraak R9).",
        ],
        "Naar het advies",
        $"/allianties/{alliance}/advies");

    // R9: the partner gave its motivation.
    public static MailText MotivationReceived(string alliance, string proposalTitle, string partner, bool followsAdvice, bool late) => new(
        $"Motivatie ontvangen van {partner}: ‘{proposalTitle}’",
        [
            $"{partner} heeft uitgelegd wat het doet met het advies ‘{proposalTitle}’."
                + (followsAdvice ? $" {partner} volgt het advies toch." : $" {partner} volgt het advies niet."),
            late ? "De motivatie kwam te laat (werkafspraak R9)." : "De motivatie kwam op tijd (werkafspraak R9).",
        ],
        "Lees de motivatie",
        $"/allianties/{alliance}/advies");

    // R9: the motivation did not come in time.
    public static MailText MotivationOverdue(string alliance, string proposalTitle, string partner, Instant due) => new(
        $"Motivatie te laat: {partner}, ‘{proposalTitle}’",
        [
            $"{partner} moest {By(due)} uitleggen waarom het het besluit ‘{proposalTitle}’ niet uitvoert. Die uitleg is er niet.",
            "Dat staat nu in het logboek. Het kan een reden zijn voor een geschil (werkafspraak R12).",
        ],
        "Naar het advies",
        $"/allianties/{alliance}/advies");

    // R12: a dispute was raised, or moved up a step.
    public static MailText DisputeRaised(string alliance, string escalation, string reason, int step, string stepDescription, Instant respondBy) => new(
        $"Nieuw geschil: ‘{reason}’",
        [
            $"Er is een geschil: ‘{reason}’. Het geschil begint bij stap {step}: {stepDescription}.",
            $"Een antwoord is nodig {By(respondBy)} (werkafspraak R12).",
        ],
        "Naar het geschil",
        $"/allianties/{alliance}/geschillen/{escalation}");

    public static MailText DisputeMovedUp(string alliance, string escalation, string reason, int step, string stepDescription, bool deadlinePassed) => new(
        $"Geschil naar stap {step}: ‘{reason}’",
        [
            $"Het geschil ‘{reason}’ is nu bij stap {step}: {stepDescription}.",
            deadlinePassed ? "Er kwam geen antwoord op tijd. Daarom ging het geschil een stap hoger (werkafspraak R12)."
                : "Iemand vroeg om de volgende stap (werkafspraak R12).",
        ],
        "Naar het geschil",
        $"/allianties/{alliance}/geschillen/{escalation}");

    // R8: a decision at a meeting the reader attended.
    public static MailText DecisionTaken(string alliance, string proposal, string proposalTitle, string meetingName, string outcome) => new(
        $"Besluit: ‘{proposalTitle}’",
        [
            $"U was bij de vergadering ‘{meetingName}’. Over ‘{proposalTitle}’ is besloten: {outcome}.",
        ],
        "Naar het besluit",
        $"/allianties/{alliance}/besluiten/{proposal}");

    // Issue 15 §1: a new signed checkpoint, to a witness (a configured address, not a person with an account).
    public static MailText CheckpointForWitness(string alliance, string allianceName, long position, string headHash, DateTimeOffset signedAt,
        string keyId, string fileName) => new(
        $"Controlepunt van het logboek van {allianceName}: {Steps(position)}",
        [
            $"Het logboek van {allianceName} heeft een nieuw controlepunt. Daarin staat: het logboek had op "
                + $"{DutchFormat.DateTime(Instant.FromDateTimeOffset(signedAt))} {Steps(position)}, en de code van de laatste stap was {headHash}.",
            $"Het controlepunt is ondertekend met sleutel {keyId}. U vindt het in de bijlage: {fileName}.",
            "U bent getuige. Bewaar deze e-mail met de bijlage. Niemand kan het logboek dan ongemerkt veranderen of een stuk weghalen, "
                + "ook niet wie de database beheert. Een later controlepunt moet namelijk altijd verder gaan waar dit controlepunt ophield.",
            $"Zo controleert u het logboek: governance ledger verify --checkpoints {fileName}. "
                + $"Of controleer het openbare logboek dat u downloadt: governance export verify ARCHIEF.zip --checkpoint {fileName}. "
                + "Gaat het mis? Dan noemt het programma dit controlepunt.",
        ],
        "Alle controlepunten",
        $"/allianties/{alliance}/controlepunten");

    private static string Steps(long n) => n == 1 ? "1 stap" : $"{n} stappen";

    /// <summary>The plain-text and HTML parts of <paramref name="text"/> for one reader, with the links made absolute.</summary>
    public static (string Text, string Html) Render(MailText text, string? name, MailKind kind, Uri site, Uri unsubscribe)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(kind);
        var greeting = string.IsNullOrWhiteSpace(name) ? "Beste lezer," : $"Beste {name},";
        return Render(text, greeting, site, $"U krijgt deze e-mail omdat {kind.Reason}.",
            [("Wilt u deze e-mails niet meer? Meld u af met één klik:", "Afmelden voor deze e-mails", unsubscribe),
             ("Of kies onder ‘Mijn account’ welke e-mails u krijgt:", "Kies welke e-mails u krijgt", new Uri(site, "/account"))]);
    }

    /// <summary>
    /// A mail to a witness: no account, so no unsubscribe link of its own (RFC 8058 needs a person to switch off); the footer
    /// says who can take the address off the list.
    /// </summary>
    public static (string Text, string Html) RenderForWitness(MailText text, Uri site) =>
        Render(text, "Beste getuige,", site,
            "U krijgt deze e-mail omdat uw adres als getuige van dit logboek is ingesteld. Wilt u dit niet meer? "
                + "Vraag de beheerder van het logboek om uw adres te verwijderen.", []);

    private static (string Text, string Html) Render(MailText text, string greeting, Uri site, string why,
        IReadOnlyList<(string Sentence, string LinkText, Uri Link)> footerLinks)
    {
        ArgumentNullException.ThrowIfNull(text);
        var link = new Uri(site, text.Link);
        const string Closing = "Met vriendelijke groet,";
        const string Sender = "Het logboek van de wijkalliantie";

        var plain = new StringBuilder();
        plain.Append(greeting).Append("\n\n");
        foreach (var p in text.Paragraphs) plain.Append(p).Append("\n\n");
        plain.Append(text.Action).Append(": ").Append(link.AbsoluteUri).Append("\n\n");
        plain.Append(Closing).Append('\n').Append(Sender).Append("\n\n-- \n");
        plain.Append(why).Append('\n');
        foreach (var (sentence, _, uri) in footerLinks) plain.Append(sentence).Append(' ').Append(uri.AbsoluteUri).Append('\n');

        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>").Append(E(text.Subject)).Append("</title></head>");
        html.Append("<body style=\"font-family: sans-serif; font-size: 16px; line-height: 1.5; max-width: 40em;\">");
        html.Append("<p>").Append(E(greeting)).Append("</p>");
        foreach (var p in text.Paragraphs) html.Append("<p>").Append(E(p)).Append("</p>");
        html.Append("<p><a href=\"").Append(E(link.AbsoluteUri)).Append("\">").Append(E(text.Action)).Append("</a></p>");
        html.Append("<p>").Append(E(Closing)).Append("<br>").Append(E(Sender)).Append("</p>");
        html.Append("<hr><p style=\"font-size: 14px;\">").Append(E(why));
        foreach (var (_, linkText, uri) in footerLinks)
            html.Append(' ').Append("<a href=\"").Append(E(uri.AbsoluteUri)).Append("\">").Append(E(linkText)).Append("</a>.");
        html.Append("</p>");
        html.Append("</body></html>");
        return (plain.ToString(), html.ToString());
    }
}
