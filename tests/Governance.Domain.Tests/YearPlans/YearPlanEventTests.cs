using System.Text.Json;
using Governance.Domain.Commitments;
using Governance.Domain.YearPlans;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;

namespace Governance.Domain.Tests.YearPlans;

public class YearPlanEventTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 1, 20, 19, 0);
    private static readonly GoalId Goal = GoalId.Parse("veilig-spelen");

    public static TheoryData<YearPlanEvent> OneOfEach =>
    [
        new YearPlanStarted(YearPlanId.Parse("2026"), "Jaarplan 2026", At),
        new GoalSet(Goal, GoalHorizon.LongTerm, "Veilig spelen", Stadsdeel, new LocalDate(2028, 12, 31), [CommitmentId.Parse("bankjes")], At),
        new GoalSet(Goal, GoalHorizon.Dream, "Zwembad", null, null, [], At),
        new GoalProgressReported(Goal, "Hekje", At),
        new GoalCommitmentLinked(Goal, CommitmentId.Parse("verlichting")),
        new GoalAchieved(Goal, "Klaar", At),
    ];

    [Theory]
    [MemberData(nameof(OneOfEach))]
    public void Every_year_plan_event_survives_a_round_trip_through_the_hosts_json(YearPlanEvent @event)
    {
        var json = JsonSerializer.Serialize(@event, @event.GetType(), SerialisationTests.Options);

        Assert.Equal(@event, JsonSerializer.Deserialize(json, @event.GetType(), SerialisationTests.Options));
    }
}
