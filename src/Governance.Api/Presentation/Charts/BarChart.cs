using System.Globalization;

namespace Governance.Api.Presentation.Charts;

/// <summary>How a bar is filled. Hatched tells bars apart without colour (a past step, a vote that does not count).</summary>
public enum BarFill
{
    Solid,
    Hatched,
}

/// <summary>
/// One bar: it runs from <see cref="From"/> to <see cref="Value"/> on the chart's scale, and <see cref="ValueText"/> is
/// written next to it, so the number is read, not guessed from a length or a colour. The table under the chart shows
/// <see cref="TableText"/> when the drawing has no room for all of it (a full date).
/// </summary>
public sealed record Bar(string Label, double Value, string ValueText, BarFill Fill = BarFill.Solid, double From = 0, string? TableText = null);

/// <summary>Bars under one heading (a partner's quarters); a null heading for a chart without groups.</summary>
public sealed record BarGroup(string? Heading, IReadOnlyList<Bar> Bars);

/// <summary>
/// A line across all bars at <see cref="Value"/> on the scale, named by <see cref="Label"/> ("nodig voor een meerderheid");
/// <see cref="Explanation"/> is the sentence above the table that says the same in full.
/// </summary>
public sealed record ReferenceLine(double Value, string Label, string Explanation);

/// <summary>The text equivalent's column headings: the group (null without groups), the bar, its value.</summary>
public sealed record ChartColumns(string? Group, string Bar, string Value);

/// <summary>
/// A horizontal bar chart drawn on the server as inline SVG (partial <c>_Staafdiagram</c>), issue 13: a title and a
/// description for screen readers, every number written next to its bar, bars told apart by fill pattern and by label
/// rather than colour, and the same numbers once more as a table. The numbers come from the read models; this type only
/// places them. Bars run from 0 to <see cref="Max"/> (values outside are clamped). Labels sit above their bar, or, with a
/// <see cref="LabelWidth"/>, beside it on the same line (short labels such as quarters, to keep long charts short).
/// </summary>
public sealed record BarChart(
    string Id, string Title, string Description, double Max, IReadOnlyList<BarGroup> Groups, ChartColumns Columns,
    ReferenceLine? Line = null, int LabelWidth = 0, string Empty = "Er zijn nog geen cijfers om te tekenen.", int ValueRoom = BarChart.DefaultValueRoom)
{
    /// <summary>The drawing's width in SVG units; it scales to the width of its box, down to a 390 px phone.</summary>
    public const int Width = 360;

    /// <summary>Room right of the longest bar for the number written next to it (about 20 characters).</summary>
    public const int DefaultValueRoom = 140;

    /// <summary>
    /// About how many characters of the 13-unit text (site.css) fit in <paramref name="units"/>: the drawing has no text
    /// wrapping. On a 390 px phone one unit is about one pixel, so the text is as large as a small print on the page.
    /// </summary>
    public static int CharactersIn(int units) => units * 10 / 67;

    /// <summary>A label cut to fit its room, with "…"; the table under the chart has it in full.</summary>
    public string Fit(string text, bool heading = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var room = CharactersIn(LabelWidth > 0 && !heading ? LabelWidth : Width);
        return text.Length <= room ? text : text[..(room - 1)].TrimEnd() + "…";
    }

    public const int HeadingHeight = 24;
    public const int BarHeight = 14;

    /// <summary>A row with its label above the bar; a row with its label beside the bar is <see cref="InlineRowHeight"/>.</summary>
    public const int StackedRowHeight = 40;

    public const int InlineRowHeight = 24;

    /// <summary>Room above the bars for the reference line's label.</summary>
    public const int LineLabelHeight = 20;

    public bool IsEmpty => Groups.All(g => g.Bars.Count == 0);

    /// <summary>Where bars start: the left edge, or right of the labels beside them.</summary>
    public int PlotLeft => LabelWidth > 0 ? LabelWidth + 6 : 0;

    public int PlotWidth => Width - ValueRoom - PlotLeft;

    /// <summary>The x of a value on the scale (clamped to 0…<see cref="Max"/>); every value is at the left edge when the scale is empty.</summary>
    public double X(double value) => PlotLeft + (Max <= 0 ? 0 : Math.Clamp(value, 0, Max) / Max * PlotWidth);

    /// <summary>The placed rows, top to bottom, and the height of the whole drawing.</summary>
    public ChartLayout Layout()
    {
        var rows = new List<ChartRow>();
        var y = Line is null ? 0 : LineLabelHeight;
        var rowHeight = LabelWidth > 0 ? InlineRowHeight : StackedRowHeight;
        foreach (var group in Groups.Where(g => g.Bars.Count > 0))
        {
            if (group.Heading is { } heading)
            {
                rows.Add(new ChartRow(heading, y + 17, null));
                y += HeadingHeight;
            }
            foreach (var bar in group.Bars)
            {
                var barY = LabelWidth > 0 ? y + 5 : y + 20;
                var (from, to) = (X(Math.Min(bar.From, bar.Value)), X(Math.Max(bar.From, bar.Value)));
                // The number goes right of the whole track, in one column: never across the track or the line.
                rows.Add(new ChartRow(bar.Label, LabelWidth > 0 ? barY + 11 : y + 14,
                    new PlacedBar(bar, from, barY, to - from, PlotLeft + PlotWidth + 6, barY + 11)));
                y += rowHeight;
            }
        }
        return new ChartLayout(rows, Math.Max(y, 1));
    }

    /// <summary>The x of the reference line, or null without one.</summary>
    public double? LineX => Line is { } line ? X(line.Value) : null;

    /// <summary>The line's label reads away from the line: rightwards in the left half, leftwards in the right half.</summary>
    public bool LineLabelToTheLeft => LineX is { } x && x > Width / 2.0;

    /// <summary>A number for the SVG's attributes: invariant, at most one decimal.</summary>
    public static string Svg(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A part of a whole as a Dutch percentage, "67%"; "–" when there is no whole.</summary>
    public static string Percent(int part, int whole) =>
        whole <= 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero):0}%");

    /// <summary>A number as Dutch readers write it: "2,5", "3".</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.GetCultureInfo("nl-NL"));
}

/// <summary>A line of text in the drawing (a group heading or a bar's label) at baseline <see cref="TextY"/>, with its bar if it has one.</summary>
public sealed record ChartRow(string Text, double TextY, PlacedBar? Bar);

/// <summary>A bar's rectangle and where its number is written (right of the track, so all numbers line up).</summary>
public sealed record PlacedBar(Bar Bar, double X, double Y, double Width, double ValueX, double ValueY);

public sealed record ChartLayout(IReadOnlyList<ChartRow> Rows, double Height);
