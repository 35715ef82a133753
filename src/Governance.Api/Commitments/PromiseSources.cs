using Governance.Api.Meetings;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Meetings;
using Governance.Projections.Meetings;

namespace Governance.Api.Commitments;

/// <summary>
/// Where promises were made, in words for the partial <c>_BelofteBron</c>: the date of the meeting and the title of the
/// agenda item. Reads only the meetings the promises name, as their inline documents, in one query: folding every
/// meeting of the alliance per request took seconds a page with 500 meetings (docs/BENCHMARKS.md, bench read).
/// </summary>
public sealed class PromiseSources
{
    private readonly IReadOnlyDictionary<MeetingId, MeetingDocument> _meetings;

    private PromiseSources(IReadOnlyDictionary<MeetingId, MeetingDocument> meetings) => _meetings = meetings;

    public static readonly PromiseSources None = new(new Dictionary<MeetingId, MeetingDocument>());

    public static async Task<PromiseSources> LoadAsync(
        MeetingQueries meetings, AllianceId alliance, IEnumerable<CommitmentSource> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        return new(await meetings.DocumentsAsync(alliance, sources.Select(s => s.Meeting).OfType<MeetingId>(), cancellationToken));
    }

    public string MeetingLabel(MeetingId meeting) =>
        _meetings.TryGetValue(meeting, out var m) && m.Start is { } start ? MeetingTexts.When(start) : meeting.Value;

    public string ItemTitle(MeetingId meeting, AgendaItemId item) =>
        _meetings.TryGetValue(meeting, out var m) && m.Items.FirstOrDefault(i => i.Id == item) is { } found ? found.Title : item.Value;

    /// <summary>The model of the partial _BelofteBron: where a promise was made, with names and titles filled in.</summary>
    public (CommitmentSource, string, string, string, string) For(CommitmentSource source, string basePath, Func<PersonId, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(nameOf);
        return (source, basePath,
            source.Meeting is { } m ? MeetingLabel(m) : "",
            source.Meeting is { } meeting && source.Item is { } item ? ItemTitle(meeting, item) : "",
            string.Join(", ", source.Witnesses.Select(nameOf)));
    }
}
