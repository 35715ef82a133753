using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.EventStore;
using Marten;
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
    IReadOnlyList<Meeting.PublishedMinutes> Minutes)
{
    /// <summary>When the meeting was last closed (its checkpoint follows), or null while it was never closed.</summary>
    public Instant? ClosedAt { get; init; }

    /// <summary>
    /// Issue 13: per person present, the corrections of the partner they were present for since they were last recorded, oldest
    /// first. Each keeps the partner it replaced, so the first one's <c>PreviousPartner</c> is what was recorded at the table.
    /// </summary>
    public IReadOnlyDictionary<PersonId, IReadOnlyList<AttendanceCorrected>> AttendanceCorrections { get; init; } =
        new Dictionary<PersonId, IReadOnlyList<AttendanceCorrected>>();

    /// <summary>Folds a meeting's events with <see cref="Meeting.Decider"/> (the live read and the inline document share it).</summary>
    public static MeetingView Fold(MeetingId meeting, IEnumerable<MeetingEvent> events, long streamVersion)
    {
        ArgumentNullException.ThrowIfNull(events);
        var state = Meeting.Initial;
        var reschedules = 0;
        var officeHours = false;
        var versions = new List<DocumentVersionView>();
        var minutes = new List<Meeting.PublishedMinutes>();
        Instant? closedAt = null;
        var corrections = new Dictionary<PersonId, IReadOnlyList<AttendanceCorrected>>();
        foreach (var e in events)
        {
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
                case MeetingClosed c:
                    closedAt = c.ClosedAt;
                    break;
                case AttendanceRecorded a:
                    corrections.Remove(a.Person);
                    break;
                case AttendanceWithdrawn w:
                    corrections.Remove(w.Person);
                    break;
                case AttendanceCorrected c:
                    corrections[c.Person] = [.. corrections.GetValueOrDefault(c.Person) ?? [], c];
                    break;
            }
        }
        return new MeetingView(meeting, state, streamVersion, reschedules, officeHours, versions, minutes) { ClosedAt = closedAt, AttendanceCorrections = corrections };
    }
}


/// <summary>
/// Reads meetings. One meeting (its page, its API resource, "as of") folds its own stream live; every list reads the
/// inline <see cref="MeetingDocument"/>s (<see cref="MeetingProjection"/>), one query per page, never a fold per meeting.
/// </summary>
public sealed class MeetingQueries(Ledger store)
{
    public async Task<MeetingView?> GetAsync(AllianceId alliance, MeetingId meeting, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var events = await store.ReadStreamAsync(alliance.Value, meeting.StreamId, asOf, cancellationToken);
        if (events.Count == 0) return null;
        return MeetingView.Fold(meeting, events.Select(e => (MeetingEvent)e.Data), events[^1].StreamVersion);
    }

    /// <summary>One page of an alliance's meetings by start (of one year when <paramref name="year"/> is given), and how many in all.</summary>
    public async Task<(IReadOnlyList<MeetingDocument> Items, long Total)> PageAsync(
        AllianceId alliance, int? year, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var session = store.Store.QuerySession(alliance.Value);
        var page = await Ordered(session, year).Stats(out var stats).Skip(skip).Take(take).ToListAsync(cancellationToken);
        // Past the last page the statistics have no row to ride on.
        var total = page.Count > 0 ? stats.TotalResults : await Ordered(session, year).LongCountAsync(cancellationToken);
        return (page, total);
    }

    /// <summary>The meetings of one year, by start: the year planning (R17), whose natural page is the year.</summary>
    public async Task<IReadOnlyList<MeetingDocument>> YearAsync(AllianceId alliance, int year, CancellationToken cancellationToken = default)
    {
        await using var session = store.Store.QuerySession(alliance.Value);
        return await Ordered(session, year).ToListAsync(cancellationToken);
    }

    /// <summary>The years in which the alliance has a meeting, in order.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(AllianceId alliance, CancellationToken cancellationToken = default)
    {
        await using var session = store.Store.QuerySession(alliance.Value);
        var years = await session.Query<MeetingDocument>().Where(d => d.Year != null).Select(d => d.Year!.Value).Distinct().ToListAsync(cancellationToken);
        return [.. years.Order()];
    }

    /// <summary>Every meeting's document, by start (the calendar feed, which must hold them all).</summary>
    public async Task<IReadOnlyList<MeetingDocument>> DocumentsAsync(AllianceId alliance, CancellationToken cancellationToken = default)
    {
        await using var session = store.Store.QuerySession(alliance.Value);
        return await Ordered(session, null).ToListAsync(cancellationToken);
    }

    /// <summary>The documents of these meetings (to name them by kind and date); unknown ids are left out.</summary>
    public async Task<IReadOnlyDictionary<MeetingId, MeetingDocument>> DocumentsAsync(
        AllianceId alliance, IEnumerable<MeetingId> meetings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var ids = meetings.Select(m => m.StreamId).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0) return new Dictionary<MeetingId, MeetingDocument>();
        await using var session = store.Store.QuerySession(alliance.Value);
        var found = await session.LoadManyAsync<MeetingDocument>(cancellationToken, ids);
        return found.ToDictionary(d => d.MeetingId, d => d);
    }

    /// <summary>
    /// The first <paramref name="take"/> planned meetings (not open, closed or cancelled) that start after
    /// <paramref name="after"/> (from the first when null), by start.
    /// </summary>
    public async Task<IReadOnlyList<MeetingDocument>> PlannedAfterAsync(AllianceId alliance, DateTimeOffset? after, int take,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var session = store.Store.QuerySession(alliance.Value);
        var planned = session.Query<MeetingDocument>().Where(d => d.Status == MeetingDocument.Planned);
        if (after is { } at) planned = planned.Where(d => d.StartsAt > at);
        return await planned.OrderBy(d => d.StartKey).ThenBy(d => d.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Meetings with an agenda item deferred to <paramref name="to"/> or to no meeting in particular (R3: it may be carried
    /// over there), by start.
    /// </summary>
    public async Task<IReadOnlyList<MeetingDocument>> DeferredToAsync(AllianceId alliance, MeetingId to, CancellationToken cancellationToken = default)
    {
        await using var session = store.Store.QuerySession(alliance.Value);
        var target = to.Value;
        return await Ordered(session, null)
            .Where(d => d.DeferredTo.Contains(target) || d.DeferredTo.Contains(MeetingDocument.AnyMeeting)).ToListAsync(cancellationToken);
    }

    private static IQueryable<MeetingDocument> Ordered(IQuerySession session, int? year)
    {
        var query = session.Query<MeetingDocument>();
        var filtered = year is { } y ? query.Where(d => d.Year == y) : query;
        return filtered.OrderBy(d => d.StartKey).ThenBy(d => d.Id);
    }

    public static LocalDateTime? StartOf(Meeting.State state) => state switch
    {
        Meeting.State.Scheduled s => s.Start,
        Meeting.State.Cancelled c => c.Start,
        _ => null,
    };
}
