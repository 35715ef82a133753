using Governance.Api.Commitments;
using Governance.Api.Http;
using Governance.Domain.Escalations;
using NodaTime;

namespace Governance.Api.Escalations;

/// <summary>R12: <see cref="Kind"/> is <c>overdue-commitment</c>, <c>advice-without-motivation</c>, <c>decision-not-executed</c> or <c>conduct</c>.</summary>
public sealed record EscalationSubjectRequest(string? Kind, string? Reference);

public sealed record RaiseEscalationRequest(string? Id, EscalationSubjectRequest? Subject, string? Reason);

public sealed record EscalationResponseRequest(string? Response);

public sealed record EscalationAdviceRequest(string? Advice, bool? Solicited);

public sealed record EscalationReasonRequest(string? Reason);

public sealed record ResolveEscalationRequest(string? Outcome, IReadOnlyList<string>? Settles);

public sealed record MissedStepResponse(int Step, string Description, Instant RespondBy);

/// <summary>A dispute at a glance: current step, age, next deadline, and who missed what.</summary>
public sealed record EscalationSummary(
    string Alliance,
    string Id,
    EscalationSubjectKind Subject,
    string? Reference,
    string Reason,
    string RaisedBy,
    Instant RaisedAt,
    int AgeDays,
    int Step,
    int Steps,
    string StepDescription,
    Instant? NextDeadline,
    bool Resolved,
    IReadOnlyList<MissedStepResponse> Missed);

/// <summary>A proposal (decision or advice) a dispute refers to, with every event of its stream.</summary>
public sealed record ReferencedProposalResponse(string Id, IReadOnlyList<HistoryEntryResponse> History);

/// <summary>
/// A dispute's whole timeline and, inline, every event of the promises and proposals (decisions, advice) it refers to,
/// as of <see cref="AsOf"/>.
/// </summary>
public sealed record EscalationDetailResponse(
    DateTimeOffset? AsOf,
    long TenantPosition,
    EscalationSummary Escalation,
    int AgreementsVersion,
    IReadOnlyList<HistoryEntryResponse> Timeline,
    IReadOnlyList<CommitmentResponse> Commitments,
    IReadOnlyList<ReferencedProposalResponse> Proposals);

/// <summary>One page of disputes (<see cref="Page"/>: its number, size, the total and links to the neighbours).</summary>
public sealed record EscalationListResponse(DateTimeOffset? AsOf, long TenantPosition, IReadOnlyList<EscalationSummary> Escalations, PageLinks Page);

/// <summary>One assigned alliance in the escalation contact's overview, with the position its part reflects and one page of its disputes.</summary>
public sealed record ContactAllianceResponse(string Alliance, string Name, long TenantPosition, IReadOnlyList<EscalationSummary> Escalations, PageLinks Page);

public sealed record ContactOverviewResponse(DateTimeOffset? AsOf, IReadOnlyList<ContactAllianceResponse> Alliances);
