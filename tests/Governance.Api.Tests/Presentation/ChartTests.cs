using Governance.Api.Commitments;
using Governance.Api.Escalations;
using Governance.Api.Meetings;
using Governance.Api.Presentation.Charts;
using Governance.Api.Proposals;
using Governance.Api.YearPlans;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.YearPlans;
using Governance.Projections.Punctuality;
using NodaTime;

namespace Governance.Api.Tests.Presentation;

/// <summary>The server-drawn bar charts (issue 13): where the model places bars, labels and the line, and what each page's chart says.</summary>
public sealed class ChartTests
{
    private static BarChart Chart(double max, IReadOnlyList<Bar> bars, ReferenceLine? line = null, int labelWidth = 0) =>
        new("grafiek-test", "Titel", "Uitleg", max, [new BarGroup(null, bars)], new ChartColumns(null, "Wat", "Hoeveel"), line, labelWidth);

    [Fact]
    public void A_value_is_placed_in_proportion_to_the_scale_and_its_number_is_written_in_a_column_right_of_the_track()
    {
        var chart = Chart(10, [new Bar("Voor", 5, "5 stemmen"), new Bar("Tegen", 10, "10 stemmen")]);

        var bars = chart.Layout().Rows.Select(r => r.Bar!).ToList();

        Assert.Equal(chart.PlotWidth / 2.0, bars[0].Width, 6);
        Assert.Equal(chart.PlotWidth, bars[1].Width, 6);
        Assert.Equal(chart.PlotLeft + chart.PlotWidth + 6, bars[0].ValueX, 6);
        Assert.Equal(bars[0].ValueX, bars[1].ValueX, 6);
        // The longest bar still leaves room for its number inside the drawing.
        Assert.True(bars[1].ValueX + 6 * 10 <= BarChart.Width);
    }

    [Fact]
    public void Values_outside_the_scale_are_clamped_and_an_empty_scale_draws_no_bar()
    {
        Assert.Equal(Chart(10, []).PlotLeft + Chart(10, []).PlotWidth, Chart(10, []).X(25), 6);
        Assert.Equal(0, Chart(10, []).X(-3), 6);
        var zero = Chart(0, [new Bar("Voor", 0, "0 stemmen")]);
        Assert.Equal(0, Assert.Single(zero.Layout().Rows).Bar!.Width, 6);
    }

    [Fact]
    public void A_bar_can_start_after_zero_as_a_ladder_step_does()
    {
        var chart = Chart(40, [new Bar("Stap 2", 28, "tot 1 december", From: 14)]);

        var bar = Assert.Single(chart.Layout().Rows).Bar!;

        Assert.Equal(chart.X(14), bar.X, 6);
        Assert.Equal(chart.X(28) - chart.X(14), bar.Width, 6);
    }

    [Fact]
    public void Labels_sit_above_their_bars_or_beside_them_and_group_headings_get_a_line_of_their_own()
    {
        var stacked = Chart(1, [new Bar("Een", 1, "1"), new Bar("Twee", 1, "1")]).Layout();
        Assert.Equal(2 * BarChart.StackedRowHeight, stacked.Height);
        Assert.True(stacked.Rows[0].TextY < stacked.Rows[0].Bar!.Y);

        var grouped = new BarChart("g", "Titel", "Uitleg", 1, [new BarGroup("Ymere", [new Bar("jan–mrt 2026", 1, "1 van 1")])],
            new ChartColumns("Partner", "Kwartaal", "Op tijd"), LabelWidth: 72).Layout();
        Assert.Equal(["Ymere", "jan–mrt 2026"], grouped.Rows.Select(r => r.Text));
        Assert.Null(grouped.Rows[0].Bar);
        Assert.True(grouped.Rows[1].Bar!.X >= 72);
        Assert.Equal(BarChart.HeadingHeight + BarChart.InlineRowHeight, grouped.Height);
    }

    [Fact]
    public void The_reference_line_is_drawn_at_its_value_with_room_above_the_bars_for_its_label()
    {
        var chart = Chart(10, [new Bar("Voor", 6, "6 stemmen")], new ReferenceLine(2.5, "nodig voor een meerderheid: meer dan 2,5", "Uitleg."));

        Assert.Equal(chart.X(2.5), chart.LineX!.Value, 6);
        Assert.False(chart.LineLabelToTheLeft);
        Assert.Equal(BarChart.LineLabelHeight + BarChart.StackedRowHeight, chart.Layout().Height);
        Assert.True(Chart(10, [], new ReferenceLine(9, "x", "x")).LineLabelToTheLeft);
    }

    [Fact]
    public void A_chart_without_bars_is_empty_and_says_so_instead_of_drawing()
    {
        var empty = new BarChart("g", "Titel", "Uitleg", 1, [new BarGroup("Ymere", [])], new ChartColumns(null, "Wat", "Hoeveel"));

        Assert.True(empty.IsEmpty);
        Assert.Empty(empty.Layout().Rows);
        Assert.Equal("Er zijn nog geen cijfers om te tekenen.", empty.Empty);
    }

    [Fact]
    public void A_label_too_long_for_the_drawing_is_cut_with_an_ellipsis()
    {
        var chart = Chart(1, []);
        var room = BarChart.CharactersIn(BarChart.Width);

        Assert.Equal("Ymere", chart.Fit("Ymere"));
        var cut = chart.Fit(new string('a', room + 10));
        Assert.EndsWith("…", cut);
        Assert.True(cut.Length <= room);
    }

    [Fact]
    public void The_keep_rate_chart_shows_kept_of_due_per_partner_and_no_bar_for_a_partner_with_nothing_due_R10()
    {
        var chart = PromiseCharts.KeepRate([("Ymere", new KeepRate(2, 3)), ("Eigenwijks", new KeepRate(0, 0))]);

        var bars = chart.Groups.Single().Bars;
        Assert.Equal(("Ymere", "2 van 3 (67%)"), (bars[0].Label, bars[0].ValueText));
        Assert.Equal(200.0 / 3, bars[0].Value, 6);
        Assert.Equal((0.0, "nog niets klaar"), (bars[1].Value, bars[1].ValueText));
        Assert.Equal(100, chart.Max);
    }

    [Fact]
    public void Deadline_compliance_counts_met_of_settled_per_quarter_and_leaves_out_partners_and_quarters_without_settled_deadlines()
    {
        // 15 February 2026 in Amsterdam: the quarter jan–mrt 2026 and the three before it.
        var quarters = DeadlineCharts.QuartersUpTo(Instant.FromUtc(2026, 2, 15, 12, 0), 4);
        Assert.Equal(["apr–jun 2025", "jul–sep 2025", "okt–dec 2025", "jan–mrt 2026"], quarters.Select(q => q.Name));
        Assert.Equal(Instant.FromUtc(2025, 12, 31, 23, 0), quarters[3].From);   // midnight in Amsterdam (CET)
        Assert.Equal(quarters[2].To, quarters[3].From);

        PunctualityCounts None() => new(0, 0, 0, 0, 0);
        var chart = DeadlineCharts.Compliance(quarters,
        [
            ("Stadsdeel", [None(), None(), new PunctualityCounts(Met: 1, Late: 2, Missed: 1, Waived: 3, Pending: 0), new PunctualityCounts(0, 0, 0, 0, Pending: 2)]),
            ("Ymere", [None(), None(), None(), new PunctualityCounts(Met: 2, 0, 0, 0, 0)]),
            ("Eigenwijks", [None(), None(), new PunctualityCounts(0, 0, 0, Waived: 1, 0), None()]),
        ]);

        // Eigenwijks had nothing settled; the first two quarters had nothing settled for anyone (before the alliance began).
        Assert.Equal(["Stadsdeel", "Ymere"], chart.Groups.Select(g => g.Heading));
        var group = chart.Groups[0];
        Assert.Equal(["okt–dec 2025", "jan–mrt 2026"], group.Bars.Select(b => b.Label));
        Assert.Equal(["1 van 4 (25%)", "geen termijnen"], group.Bars.Select(b => b.ValueText));
        Assert.Equal(25, group.Bars[0].Value, 6);
        Assert.Equal(["geen termijnen", "2 van 2 (100%)"], chart.Groups[1].Bars.Select(b => b.ValueText));
        Assert.Equal("1 van 4 op tijd (25%); 2 te laat, 1 ontbreekt", group.Bars[0].TableText);
    }

    [Fact]
    public void The_vote_chart_draws_the_majority_line_at_half_of_the_weighted_votes_for_and_against_R8_R14()
    {
        // BCOP (weight 2) and Eigenwijks for, Stadsdeel and Ymere against, two abstain: 3 for, 2 against, 2 abstaining.
        var chart = VoteChart.For("speelstraat", open: false, 3, 2, 2, electorateWeight: 7, Majority.Default);

        Assert.Equal(2.5, chart.Line!.Value);
        Assert.Equal("nodig voor een meerderheid: meer dan 2,5", chart.Line.Label);
        Assert.Equal(7, chart.Max);
        var bars = chart.Groups.Single().Bars;
        Assert.Equal(["Voor", "Tegen", "Onthouden"], bars.Select(b => b.Label));
        Assert.Equal(["3 stemmen", "2 stemmen", "2 stemmen, telt niet"], bars.Select(b => b.ValueText));
        Assert.Equal(BarFill.Hatched, bars[2].Fill);
        Assert.StartsWith("Uitslag", chart.Title);
        Assert.True(chart.X(bars[0].Value) > chart.LineX);   // adopted: "for" passes the line
    }

    [Fact]
    public void When_abstentions_count_the_line_moves_with_them_R8()
    {
        var chart = VoteChart.For("p", open: true, 3, 2, 2, 7, Majority.Default with { AbstentionsCount = true });

        Assert.Equal(3.5, chart.Line!.Value);
        Assert.Equal(BarFill.Solid, chart.Groups.Single().Bars[2].Fill);
        Assert.StartsWith("Stand", chart.Title);
    }

    [Fact]
    public void The_ladder_chart_runs_each_reached_step_from_its_start_to_its_deadline_and_marks_today_R12()
    {
        var raised = Instant.FromUtc(2026, 10, 1, 8, 0);
        EscalationStepEntered Entered(int step, int day) =>
            new(step, "step", LeadTime.Days(14), raised + Duration.FromDays(day), raised + Duration.FromDays(day + 14));
        GeschilModel.StepRow Row(int step, EscalationStepEntered? entered, bool missed, bool current, bool advised = false) =>
            new(step, $"stap {step}", "14 dagen", entered, missed ? new EscalationStepDeadlineMissed(step, entered!.RespondBy, entered.RespondBy) : null, [], current, advised);
        var at = raised + Duration.FromDays(20);

        var chart = LadderChart.For([Row(1, Entered(1, 0), true, false), Row(2, Entered(2, 14), false, true), Row(3, null, false, false)], raised, at,
            resolved: false, past: false);

        var bars = chart.Groups.Single().Bars;
        Assert.Equal((0.0, 14.0, BarFill.Hatched), (bars[0].From, bars[0].Value, bars[0].Fill));
        Assert.Equal((14.0, 28.0, BarFill.Solid), (bars[1].From, bars[1].Value, bars[1].Fill));
        Assert.Equal("nog niet bereikt", bars[2].ValueText);
        Assert.Equal("tot 29 oktober", bars[1].ValueText);
        Assert.EndsWith("termijn gemist", bars[0].TableText);
        Assert.EndsWith("hier staat het nu", bars[1].TableText);
        Assert.Equal(28, chart.Max);
        Assert.Equal((20.0, "vandaag"), (chart.Line!.Value, chart.Line.Label));

        // A step at which the programme gave advice passed its deadline on purpose: not a missed deadline (issue 13).
        var advised = LadderChart.For([Row(1, Entered(1, 0), true, false, advised: true), Row(2, Entered(2, 14), false, true)], raised, at,
            resolved: false, past: false);
        Assert.EndsWith("advies gegeven", advised.Groups.Single().Bars[0].TableText);
    }

    [Fact]
    public void The_goal_chart_shows_a_reached_goal_full_and_an_open_one_by_its_promises_kept_and_leaves_out_dreams_R11()
    {
        var kept = CommitmentId.Parse("kept");
        var open = CommitmentId.Parse("open");
        YearPlan.Goal Goal(string id, GoalHorizon horizon, Instant? achieved, params CommitmentId[] commitments) =>
            new(GoalId.Parse(id), horizon, id, horizon == GoalHorizon.Dream ? null : PartnerId.Parse("bcop"),
                horizon == GoalHorizon.Dream ? null : new LocalDate(2026, 12, 31), [.. commitments], achieved);

        var chart = GoalChart.For(
            [Goal("speelplek", GoalHorizon.ShortTerm, null, kept, open), Goal("looproutes", GoalHorizon.LongTerm, Instant.FromUtc(2026, 5, 1, 10, 0)),
             Goal("buurthuis", GoalHorizon.Dream, null), Goal("bankjes", GoalHorizon.ShortTerm, null)],
            c => c == kept ? CommitmentStatus.Fulfilled : CommitmentStatus.Open);

        Assert.Equal(["Doelen voor dit jaar", "Doelen voor de lange termijn"], chart.Groups.Select(g => g.Heading));
        var thisYear = chart.Groups[0].Bars.ToDictionary(b => b.Label);
        Assert.Equal((50.0, "1 van 2 beloftes klaar", BarFill.Hatched), (thisYear["speelplek"].Value, thisYear["speelplek"].ValueText, thisYear["speelplek"].Fill));
        Assert.Equal((0.0, "nog niet bereikt"), (thisYear["bankjes"].Value, thisYear["bankjes"].ValueText));
        Assert.Equal((100.0, "bereikt"), (chart.Groups[1].Bars.Single().Value, chart.Groups[1].Bars.Single().ValueText));
        Assert.DoesNotContain(chart.Groups.SelectMany(g => g.Bars), b => b.Label == "buurthuis");
    }
}
