using NodaTime;

namespace Governance.Domain.Escalations;

/// <summary>What a dispute is about (R12).</summary>
public enum EscalationSubjectKind
{
    /// <summary>A promise whose due date passed: <see cref="EscalationSubject.Reference"/> is the commitment id.</summary>
    OverdueCommitment,

    /// <summary>R9: an advice set aside without a motivation: the reference is the advice's (or its proposal's) id.</summary>
    AdviceWithoutMotivation,

    /// <summary>A decision that was not carried out: the reference is the proposal's id.</summary>
    DecisionNotExecuted,

    /// <summary>How someone behaved; a reference is optional.</summary>
    Conduct,
}

/// <summary>The subject of a dispute; <paramref name="Reference"/> is another stream's id as a string.</summary>
public sealed record EscalationSubject(EscalationSubjectKind Kind, string? Reference);

/// <summary>
/// What someone asks of a dispute's stream. Closed: every command is in this file. <see cref="Now"/> is the recorded
/// time. Who may ask is the host's authorisation (core group and representatives raise; the escalation contact advises);
/// the domain records the person.
/// </summary>
public abstract record EscalationCommand
{
    private protected EscalationCommand(Instant now) => Now = now;

    public Instant Now { get; init; }
}

/// <summary>
/// R12: <paramref name="RaisedBy"/> takes a dispute up the <paramref name="Ladder"/> of the working agreements in force
/// (version <paramref name="AgreementsVersion"/>), which the dispute keeps: a later amendment does not change its steps.
/// </summary>
public sealed record RaiseEscalation(
    EscalationId Escalation,
    PersonId RaisedBy,
    EscalationSubject Subject,
    string Reason,
    EscalationLadder Ladder,
    int AgreementsVersion,
    Instant Now) : EscalationCommand(Now);

/// <summary>The party addressed at the current step answers.</summary>
public sealed record RecordEscalationResponse(PersonId By, string Response, Instant Now) : EscalationCommand(Now);

/// <summary>R12: the programme's escalation contact advises, asked for it (<paramref name="Solicited"/>) or not.</summary>
public sealed record GiveEscalationAdvice(PersonId By, string Advice, bool Solicited, Instant Now) : EscalationCommand(Now);

/// <summary>R12: up one step on request, before the deadline passes.</summary>
public sealed record MoveEscalationToNextStep(PersonId RequestedBy, string Reason, Instant Now) : EscalationCommand(Now);

/// <summary>
/// The sweeper's command: when the current step's deadline passed unresolved, records the miss once and moves the
/// dispute up (R12); decides nothing otherwise, so it is safe to send again and again.
/// </summary>
public sealed record RecordEscalationStepOverdue(Instant Now) : EscalationCommand(Now);

/// <summary>The dispute is settled: the outcome, and the ids of the promises, advice or decisions it settled.</summary>
public sealed record ResolveEscalation(string Outcome, IReadOnlyList<string> Settles, Instant Now) : EscalationCommand(Now);

/// <summary>A settled dispute flares up again: it resumes at the step where it was resolved, with a new deadline.</summary>
public sealed record ReopenEscalation(PersonId By, string Reason, Instant Now) : EscalationCommand(Now);
