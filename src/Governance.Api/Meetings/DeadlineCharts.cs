using System.Globalization;
using Governance.Api.Presentation;
using Governance.Api.Presentation.Charts;
using Governance.Projections.Punctuality;
using NodaTime;

namespace Governance.Api.Meetings;

/// <summary>
/// The chart of "Termijnen" (issue 13): per partner and per calendar quarter, how many of its deadlines that were settled
/// (met, late or missed, as the punctuality read model counts them) were met. Waived deadlines and those still to come
/// are left out: they are neither kept nor broken.
/// </summary>
public static class DeadlineCharts
{
    /// <summary>A calendar quarter in Amsterdam, [From, To), named as residents say it: "jan–mrt 2026".</summary>
    public sealed record Quarter(string Name, Instant From, Instant To);

    private static readonly string[] Months = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    /// <summary>The <paramref name="count"/> quarters up to and including the one <paramref name="now"/> is in, oldest first.</summary>
    public static IReadOnlyList<Quarter> QuartersUpTo(Instant now, int count)
    {
        var today = now.InZone(DutchFormat.Amsterdam).Date;
        var first = new LocalDate(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        return [.. Enumerable.Range(0, count).Reverse().Select(back =>
        {
            var start = first.PlusMonths(-3 * back);
            var end = start.PlusMonths(3);
            return new Quarter(
                string.Create(CultureInfo.InvariantCulture, $"{Months[start.Month - 1]}–{Months[start.Month + 1]} {start.Year}"),
                start.AtStartOfDayInZone(DutchFormat.Amsterdam).ToInstant(), end.AtStartOfDayInZone(DutchFormat.Amsterdam).ToInstant());
        })];
    }

    /// <summary>
    /// One group per partner with settled deadlines in these quarters, a bar per quarter: met / (met + late + missed).
    /// A quarter in which no partner had a settled deadline (before the alliance began) is left out; one in which only
    /// this partner had none has no bar and says so.
    /// </summary>
    public static BarChart Compliance(IReadOnlyList<Quarter> quarters, IEnumerable<(string Partner, IReadOnlyList<PunctualityCounts> PerQuarter)> partners)
    {
        ArgumentNullException.ThrowIfNull(quarters);
        ArgumentNullException.ThrowIfNull(partners);
        var active = partners.Where(p => p.PerQuarter.Any(c => Settled(c) > 0)).ToList();
        var shown = Enumerable.Range(0, quarters.Count).Where(i => active.Any(p => Settled(p.PerQuarter[i]) > 0)).ToList();
        var groups = active
            .Select(p => new BarGroup(p.Partner, [.. shown.Select(i => Settled(p.PerQuarter[i]) == 0
                ? new Bar(quarters[i].Name, 0, "geen termijnen")
                : Compliance(quarters[i], p.PerQuarter[i]))]))
            .ToList();
        return new BarChart("grafiek-termijnen", "Termijnen op tijd, per partner per kwartaal",
            "Per partner en per kwartaal: hoeveel termijnen op tijd waren, van alle termijnen die al voorbij zijn. Een volle balk is alles op tijd. Termijnen die zijn kwijtgescholden of nog moeten komen, tellen niet mee.",
            100, groups, new ChartColumns("Partner", "Kwartaal", "Op tijd"), LabelWidth: 84,
            Empty: "Geen partner had in deze kwartalen een termijn die al voorbij is.");
    }

    private static Bar Compliance(Quarter q, PunctualityCounts c) => new(q.Name, 100.0 * c.Met / Settled(c),
        string.Create(CultureInfo.InvariantCulture, $"{c.Met} van {Settled(c)} ({BarChart.Percent(c.Met, Settled(c))})"),
        TableText: string.Create(CultureInfo.InvariantCulture, $"{c.Met} van {Settled(c)} op tijd ({BarChart.Percent(c.Met, Settled(c))}); {c.Late} te laat, {c.Missed} ontbreekt"));

    private static int Settled(PunctualityCounts c) => c.Met + c.Late + c.Missed;
}
