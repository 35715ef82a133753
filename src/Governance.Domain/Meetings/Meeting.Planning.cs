using NodaTime;

namespace Governance.Domain.Meetings;

/// <summary>The meeting in the year planning: scheduled, moved, cancelled (R17, R18), and its missed deadlines recorded.</summary>
public static partial class Meeting
{
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
}
