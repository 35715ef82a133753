using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Domain.Meetings;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;
using Governance.Projections.Punctuality;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Governance.Api.Pages.Allianties;

/// <summary>
/// The core group's "Termijnen" page: per partner, which deadlines (R1–R7) of the last 12 months were met, late or
/// missed, with the list behind each number; and what is due in the next three weeks. Public, like the ledger.
/// </summary>
public sealed class TermijnenModel(
    AllianceQueries queries, PeopleDirectory people, CommandPipeline pipeline, PunctualityQueries punctuality, MeetingQueries meetings,
    TimeProvider clock)
    : AlliancePageModel(queries, people, pipeline)
{
    private Dictionary<string, MeetingView> _meetings = new(StringComparer.Ordinal);

    public IReadOnlyList<PartnerPunctuality> Partners { get; private set; } = [];

    public IReadOnlyList<UpcomingDeadline> Upcoming { get; private set; } = [];

    public Instant Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        Now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var from = Now - Duration.FromDays(365);
        var partners = new List<PartnerPunctuality>();
        foreach (var partner in Alliance.Partners.Where(p => p.IsMember))
            partners.Add(await punctuality.ForPartnerAsync(Alliance.Id.Value, partner.Id.Value, from, Now, Now, cancellationToken));
        Partners = partners;
        Upcoming = await punctuality.UpcomingAsync(Alliance.Id.Value, Now, Now + Duration.FromDays(21), cancellationToken);
        // The deadline rows name their subject by id; the meetings give the titles people know them by.
        _meetings = (await meetings.ListAsync(Alliance.Id, cancellationToken)).ToDictionary(m => m.Id.StreamId, StringComparer.Ordinal);
        return Page();
    }

    /// <summary>The meeting page of a deadline's meeting (its stream id), or null when the meeting is not known.</summary>
    public string? MeetingPath(string meetingStream) =>
        _meetings.TryGetValue(meetingStream, out var m) ? $"/allianties/{Alliance.Id.Value}/vergaderingen/{m.Id.Value}" : null;

    /// <summary>
    /// What a deadline is about, in words: "agendapunt ‘Speelstraat’", "stuk ‘Verkeersplan’", "flyers", or the meeting
    /// itself. <paramref name="subject"/> is the projection's subject ("meeting", "item id", "document id", "channel Name").
    /// </summary>
    public string SubjectText(string meetingStream, string subject)
    {
        var state = _meetings.TryGetValue(meetingStream, out var m) ? m.State as Meeting.State.Scheduled : null;
        var (kind, id) = subject.IndexOf(' ', StringComparison.Ordinal) is var space and > 0
            ? (subject[..space], subject[(space + 1)..])
            : (subject, "");
        return kind switch
        {
            "item" => "agendapunt ‘" + (state is not null && AgendaItemId.TryParse(id, out var item) && state.Items.TryGetValue(item, out var i) ? i.Title : id) + "’",
            "document" => "stuk ‘" + (state is not null && DocumentId.TryParse(id, out var doc) && state.Documents.TryGetValue(doc, out var d) ? d.Title : id) + "’",
            "channel" => Enum.TryParse<AnnouncementChannel>(id, out var channel) ? ChannelText(channel) : id,
            _ => "de vergadering",
        };
    }

    public static string ChannelText(AnnouncementChannel channel) => channel switch
    {
        AnnouncementChannel.SocialMedia => "aankondiging op sociale media",
        AnnouncementChannel.Mail => "aankondiging per post",
        AnnouncementChannel.Flyers => "flyers",
        _ => channel.ToString(),
    };

    public string PartnerName(string? id) =>
        id is null ? "" : Alliance.Partners.LastOrDefault(p => p.Id.Value == id)?.Name ?? id;

    /// <summary>What each rule's deadline is about, in plain words.</summary>
    public static string RuleText(string rule) => rule switch
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

    public static (string Text, string Colour) StatusBadge(string status) => status switch
    {
        "on-time" => ("op tijd", "lime"),
        "late" => ("te laat", "orange"),
        "missing" => ("ontbreekt", "red"),
        "extended" => ("uitgesteld", "azure"),
        "waived" => ("vrijstelling", "purple"),
        _ => ("nog open", "yellow"),
    };

    public static string OfficeText(string? office) => office switch
    {
        "secretary" => "projectleider (secretaris)",
        "chair" => "dagvoorzitter",
        null => "",
        _ => office,
    };
}
