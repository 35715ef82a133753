using NodaTime;

namespace Governance.Domain.Commitments;

/// <summary>
/// A fact in a promise's stream. Closed: every event is in this file. Moments are repeated from the command's
/// Now (the recorded time) because a decider sees events, not envelopes.
/// </summary>
public abstract record CommitmentEvent
{
    private protected CommitmentEvent()
    {
    }
}

/// <summary>R10: a promise with its owner and due date. <paramref name="MadeAt"/> precedes the recording only for an oral promise.</summary>
[EventType("commitment.made", 1)]
public sealed record CommitmentMade(
    CommitmentId Commitment,
    PartnerId Owner,
    PersonId OwnerPerson,
    string What,
    LocalDate Due,
    CommitmentSource Source,
    Instant MadeAt,
    Instant RecordedAt) : CommitmentEvent;

[EventType("commitment.progress-reported", 1)]
public sealed record CommitmentProgressReported(string Note, Instant ReportedAt) : CommitmentEvent;

/// <summary>R19: the due date moved from <paramref name="PreviousDue"/> to <paramref name="NewDue"/>, with why and who agreed.</summary>
[EventType("commitment.due-date-renegotiated", 1)]
public sealed record CommitmentDueDateRenegotiated(
    LocalDate PreviousDue,
    LocalDate NewDue,
    string Reason,
    PersonId AgreedBy,
    Instant RenegotiatedAt) : CommitmentEvent;

/// <summary>Kept. <paramref name="OnTime"/>: fulfilled before the end of the due date in force then.</summary>
[EventType("commitment.fulfilled", 1)]
public sealed record CommitmentFulfilled(string Evidence, string? Link, Instant FulfilledAt, LocalDate Due, bool OnTime) : CommitmentEvent;

/// <summary>R10: reported back as not possible, with the motivation.</summary>
[EventType("commitment.reported-not-possible", 1)]
public sealed record CommitmentReportedNotPossible(string Motivation, Instant ReportedAt) : CommitmentEvent;

[EventType("commitment.withdrawn", 1)]
public sealed record CommitmentWithdrawn(string Reason, PersonId AgreedBy, Instant WithdrawnAt) : CommitmentEvent;

/// <summary>The end of <paramref name="Due"/> (<paramref name="DueAt"/>) passed without the promise being settled; recorded once per due date.</summary>
[EventType("commitment.became-overdue", 1)]
public sealed record CommitmentBecameOverdue(LocalDate Due, Instant DueAt, Instant RecordedAt) : CommitmentEvent;

/// <summary>
/// The promise was recorded in error and is corrected (issue 13): owner, person and due date as they should have been, with
/// the values they replace, who corrected it in which office, and why. The earlier events stay as they were recorded.
/// </summary>
[EventType("commitment.corrected", 1)]
public sealed record CommitmentCorrected(
    PartnerId PreviousOwner,
    PersonId PreviousOwnerPerson,
    LocalDate PreviousDue,
    PartnerId Owner,
    PersonId OwnerPerson,
    LocalDate Due,
    PersonId CorrectedBy,
    Alliances.Office CorrectedAs,
    string Reason,
    Instant CorrectedAt) : CommitmentEvent;
