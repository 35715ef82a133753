using System.Collections.Immutable;
using System.Diagnostics;
using Governance.Domain.Commitments;

namespace Governance.Domain.YearPlans;

/// <summary>
/// The decider of one plan's stream (R11): the goals of the year plan and of the long-term plan, and the dreams.
/// Goals keep their promises by reference (<see cref="CommitmentId"/>); whether those exist is the host's check.
/// </summary>
public static class YearPlan
{
    public static State Initial { get; } = new State.NotStarted();

    /// <summary>One stream per plan, with id <see cref="YearPlanId.StreamId"/> within the alliance's tenant.</summary>
    public static Decider<YearPlanCommand, YearPlanEvent, State> Decider { get; } = new(Decide, Evolve, Initial, "yearplan");

    public abstract record State
    {
        private State()
        {
        }

        public sealed record NotStarted : State;

        public sealed record Started(YearPlanId Id, string Title, ImmutableDictionary<GoalId, Goal> Goals) : State;
    }

    public sealed record Goal(
        GoalId Id,
        GoalHorizon Horizon,
        string Title,
        PartnerId? Owner,
        NodaTime.LocalDate? TargetDate,
        ImmutableList<CommitmentId> Commitments,
        NodaTime.Instant? AchievedAt);

    public static IReadOnlyList<YearPlanEvent> Decide(YearPlanCommand command, State state)
    {
        ArgumentNullException.ThrowIfNull(command);
        return (command, state) switch
        {
            (StartYearPlan c, State.NotStarted) => [new YearPlanStarted(c.Plan, Required(c.Title, "yearplan.title-required", "A plan needs a title."), c.Now)],
            (StartYearPlan c, State.Started s) => (c.Plan, c.Title?.Trim()) == (s.Id, s.Title)
                ? []
                : throw new RuleViolated("yearplan.already-started", $"Plan '{s.Id}' exists already."),
            (_, State.Started s) => command switch
            {
                SetGoal c => Set(c, s),
                ReportGoalProgress c => Progress(c, s),
                LinkGoalCommitment c => Link(c, s),
                AchieveGoal c => Achieve(c, s),
                _ => throw new UnreachableException($"No decision for {command.GetType().Name}."),
            },
            _ => throw new RuleViolated("yearplan.not-started", "There is no plan for this year yet."),
        };
    }

    public static State Evolve(State state, YearPlanEvent e) => (state, e) switch
    {
        (State.NotStarted, YearPlanStarted p) => new State.Started(p.Plan, p.Title, ImmutableDictionary<GoalId, Goal>.Empty),
        (State.Started s, GoalSet g) => s with
        {
            Goals = s.Goals.SetItem(g.Goal, new Goal(g.Goal, g.Horizon, g.Title, g.Owner, g.TargetDate, [.. g.Commitments], null)),
        },
        (State.Started s, GoalProgressReported) => s,
        (State.Started s, GoalCommitmentLinked l) => s with
        {
            Goals = s.Goals.SetItem(l.Goal, s.Goals[l.Goal] with { Commitments = s.Goals[l.Goal].Commitments.Add(l.Commitment) }),
        },
        (State.Started s, GoalAchieved a) => s with { Goals = s.Goals.SetItem(a.Goal, s.Goals[a.Goal] with { AchievedAt = a.AchievedAt }) },
        _ => throw new UnreachableException($"{e.GetType().Name} does not follow {state.GetType().Name}."),
    };

    private static IReadOnlyList<YearPlanEvent> Set(SetGoal c, State.Started s)
    {
        if (!Enum.IsDefined(c.Horizon))
        {
            throw new RuleViolated("goal.horizon-unknown", $"'{c.Horizon}' is not a kind of goal.");
        }

        var title = Required(c.Title, "goal.title-required", "A goal needs a title.");

        // R11: every goal has an owner and a lead time; dreams are recorded but exempt.
        if (c.Horizon != GoalHorizon.Dream && c.Owner is null)
        {
            throw new RuleViolated("R11.owner-required", "A goal of the year plan or the long-term plan needs an owner.");
        }

        if (c.Horizon != GoalHorizon.Dream && c.TargetDate is null)
        {
            throw new RuleViolated("R11.lead-time-required", "A goal of the year plan or the long-term plan needs a date by which it is reached.");
        }

        var commitments = (c.Commitments ?? []).Distinct().ToList();
        if (s.Goals.TryGetValue(c.Goal, out var existing))
        {
            return (existing.Horizon, existing.Title, existing.Owner, existing.TargetDate) == (c.Horizon, title, c.Owner, c.TargetDate)
                && existing.Commitments.SequenceEqual(commitments)
                ? []
                : throw new RuleViolated("goal.duplicate-id", $"Goal '{c.Goal}' exists already.");
        }

        return [new GoalSet(c.Goal, c.Horizon, title, c.Owner, c.TargetDate, commitments, c.Now)];
    }

    private static IReadOnlyList<YearPlanEvent> Progress(ReportGoalProgress c, State.Started s)
    {
        var goal = Known(s, c.Goal);
        if (goal.AchievedAt is not null)
        {
            throw new RuleViolated("goal.achieved", $"Goal '{c.Goal}' is achieved already.");
        }

        return [new GoalProgressReported(c.Goal, Required(c.Note, "goal.note-required", "A progress report says what happened."), c.Now)];
    }

    private static IReadOnlyList<YearPlanEvent> Link(LinkGoalCommitment c, State.Started s) =>
        Known(s, c.Goal).Commitments.Contains(c.Commitment) ? [] : [new GoalCommitmentLinked(c.Goal, c.Commitment)];

    private static IReadOnlyList<YearPlanEvent> Achieve(AchieveGoal c, State.Started s) =>
        Known(s, c.Goal).AchievedAt is not null
            ? []
            : [new GoalAchieved(c.Goal, Required(c.Note, "goal.note-required", "Say how the goal was reached."), c.Now)];

    private static Goal Known(State.Started s, GoalId goal) =>
        s.Goals.TryGetValue(goal, out var found) ? found : throw new RuleViolated("goal.unknown", $"There is no goal '{goal}'.");

    private static string Required(string? text, string code, string detail) =>
        string.IsNullOrWhiteSpace(text) ? throw new RuleViolated(code, detail) : text.Trim();
}
