using System.Globalization;
using Governance.Api.Presentation.Charts;
using Governance.Domain.Commitments;
using Governance.Domain.YearPlans;

namespace Governance.Api.YearPlans;

/// <summary>
/// Progress of a year plan's goals (R11, issue 13): a bar per goal with an owner (dreams have no lead time and are left
/// out), grouped by horizon. A goal reached is a full solid bar; a goal not reached shows, hatched, how many of the
/// promises linked to it are fulfilled (their status from the promise read model at <c>now</c>).
/// </summary>
public static class GoalChart
{
    public static BarChart For(IEnumerable<YearPlan.Goal> goals, Func<CommitmentId, CommitmentStatus?> statusOf)
    {
        ArgumentNullException.ThrowIfNull(goals);
        ArgumentNullException.ThrowIfNull(statusOf);
        var list = goals.Where(g => g.Horizon != GoalHorizon.Dream).ToList();
        BarGroup Group(GoalHorizon horizon, string heading) => new(heading,
            [.. list.Where(g => g.Horizon == horizon).OrderBy(g => g.TargetDate).ThenBy(g => g.Title, StringComparer.CurrentCulture).Select(Goal)]);
        Bar Goal(YearPlan.Goal g)
        {
            if (g.AchievedAt is not null) return new Bar(g.Title, 100, "bereikt");
            var linked = g.Commitments.Count;
            if (linked == 0) return new Bar(g.Title, 0, "nog niet bereikt", TableText: "nog niet bereikt; geen beloftes gekoppeld");
            var kept = g.Commitments.Count(c => statusOf(c) == CommitmentStatus.Fulfilled);
            return new Bar(g.Title, 100.0 * kept / linked, string.Create(CultureInfo.InvariantCulture, $"{kept} van {linked} {(linked == 1 ? "belofte" : "beloftes")} klaar"), BarFill.Hatched,
                TableText: "nog niet bereikt; " + (linked == 1
                    ? kept == 1 ? "de belofte voor dit doel is nagekomen" : "de belofte voor dit doel is nog niet nagekomen"
                    : string.Create(CultureInfo.InvariantCulture, $"{kept} van de {linked} beloftes voor dit doel zijn nagekomen")));
        }
        return new BarChart("grafiek-doelen", "Hoe ver zijn de doelen?",
            "Per doel: een volle balk is een bereikt doel. Een gestreepte balk is een doel dat nog niet bereikt is; "
            + "de lengte is hoeveel van de beloftes voor dat doel zijn nagekomen. Dromen staan er niet in.",
            100, [Group(GoalHorizon.ShortTerm, "Doelen voor dit jaar"), Group(GoalHorizon.LongTerm, "Doelen voor de lange termijn")],
            new ChartColumns("Soort doel", "Doel", "Stand"), Empty: "Er zijn nog geen doelen met een eigenaar.", ValueRoom: 160);
    }
}
