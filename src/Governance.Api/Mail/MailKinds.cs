namespace Governance.Api.Mail;

/// <summary>How a person wants one kind of mail: at once, gathered in the weekly digest, or not at all.</summary>
public enum MailDelivery
{
    Immediate,
    Digest,
    Off,
}

/// <summary>A kind of mail a person can switch on or off (and unsubscribe from with one click).</summary>
/// <param name="Id">The stored name (<c>app.mail_preferences.kind</c>, the unsubscribe token).</param>
/// <param name="Name">What "Mijn account" calls it.</param>
/// <param name="Reason">Why the person gets it, for the footer: "U krijgt deze e-mail omdat …".</param>
public sealed record MailKind(string Id, string Name, string Reason, MailDelivery Default);

/// <summary>Every kind of mail the product sends.</summary>
public static class MailKinds
{
    public static MailKind Reminders { get; } = new("reminders", "Herinneringen voor een termijn",
        "u herinneringen krijgt voor termijnen van uw organisatie", MailDelivery.Immediate);

    public static MailKind Missed { get; } = new("missed", "Gemiste termijnen en beloftes",
        "u bericht krijgt als een termijn of belofte niet gehaald is", MailDelivery.Immediate);

    public static MailKind Advice { get; } = new("advice", "Advies en motivatie",
        "u bericht krijgt over advies aan uw organisatie en over motivaties", MailDelivery.Immediate);

    public static MailKind Disputes { get; } = new("disputes", "Geschillen",
        "u bericht krijgt over geschillen waarbij u betrokken bent", MailDelivery.Immediate);

    public static MailKind Decisions { get; } = new("decisions", "Besluiten",
        "u bericht krijgt over besluiten van vergaderingen waarbij u was", MailDelivery.Immediate);

    public static MailKind WeeklyDigest { get; } = new("weekly-digest", "Weekoverzicht",
        "u het weekoverzicht van beloftes en termijnen krijgt", MailDelivery.Off);

    public static IReadOnlyList<MailKind> All { get; } = [Reminders, Missed, Advice, Disputes, Decisions, WeeklyDigest];

    public static MailKind? Find(string id) => All.FirstOrDefault(k => k.Id == id);

    public static string Store(MailDelivery delivery) => delivery switch
    {
        MailDelivery.Immediate => "immediate",
        MailDelivery.Digest => "digest",
        _ => "off",
    };

    public static MailDelivery Parse(string stored) => stored switch
    {
        "immediate" => MailDelivery.Immediate,
        "digest" => MailDelivery.Digest,
        _ => MailDelivery.Off,
    };
}
