using Governance.Domain.Commitments;
using NodaTime;

namespace Governance.Domain.YearPlans;

/// <summary>How far ahead a goal looks (R11): the year plan's goals, the long-term plan's goals, and dreams.</summary>
public enum GoalHorizon
{
    /// <summary>A goal of the year plan: needs an owner and a target date (R11).</summary>
    ShortTerm,

    /// <summary>A goal of the long-term plan: needs an owner and a target date (R11).</summary>
    LongTerm,

    /// <summary>Recorded so it is not lost, but exempt from R11: no owner or date needed.</summary>
    Dream,
}

/// <summary>
/// What someone asks of a plan's stream. Closed: every command is in this file. <see cref="Now"/> is the recorded
/// time; who may ask is the host's authorisation, and so is that a goal's owner partner is a member.
/// </summary>
public abstract record YearPlanCommand
{
    private protected YearPlanCommand(Instant now) => Now = now;

    public Instant Now { get; init; }
}

/// <summary>Opens the plan of a year: the year plan and the long-term plan that looks ahead from it.</summary>
public sealed record StartYearPlan(YearPlanId Plan, string Title, Instant Now) : YearPlanCommand(Now);

/// <summary>
/// R11: a short- or long-term goal has an <paramref name="Owner"/> and a <paramref name="TargetDate"/> (its lead time, as
/// the Europe/Amsterdam day it should be reached by); a dream needs neither. <paramref name="Commitments"/> are the
/// promises that serve it.
/// </summary>
public sealed record SetGoal(
    GoalId Goal,
    GoalHorizon Horizon,
    string Title,
    PartnerId? Owner,
    LocalDate? TargetDate,
    IReadOnlyList<CommitmentId> Commitments,
    Instant Now) : YearPlanCommand(Now);

public sealed record ReportGoalProgress(GoalId Goal, string Note, Instant Now) : YearPlanCommand(Now);

public sealed record LinkGoalCommitment(GoalId Goal, CommitmentId Commitment, Instant Now) : YearPlanCommand(Now);

public sealed record AchieveGoal(GoalId Goal, string Note, Instant Now) : YearPlanCommand(Now);
