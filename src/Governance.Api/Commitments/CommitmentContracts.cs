using Governance.Api.Http;
using Governance.Domain.Commitments;
using NodaTime;

namespace Governance.Api.Commitments;

// Requests: strings and nullables, so a missing or malformed field is a 400 with the field's name (the validators).
// A due date is a Europe/Amsterdam calendar day, "2026-06-01"; the promise is late from 00:00 the next day.

/// <summary>Where a promise was made: <c>meeting-item</c> (meeting, item), <c>decision</c> or <c>advice</c> (reference), <c>oral</c> (occasion, witnesses).</summary>
public sealed record CommitmentSourceRequest(string? Kind, string? Meeting, string? Item, string? Reference, string? Occasion, IReadOnlyList<string>? Witnesses);

/// <summary>R10. <see cref="OwnerPerson"/> defaults to the signed-in person; <see cref="OccurredAt"/> only for an oral promise made earlier.</summary>
public sealed record MakeCommitmentRequest(
    string? Id, string? Owner, string? OwnerPerson, string? What, string? Due, CommitmentSourceRequest? Source, DateTimeOffset? OccurredAt);

public sealed record CommitmentProgressRequest(string? Note);

/// <summary>R19: <see cref="AgreedBy"/> defaults to the signed-in person.</summary>
public sealed record RenegotiateDueDateRequest(string? NewDue, string? Reason, string? AgreedBy);

public sealed record FulfilCommitmentRequest(string? Evidence, string? Link);

public sealed record CommitmentNotPossibleRequest(string? Motivation);

public sealed record WithdrawCommitmentRequest(string? Reason, string? AgreedBy);

/// <summary>
/// A promise recorded in error (issue 13): the owner partner, the person who promised (a representative of that partner) and the
/// due date as they should have been; a field left out stays as recorded. The reason is required.
/// </summary>
public sealed record CorrectCommitmentRequest(string? Owner, string? OwnerPerson, string? Due, string? Reason);

// Responses. Every read says which moment it is as of (null: now) and which tenant position it reflects.

/// <summary>One event of a stream as a history shows it; <see cref="Data"/> is the event as stored.</summary>
public sealed record HistoryEntryResponse(
    string Stream, long StreamVersion, long TenantPosition, string Type, Instant RecordedAt, Instant? OccurredAt, string? Actor, string? Role, object Data);

public sealed record CommitmentSourceResponse(CommitmentSourceKind Kind, string? Meeting, string? Item, string? Reference, string? Occasion, IReadOnlyList<string> Witnesses);

public sealed record CommitmentResponse(
    string Id,
    string Owner,
    string OwnerPerson,
    string What,
    LocalDate Due,
    Instant DueAt,
    CommitmentStatus Status,
    int? DaysLate,
    CommitmentSourceResponse Source,
    Instant MadeAt,
    Instant? SettledAt,
    long Version,
    IReadOnlyList<HistoryEntryResponse> History);

public sealed record CommitmentReadResponse(DateTimeOffset? AsOf, long TenantPosition, CommitmentResponse Commitment);

/// <summary>One page of promises (<see cref="Page"/>: its number, size, the total and links to the neighbours).</summary>
public sealed record CommitmentListResponse(DateTimeOffset? AsOf, long TenantPosition, IReadOnlyList<CommitmentResponse> Commitments, PageLinks Page);

/// <summary>
/// R10: a partner's promises: counts per status, keep rate (kept on time / due, null when none is due), median days late, all
/// over every promise of the partner; <see cref="Commitments"/> is one page of them (<see cref="Page"/>).
/// </summary>
public sealed record PromisesResponse(
    DateTimeOffset? AsOf,
    long TenantPosition,
    string Partner,
    IReadOnlyDictionary<string, int> Counts,
    int KeptOnTime,
    int Due,
    double? KeepRate,
    double? MedianDaysLate,
    IReadOnlyList<CommitmentResponse> Commitments,
    PageLinks Page);
