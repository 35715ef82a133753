using System.Diagnostics;
using NodaTime;

namespace Governance.Domain.Commitments;

/// <summary>What became of a promise; see <see cref="Commitment.State.Made.Status"/>.</summary>
public enum CommitmentStatus
{
    /// <summary>Not settled, and the due date has not passed (or it was renegotiated to a later date).</summary>
    Open,

    /// <summary>Not settled, and the end of the due date passed.</summary>
    Overdue,

    /// <summary>Kept by the end of the due date in force then.</summary>
    Fulfilled,

    /// <summary>Kept after the end of the due date.</summary>
    FulfilledLate,

    /// <summary>R10: reported back as not possible, with a motivation.</summary>
    CannotBeMet,

    /// <summary>Taken back by agreement.</summary>
    Withdrawn,
}

/// <summary>
/// The decider of one promise's stream (R10, R19). A promise is due by the end of a Europe/Amsterdam calendar day:
/// the due moment is 00:00 of the next day (<see cref="DueAt"/>). A date, not a time, because promises are made for
/// a day ("before the summer holiday", "by 1 June") and a time of day would be invented precision.
/// </summary>
public static class Commitment
{
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    public static State Initial { get; } = new State.NotMade();

    /// <summary>One stream per promise, with id <see cref="CommitmentId.StreamId"/> within the alliance's tenant.</summary>
    public static Decider<CommitmentCommand, CommitmentEvent, State> Decider { get; } = new(Decide, Evolve, Initial, "commitment");

    /// <summary>The moment a promise due on <paramref name="due"/> becomes late: the start of the next day in Amsterdam.</summary>
    public static Instant DueAt(LocalDate due) => due.PlusDays(1).AtStartOfDayInZone(Zone).ToInstant();

    public abstract record State
    {
        private State()
        {
        }

        public sealed record NotMade : State;

        /// <summary>
        /// A promise. <see cref="Settlement"/> is null while open; <see cref="OverdueRecordedFor"/> is the due date for
        /// which the sweeper recorded the promise overdue, so that it does so once per due date.
        /// </summary>
        public sealed record Made(
            CommitmentId Id,
            PartnerId Owner,
            PersonId OwnerPerson,
            string What,
            LocalDate Due,
            CommitmentSource Source,
            Instant MadeAt,
            LocalDate? OverdueRecordedFor,
            CommitmentStatus? Settlement,
            Instant? SettledAt) : State
        {
            public Instant DueAt => Commitment.DueAt(Due);

            public bool IsSettled => Settlement is not null;

            /// <summary>
            /// The status as recorded: a pure function of the events. Overdue once the sweeper recorded it for the due
            /// date in force; renegotiating an overdue promise to a later date makes it open again, because the
            /// promise now stands for that date (the overdue event stays on record).
            /// </summary>
            public CommitmentStatus Status => Settlement ?? (OverdueRecordedFor == Due ? CommitmentStatus.Overdue : CommitmentStatus.Open);

            /// <summary>The status at <paramref name="now"/>: as recorded, but overdue as soon as the due moment passed, sweeper or not.</summary>
            public CommitmentStatus StatusAt(Instant now) =>
                Status == CommitmentStatus.Open && now >= DueAt ? CommitmentStatus.Overdue : Status;
        }
    }

    public static IReadOnlyList<CommitmentEvent> Decide(CommitmentCommand command, State state)
    {
        ArgumentNullException.ThrowIfNull(command);
        return (command, state) switch
        {
            (MakeCommitment c, State.NotMade) => Make(c),
            (MakeCommitment c, State.Made s) => MakeAgain(c, s),
            (_, State.Made s) => command switch
            {
                ReportCommitmentProgress c => Progress(c, s),
                RenegotiateDueDate c => Renegotiate(c, s),
                FulfilCommitment c => Fulfil(c, s),
                ReportCommitmentNotPossible c => NotPossible(c, s),
                WithdrawCommitment c => Withdraw(c, s),
                RecordCommitmentOverdue c => Overdue(c, s),
                CorrectCommitment c => Correct(c, s),
                _ => throw new UnreachableException($"No decision for {command.GetType().Name}."),
            },
            _ => throw new RuleViolated("commitment.not-made", "There is no such promise."),
        };
    }

    public static State Evolve(State state, CommitmentEvent e) => (state, e) switch
    {
        (State.NotMade, CommitmentMade m) => new State.Made(m.Commitment, m.Owner, m.OwnerPerson, m.What, m.Due, m.Source, m.MadeAt, null, null, null),
        (State.Made s, CommitmentProgressReported) => s,
        (State.Made s, CommitmentDueDateRenegotiated r) => s with { Due = r.NewDue },
        (State.Made s, CommitmentFulfilled f) => s with { Settlement = f.OnTime ? CommitmentStatus.Fulfilled : CommitmentStatus.FulfilledLate, SettledAt = f.FulfilledAt },
        (State.Made s, CommitmentReportedNotPossible r) => s with { Settlement = CommitmentStatus.CannotBeMet, SettledAt = r.ReportedAt },
        (State.Made s, CommitmentWithdrawn w) => s with { Settlement = CommitmentStatus.Withdrawn, SettledAt = w.WithdrawnAt },
        (State.Made s, CommitmentBecameOverdue o) => s with { OverdueRecordedFor = o.Due },
        (State.Made s, CommitmentCorrected c) => s with { Owner = c.Owner, OwnerPerson = c.OwnerPerson, Due = c.Due },
        _ => throw new UnreachableException($"{e.GetType().Name} does not follow {state.GetType().Name}."),
    };

    private static IReadOnlyList<CommitmentEvent> Make(MakeCommitment c)
    {
        var what = Required(c.What, "commitment.what-required", "A promise says what is promised.");
        var source = ValidSource(c.Source);

        // R10: an oral promise may be recorded after it was made; anything else is made when it is recorded,
        // so nobody can backdate a promise to make it look kept on time.
        var madeAt = c.OccurredAt ?? c.Now;
        if (c.OccurredAt is { } occurred && source.Kind != CommitmentSourceKind.Oral && occurred != c.Now)
        {
            throw new RuleViolated("commitment.backdated", "Only an oral promise may be recorded after it was made.");
        }

        if (madeAt > c.Now)
        {
            throw new RuleViolated("commitment.made-in-future", "A promise is recorded after it was made, not before.");
        }

        if (DueAt(c.Due) <= madeAt)
        {
            throw new RuleViolated("R10.due-before-made", $"A promise made on {madeAt.InZone(Zone).Date:yyyy-MM-dd} cannot be due on {c.Due:yyyy-MM-dd}.");
        }

        return [new CommitmentMade(c.Commitment, c.Owner, c.OwnerPerson, what, c.Due, source, madeAt, c.Now)];
    }

    private static IReadOnlyList<CommitmentEvent> MakeAgain(MakeCommitment c, State.Made s) =>
        (c.Commitment, c.Owner, c.OwnerPerson, c.What?.Trim(), c.Due, ValidSource(c.Source)) == (s.Id, s.Owner, s.OwnerPerson, s.What, s.Due, s.Source)
            ? []
            : throw new RuleViolated("commitment.already-made", $"Promise '{s.Id}' exists already.");

    private static IReadOnlyList<CommitmentEvent> Progress(ReportCommitmentProgress c, State.Made s)
    {
        NotSettled(s);
        return [new CommitmentProgressReported(Required(c.Note, "commitment.note-required", "A progress report says what happened."), c.Now)];
    }

    private static IReadOnlyList<CommitmentEvent> Renegotiate(RenegotiateDueDate c, State.Made s)
    {
        NotSettled(s);
        if (c.NewDue == s.Due)
        {
            return [];
        }

        // R19: never silent: the reason and who agreed are on the record, and the old date stays on it.
        var reason = Required(c.Reason, "R19.reason-required", "A new due date needs a reason.");
        if (DueAt(c.NewDue) <= c.Now)
        {
            throw new RuleViolated("commitment.due-passed", $"{c.NewDue:yyyy-MM-dd} has passed already; agree on a date still ahead.");
        }

        return [new CommitmentDueDateRenegotiated(s.Due, c.NewDue, reason, c.AgreedBy, c.Now)];
    }

    private static IReadOnlyList<CommitmentEvent> Fulfil(FulfilCommitment c, State.Made s)
    {
        if (s.Settlement is CommitmentStatus.Fulfilled or CommitmentStatus.FulfilledLate)
        {
            return [];
        }

        NotSettled(s);
        var evidence = Required(c.Evidence, "commitment.evidence-required", "Say how the promise was kept (a text or a link).");
        var link = string.IsNullOrWhiteSpace(c.Link) ? null : c.Link.Trim();
        return [new CommitmentFulfilled(evidence, link, c.Now, s.Due, OnTime: c.Now < s.DueAt)];
    }

    private static IReadOnlyList<CommitmentEvent> NotPossible(ReportCommitmentNotPossible c, State.Made s)
    {
        if (s.Settlement == CommitmentStatus.CannotBeMet)
        {
            return [];
        }

        NotSettled(s);
        return [new CommitmentReportedNotPossible(Required(c.Motivation, "R10.motivation-required", "A promise that cannot be kept is reported back with a motivation."), c.Now)];
    }

    private static IReadOnlyList<CommitmentEvent> Withdraw(WithdrawCommitment c, State.Made s)
    {
        if (s.Settlement == CommitmentStatus.Withdrawn)
        {
            return [];
        }

        NotSettled(s);
        return [new CommitmentWithdrawn(Required(c.Reason, "commitment.reason-required", "Withdrawing a promise needs a reason."), c.AgreedBy, c.Now)];
    }

    /// <summary>
    /// Issue 13: a correction by the chair or the secretary, with a reason. The same values again decide nothing (a repeated
    /// form). A settled promise keeps its due date, since whether it was kept on time was judged against it.
    /// </summary>
    private static IReadOnlyList<CommitmentEvent> Correct(CorrectCommitment c, State.Made s)
    {
        var office = Corrections.By(c.CorrectedAs);
        if ((c.Owner, c.OwnerPerson, c.Due) == (s.Owner, s.OwnerPerson, s.Due))
        {
            return [];
        }

        var reason = Corrections.Reason(c.Reason);
        if (c.Due != s.Due)
        {
            NotSettled(s);
            if (DueAt(c.Due) <= s.MadeAt)
            {
                throw new RuleViolated("R10.due-before-made", $"A promise made on {s.MadeAt.InZone(Zone).Date:yyyy-MM-dd} cannot be due on {c.Due:yyyy-MM-dd}.");
            }
        }

        return [new CommitmentCorrected(s.Owner, s.OwnerPerson, s.Due, c.Owner, c.OwnerPerson, c.Due, c.CorrectedBy, office, reason, c.Now)];
    }

    // Not a refusal when there is nothing to record: the sweeper sends this for every open promise, again and again.
    private static IReadOnlyList<CommitmentEvent> Overdue(RecordCommitmentOverdue c, State.Made s) =>
        !s.IsSettled && s.OverdueRecordedFor != s.Due && c.Now >= s.DueAt
            ? [new CommitmentBecameOverdue(s.Due, s.DueAt, c.Now)]
            : [];

    private static CommitmentSource ValidSource(CommitmentSource? source)
    {
        if (source is null || !Enum.IsDefined(source.Kind))
        {
            throw new RuleViolated("commitment.source-unknown", "Say where the promise was made: a meeting item, a decision, an advice or orally.");
        }

        var complete = source.Kind switch
        {
            CommitmentSourceKind.MeetingItem => source.Meeting is not null && source.Item is not null,
            CommitmentSourceKind.Decision or CommitmentSourceKind.Advice => !string.IsNullOrWhiteSpace(source.Reference),
            _ => !string.IsNullOrWhiteSpace(source.Occasion) && source.Witnesses.Count > 0,
        };
        if (!complete)
        {
            throw new RuleViolated("commitment.source-incomplete", source.Kind switch
            {
                CommitmentSourceKind.MeetingItem => "A promise made at the table names the meeting and the agenda item.",
                CommitmentSourceKind.Oral => "An oral promise names the occasion and at least one witness.",
                _ => "A promise from a decision or an advice names its id.",
            });
        }

        // Only the fields of its kind, trimmed, so two recordings of the same promise compare equal.
        return source.Kind switch
        {
            CommitmentSourceKind.MeetingItem => CommitmentSource.AtMeeting(source.Meeting!.Value, source.Item!.Value),
            CommitmentSourceKind.Decision => CommitmentSource.InDecision(source.Reference!.Trim()),
            CommitmentSourceKind.Advice => CommitmentSource.InAdvice(source.Reference!.Trim()),
            _ => CommitmentSource.Orally(source.Occasion!.Trim(), [.. source.Witnesses.Distinct()]),
        };
    }

    private static void NotSettled(State.Made s)
    {
        if (s.Settlement is { } settled)
        {
            throw new RuleViolated("commitment.settled", $"Promise '{s.Id}' is settled already ({settled}).");
        }
    }

    private static string Required(string? text, string code, string detail) =>
        string.IsNullOrWhiteSpace(text) ? throw new RuleViolated(code, detail) : text.Trim();
}
