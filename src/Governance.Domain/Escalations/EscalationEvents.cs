using NodaTime;

namespace Governance.Domain.Escalations;

/// <summary>A fact in a dispute's stream. Closed: every event is in this file.</summary>
public abstract record EscalationEvent
{
    private protected EscalationEvent()
    {
    }
}

/// <summary>R12: raised, with the ladder of agreements version <paramref name="AgreementsVersion"/> as it stood then.</summary>
[EventType("escalation.raised", 1)]
public sealed record EscalationRaised(
    EscalationId Escalation,
    PersonId RaisedBy,
    EscalationSubject Subject,
    string Reason,
    EscalationLadder Ladder,
    int AgreementsVersion,
    Instant RaisedAt) : EscalationEvent;

/// <summary>R12: the dispute is at step <paramref name="Step"/> (counting from 1); an answer is due by <paramref name="RespondBy"/>.</summary>
[EventType("escalation.step-entered", 1)]
public sealed record EscalationStepEntered(int Step, string Description, LeadTime ResponseTime, Instant EnteredAt, Instant RespondBy) : EscalationEvent;

[EventType("escalation.response-recorded", 1)]
public sealed record EscalationResponseRecorded(int Step, PersonId By, string Response, Instant RespondedAt) : EscalationEvent;

/// <summary>R12: the escalation contact's advice, solicited or not.</summary>
[EventType("escalation.advice-given", 1)]
public sealed record EscalationAdviceGiven(int Step, PersonId By, string Advice, bool Solicited, Instant GivenAt) : EscalationEvent;

/// <summary>R12: step <paramref name="Step"/>'s deadline passed unresolved; recorded once per step entered.</summary>
[EventType("escalation.step-deadline-missed", 1)]
public sealed record EscalationStepDeadlineMissed(int Step, Instant RespondBy, Instant RecordedAt) : EscalationEvent;

/// <summary>
/// Up from <paramref name="FromStep"/> to <paramref name="ToStep"/>: on request of <paramref name="RequestedBy"/>, or
/// because the deadline passed (<paramref name="DeadlinePassed"/>, no one requested it).
/// </summary>
[EventType("escalation.moved-to-next-step", 1)]
public sealed record EscalationMovedToNextStep(
    int FromStep,
    int ToStep,
    PersonId? RequestedBy,
    string Reason,
    bool DeadlinePassed,
    Instant MovedAt) : EscalationEvent;

/// <summary>Settled at <paramref name="Step"/>; <paramref name="Settles"/> are the ids of the promises, advice or decisions it settled.</summary>
[EventType("escalation.resolved", 1)]
public sealed record EscalationResolved(int Step, string Outcome, IReadOnlyList<string> Settles, Instant ResolvedAt) : EscalationEvent
{
    public IReadOnlyList<string> Settles { get; init; } = Settles ?? [];

    // A list compares by reference; two resolutions that settle the same things are the same.
    public bool Equals(EscalationResolved? other) =>
        other is not null
        && (Step, Outcome, ResolvedAt) == (other.Step, other.Outcome, other.ResolvedAt)
        && Settles.SequenceEqual(other.Settles, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Step, Outcome, ResolvedAt, Settles.Count);
}

/// <summary>Reopened at the step where it was resolved; an <see cref="EscalationStepEntered"/> with a new deadline follows.</summary>
[EventType("escalation.reopened", 1)]
public sealed record EscalationReopened(int Step, PersonId By, string Reason, Instant ReopenedAt) : EscalationEvent;
