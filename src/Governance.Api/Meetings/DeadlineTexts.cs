using Governance.Domain.Meetings;

namespace Governance.Api.Meetings;

/// <summary>
/// A deadline in the words residents use (Dutch, B1): what the rule asks for and what it is about, by title rather
/// than by id. One place for the pages and the calendar.
/// </summary>
public static class DeadlineTexts
{
    /// <summary>What each rule's deadline asks for.</summary>
    public static string Rule(string rule) => rule switch
    {
        "R1" => "Conceptagenda",
        "R2" => "Stukken voor besluit of bespreking",
        "R3" => "Agendapunt aanmelden",
        "R4" => "Stukken ter kennisgeving",
        "R5" => "Spoedpunt",
        "R6" => "Bewonersbijeenkomst aankondigen",
        "R7" => "Informatie compleet voor bewoners",
        _ => rule,
    };

    /// <summary>"agendapunt ‘Speelstraat’", "stuk ‘Verkeersplan’", "flyers", or "de vergadering"; ids when the meeting does not know them.</summary>
    public static string Subject(Meeting.State state, DeadlineSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var scheduled = state as Meeting.State.Scheduled;
        return subject switch
        {
            { Item: { } item } => "agendapunt ‘" + (scheduled is not null && scheduled.Items.TryGetValue(item, out var i) ? i.Title : item.Value) + "’",
            { Document: { } document } => "stuk ‘" + (scheduled is not null && scheduled.Documents.TryGetValue(document, out var d) ? d.Title : document.Value) + "’",
            { Channel: { } channel } => Channel(channel),
            _ => "de vergadering",
        };
    }

    /// <summary>
    /// The same for a subject as the punctuality rows store it (<see cref="DeadlineSubject.ToString"/>: "meeting",
    /// "item id", "document id", "channel Name").
    /// </summary>
    public static string Subject(Meeting.State state, string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var space = stored.IndexOf(' ', StringComparison.Ordinal);
        var (kind, id) = space > 0 ? (stored[..space], stored[(space + 1)..]) : (stored, "");
        var subject = kind switch
        {
            "item" when AgendaItemId.TryParse(id, out var item) => DeadlineSubject.ForItem(item),
            "document" when DocumentId.TryParse(id, out var document) => DeadlineSubject.ForDocument(document),
            "channel" when Enum.TryParse<AnnouncementChannel>(id, out var channel) => DeadlineSubject.ForChannel(channel),
            _ => DeadlineSubject.TheMeeting,
        };
        return Subject(state, subject);
    }

    public static string Channel(AnnouncementChannel channel) => channel switch
    {
        AnnouncementChannel.SocialMedia => "aankondiging op sociale media",
        AnnouncementChannel.Mail => "aankondiging per post",
        AnnouncementChannel.Flyers => "flyers",
        _ => channel.ToString(),
    };

    public static string MeetingKind(MeetingKind kind) => kind switch
    {
        Domain.Meetings.MeetingKind.ResidentsMeeting => "Bewonersbijeenkomst",
        Domain.Meetings.MeetingKind.CoreGroupMeeting => "Kerngroep",
        _ => "Wijkalliantievergadering",
    };
}
