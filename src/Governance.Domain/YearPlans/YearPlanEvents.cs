using Governance.Domain.Commitments;
using NodaTime;

namespace Governance.Domain.YearPlans;

/// <summary>A fact in a plan's stream. Closed: every event is in this file.</summary>
public abstract record YearPlanEvent
{
    private protected YearPlanEvent()
    {
    }
}

[EventType("yearplan.started", 1)]
public sealed record YearPlanStarted(YearPlanId Plan, string Title, Instant StartedAt) : YearPlanEvent;

/// <summary>R11: a goal with its owner and target date (both null only for a dream).</summary>
[EventType("yearplan.goal-set", 1)]
public sealed record GoalSet(
    GoalId Goal,
    GoalHorizon Horizon,
    string Title,
    PartnerId? Owner,
    LocalDate? TargetDate,
    IReadOnlyList<CommitmentId> Commitments,
    Instant SetAt) : YearPlanEvent
{
    public IReadOnlyList<CommitmentId> Commitments { get; init; } = Commitments ?? [];

    // A list compares by reference; two goals with the same promises are the same goal.
    public bool Equals(GoalSet? other) =>
        other is not null
        && (Goal, Horizon, Title, Owner, TargetDate, SetAt) == (other.Goal, other.Horizon, other.Title, other.Owner, other.TargetDate, other.SetAt)
        && Commitments.SequenceEqual(other.Commitments);

    public override int GetHashCode() => HashCode.Combine(Goal, Horizon, Title, Owner, TargetDate, SetAt, Commitments.Count);
}

[EventType("yearplan.goal-progress-reported", 1)]
public sealed record GoalProgressReported(GoalId Goal, string Note, Instant ReportedAt) : YearPlanEvent;

[EventType("yearplan.goal-commitment-linked", 1)]
public sealed record GoalCommitmentLinked(GoalId Goal, CommitmentId Commitment) : YearPlanEvent;

[EventType("yearplan.goal-achieved", 1)]
public sealed record GoalAchieved(GoalId Goal, string Note, Instant AchievedAt) : YearPlanEvent;
