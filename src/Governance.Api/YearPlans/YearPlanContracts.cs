using Governance.Api.Commitments;
using Governance.Api.Http;
using Governance.Domain.YearPlans;
using NodaTime;

namespace Governance.Api.YearPlans;

public sealed record StartYearPlanRequest(string? Id, string? Title);

/// <summary>R11: <see cref="Owner"/> and <see cref="TargetDate"/> ("2026-12-31") are needed for short- and long-term goals, not for dreams.</summary>
public sealed record SetGoalRequest(string? Id, string? Horizon, string? Title, string? Owner, string? TargetDate, IReadOnlyList<string>? Commitments);

public sealed record GoalNoteRequest(string? Note);

public sealed record LinkGoalCommitmentRequest(string? Commitment);

public sealed record GoalResponse(
    string Id, GoalHorizon Horizon, string Title, string? Owner, LocalDate? TargetDate, IReadOnlyList<string> Commitments, Instant? AchievedAt, IReadOnlyList<string> Progress);

public sealed record YearPlanResponse(
    DateTimeOffset? AsOf, long TenantPosition, string Id, string Title, long Version, IReadOnlyList<GoalResponse> Goals, IReadOnlyList<HistoryEntryResponse> History);

/// <summary>A plan in the list of plans: its id, title and how many goals and dreams it holds (R11).</summary>
public sealed record YearPlanSummaryResponse(string Id, string Title, int Goals, int Dreams, long Version);

/// <summary>One page of the alliance's plans, by id (<see cref="Page"/>: its number, size, the total and links to the neighbours).</summary>
public sealed record YearPlanListResponse(long TenantPosition, IReadOnlyList<YearPlanSummaryResponse> Plans, PageLinks Page);
