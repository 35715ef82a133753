using Governance.Api.Presentation;
using Governance.Domain.Meetings;
using Governance.Projections.Meetings;
using NodaTime;

namespace Governance.Api.Meetings;

/// <summary>The meetings' words as the pages say them (Dutch, B1): kinds, statuses, deadlines and their badges.</summary>
public static class MeetingTexts
{
    public static string Kind(MeetingKind kind) => kind switch
    {
        MeetingKind.AllianceMeeting => "wijkalliantievergadering",
        MeetingKind.ResidentsMeeting => "bewonersbijeenkomst",
        MeetingKind.CoreGroupMeeting => "kerngroepoverleg",
        _ => kind.ToString(),
    };

    /// <summary>The status a resident understands: gepland, verplaatst, afgelast, geopend or gesloten, with a badge colour.</summary>
    public static (string Text, string Colour) Status(MeetingView view) => view.State switch
    {
        Meeting.State.Cancelled => ("afgelast", "red"),
        Meeting.State.Scheduled { Phase: MeetingPhase.Open } => ("geopend", "lime"),
        Meeting.State.Scheduled { Phase: MeetingPhase.Closed } => ("gesloten", "purple"),
        Meeting.State.Scheduled when view.Reschedules > 0 => ("verplaatst", "orange"),
        _ => ("gepland", "azure"),
    };

    /// <summary>The same badge for a meeting as the lists read it (<see cref="MeetingDocument"/>).</summary>
    public static (string Text, string Colour) Status(MeetingDocument meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return meeting.Status switch
        {
            MeetingDocument.Cancelled => ("afgelast", "red"),
            "open" => ("geopend", "lime"),
            "closed" => ("gesloten", "purple"),
            _ when meeting.Reschedules > 0 => ("verplaatst", "orange"),
            _ => ("gepland", "azure"),
        };
    }

    public static string ItemKind(AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.Decision => "besluit",
        AgendaItemKind.Discussion => "bespreken",
        AgendaItemKind.Information => "ter kennisgeving",
        AgendaItemKind.Urgent => "actualiteit",
        _ => kind.ToString(),
    };

    public static (string Text, string Colour) ItemStatus(AgendaItemStatus status) => status switch
    {
        AgendaItemStatus.Proposed => ("voorgesteld", "yellow"),
        AgendaItemStatus.Accepted => ("op de agenda", "lime"),
        AgendaItemStatus.Deferred => ("uitgesteld", "azure"),
        AgendaItemStatus.Rejected => ("afgewezen", "red"),
        _ => (status.ToString(), "yellow"),
    };

    public static string Purpose(DocumentPurpose purpose) => purpose switch
    {
        DocumentPurpose.DecisionOrDiscussion => "om te bespreken of te besluiten",
        DocumentPurpose.InformationOnly => "ter kennisgeving",
        _ => purpose.ToString(),
    };

    public static string Channel(AnnouncementChannel channel) => channel switch
    {
        AnnouncementChannel.SocialMedia => "sociale media",
        AnnouncementChannel.Mail => "e-mail",
        AnnouncementChannel.Flyers => "flyers in de brievenbus",
        _ => channel.ToString(),
    };

    /// <summary>What each rule's deadline is about, in plain words.</summary>
    public static string Rule(string rule) => rule switch
    {
        "R1" => "Conceptagenda",
        "R2" => "Stukken voor besluit of bespreking",
        "R3" => "Agendapunt aanmelden",
        "R4" => "Stukken ter kennisgeving",
        "R5" => "Actualiteit (spoedpunt)",
        "R6" => "Bewonersbijeenkomst aankondigen",
        "R7" => "Informatie compleet voor bewoners",
        _ => rule,
    };

    /// <summary>Every status the compliance view has, as a word and a badge colour; never colour alone.</summary>
    public static (string Text, string Colour) Badge(DeadlineStatus status) => status switch
    {
        DeadlineStatus.OnTime => ("op tijd", "lime"),
        DeadlineStatus.Late => ("te laat", "orange"),
        DeadlineStatus.Missing => ("ontbreekt", "red"),
        DeadlineStatus.Extended => ("uitgesteld", "azure"),
        DeadlineStatus.Waived => ("ontheffing", "purple"),
        DeadlineStatus.Pending => ("nog open", "yellow"),
        _ => (status.ToString(), "yellow"),
    };

    /// <summary>The same badges for a status as the punctuality projection stores it (kebab-case).</summary>
    public static (string Text, string Colour) Badge(string status) =>
        Http.Kebab.TryParse<DeadlineStatus>(status, out var parsed) ? Badge(parsed) : ("nog open", "yellow");

    public static string Office(Domain.Alliances.Office? office) => office switch
    {
        Domain.Alliances.Office.Secretary => "projectleider (secretaris)",
        Domain.Alliances.Office.Chair => "dagvoorzitter",
        null => "",
        { } other => DutchTerms.Office(other),
    };

    public static string Ordinal(int quarter) => quarter switch { 1 => "1e", 2 => "2e", 3 => "3e", _ => $"{quarter}e" };

    /// <summary>"januari" … "december".</summary>
    public static string Month(int month) =>
        System.Globalization.CultureInfo.GetCultureInfo("nl-NL").DateTimeFormat.GetMonthName(month);

    /// <summary>An Amsterdam civil time as a page shows it: "dinsdag 12 maart 2026, 19:30".</summary>
    public static string When(LocalDateTime start) => DutchFormat.DateTime(start.InZoneLeniently(DutchFormat.Amsterdam).ToInstant());

    public static string MachineReadable(LocalDateTime start) => DutchFormat.MachineReadable(start.InZoneLeniently(DutchFormat.Amsterdam).ToInstant());

    /// <summary>The first 12 hex digits of a SHA-256: enough to compare by eye; the page gives the whole digest too.</summary>
    public static string ShortHash(string sha256) => sha256.Length <= 12 ? sha256 : sha256[..12] + "…";
}
