using Governance.Api.Presentation;
using Governance.Domain.Meetings;
using Governance.Projections.Meetings;

namespace Governance.Api.Meetings;

/// <summary>
/// A deadline in the words residents use (Dutch, B1): what the rule asks for and what it is about, by title rather
/// than by id. One place for the pages and the calendar.
/// </summary>
public static class DeadlineTexts
{
    /// <summary>What each rule's deadline asks for.</summary>
    public static string Rule(string rule) => MeetingTexts.Rule(rule);

    /// <summary>
    /// "agendapunt ‘Speelstraat’", "stuk ‘Verkeersplan’", "aankondiging via flyers in de brievenbus", or "de conceptagenda"
    /// (the one check about the meeting itself is R1's); ids when the meeting does not know them.
    /// </summary>
    public static string Subject(Meeting.State state, DeadlineSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return Subject(subject, state is Meeting.State.Scheduled scheduled ? MeetingDocument.TitleOf(scheduled, subject) : null);
    }

    /// <summary>The same with the title already known (as the meeting and punctuality documents keep it); the id when it is not.</summary>
    public static string Subject(DeadlineSubject subject, string? title)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject switch
        {
            { Item: { } item } => "agendapunt ‘" + (title ?? item.Value) + "’",
            { Document: { } document } => "stuk ‘" + (title ?? document.Value) + "’",
            { Channel: { } channel } => "aankondiging via " + MeetingTexts.Channel(channel),
            _ => "de conceptagenda",
        };
    }

    /// <summary>
    /// The same for a subject as the punctuality rows store it (<see cref="DeadlineSubject.ToString"/>: "meeting",
    /// "item id", "document id", "channel Name").
    /// </summary>
    public static string Subject(Meeting.State state, string stored) => Subject(state, Parse(stored));

    /// <summary>A subject as the punctuality rows store it, with the title they keep beside it.</summary>
    public static string Subject(string stored, string? title) => Subject(Parse(stored), title);

    private static DeadlineSubject Parse(string stored)
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
        return subject;
    }
}
