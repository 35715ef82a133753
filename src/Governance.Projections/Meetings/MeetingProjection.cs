using System.Text.Json.Serialization;
using Governance.Domain;
using Governance.Domain.Meetings;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using NodaTime;
using NodaTime.Text;

namespace Governance.Projections.Meetings;

/// <summary>An agenda item as lists show it: its title, who put it forward, and where it stands (R3: deferred to which meeting).</summary>
public sealed record MeetingItemSummary(
    AgendaItemId Id, string Title, PartnerId Proposer, AgendaItemKind Kind, AgendaItemStatus Status, MeetingId? CarriedOverFrom, MeetingId? DeferredTo);

/// <summary>
/// One deadline before a meeting (R1–R7, <see cref="MeetingDeadlines"/>), with the due moment in force after any extension
/// (R19) and the title of what it is about (an item's or a document's), for the calendar feed.
/// </summary>
public sealed record MeetingDeadlineDay(
    string Rule, AgendaItemId? Item, DocumentId? Document, AnnouncementChannel? Channel, string? Title, DateTimeOffset DueAt)
{
    [JsonIgnore]
    public DeadlineSubject Subject => (Item, Document, Channel) switch
    {
        ({ } item, _, _) => DeadlineSubject.ForItem(item),
        (_, { } document, _) => DeadlineSubject.ForDocument(document),
        (_, _, { } channel) => DeadlineSubject.ForChannel(channel),
        _ => DeadlineSubject.TheMeeting,
    };
}

/// <summary>
/// One meeting as the lists show it (the meetings list, the year planning, the calendar, names of meetings elsewhere),
/// kept inline from the meeting's stream: what <see cref="Meeting.Decider"/> folds, reduced to what a row needs. The
/// fields that lists filter or sort on are plain (<see cref="StartKey"/>, <see cref="Year"/>, <see cref="StartsAt"/>,
/// <see cref="Status"/>); NodaTime values are for display only. The id is the stream id (<c>meeting-…</c>).
/// </summary>
public sealed class MeetingDocument
{
    public const string NotScheduled = "not-scheduled";
    public const string Planned = "planned";
    public const string Cancelled = "cancelled";

    private static readonly LocalDateTimePattern SortPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");

    public string Id { get; set; } = "";

    /// <summary>The meeting's slug (the id without <c>meeting-</c>).</summary>
    public string Meeting { get; set; } = "";

    public long Version { get; set; }

    /// <summary><c>planned</c>, <c>open</c>, <c>closed</c> or <c>cancelled</c> (<c>not-scheduled</c> before the first event is folded).</summary>
    public string Status { get; set; } = NotScheduled;

    public MeetingKind? Kind { get; set; }

    public LocalDateTime? Start { get; set; }

    /// <summary>Null once cancelled, as the planning shows it.</summary>
    public LocalDateTime? End { get; set; }

    public string? Place { get; set; }

    /// <summary>The start as sortable text (<c>2026-03-10T19:30:00</c>, Amsterdam civil time); empty when there is none.</summary>
    public string StartKey { get; set; } = "";

    /// <summary>The start as a moment.</summary>
    public DateTimeOffset? StartsAt { get; set; }

    /// <summary>The year of the start: the year planning's page (R17).</summary>
    public int? Year { get; set; }

    /// <summary>R18: planned on a weekday during office hours.</summary>
    public bool DuringOfficeHours { get; set; }

    /// <summary>How often it moved (the calendar's SEQUENCE).</summary>
    public int Reschedules { get; set; }

    /// <summary>R6/R20: a residents' meeting announced by flyers.</summary>
    public bool AnnouncedByFlyers { get; set; }

    public int? AgreementsVersion { get; set; }

    /// <summary>R3: the last moment to put an item on an alliance meeting's agenda.</summary>
    public DateTimeOffset? IntakeDueAt { get; set; }

    public List<MeetingItemSummary> Items { get; set; } = [];

    /// <summary>
    /// R3: where this meeting's deferred items may be carried over to: a meeting's slug, or <see cref="AnyMeeting"/> for an
    /// item deferred to no meeting in particular.
    /// </summary>
    public List<string> DeferredTo { get; set; } = [];

    /// <summary>In <see cref="DeferredTo"/>: an item deferred to no meeting in particular.</summary>
    public const string AnyMeeting = "*";

    public List<MeetingDeadlineDay> Deadlines { get; set; } = [];

    [JsonIgnore]
    public MeetingId MeetingId => MeetingId.Parse(Meeting);

    /// <summary>R20: this meeting as the year planning counts it (null when it will not be held).</summary>
    [JsonIgnore]
    public PlannedMeeting? AsPlanned => Kind is { } kind && Start is { } start && Status != Cancelled && Status != NotScheduled
        ? new PlannedMeeting(kind, start.Date, AnnouncedByFlyers)
        : null;

    /// <summary>The document of a folded meeting.</summary>
    public static MeetingDocument From(MeetingView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var document = new MeetingDocument
        {
            Id = view.Id.StreamId,
            Meeting = view.Id.Value,
            Version = view.StreamVersion,
            Reschedules = view.Reschedules,
        };
        switch (view.State)
        {
            case Meeting.State.Scheduled s:
                document.Status = JsonNaming(s.Phase.ToString());
                document.Kind = s.Kind;
                document.SetStart(s.Start);
                document.End = s.End;
                document.Place = s.Place;
                document.DuringOfficeHours = view.DuringOfficeHours;
                document.AnnouncedByFlyers = s.Announcements.ContainsKey(AnnouncementChannel.Flyers);
                document.AgreementsVersion = s.Terms.AgreementsVersion;
                document.IntakeDueAt = s.Kind == MeetingKind.AllianceMeeting ? s.Terms.AgendaItemIntake.DueBefore(s.StartsAt).ToDateTimeOffset() : null;
                document.Items = [.. s.Items.Values.OrderBy(i => i.ProposedAt).ThenBy(i => i.Id.Value, StringComparer.Ordinal)
                    .Select(i => new MeetingItemSummary(i.Id, i.Title, i.Proposer, i.Kind, i.Status, i.CarriedOverFrom, i.DeferredTo))];
                document.DeferredTo = [.. document.Items.Where(i => i.Status == AgendaItemStatus.Deferred)
                    .Select(i => i.DeferredTo?.Value ?? AnyMeeting).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
                // Due moments do not depend on the clock; only a status does, and lists of statuses read the punctuality documents.
                document.Deadlines = [.. MeetingDeadlines.Of(s, Instant.MinValue).Checks.Select(c => new MeetingDeadlineDay(
                    c.Rule, c.Subject.Item, c.Subject.Document, c.Subject.Channel, TitleOf(s, c.Subject), c.DueAt.ToDateTimeOffset()))];
                break;
            case Meeting.State.Cancelled c:
                document.Status = Cancelled;
                document.Kind = c.Kind;
                document.SetStart(c.Start);
                document.AgreementsVersion = c.Terms.AgreementsVersion;
                break;
        }
        return document;
    }

    /// <summary>The title of an item or document a deadline is about, as the meeting knows it; null for the meeting or a channel.</summary>
    public static string? TitleOf(Meeting.State.Scheduled meeting, DeadlineSubject subject)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(subject);
        return subject switch
        {
            { Item: { } item } => meeting.Items.TryGetValue(item, out var i) ? i.Title : null,
            { Document: { } doc } => meeting.Documents.TryGetValue(doc, out var d) ? d.Title : null,
            _ => null,
        };
    }

    private void SetStart(LocalDateTime start)
    {
        Start = start;
        StartKey = SortPattern.Format(start);
        StartsAt = start.InZoneLeniently(Domain.Meetings.Meeting.Zone).ToDateTimeOffset();
        Year = start.Year;
    }

    private static string JsonNaming(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}

/// <summary>
/// Keeps <see cref="MeetingDocument"/> inline. The document holds a summary, not the decider's state, so each append
/// folds the meeting again: the events stored before this slice (one read of a small stream) and the slice's own. The
/// daemon's rebuild does the same, so a rebuild writes the same documents.
/// </summary>
public sealed partial class MeetingProjection : SingleStreamProjection<MeetingDocument, string>
{
    public const string ProjectionName = "meetings";

    public MeetingProjection()
    {
        Name = ProjectionName;
        // The concrete meeting events: the daemon's filter matches stored types, so the abstract base would match nothing.
        foreach (var e in DomainJson.EventTypes.Where(e => e.Type.IsAssignableTo(typeof(MeetingEvent)))) IncludeType(e.Type);
    }

    public override async ValueTask<(MeetingDocument?, ActionType)> DetermineActionAsync(IQuerySession session, MeetingDocument? snapshot, string identity,
        IIdentitySetter<MeetingDocument, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(events);
        var mine = events.Where(e => e.Data is MeetingEvent).ToList();
        if (mine.Count == 0 || !identity.StartsWith("meeting-", StringComparison.Ordinal)
            || !MeetingId.TryParse(identity["meeting-".Length..], out var meeting)) return (snapshot, ActionType.Nothing);

        // What was stored before this slice. Inline, the slice is not stored yet, so that is the whole stream; in the daemon
        // later events are stored too, so read only up to the version before the slice's first.
        var first = mine[0].Version;
        var tenant = session.ForTenant(mine[0].TenantId);
        IReadOnlyList<IEvent> before = first == 1 ? []
            : first > 1 ? await tenant.Events.FetchStreamAsync(identity, first - 1, token: cancellation)
            : await tenant.Events.FetchStreamAsync(identity, token: cancellation);
        var all = before.Concat(mine).Select(e => e.Data).OfType<MeetingEvent>().ToList();
        var version = mine[^1].Version > 0 ? mine[^1].Version : before.Count + mine.Count;
        return (MeetingDocument.From(MeetingView.Fold(meeting, all, version)), ActionType.Store);
    }
}

/// <summary>The meetings slice's read models in the one Marten setup (<see cref="GovernanceStore.Configure"/>).</summary>
public static class MeetingProjections
{
    public static void Register(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Inline: the planning and the meeting page must show a meeting just scheduled, an item just deferred.
        options.Projections.Add<MeetingProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<MeetingDocument>().Index(d => d.StartKey).Index(d => d.Year!);
    }
}
