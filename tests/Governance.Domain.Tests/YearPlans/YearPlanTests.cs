using Governance.Domain.Commitments;
using Governance.Domain.YearPlans;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;

namespace Governance.Domain.Tests.YearPlans;

/// <summary>R11: every goal in the year plan has an owner and a lead time; dreams are recorded but exempt.</summary>
public class YearPlanTests
{
    private static readonly YearPlanId Plan2026 = YearPlanId.Parse("2026");
    private static readonly GoalId SafePlay = GoalId.Parse("veilig-spelen");
    private static readonly GoalId Pool = GoalId.Parse("buitenzwembad");
    private static readonly CommitmentId Benches = CommitmentId.Parse("bankjes-repareren");
    private static readonly CommitmentId Lights = CommitmentId.Parse("verlichting-plein");
    private static readonly LocalDate EndOfYear = new(2026, 12, 31);
    private static readonly Instant At = Instant.FromUtc(2026, 1, 20, 19, 0);

    private static Spec<YearPlanCommand, YearPlanEvent, YearPlan.State> NewPlan =>
        Spec.For<YearPlanCommand, YearPlanEvent, YearPlan.State>(YearPlan.Decide, YearPlan.Evolve, YearPlan.Initial);

    private static Spec<YearPlanCommand, YearPlanEvent, YearPlan.State> Started => NewPlan.Given(new YearPlanStarted(Plan2026, "Jaarplan 2026", At));

    private static Spec<YearPlanCommand, YearPlanEvent, YearPlan.State> WithGoal => Started.Given(
        new GoalSet(SafePlay, GoalHorizon.ShortTerm, "Veilig spelen op het plein", Stadsdeel, EndOfYear, [Benches], At));

    private static SetGoal Goal(GoalHorizon horizon, PartnerId? owner, LocalDate? target, params CommitmentId[] commitments) =>
        new(SafePlay, horizon, "Veilig spelen op het plein", owner, target, commitments, At);

    [Fact]
    public void A_plan_is_started_for_a_year_and_starting_it_again_changes_nothing()
    {
        NewPlan.When(new StartYearPlan(Plan2026, " Jaarplan 2026 ", At)).Then(new YearPlanStarted(Plan2026, "Jaarplan 2026", At));
        Started.When(new StartYearPlan(Plan2026, "Jaarplan 2026", At)).ThenNothing();
        Started.When(new StartYearPlan(Plan2026, "Een ander plan", At)).ThenViolates("yearplan.already-started");
    }

    [Fact]
    public void A_plan_needs_a_title() =>
        NewPlan.When(new StartYearPlan(Plan2026, "", At)).ThenViolates("yearplan.title-required");

    [Fact]
    public void Goals_wait_for_the_plan() =>
        NewPlan.When(Goal(GoalHorizon.Dream, null, null)).ThenViolates("yearplan.not-started");

    [Theory]
    [InlineData(GoalHorizon.ShortTerm)]
    [InlineData(GoalHorizon.LongTerm)]
    public void R11_a_goal_with_an_owner_and_a_target_date_is_set_with_the_promises_that_serve_it(GoalHorizon horizon) =>
        Started.When(Goal(horizon, Stadsdeel, EndOfYear, Benches, Benches))
            .Then(new GoalSet(SafePlay, horizon, "Veilig spelen op het plein", Stadsdeel, EndOfYear, [Benches], At));

    [Theory]
    [InlineData(GoalHorizon.ShortTerm)]
    [InlineData(GoalHorizon.LongTerm)]
    public void R11_a_goal_without_an_owner_is_refused(GoalHorizon horizon) =>
        Started.When(Goal(horizon, null, EndOfYear)).ThenViolates("R11.owner-required");

    [Theory]
    [InlineData(GoalHorizon.ShortTerm)]
    [InlineData(GoalHorizon.LongTerm)]
    public void R11_a_goal_without_a_lead_time_is_refused(GoalHorizon horizon) =>
        Started.When(Goal(horizon, Stadsdeel, null)).ThenViolates("R11.lead-time-required");

    [Fact]
    public void R11_a_dream_needs_neither_owner_nor_lead_time() =>
        Started.When(new SetGoal(Pool, GoalHorizon.Dream, "Een buitenzwembad", null, null, [], At))
            .Then(new GoalSet(Pool, GoalHorizon.Dream, "Een buitenzwembad", null, null, [], At));

    [Fact]
    public void A_goal_needs_a_title_and_a_known_horizon()
    {
        Started.When(new SetGoal(Pool, GoalHorizon.Dream, " ", null, null, [], At)).ThenViolates("goal.title-required");
        Started.When(new SetGoal(Pool, (GoalHorizon)9, "Iets", Stadsdeel, EndOfYear, [], At)).ThenViolates("goal.horizon-unknown");
    }

    [Fact]
    public void Setting_the_same_goal_again_changes_nothing_and_another_under_its_id_is_refused()
    {
        WithGoal.When(Goal(GoalHorizon.ShortTerm, Stadsdeel, EndOfYear, Benches)).ThenNothing();
        WithGoal.When(Goal(GoalHorizon.ShortTerm, Ymere, EndOfYear, Benches)).ThenViolates("goal.duplicate-id");
    }

    [Fact]
    public void Progress_on_a_goal_is_reported_with_a_note()
    {
        WithGoal.When(new ReportGoalProgress(SafePlay, "Hekje geplaatst", At)).Then(new GoalProgressReported(SafePlay, "Hekje geplaatst", At));
        WithGoal.When(new ReportGoalProgress(SafePlay, " ", At)).ThenViolates("goal.note-required");
        WithGoal.When(new ReportGoalProgress(Pool, "Iets", At)).ThenViolates("goal.unknown");
    }

    [Fact]
    public void A_promise_is_linked_to_a_goal_once()
    {
        WithGoal.When(new LinkGoalCommitment(SafePlay, Lights, At)).Then(new GoalCommitmentLinked(SafePlay, Lights))
            .AndThen(s => Assert.Equal([Benches, Lights], ((YearPlan.State.Started)s).Goals[SafePlay].Commitments));
        WithGoal.When(new LinkGoalCommitment(SafePlay, Benches, At)).ThenNothing();
    }

    [Fact]
    public void An_achieved_goal_is_achieved_once_and_takes_no_more_progress()
    {
        var achieved = WithGoal.Given(new GoalAchieved(SafePlay, "Plein is veilig", At));

        WithGoal.When(new AchieveGoal(SafePlay, "Plein is veilig", At)).Then(new GoalAchieved(SafePlay, "Plein is veilig", At));
        achieved.When(new AchieveGoal(SafePlay, "Nog eens", At)).ThenNothing();
        achieved.When(new ReportGoalProgress(SafePlay, "Nog iets", At)).ThenViolates("goal.achieved");
    }
}
