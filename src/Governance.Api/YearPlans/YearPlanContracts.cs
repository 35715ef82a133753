using Governance.Api.Commitments;
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
