using System.Collections.Immutable;
using System.Diagnostics;
using NodaTime;

namespace Governance.Domain.Meetings;

/// <summary>
/// The decider of one meeting's stream: its place in the year planning, its agenda, the documents shared for it,
/// its announcements, who was at the table, and the waivers and extensions that move its rules. The working
/// agreements enter on <see cref="ScheduleMeeting"/> and <see cref="RescheduleMeeting"/> only (see <see cref="MeetingTerms"/>);
/// every other decision applies the terms the meeting recorded. Partner bodies enter on the commands that count them.
/// </summary>
public static class Meeting
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

    /// <summary>The rules whose missed deadline is recorded as an event (R5 and R7 are judged at the table, not by a clock).</summary>
    public static readonly IReadOnlyList<string> RecordedWhenMissed = ["R1", "R2", "R3", "R4", "R6"];

    private static IReadOnlyList<MeetingEvent> RecordMissed(RecordMissedDeadlines c, State.Scheduled s) =>
        [.. MeetingDeadlines.Of(s, c.Now).Checks
            .Where(d => d.Status == DeadlineStatus.Missing && RecordedWhenMissed.Contains(d.Rule)
                        && !s.MissedRecorded.Contains((new DeadlineKey(d.Rule, d.Subject), d.DueAt)))
            .Select(d => new MeetingDeadlineMissed(d.Rule, d.Subject, d.ResponsiblePartner, d.ResponsibleOffice, d.DueAt, c.Now, d.AgreementsVersion))];

    private static IReadOnlyList<MeetingEvent> Schedule(ScheduleMeeting c)
    {
        var (place, terms) = ValidSlot(c.Kind, c.Start, c.End, c.Place, c.Agreements);
        return [new MeetingScheduled(c.Meeting, c.Kind, c.Start, c.End, place, terms, DuringOfficeHours(c.Kind, c.Start, c.End, terms))];
    }

    private static IReadOnlyList<MeetingEvent> ScheduleAgain(ScheduleMeeting c, State.Scheduled s)
    {
        var (place, terms) = ValidSlot(c.Kind, c.Start, c.End, c.Place, c.Agreements);
        return (c.Meeting, c.Kind, c.Start, c.End, place, terms) == (s.Id, s.Kind, s.Start, s.End, s.Place, s.Terms)
            ? []
            : throw new RuleViolated("meeting.already-scheduled", $"Meeting '{s.Id}' is scheduled already; reschedule it instead.");
    }

    private static IReadOnlyList<MeetingEvent> Reschedule(RescheduleMeeting c, State.Scheduled s)
    {
        NotYetOpened(s);
        var (place, terms) = ValidSlot(s.Kind, c.Start, c.End, c.Place, c.Agreements);
        if ((c.Start, c.End, place, terms) == (s.Start, s.End, s.Place, s.Terms))
        {
            return [];
        }

        var reason = Required(c.Reason, "meeting.reason-required", "Rescheduling needs a reason.");
        return [new MeetingRescheduled(s.Start, c.Start, c.End, place, reason, terms, DuringOfficeHours(s.Kind, c.Start, c.End, terms))];
    }

    private static IReadOnlyList<MeetingEvent> Cancel(CancelMeeting c, State.Scheduled s)
    {
        NotYetOpened(s);
        return [new MeetingCancelled(Required(c.Reason, "meeting.reason-required", "Cancelling needs a reason."))];
    }

    private static IReadOnlyList<MeetingEvent> PublishDraftAgenda(PublishDraftAgenda c, State.Scheduled s)
    {
        NotYetOpened(s);

        // R1 counts the first publication; a later one cannot make a late agenda early.
        return s.DraftAgendaPublishedAt is null ? [new DraftAgendaPublished(c.Now)] : [];
    }

    private static IReadOnlyList<MeetingEvent> Propose(ProposeAgendaItem c, State.Scheduled s)
    {
        NotYetOpened(s);
        var title = Required(c.Title, "item.title-required", "An agenda item needs a title.");
        if (!Enum.IsDefined(c.Kind))
        {
            throw new RuleViolated("item.kind-unknown", $"'{c.Kind}' is not a kind of agenda item.");
        }

        if (c.CarriedOverFrom == s.Id)
        {
            throw new RuleViolated("item.carried-over-from-itself", "An item is carried over from a previous meeting, not from this one.");
        }

        // R5: an urgent item is current affairs; one that a previous meeting planned is not.
        if (c.Kind == AgendaItemKind.Urgent && c.CarriedOverFrom is not null)
        {
            throw new RuleViolated("item.urgent-carried-over", "An item carried over from a previous meeting is not urgent.");
        }

        if (s.Items.TryGetValue(c.Item, out var existing))
        {
            return (existing.Proposer, existing.Title, existing.Kind, existing.CarriedOverFrom) == (c.Partner, title, c.Kind, c.CarriedOverFrom)
                ? []
                : throw new RuleViolated("item.duplicate-id", $"Agenda item '{c.Item}' exists already.");
        }

        // R5: urgent items only until the limit, and always marked exceptional.
        var urgent = c.Kind == AgendaItemKind.Urgent;
        if (urgent && c.Now > s.Terms.UrgentItems.DueBefore(s.StartsAt))
        {
            throw new RuleViolated(
                "R5.urgent-too-late",
                $"Urgent items are taken until {s.Terms.UrgentItems} before the meeting (agreements version {s.Terms.AgreementsVersion}).");
        }

        // R3: a late ordinary item is recorded, not refused; the deadline list shows it as late.
        return [new AgendaItemProposed(c.Item, c.Partner, title, c.Kind, c.CarriedOverFrom, c.Now, urgent, s.Terms.AgreementsVersion)];
    }

    private static IReadOnlyList<MeetingEvent> Accept(AcceptAgendaItem c, State.Scheduled s)
    {
        NotClosed(s);
        return KnownItem(s, c.Item).Status switch
        {
            AgendaItemStatus.Proposed => [new AgendaItemAccepted(c.Item)],
            AgendaItemStatus.Accepted => [],
            var status => throw Settled(c.Item, status),
        };
    }

    private static IReadOnlyList<MeetingEvent> Defer(DeferAgendaItem c, State.Scheduled s)
    {
        NotClosed(s);
        var item = KnownItem(s, c.Item);
        if (item.Status == AgendaItemStatus.Deferred && item.DeferredTo == c.To)
        {
            return [];
        }

        if (item.Status is AgendaItemStatus.Deferred or AgendaItemStatus.Rejected)
        {
            throw Settled(c.Item, item.Status);
        }

        if (c.To == s.Id)
        {
            throw new RuleViolated("item.deferred-to-same-meeting", "An item is deferred to another meeting.");
        }

        return [new AgendaItemDeferred(c.Item, Required(c.Reason, "item.reason-required", "Deferring an item needs a reason."), c.To)];
    }

    private static IReadOnlyList<MeetingEvent> Reject(RejectAgendaItem c, State.Scheduled s)
    {
        NotClosed(s);
        var reason = Required(c.Reason, "item.reason-required", "Rejecting an item needs a reason.");
        return KnownItem(s, c.Item).Status switch
        {
            AgendaItemStatus.Proposed => [new AgendaItemRejected(c.Item, reason)],
            AgendaItemStatus.Rejected => [],

            // Once accepted, the partner counts on the item; the chair can still defer it, with a reason.
            AgendaItemStatus.Accepted => throw new RuleViolated("item.already-accepted", $"'{c.Item}' is on the agenda; defer it instead."),
            var status => throw Settled(c.Item, status),
        };
    }

    private static IReadOnlyList<MeetingEvent> Share(ShareDocument c, State.Scheduled s)
    {
        NotClosed(s);
        var title = Required(c.Title, "document.title-required", "A document needs a title.");
        if (!Enum.IsDefined(c.Purpose))
        {
            throw new RuleViolated("document.purpose-unknown", $"'{c.Purpose}' is not a purpose of a document.");
        }

        var storageKey = ValidFile(c.SizeBytes, c.StorageKey);
        OnTheAgenda(s, c.Item);
        if (s.Documents.TryGetValue(c.Document, out var existing))
        {
            return (existing.Item, existing.Partner, existing.Title, existing.Purpose, existing.Sha256, existing.SizeBytes, existing.StorageKey)
                == (c.Item, c.Partner, title, c.Purpose, c.Sha256, c.SizeBytes, storageKey)
                ? []
                : throw new RuleViolated("document.duplicate-id", $"Document '{c.Document}' exists already; replace it for a new version.");
        }

        // R2/R4: shared-at is the recorded time, so nobody can backdate their own compliance.
        return [new DocumentShared(c.Document, c.Item, c.Partner, title, c.Purpose, c.Sha256, c.SizeBytes, storageKey, c.Now)];
    }

    private static IReadOnlyList<MeetingEvent> Replace(ReplaceDocument c, State.Scheduled s)
    {
        NotClosed(s);
        var document = s.Documents.TryGetValue(c.Document, out var d)
            ? d
            : throw new RuleViolated("document.unknown", $"There is no document '{c.Document}'.");
        var storageKey = ValidFile(c.SizeBytes, c.StorageKey);
        var title = string.IsNullOrWhiteSpace(c.Title) ? document.Title : c.Title.Trim();
        OnTheAgenda(s, document.Item);
        if (document.Sha256 == c.Sha256 && document.Title == title)
        {
            return [];
        }

        var reason = Required(c.Reason, "document.reason-required", "A new version says why it replaces the old one.");

        // The lead time now counts from this version: it is the one that will be discussed.
        return [new DocumentReplaced(c.Document, document.Version + 1, title, c.Sha256, c.SizeBytes, storageKey, reason, c.Now)];
    }

    private static IReadOnlyList<MeetingEvent> Announce(AnnounceResidentsMeeting c, State.Scheduled s)
    {
        if (s.Kind != MeetingKind.ResidentsMeeting)
        {
            throw new RuleViolated("meeting.not-a-residents-meeting", "Only a residents' meeting is announced to all residents (R6).");
        }

        if (!Enum.IsDefined(c.Channel))
        {
            throw new RuleViolated("announcement.channel-unknown", $"'{c.Channel}' is not an announcement channel.");
        }

        NotYetOpened(s);

        // R6 counts the first announcement per channel.
        return s.Announcements.ContainsKey(c.Channel) ? [] : [new ResidentsMeetingAnnounced(c.Channel, c.Now)];
    }

    private static IReadOnlyList<MeetingEvent> Attend(RecordAttendance c, State.Scheduled s)
    {
        if (s.Phase == MeetingPhase.Planned)
        {
            throw new RuleViolated("meeting.not-open", "Attendance is recorded once the chair has opened the meeting.");
        }

        if (!Enum.IsDefined(c.Body))
        {
            throw new RuleViolated("attendance.body-unknown", $"'{c.Body}' is neither a residents' nor a professional body.");
        }

        if (s.Attendance.TryGetValue(c.Person, out var present))
        {
            return present == new Attendee(c.Partner, c.Body)
                ? []
                : throw new RuleViolated("attendance.other-partner", $"Person '{c.Person}' is present for '{present.Partner}'.");
        }

        // R15: each arrival records the table it makes, so the flag is on the record the moment it applies.
        var balance = s.Attendance.SetItem(c.Person, new Attendee(c.Partner, c.Body));
        return [new AttendanceRecorded(c.Person, c.Partner, c.Body, BalanceOf(balance, s.Terms), s.Terms.AgreementsVersion)];
    }

    private static IReadOnlyList<MeetingEvent> Withdraw(WithdrawAttendance c, State.Scheduled s)
    {
        if (!s.Attendance.TryGetValue(c.Person, out var present))
        {
            throw new RuleViolated("attendance.not-recorded", $"Person '{c.Person}' is not recorded as present.");
        }

        var reason = Required(c.Reason, "attendance.reason-required", "A correction of the attendance needs a reason.");
        return [new AttendanceWithdrawn(c.Person, present.Partner, reason, BalanceOf(s.Attendance.Remove(c.Person), s.Terms), s.Terms.AgreementsVersion)];
    }

    /// <summary>
    /// Issue 13: the partner someone was present for, corrected by the chair or the secretary with a reason. R15: the event carries
    /// the table after it, as an arrival and a withdrawal do, since a person moved from a residents' body to a professional one
    /// (or back) changes the balance. The same partner again decides nothing (a repeated form).
    /// </summary>
    private static IReadOnlyList<MeetingEvent> CorrectAttendance(CorrectAttendance c, State.Scheduled s)
    {
        var office = Corrections.By(c.CorrectedAs);
        if (!s.Attendance.TryGetValue(c.Person, out var present))
        {
            throw new RuleViolated("attendance.not-recorded", $"Person '{c.Person}' is not recorded as present.");
        }

        if (!Enum.IsDefined(c.Body))
        {
            throw new RuleViolated("attendance.body-unknown", $"'{c.Body}' is neither a residents' nor a professional body.");
        }

        if (c.Partner == present.Partner)
        {
            return [];
        }

        var reason = Corrections.Reason(c.Reason);
        var balance = BalanceOf(s.Attendance.SetItem(c.Person, new Attendee(c.Partner, c.Body)), s.Terms);
        return [new AttendanceCorrected(c.Person, present.Partner, present.Body, c.Partner, c.Body, c.CorrectedBy, office, reason, balance,
            s.Terms.AgreementsVersion, c.Now)];
    }

    private static IReadOnlyList<MeetingEvent> Open(OpenMeeting c, State.Scheduled s)
    {
        switch (s.Phase)
        {
            case MeetingPhase.Open:
                return [];
            case MeetingPhase.Closed:
                throw new RuleViolated("meeting.closed", "The meeting has been closed.");
        }

        // A meeting held before its day was in fact moved: reschedule it, so that its deadlines follow.
        if (c.Now < s.Start.Date.AtStartOfDayInZone(Zone).ToInstant())
        {
            throw new RuleViolated("meeting.too-early", $"The meeting is on {s.Start.Date:yyyy-MM-dd}; reschedule it to hold it earlier.");
        }

        return [new MeetingOpened(c.Now)];
    }

    private static IReadOnlyList<MeetingEvent> Close(CloseMeeting c, State.Scheduled s) => s.Phase switch
    {
        MeetingPhase.Open => [new MeetingClosed(c.Now)],
        MeetingPhase.Closed => [],
        _ => throw new RuleViolated("meeting.not-open", "The chair closes a meeting that is open."),
    };

    private static IReadOnlyList<MeetingEvent> PublishMinutes(PublishMinutes c, State.Scheduled s)
    {
        if (s.Phase != MeetingPhase.Closed)
        {
            throw new RuleViolated("meeting.not-closed", "Minutes follow the closed meeting.");
        }

        var storageKey = ValidFile(c.SizeBytes, c.StorageKey);
        if (s.Minutes is { } minutes)
        {
            if (minutes.Sha256 == c.Sha256)
            {
                return [];
            }

            var reason = Required(c.Reason, "minutes.reason-required", "A revision of the minutes says what it corrects.");
            return [new MinutesPublished(minutes.Version + 1, c.Sha256, c.SizeBytes, storageKey, reason, c.Now)];
        }

        return [new MinutesPublished(1, c.Sha256, c.SizeBytes, storageKey, string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim(), c.Now)];
    }

    private static IReadOnlyList<MeetingEvent> Extend(ExtendDeadline c, State.Scheduled s)
    {
        NotClosed(s);
        if (c.Rule is null || !MeetingDeadlines.ExtendableRules.Contains(c.Rule))
        {
            // R7 is lifted only by the residents' own waiver, never by moving its date; R3–R5 are met once their subject exists.
            throw new RuleViolated("R19.not-extendable", $"'{c.Rule}' has no deadline that can be extended; R1, R2 and R6 do.");
        }

        var subject = c.Subject ?? throw new RuleViolated("R19.deadline-unknown", "An extension names its subject.");
        if (s.Extensions.TryGetValue(new DeadlineKey(c.Rule, subject), out var granted)
            && (granted.NewDue, granted.Reason, granted.AgreedBy) == (c.NewDue, c.Reason?.Trim(), c.AgreedBy))
        {
            return [];
        }

        var reason = Required(c.Reason, "R19.reason-required", "An extension says why residents need more time.");
        var deadline = MeetingDeadlines.Of(s, c.Now).Checks.SingleOrDefault(d => d.Rule == c.Rule && d.Subject == subject)
            ?? throw new RuleViolated("R19.deadline-unknown", $"Meeting '{s.Id}' has no {c.Rule} deadline for {subject}.");

        if (deadline.DoneAt is not null)
        {
            throw new RuleViolated("R19.deadline-met", $"The {c.Rule} deadline for {subject} has been met already.");
        }

        // R19 moves the planning ahead of time; afterwards, a missed deadline stays missed.
        if (c.Now > deadline.DueAt)
        {
            throw new RuleViolated("R19.deadline-passed", $"The {c.Rule} deadline for {subject} has passed.");
        }

        if (c.NewDue <= deadline.DueAt)
        {
            throw new RuleViolated("R19.not-later", "An extension moves a deadline later.");
        }

        return [new DeadlineExtended(c.Rule, subject, deadline.DueAt, c.NewDue, reason, c.AgreedBy, s.Terms.AgreementsVersion)];
    }

    private static IReadOnlyList<MeetingEvent> Waive(WaiveInformationPeriod c, State.Scheduled s)
    {
        NotClosed(s);
        var item = OnTheAgenda(s, c.Item);
        if (item.Kind == AgendaItemKind.Information)
        {
            throw new RuleViolated("item.information-only", $"'{c.Item}' is for information only; nothing is decided on it.");
        }

        // R7: only the residents can give up the time the rule gives them.
        if (c.Body != PartnerBody.Residents)
        {
            throw new RuleViolated("R7.waiver-not-by-residents", $"Only a representative of a residents' body can waive; '{c.Partner}' is not one.");
        }

        if (s.ValidWaiverFor(c.Item) is not null)
        {
            return [];
        }

        var reason = Required(c.Reason, "R7.waiver-reason-required", "A waiver says why the residents let the chair proceed.");
        if (s.HadInformationInTime(c.Item))
        {
            throw new RuleViolated("R7.waiver-not-needed", $"Residents had the information on '{c.Item}' in time.");
        }

        return [new InformationPeriodWaived(c.Item, c.By, c.Partner, reason, c.Now, s.Terms.AgreementsVersion)];
    }

    private static IReadOnlyList<MeetingEvent> TakeUp(TakeUpAgendaItem c, State.Scheduled s)
    {
        switch (s.Phase)
        {
            case MeetingPhase.Planned:
                throw new RuleViolated("meeting.not-open", "Items are taken up at the open meeting.");
            case MeetingPhase.Closed:
                throw new RuleViolated("meeting.closed", "The meeting has been closed.");
        }

        var item = KnownItem(s, c.Item);
        if (item.TakenUp)
        {
            return [];
        }

        // Information is only heard, so R7 does not apply; it must still be on the agenda.
        if (item.Kind == AgendaItemKind.Information)
        {
            return item.Status switch
            {
                AgendaItemStatus.Accepted => [new AgendaItemTakenUp(c.Item, UnderWaiver: false, s.Terms.AgreementsVersion)],
                AgendaItemStatus.Proposed => throw new RuleViolated("item.not-accepted", $"The chair has not accepted '{c.Item}' on the agenda."),
                var status => throw Settled(c.Item, status),
            };
        }

        // R7: no discussion or decision without the information period, unless the residents waived it.
        var decidability = s.IsDecidable(c.Item);
        decidability.ThrowIfNotDecidable();
        return [new AgendaItemTakenUp(c.Item, decidability.UnderWaiver, s.Terms.AgreementsVersion)];
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

    private static (string Place, MeetingTerms Terms) ValidSlot(
        MeetingKind kind, LocalDateTime start, LocalDateTime end, string place, WorkingAgreements agreements)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new RuleViolated("meeting.kind-unknown", $"'{kind}' is not a kind of meeting.");
        }

        var trimmed = Required(place, "meeting.place-required", "A meeting needs a place.");
        if (end <= start)
        {
            throw new RuleViolated("meeting.ends-before-it-starts", "A meeting ends after it starts.");
        }

        // A civil time that DST skips or repeats names no single moment; lead times need one.
        if (Zone.MapLocal(start).Count != 1 || Zone.MapLocal(end).Count != 1)
        {
            throw new RuleViolated("meeting.time-ambiguous", "That time does not exist or happens twice in Europe/Amsterdam.");
        }

        if (agreements is null)
        {
            throw new RuleViolated("agreements.incomplete", "A meeting applies the working agreements in force.");
        }

        var violations = agreements.Violations();
        return violations.Count == 0
            ? (trimmed, MeetingTerms.From(agreements))
            : throw new RuleViolated(violations[0], $"The agreements cannot work: {string.Join(", ", violations)}.");
    }

    // R18: residents must not need a day off; only the meetings residents attend as such are judged.
    private static bool DuringOfficeHours(MeetingKind kind, LocalDateTime start, LocalDateTime end, MeetingTerms terms) =>
        kind is MeetingKind.AllianceMeeting or MeetingKind.ResidentsMeeting && terms.OfficeHours.Overlaps(start, end);

    private static TableBalance BalanceOf(ImmutableDictionary<PersonId, Attendee> attendance, MeetingTerms terms) =>
        TableBalance.Of(attendance.Values.Select(a => a.Body), terms.ProfessionalsMayNotOutnumberResidents);

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

    private static string ValidFile(long sizeBytes, string storageKey)
    {
        if (sizeBytes <= 0)
        {
            throw new RuleViolated("document.empty", "An empty file shares nothing.");
        }

        return Required(storageKey, "document.storage-key-required", "The host names where it stored the file.");
    }

    private static string Required(string? text, string code, string detail) =>
        string.IsNullOrWhiteSpace(text) ? throw new RuleViolated(code, detail) : text.Trim();
}
