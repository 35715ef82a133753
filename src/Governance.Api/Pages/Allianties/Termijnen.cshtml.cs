using Governance.Api.Commands;
using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Api.Meetings;
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
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, PunctualityQueries punctuality, MeetingQueries meetings,
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

    /// <summary>What a deadline is about, by title (see <see cref="DeadlineTexts"/>).</summary>
    public string SubjectText(string meetingStream, string subject) =>
        DeadlineTexts.Subject(_meetings.TryGetValue(meetingStream, out var m) ? m.State : Meeting.Initial, subject);

    public string PartnerName(string? id) =>
        id is null ? "" : Alliance.Partners.LastOrDefault(p => p.Id.Value == id)?.Name ?? id;

    /// <summary>What each rule's deadline is about, in plain words (shared with the meeting page).</summary>
    public static string RuleText(string rule) => MeetingTexts.Rule(rule);

    /// <summary>The same badge words and colours as the meeting page's deadline table.</summary>
    public static (string Text, string Colour) StatusBadge(string status) => MeetingTexts.Badge(status);

    public static string OfficeText(string? office) => office switch
    {
        "secretary" => "projectleider (secretaris)",
        "chair" => "dagvoorzitter",
        null => "",
        _ => office,
    };
}
