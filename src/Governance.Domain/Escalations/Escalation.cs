using System.Collections.Immutable;
using System.Diagnostics;
using NodaTime;

namespace Governance.Domain.Escalations;

/// <summary>
/// The decider of one dispute's stream (R12): raised about a subject, it climbs the escalation ladder agreed in
/// advance, each step with a response time counted in Europe/Amsterdam civil days from the moment the step was
/// entered. The ladder is the one in force when the dispute was raised, kept on <see cref="EscalationRaised"/>.
/// </summary>
public static class Escalation
{
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    public static State Initial { get; } = new State.NotRaised();

    /// <summary>One stream per dispute, with id <see cref="EscalationId.StreamId"/> within the alliance's tenant.</summary>
    public static Decider<EscalationCommand, EscalationEvent, State> Decider { get; } = new(Decide, Evolve, Initial, "escalation");

    public abstract record State
    {
        private State()
        {
        }

        public sealed record NotRaised : State;

        /// <summary>
        /// A dispute at <see cref="Step"/>, answerable by <see cref="RespondBy"/>. <see cref="StepMissed"/>: the sweeper
        /// recorded this step's deadline as missed (only on the last step, where there is no step to move to).
        /// </summary>
        public sealed record Raised(
            EscalationId Id,
            EscalationSubject Subject,
            EscalationLadder Ladder,
            int Step,
            Instant EnteredAt,
            Instant RespondBy,
            bool StepMissed,
            bool Resolved) : State
        {
            public bool IsLastStep => Step >= Ladder.Steps.Length;
        }
    }

    public static IReadOnlyList<EscalationEvent> Decide(EscalationCommand command, State state)
    {
        ArgumentNullException.ThrowIfNull(command);
        return (command, state) switch
        {
            (RaiseEscalation c, State.NotRaised) => Raise(c),
            (RaiseEscalation c, State.Raised s) => c.Escalation == s.Id && c.Subject == s.Subject
                ? []
                : throw new RuleViolated("escalation.already-raised", $"Dispute '{s.Id}' exists already."),
            (RecordEscalationStepOverdue c, State.Raised s) => Overdue(c, s),
            (ReopenEscalation c, State.Raised s) => Reopen(c, s),
            (_, State.Raised { Resolved: true } s) => throw new RuleViolated("escalation.resolved", $"Dispute '{s.Id}' is resolved; reopen it first."),
            (_, State.Raised s) => command switch
            {
                RecordEscalationResponse c => [new EscalationResponseRecorded(s.Step, c.By, Required(c.Response, "escalation.response-required", "Say what the answer is."), c.Now)],
                GiveEscalationAdvice c => [new EscalationAdviceGiven(s.Step, c.By, Required(c.Advice, "escalation.advice-required", "Advice needs a text."), c.Solicited, c.Now)],
                MoveEscalationToNextStep c => MoveOnRequest(c, s),
                ResolveEscalation c => Resolve(c, s),
                _ => throw new UnreachableException($"No decision for {command.GetType().Name}."),
            },
            _ => throw new RuleViolated("escalation.not-raised", "There is no such dispute."),
        };
    }

    public static State Evolve(State state, EscalationEvent e) => (state, e) switch
    {
        (State.NotRaised, EscalationRaised r) => new State.Raised(r.Escalation, r.Subject, r.Ladder, 0, r.RaisedAt, r.RaisedAt, false, false),
        (State.Raised s, EscalationStepEntered x) => s with { Step = x.Step, EnteredAt = x.EnteredAt, RespondBy = x.RespondBy, StepMissed = false },
        (State.Raised s, EscalationStepDeadlineMissed) => s with { StepMissed = true },
        (State.Raised s, EscalationResolved) => s with { Resolved = true },
        (State.Raised s, EscalationReopened) => s with { Resolved = false },
        (State.Raised s, EscalationResponseRecorded or EscalationAdviceGiven or EscalationMovedToNextStep) => s,
        _ => throw new UnreachableException($"{e.GetType().Name} does not follow {state.GetType().Name}."),
    };

    /// <summary>R12: step <paramref name="step"/> entered at <paramref name="at"/>, answerable within its response time in Amsterdam civil days.</summary>
    public static EscalationStepEntered Enter(EscalationLadder ladder, int step, Instant at)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        var agreed = ladder.Step(step);
        return new EscalationStepEntered(step, agreed.Description, agreed.ResponseTime, at, agreed.ResponseTime.DueAfter(at.InZone(Zone)));
    }

    private static IReadOnlyList<EscalationEvent> Raise(RaiseEscalation c)
    {
        if (c.Subject is null || !Enum.IsDefined(c.Subject.Kind))
        {
            throw new RuleViolated("escalation.subject-unknown", "Say what the dispute is about.");
        }

        var reference = string.IsNullOrWhiteSpace(c.Subject.Reference) ? null : c.Subject.Reference.Trim();
        if (reference is null && c.Subject.Kind != EscalationSubjectKind.Conduct)
        {
            throw new RuleViolated("escalation.reference-required", "Name the promise, advice or decision the dispute is about.");
        }

        var reason = Required(c.Reason, "escalation.reason-required", "Say why the dispute is raised.");

        // R12: the ladder is agreed in advance; without steps there is nothing to climb.
        if (c.Ladder is null || c.Ladder.Steps.IsEmpty || c.Ladder.Steps.Any(s => s is null || s.ResponseTime is null))
        {
            throw new RuleViolated("R12.escalation-ladder-empty", "The working agreements have no escalation ladder to climb.");
        }

        return
        [
            new EscalationRaised(c.Escalation, c.RaisedBy, new EscalationSubject(c.Subject.Kind, reference), reason, c.Ladder, c.AgreementsVersion, c.Now),
            Enter(c.Ladder, 1, c.Now),
        ];
    }

    private static IReadOnlyList<EscalationEvent> MoveOnRequest(MoveEscalationToNextStep c, State.Raised s)
    {
        if (s.IsLastStep)
        {
            throw new RuleViolated("R12.no-further-step", $"Step {s.Step} is the last step of the ladder.");
        }

        var reason = Required(c.Reason, "escalation.reason-required", "Say why the dispute moves up.");
        return [new EscalationMovedToNextStep(s.Step, s.Step + 1, c.RequestedBy, reason, DeadlinePassed: false, c.Now), Enter(s.Ladder, s.Step + 1, c.Now)];
    }

    /// <summary>
    /// R12: every step whose deadline passed unresolved is recorded as missed once, and the dispute moves up. The next
    /// step counts from the missed deadline, not from when the sweeper ran, so the outcome does not depend on when (or
    /// on how many nodes) the sweeper runs; a sweeper that was down catches up through every step that passed since.
    /// On the last step the miss is recorded once and the dispute stays there.
    /// </summary>
    private static IReadOnlyList<EscalationEvent> Overdue(RecordEscalationStepOverdue c, State.Raised s)
    {
        if (s.Resolved || s.StepMissed)
        {
            return [];
        }

        var events = new List<EscalationEvent>();
        var (step, respondBy) = (s.Step, s.RespondBy);
        while (c.Now >= respondBy)
        {
            events.Add(new EscalationStepDeadlineMissed(step, respondBy, c.Now));
            if (step >= s.Ladder.Steps.Length)
            {
                break;
            }

            var entered = Enter(s.Ladder, step + 1, respondBy);
            events.Add(new EscalationMovedToNextStep(step, step + 1, null, "The response time passed without a resolution.", DeadlinePassed: true, c.Now));
            events.Add(entered);
            (step, respondBy) = (entered.Step, entered.RespondBy);
        }

        return [.. events];
    }

    private static IReadOnlyList<EscalationEvent> Resolve(ResolveEscalation c, State.Raised s)
    {
        var outcome = Required(c.Outcome, "escalation.outcome-required", "Say how the dispute was settled.");
        var settles = (c.Settles ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return [new EscalationResolved(s.Step, outcome, settles, c.Now)];
    }

    private static IReadOnlyList<EscalationEvent> Reopen(ReopenEscalation c, State.Raised s)
    {
        if (!s.Resolved)
        {
            throw new RuleViolated("escalation.not-resolved", $"Dispute '{s.Id}' is still open.");
        }

        var reason = Required(c.Reason, "escalation.reason-required", "Say why the dispute is reopened.");
        return [new EscalationReopened(s.Step, c.By, reason, c.Now), Enter(s.Ladder, s.Step, c.Now)];
    }

    private static string Required(string? text, string code, string detail) =>
        string.IsNullOrWhiteSpace(text) ? throw new RuleViolated(code, detail) : text.Trim();
}
