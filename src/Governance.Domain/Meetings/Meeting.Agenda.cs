namespace Governance.Domain.Meetings;

/// <summary>The agenda: the draft (R1), items proposed, accepted, deferred, rejected and taken up (R3, R7), and the waivers and extensions of its deadlines (R19).</summary>
public static partial class Meeting
{
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
}
