using NodaTime;

namespace Governance.Domain.Commitments;

/// <summary>
/// What someone asks of a promise's stream. Closed: every command is in this file. <see cref="Now"/> is the
/// recorded time. Who may ask (the owner's representative, the chair or secretary at the table) is the host's
/// authorisation, and so is that the owner partner is a member of the alliance.
/// </summary>
public abstract record CommitmentCommand
{
    private protected CommitmentCommand(Instant now) => Now = now;

    /// <summary>When the host received the command; the domain never reads a clock.</summary>
    public Instant Now { get; init; }
}

/// <summary>
/// R10: <paramref name="Owner"/> (through <paramref name="OwnerPerson"/>) promises <paramref name="What"/> by the end of
/// <paramref name="Due"/> (a Europe/Amsterdam calendar day). <paramref name="OccurredAt"/> is when an oral promise was
/// made, if earlier than its recording; other promises are made when they are recorded.
/// </summary>
public sealed record MakeCommitment(
    CommitmentId Commitment,
    PartnerId Owner,
    PersonId OwnerPerson,
    string What,
    LocalDate Due,
    CommitmentSource Source,
    Instant? OccurredAt,
    Instant Now) : CommitmentCommand(Now);

public sealed record ReportCommitmentProgress(string Note, Instant Now) : CommitmentCommand(Now);

/// <summary>R19: the due date moves only on the record, with a reason and who agreed.</summary>
public sealed record RenegotiateDueDate(LocalDate NewDue, string Reason, PersonId AgreedBy, Instant Now) : CommitmentCommand(Now);

/// <summary>The promise is kept; on time or late follows from the due date and <see cref="CommitmentCommand.Now"/>.</summary>
public sealed record FulfilCommitment(string Evidence, string? Link, Instant Now) : CommitmentCommand(Now);

/// <summary>R10: a promise that cannot be kept is reported back, with a motivation.</summary>
public sealed record ReportCommitmentNotPossible(string Motivation, Instant Now) : CommitmentCommand(Now);

/// <summary>The promise is taken back by agreement: <paramref name="AgreedBy"/> is who agreed on behalf of the others.</summary>
public sealed record WithdrawCommitment(string Reason, PersonId AgreedBy, Instant Now) : CommitmentCommand(Now);

/// <summary>
/// A promise recorded in error is corrected (issue 13): the owner partner, the person who promised, or the due date, as
/// they should have been recorded. Not R19: a new date agreed later is <see cref="RenegotiateDueDate"/>. Sent by the chair or
/// the secretary (<paramref name="CorrectedAs"/>, the office the host found), with a reason; the original stays on record.
/// </summary>
public sealed record CorrectCommitment(
    PartnerId Owner,
    PersonId OwnerPerson,
    LocalDate Due,
    PersonId CorrectedBy,
    Alliances.Office? CorrectedAs,
    string Reason,
    Instant Now) : CommitmentCommand(Now);

/// <summary>
/// The sweeper's command: records <see cref="CommitmentBecameOverdue"/> once when the due moment has passed
/// unfulfilled, and decides nothing otherwise, so it is safe to send again and again.
/// </summary>
public sealed record RecordCommitmentOverdue(Instant Now) : CommitmentCommand(Now);
