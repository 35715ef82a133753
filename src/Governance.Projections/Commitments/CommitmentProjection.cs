using System.Globalization;
using System.Text.Json;
using Governance.Domain.Commitments;
using JasperFx.Events;
using Marten.Events.Aggregation;
using NodaTime;

namespace Governance.Projections.Commitments;

/// <summary>
/// One promise (R10, R19) for the lists: its whole history, and the fields the lists filter, count and sort on, all derived
/// from a fold of that history with <see cref="Commitment.Decider"/> (so the list and the promise's own page never disagree).
/// Moments are <see cref="DateTimeOffset"/>s and the status a string, because Marten's LINQ cannot translate NodaTime types
/// or our kebab-case enums. Whether a promise is open or overdue depends on the moment asked, so it is not stored: a query
/// compares <see cref="DueAt"/> with that moment. What it was at an earlier moment follows from when things were recorded:
/// <see cref="RecordedAt"/>, <see cref="DueSince"/>, <see cref="SettledRecordedAt"/> and <see cref="OverdueRecordedAt"/>.
/// </summary>
public sealed class CommitmentDocument
{
    /// <summary>The stream id, <c>commitment-…</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>The promise's id (the stream id without <c>commitment-</c>).</summary>
    public string Commitment { get; set; } = "";

    public string Owner { get; set; } = "";

    public string What { get; set; } = "";

    /// <summary>The due date in force, <c>yyyy-MM-dd</c> (a day in Amsterdam).</summary>
    public string Due { get; set; } = "";

    /// <summary>When the promise in force becomes late: 00:00 after <see cref="Due"/>.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>When the promise was recorded (its first event): before that it did not exist.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>When the due date in force was recorded (made, the last renegotiation (R19), or a correction of the date).</summary>
    public DateTimeOffset DueSince { get; set; }

    /// <summary>How it was settled (<c>fulfilled</c>, <c>fulfilled-late</c>, <c>cannot-be-met</c>, <c>withdrawn</c>); null while open.</summary>
    public string? Settlement { get; set; }

    public DateTimeOffset? SettledRecordedAt { get; set; }

    /// <summary>When the sweeper recorded it overdue for the due date in force; null when it did not (yet).</summary>
    public DateTimeOffset? OverdueRecordedAt { get; set; }

    /// <summary>For a promise kept late: how many days late (R10's median counts them).</summary>
    public int? DaysLateWhenSettled { get; set; }

    /// <summary>The meeting at whose table it was promised (its slug), or null: a past meeting's page lists what was promised there.</summary>
    public string? SourceMeeting { get; set; }

    /// <summary>The decision or advice it was promised in (the proposal's id), or null.</summary>
    public string? SourceReference { get; set; }

    /// <summary>The stream's version.</summary>
    public long Version { get; set; }

    public List<StoredEntry> History { get; set; } = [];

    /// <summary>The history with the domain events, in stream order, up to <paramref name="asOf"/> (recorded by then) or all.</summary>
    public IReadOnlyList<(StoredEntry Entry, CommitmentEvent Event)> Events(DateTimeOffset? asOf = null) =>
        [.. History.Where(h => asOf is null || h.RecordedAt <= asOf).Select(h => (h, (CommitmentEvent)h.Event()))];

    /// <summary>The promise as it stood with these events; null before it was made.</summary>
    public static Commitment.State.Made? StateOf(IEnumerable<(StoredEntry Entry, CommitmentEvent Event)> events) =>
        Domain.Commitments.Commitment.Decider.Fold(events.Select(e => e.Event)) as Commitment.State.Made;

    /// <summary>Sets every derived field from the history (the one place they are computed).</summary>
    public void Refresh(IReadOnlyList<(StoredEntry Entry, CommitmentEvent Event)> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (StateOf(events) is not { } state) return;
        Commitment = state.Id.Value;
        Owner = state.Owner.Value;
        What = state.What;
        Due = Iso(state.Due);
        DueAt = state.DueAt.ToDateTimeOffset();
        RecordedAt = events[0].Entry.RecordedAt;
        DueSince = events.Last(e => e.Event is CommitmentMade or CommitmentDueDateRenegotiated
            || e.Event is CommitmentCorrected c && c.Due != c.PreviousDue).Entry.RecordedAt;
        Settlement = state.Settlement is { } s ? Statuses.Kebab(s) : null;
        SettledRecordedAt = state.IsSettled
            ? events.Last(e => e.Event is CommitmentFulfilled or CommitmentReportedNotPossible or CommitmentWithdrawn).Entry.RecordedAt
            : null;
        OverdueRecordedAt = state.OverdueRecordedFor == state.Due
            ? events.Last(e => e.Event is CommitmentBecameOverdue o && o.Due == state.Due).Entry.RecordedAt
            : null;
        SourceMeeting = state.Source.Meeting?.Value;
        SourceReference = state.Source.Reference;
        DaysLateWhenSettled = state.Settlement == CommitmentStatus.FulfilledLate ? PromiseKeeping.DaysLate(state, state.SettledAt!.Value) : null;
        Version = events[^1].Entry.Version;
    }

    public static string Iso(LocalDate date) => date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
}

/// <summary>The statuses as the API writes them (kebab-case), for document fields that queries compare with.</summary>
public static class Statuses
{
    public static string Kebab(CommitmentStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
}

/// <summary>
/// Keeps one <see cref="CommitmentDocument"/> per promise, inline: in the transaction that records the event, so a list read
/// right after a command shows it.
/// </summary>
public sealed partial class CommitmentProjection : SingleStreamProjection<CommitmentDocument, string>
{
    public const string ProjectionName = "commitments";

    public CommitmentProjection()
    {
        Name = ProjectionName;
        // The concrete promise events: the daemon's filter matches stored types, so the abstract base would match nothing.
        foreach (var e in DomainJson.EventTypes.Where(e => e.Type.IsAssignableTo(typeof(CommitmentEvent)))) IncludeType(e.Type);
    }

    public override CommitmentDocument? Evolve(CommitmentDocument? snapshot, string id, IEvent e)
    {
        if (e.Data is not CommitmentEvent) return snapshot;
        var document = snapshot ?? new CommitmentDocument { Id = id };
        // Counted, not read from the event: a plain quick append does not always know the version before it is stored.
        document.History.Add(StoredEntry.From(e, document.History.Count + 1));
        document.Refresh(document.Events());
        return document;
    }
}
