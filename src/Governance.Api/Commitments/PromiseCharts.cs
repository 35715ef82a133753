using System.Globalization;
using Governance.Api.Presentation.Charts;
using Governance.Domain.Commitments;

namespace Governance.Api.Commitments;

/// <summary>The keep-rate chart of "Wie beloofde wat" (issue 13): per partner, R10's keep rate as the read model counts it.</summary>
public static class PromiseCharts
{
    public static BarChart KeepRate(IEnumerable<(string Partner, KeepRate Rate)> partners)
    {
        ArgumentNullException.ThrowIfNull(partners);
        var bars = partners.Select(p => p.Rate.Due == 0
            // No promise due yet is no record, not a bad one: no bar, and the words say why.
            ? new Bar(p.Partner, 0, "nog niets klaar")
            : new Bar(p.Partner, 100.0 * p.Rate.KeptOnTime / p.Rate.Due,
                string.Create(CultureInfo.InvariantCulture, $"{p.Rate.KeptOnTime} van {p.Rate.Due} ({BarChart.Percent(p.Rate.KeptOnTime, p.Rate.Due)})"))).ToList();
        return new BarChart("grafiek-beloftes", "Beloftes op tijd nagekomen, per partner",
            "Per partner: hoeveel beloftes die al klaar moesten zijn, op tijd zijn nagekomen. Een volle balk is alles op tijd.",
            100, [new BarGroup(null, bars)], new ChartColumns(null, "Partner", "Op tijd nagekomen"),
            Empty: "Er zijn geen partners bij deze keuze.");
    }
}
