using System.Collections.Immutable;
using System.Diagnostics;
using NodaTime;

namespace Governance.Domain.Meetings;

/// <summary>
/// The decider of one meeting's stream: its place in the year planning, its agenda, the documents shared for it,
/// its announcements, who was at the table, and the waivers and extensions that move its rules. The working
/// agreements enter on <see cref="ScheduleMeeting"/> and <see cref="RescheduleMeeting"/> only (see <see cref="MeetingTerms"/>);
/// every other decision applies the terms the meeting recorded. Partner bodies enter on the commands that count them.
/// This file holds the state, the dispatch and the fold; the decisions are by job in Meeting.Planning.cs, Meeting.Agenda.cs,
/// Meeting.Documents.cs and Meeting.Table.cs.
/// </summary>
public static partial class Meeting
{
    /// <summary>Every lead time counts back in this zone's civil time (DOMAIN: "Lead times").</summary>
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    public static State Initial { get; } = new State.NotScheduled();

    /// <summary>One stream per meeting, with id <see cref="MeetingId.StreamId"/> within the alliance's tenant.</summary>
    public static Decider<MeetingCommand, MeetingEvent, State> Decider { get; } = new(Decide, Evolve, Initial, "meeting");

    /// <summary>Only what decisions and the deadline list need; display folds its own read model.</summary>
    public abstract record State
    {
        private State()
        {
        }

        /// <summary>R7: whether <paramref name="item"/> may be discussed or decided, and if not, why.</summary>
        public virtual Decidability IsDecidable(AgendaItemId item) =>
            Decidability.No(item, "meeting.not-scheduled", "The meeting has not been scheduled.", null);

        public sealed record NotScheduled : State;

        public sealed record Scheduled(
            MeetingId Id,
            MeetingKind Kind,
            LocalDateTime Start,
            LocalDateTime End,
            string Place,
            MeetingTerms Terms,
            MeetingPhase Phase,
            Instant? DraftAgendaPublishedAt,
            ImmutableDictionary<AgendaItemId, AgendaItem> Items,
            ImmutableDictionary<DocumentId, SharedDocument> Documents,
            ImmutableDictionary<AnnouncementChannel, Instant> Announcements,
            ImmutableDictionary<PersonId, Attendee> Attendance,
            ImmutableDictionary<DeadlineKey, DeadlineExtended> Extensions,
            ImmutableDictionary<AgendaItemId, InformationPeriodWaived> Waivers,
            PublishedMinutes? Minutes) : State
        {
            /// <summary>The missed deadlines already recorded (rule and subject, with the due moment that passed).</summary>
            public ImmutableHashSet<(DeadlineKey Key, Instant DueAt)> MissedRecorded { get; init; } = [];

            /// <summary>The start as a moment; scheduling refuses civil times that DST skips or repeats, so this is exact.</summary>
            public ZonedDateTime StartsAt => Start.InZoneLeniently(Zone);

            /// <summary>R20: this meeting as the year planning counts it.</summary>
            public PlannedMeeting AsPlanned => new(Kind, Start.Date, Announcements.ContainsKey(AnnouncementChannel.Flyers));

            /// <summary>R15: the table as recorded so far.</summary>
            public TableBalance Balance =>
                TableBalance.Of(Attendance.Values.Select(a => a.Body), Terms.ProfessionalsMayNotOutnumberResidents);

            public IEnumerable<SharedDocument> DocumentsOf(AgendaItemId item) =>
                Documents.Values.Where(d => d.Item == item).OrderBy(d => d.FirstSharedAt).ThenBy(d => d.Id.Value, StringComparer.Ordinal);

            /// <summary>
            /// R7: a waiver covers the information as it stood when it was given; a document version shared after it
            /// is information the residents have not had, so the waiver no longer covers the item.
            /// </summary>
            public InformationPeriodWaived? ValidWaiverFor(AgendaItemId item) =>
                Waivers.TryGetValue(item, out var waiver)
                && !DocumentsOf(item).Any(d => d.Purpose == DocumentPurpose.DecisionOrDiscussion && d.SharedAt > waiver.WaivedAt)
                    ? waiver
                    : null;

            /// <summary>
            /// R7: every document for decision or discussion on the item, in the version that will be discussed, was
            /// shared a full information period before the meeting. An item without such a document gave residents nothing.
            /// </summary>
            public bool HadInformationInTime(AgendaItemId item)
            {
                var due = Terms.InformationPeriod.DueBefore(StartsAt);
                var forDecision = DocumentsOf(item).Where(d => d.Purpose == DocumentPurpose.DecisionOrDiscussion).ToList();
                return forDecision.Count > 0 && forDecision.All(d => d.SharedAt <= due);
            }

            public override Decidability IsDecidable(AgendaItemId item)
            {
                var version = Terms.AgreementsVersion;
                if (!Items.TryGetValue(item, out var agendaItem))
                {
                    return Decidability.No(item, "item.unknown", $"There is no agenda item '{item}'.", version);
                }

                switch (agendaItem.Status)
                {
                    case AgendaItemStatus.Proposed:
                        return Decidability.No(item, "item.not-accepted", $"The chair has not accepted '{item}' on the agenda.", version);
                    case AgendaItemStatus.Deferred:
                        return Decidability.No(item, "item.deferred", $"'{item}' was deferred to a later meeting.", version);
                    case AgendaItemStatus.Rejected:
                        return Decidability.No(item, "item.rejected", $"'{item}' was rejected.", version);
                }

                if (agendaItem.Kind == AgendaItemKind.Information)
                {
                    return Decidability.No(item, "item.information-only", $"'{item}' is for information only.", version);
                }

                if (HadInformationInTime(item))
                {
                    return Decidability.Yes(item, underWaiver: false, version);
                }

                if (ValidWaiverFor(item) is not null)
                {
                    return Decidability.Yes(item, underWaiver: true, version);
                }

                return Waivers.ContainsKey(item)
                    ? Decidability.No(item, "R7.changed-after-waiver",
                        $"A document for '{item}' changed after the waiver; residents have not had the new version.", version)
                    : Decidability.No(item, "R7.not-decidable", !DocumentsOf(item).Any(d => d.Purpose == DocumentPurpose.DecisionOrDiscussion)
                        ? $"No document for decision on '{item}' was shared; residents have no information to decide on."
                        : $"Documents for '{item}' were shared less than {Terms.InformationPeriod} before the meeting; a residents' representative must waive.",
                        version);
            }
        }

        /// <summary>Cancelled meetings keep their terms, so the deadline list can say which version it applied.</summary>
        public sealed record Cancelled(MeetingId Id, MeetingKind Kind, LocalDateTime Start, MeetingTerms Terms, string Reason) : State
        {
            public override Decidability IsDecidable(AgendaItemId item) =>
                Decidability.No(item, "meeting.cancelled", $"Meeting '{Id}' was cancelled.", Terms.AgreementsVersion);
        }
    }

    public sealed record AgendaItem(
        AgendaItemId Id,
        PartnerId Proposer,
        string Title,
        AgendaItemKind Kind,
        MeetingId? CarriedOverFrom,
        Instant ProposedAt,
        AgendaItemStatus Status,
        MeetingId? DeferredTo,
        bool TakenUp);

    /// <summary>A document in its latest version; <see cref="SharedAt"/> is when that version was shared.</summary>
    public sealed record SharedDocument(
        DocumentId Id,
        AgendaItemId Item,
        PartnerId Partner,
        string Title,
        DocumentPurpose Purpose,
        int Version,
        Sha256Digest Sha256,
        long SizeBytes,
        string StorageKey,
        Instant FirstSharedAt,
        Instant SharedAt);

    public sealed record Attendee(PartnerId Partner, PartnerBody Body);

    public sealed record PublishedMinutes(int Version, Sha256Digest Sha256, long SizeBytes, string StorageKey, Instant PublishedAt);

    /// <summary>Identifies one deadline of a meeting: a rule and its subject.</summary>
    public sealed record DeadlineKey(string Rule, DeadlineSubject Subject);

    public static IReadOnlyList<MeetingEvent> Decide(MeetingCommand command, State state)
    {
        ArgumentNullException.ThrowIfNull(command);
        return (command, state) switch
        {
            (ScheduleMeeting c, State.NotScheduled) => Schedule(c),
            (ScheduleMeeting c, State.Scheduled s) => ScheduleAgain(c, s),
            (CancelMeeting, State.Cancelled) => [],
            (RecordMissedDeadlines c, State.Scheduled s) => RecordMissed(c, s),
            (RecordMissedDeadlines, _) => [],   // nothing is due of a meeting that never was, or was cancelled
            (_, State.Cancelled s) => throw new RuleViolated("meeting.cancelled", $"Meeting '{s.Id}' was cancelled: {s.Reason}"),
            (_, State.Scheduled s) => command switch
            {
                RescheduleMeeting c => Reschedule(c, s),
                CancelMeeting c => Cancel(c, s),
                PublishDraftAgenda c => PublishDraftAgenda(c, s),
                ProposeAgendaItem c => Propose(c, s),
                AcceptAgendaItem c => Accept(c, s),
                DeferAgendaItem c => Defer(c, s),
                RejectAgendaItem c => Reject(c, s),
                ShareDocument c => Share(c, s),
                ReplaceDocument c => Replace(c, s),
                AnnounceResidentsMeeting c => Announce(c, s),
                RecordAttendance c => Attend(c, s),
                WithdrawAttendance c => Withdraw(c, s),
                CorrectAttendance c => CorrectAttendance(c, s),
                OpenMeeting c => Open(c, s),
                CloseMeeting c => Close(c, s),
                PublishMinutes c => PublishMinutes(c, s),
                ExtendDeadline c => Extend(c, s),
                WaiveInformationPeriod c => Waive(c, s),
                TakeUpAgendaItem c => TakeUp(c, s),
                _ => throw new UnreachableException($"No decision for {command.GetType().Name}."),
            },
            _ => throw new RuleViolated("meeting.not-scheduled", "The meeting has not been scheduled."),
        };
    }

    public static State Evolve(State state, MeetingEvent @event) => (state, @event) switch
    {
        (State.NotScheduled, MeetingScheduled e) => new State.Scheduled(
            e.Meeting,
            e.Kind,
            e.Start,
            e.End,
            e.Place,
            e.Terms,
            MeetingPhase.Planned,
            null,
            ImmutableDictionary<AgendaItemId, AgendaItem>.Empty,
            ImmutableDictionary<DocumentId, SharedDocument>.Empty,
            ImmutableDictionary<AnnouncementChannel, Instant>.Empty,
            ImmutableDictionary<PersonId, Attendee>.Empty,
            ImmutableDictionary<DeadlineKey, DeadlineExtended>.Empty,
            ImmutableDictionary<AgendaItemId, InformationPeriodWaived>.Empty,
            null),
        (State.Scheduled s, MeetingRescheduled e) => s with { Start = e.Start, End = e.End, Place = e.Place, Terms = e.Terms },
        (State.Scheduled s, MeetingCancelled e) => new State.Cancelled(s.Id, s.Kind, s.Start, s.Terms, e.Reason),
        (State.Scheduled s, DraftAgendaPublished e) => s with { DraftAgendaPublishedAt = s.DraftAgendaPublishedAt ?? e.PublishedAt },
        (State.Scheduled s, AgendaItemProposed e) => s with
        {
            Items = s.Items.SetItem(e.Item, new AgendaItem(
                e.Item, e.Partner, e.Title, e.Kind, e.CarriedOverFrom, e.ProposedAt, AgendaItemStatus.Proposed, null, TakenUp: false)),
        },
        (State.Scheduled s, AgendaItemAccepted e) => WithItem(s, e.Item, i => i with { Status = AgendaItemStatus.Accepted }),
        (State.Scheduled s, AgendaItemDeferred e) => WithItem(s, e.Item, i => i with { Status = AgendaItemStatus.Deferred, DeferredTo = e.To }),
        (State.Scheduled s, AgendaItemRejected e) => WithItem(s, e.Item, i => i with { Status = AgendaItemStatus.Rejected }),
        (State.Scheduled s, AgendaItemTakenUp e) => WithItem(s, e.Item, i => i with { TakenUp = true }),
        (State.Scheduled s, DocumentShared e) => s with
        {
            Documents = s.Documents.SetItem(e.Document, new SharedDocument(
                e.Document, e.Item, e.Partner, e.Title, e.Purpose, 1, e.Sha256, e.SizeBytes, e.StorageKey, e.SharedAt, e.SharedAt)),
        },
        (State.Scheduled s, DocumentReplaced e) when s.Documents.TryGetValue(e.Document, out var d) => s with
        {
            Documents = s.Documents.SetItem(e.Document, d with
            {
                Version = e.Version,
                Title = e.Title,
                Sha256 = e.Sha256,
                SizeBytes = e.SizeBytes,
                StorageKey = e.StorageKey,
                SharedAt = e.SharedAt,
            }),
        },
        (State.Scheduled s, ResidentsMeetingAnnounced e) when !s.Announcements.ContainsKey(e.Channel) =>
            s with { Announcements = s.Announcements.Add(e.Channel, e.AnnouncedAt) },
        (State.Scheduled s, AttendanceRecorded e) => s with { Attendance = s.Attendance.SetItem(e.Person, new Attendee(e.Partner, e.Body)) },
        (State.Scheduled s, AttendanceWithdrawn e) => s with { Attendance = s.Attendance.Remove(e.Person) },
        (State.Scheduled s, AttendanceCorrected e) => s with { Attendance = s.Attendance.SetItem(e.Person, new Attendee(e.Partner, e.Body)) },
        (State.Scheduled s, MeetingOpened) => s with { Phase = MeetingPhase.Open },
        (State.Scheduled s, MeetingClosed) => s with { Phase = MeetingPhase.Closed },
        (State.Scheduled s, MinutesPublished e) => s with
        {
            Minutes = new PublishedMinutes(e.Version, e.Sha256, e.SizeBytes, e.StorageKey, e.PublishedAt),
        },
        (State.Scheduled s, MeetingDeadlineMissed e) => s with { MissedRecorded = s.MissedRecorded.Add((new DeadlineKey(e.Rule, e.Subject), e.DueAt)) },
        (State.Scheduled s, DeadlineExtended e) => s with { Extensions = s.Extensions.SetItem(new DeadlineKey(e.Rule, e.Subject), e) },
        (State.Scheduled s, InformationPeriodWaived e) => s with { Waivers = s.Waivers.SetItem(e.Item, e) },
        _ => state,
    };

    private static State.Scheduled WithItem(State.Scheduled s, AgendaItemId id, Func<AgendaItem, AgendaItem> change) =>
        s.Items.TryGetValue(id, out var item) ? s with { Items = s.Items.SetItem(id, change(item)) } : s;

    private static void NotYetOpened(State.Scheduled s)
    {
        if (s.Phase != MeetingPhase.Planned)
        {
            throw new RuleViolated("meeting.already-opened", "The meeting has been opened; its planning is history.");
        }
    }

    private static void NotClosed(State.Scheduled s)
    {
        if (s.Phase == MeetingPhase.Closed)
        {
            throw new RuleViolated("meeting.closed", "The meeting has been closed.");
        }
    }

    private static AgendaItem KnownItem(State.Scheduled s, AgendaItemId item) =>
        s.Items.TryGetValue(item, out var found)
            ? found
            : throw new RuleViolated("item.unknown", $"There is no agenda item '{item}'.");

    private static AgendaItem OnTheAgenda(State.Scheduled s, AgendaItemId id)
    {
        var item = KnownItem(s, id);
        return item.Status is AgendaItemStatus.Deferred or AgendaItemStatus.Rejected ? throw Settled(id, item.Status) : item;
    }

    private static RuleViolated Settled(AgendaItemId item, AgendaItemStatus status) => status == AgendaItemStatus.Deferred
        ? new RuleViolated("item.deferred", $"'{item}' was deferred to a later meeting.")
        : new RuleViolated("item.rejected", $"'{item}' was rejected.");

    private static string Required(string? text, string code, string detail) =>
        string.IsNullOrWhiteSpace(text) ? throw new RuleViolated(code, detail) : text.Trim();
}
