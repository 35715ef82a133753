using System.Collections.Immutable;

namespace Governance.Domain.Meetings;

/// <summary>Who sits at the table: attendance, its corrections and the balance between residents and professionals (R15); opening and closing.</summary>
public static partial class Meeting
{
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

    private static TableBalance BalanceOf(ImmutableDictionary<PersonId, Attendee> attendance, MeetingTerms terms) =>
        TableBalance.Of(attendance.Values.Select(a => a.Body), terms.ProfessionalsMayNotOutnumberResidents);
}
