using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.EventStore;
using NodaTime;

namespace Governance.Projections.Meetings;

/// <summary>One version of a shared document: the ledger's record of which bytes were shared when (R2, R4).</summary>
public sealed record DocumentVersionView(DocumentId Document, int Version, string Title, Sha256Digest Sha256, long SizeBytes, string StorageKey, Instant SharedAt);

/// <summary>
/// A meeting as its stream folds with <see cref="Meeting.Decider"/>, plus what the state keeps only in its latest
/// form: every document version (downloads of earlier versions), every minutes version, and the number of reschedules
/// (the calendar's SEQUENCE, RFC 5545 §3.8.7.4) and
/// the R18 warning of the slot in force.
/// </summary>
public sealed record MeetingView(
    MeetingId Id,
    Meeting.State State,
    long StreamVersion,
    int Reschedules,
    bool DuringOfficeHours,
    IReadOnlyList<DocumentVersionView> DocumentVersions,
    IReadOnlyList<Meeting.PublishedMinutes> Minutes);

/// <summary>Reads meetings by folding their streams (live), optionally as they stood at an instant, like the alliance queries.</summary>
public sealed class MeetingQueries(Ledger store)
{
    public async Task<MeetingView?> GetAsync(AllianceId alliance, MeetingId meeting, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var events = await store.ReadStreamAsync(alliance.Value, meeting.StreamId, asOf, cancellationToken);
        if (events.Count == 0) return null;

        var state = Meeting.Initial;
        var reschedules = 0;
        var officeHours = false;
        var versions = new List<DocumentVersionView>();
        var minutes = new List<Meeting.PublishedMinutes>();
        foreach (var envelope in events)
        {
            var e = (MeetingEvent)envelope.Data;
            state = Meeting.Decider.Evolve(state, e);
            switch (e)
            {
                case MeetingScheduled sc:
                    officeHours = sc.DuringOfficeHours;
                    break;
                case MeetingRescheduled rs:
                    reschedules++;
                    officeHours = rs.DuringOfficeHours;
                    break;
                case DocumentShared d:
                    versions.Add(new(d.Document, 1, d.Title, d.Sha256, d.SizeBytes, d.StorageKey, d.SharedAt));
                    break;
                case DocumentReplaced r:
                    versions.Add(new(r.Document, r.Version, r.Title, r.Sha256, r.SizeBytes, r.StorageKey, r.SharedAt));
                    break;
                case MinutesPublished m:
                    minutes.Add(new(m.Version, m.Sha256, m.SizeBytes, m.StorageKey, m.PublishedAt));
                    break;
            }
        }
        return new MeetingView(meeting, state, events[^1].StreamVersion, reschedules, officeHours, versions, minutes);
    }

    /// <summary>Every meeting of an alliance (streams of type <c>meeting</c>), by start.</summary>
    public async Task<IReadOnlyList<MeetingView>> ListAsync(AllianceId alliance, CancellationToken cancellationToken = default)
    {
        var views = new List<MeetingView>();
        foreach (var stream in await store.ListStreamsAsync(alliance.Value, "meeting-", cancellationToken))
        {
            if (!stream.StartsWith("meeting-", StringComparison.Ordinal) || !MeetingId.TryParse(stream["meeting-".Length..], out var id)) continue;
            if (await GetAsync(alliance, id, cancellationToken: cancellationToken) is { } view) views.Add(view);
        }
        return [.. views.OrderBy(v => StartOf(v.State)).ThenBy(v => v.Id.Value, StringComparer.Ordinal)];
    }

    public static LocalDateTime? StartOf(Meeting.State state) => state switch
    {
        Meeting.State.Scheduled s => s.Start,
        Meeting.State.Cancelled c => c.Start,
        _ => null,
    };
}
