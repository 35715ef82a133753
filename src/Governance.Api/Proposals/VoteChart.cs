using System.Globalization;
using Governance.Api.Presentation.Charts;
using Governance.Domain;

namespace Governance.Api.Proposals;

/// <summary>
/// The vote as bars (issue 13): the weighted votes per choice (R14: a residents' body weighs more), on a scale of every
/// weighted vote the electorate has, with the line "nodig voor een meerderheid" where R8 draws it (<see cref="Majority.Line"/>).
/// </summary>
public static class VoteChart
{
    public static BarChart For(string proposal, bool open, int weightFor, int weightAgainst, int weightAbstaining, int electorateWeight, Majority majority)
    {
        ArgumentNullException.ThrowIfNull(majority);
        var line = majority.Line(weightFor, weightAgainst, weightAbstaining);
        var abstentions = majority.AbstentionsCount
            ? new Bar("Onthouden", weightAbstaining, Votes(weightAbstaining))
            // Abstentions do not count (R8): hatched, and the words say so.
            : new Bar("Onthouden", weightAbstaining, Votes(weightAbstaining) + ", telt niet", BarFill.Hatched,
                TableText: Votes(weightAbstaining) + ", telt niet mee");
        var bars = new[]
        {
            new Bar("Voor", weightFor, Votes(weightFor)),
            new Bar("Tegen", weightAgainst, Votes(weightAgainst)),
            abstentions,
        };
        var counted = majority.Counted(weightFor, weightAgainst, weightAbstaining);
        return new BarChart($"grafiek-stemming-{proposal}", open ? "Stand van de stemming, in gewogen stemmen" : "Uitslag van de stemming, in gewogen stemmen",
            "De stem van bewoners weegt zwaarder. Het voorstel is aangenomen als de stemmen voor over de lijn gaan: "
            + string.Create(CultureInfo.InvariantCulture, $"meer dan {AgreementShare(majority)} van de {counted} stemmen die meetellen."),
            Math.Max(electorateWeight, counted), [new BarGroup(null, bars)], new ChartColumns(null, "Keuze", "Gewogen stemmen"),
            new ReferenceLine((double)line, "nodig voor een meerderheid: meer dan " + BarChart.Number((double)line),
                $"De stippellijn is wat nodig is voor een meerderheid: meer dan {BarChart.Number((double)line)} gewogen stemmen voor."));
    }

    private static string Votes(int weight) => weight == 1 ? "1 stem" : string.Create(CultureInfo.InvariantCulture, $"{weight} stemmen");

    private static string AgreementShare(Majority majority) => (majority.MoreThan.Numerator, majority.MoreThan.Denominator) switch
    {
        (1, 2) => "de helft",
        (2, 3) => "twee derde",
        (3, 4) => "drie kwart",
        var (n, d) => string.Create(CultureInfo.InvariantCulture, $"{n}/{d}"),
    };
}
