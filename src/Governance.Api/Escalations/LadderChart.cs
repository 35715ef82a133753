using System.Globalization;
using Governance.Api.Presentation;
using Governance.Api.Presentation.Charts;
using NodaTime;
using NodaTime.Text;

namespace Governance.Api.Escalations;

/// <summary>
/// A dispute's place on the escalation ladder (R12, issue 13): a bar per step from the day the dispute reached it to its
/// step deadline, on a scale of days since the dispute began, with a line for the day shown. Steps passed are hatched, the
/// step it is at is solid, steps not reached have no bar. The dates are the ladder's own (<see cref="GeschilModel.StepRow"/>).
/// </summary>
public static class LadderChart
{
    private static readonly LocalDatePattern DayAndMonth = LocalDatePattern.Create("d MMMM", CultureInfo.GetCultureInfo("nl-NL"));

    public static BarChart For(IReadOnlyList<GeschilModel.StepRow> steps, Instant raised, Instant at, bool resolved, bool past)
    {
        ArgumentNullException.ThrowIfNull(steps);
        double Day(Instant moment) => (moment - raised).TotalDays;
        var end = steps.Where(s => s.Entered is not null).Select(s => Day(s.Entered!.RespondBy)).Append(Day(at)).Max();
        var bars = steps.Select(s => s.Entered is not { } entered
            ? new Bar($"Stap {s.Step}: {s.Description}", 0, "nog niet bereikt")
            : new Bar($"Stap {s.Step}: {s.Description}", Day(entered.RespondBy),
                "tot " + DayAndMonth.Format(entered.RespondBy.InZone(DutchFormat.Amsterdam).Date),
                s.Current ? BarFill.Solid : BarFill.Hatched, Day(entered.EnteredAt),
                $"van {DutchFormat.Date(entered.EnteredAt)} tot {DutchFormat.DateTime(entered.RespondBy)}" + (
                    s.Advised ? "; advies gegeven" + (s.Current && !resolved ? ", hier staat het nu" : "")
                    : s.Missed is not null ? "; termijn gemist"
                    : s.Current && resolved ? "; opgelost"
                    : s.Current ? "; hier staat het nu" : ""))).ToList();
        return new BarChart("grafiek-ladder", "Waar het geschil staat op de ladder",
            "Elke stap heeft een eigen termijn om te antwoorden. Een balk loopt van het begin van de stap tot de uiterste datum. "
            + "Gestreept: een stap die voorbij is. Vol: de stap waar het geschil nu staat. "
            + (past ? "De stippellijn is de dag die u koos." : "De stippellijn is vandaag."),
            Math.Max(end, 1), [new BarGroup(null, bars)], new ChartColumns(null, "Stap", "Termijn"),
            new ReferenceLine(Math.Max(Day(at), 0), past ? "de dag die u koos" : "vandaag",
                $"De stippellijn is {(past ? "de dag die u koos" : "vandaag")}: {DutchFormat.Date(at)}."));
    }
}
