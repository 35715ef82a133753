using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Governance.Api.Alliances;
using Governance.Api.Commands;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Projections.Alliances;
using Governance.Projections.Timeline;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Governance.Api.Timeline;

/// <summary>
/// The alliance's timeline for residents and the public (issue 13): every event as one Dutch sentence with names (people and
/// partners), its time in Amsterdam, newest first, a page at a time, and a link to the meeting, decision, promise or dispute
/// it belongs to. The same lines as <c>GET /api/v1/alliances/{alliance}/timeline</c>.
/// </summary>
public sealed partial class TijdlijnModel(AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, TimelineQueries timeline)
    : AlliancePageModel(queries, people, pipeline)
{
    /// <summary>Lines per page: a screenful or two on a phone, so the first page loads fast.</summary>
    public const int PageSize = 25;

    /// <param name="At">When it happened (when it was recorded, if the event names no other moment).</param>
    /// <param name="Sentence">The Dutch sentence with names filled in.</param>
    /// <param name="Href">The page it belongs to, if that is more than the alliance's own page.</param>
    /// <param name="LinkText">What that page is, e.g. "Naar de vergadering".</param>
    public sealed record Line(Instant At, string Sentence, string? Href, string? LinkText);

    public Paged<Line> Lines { get; private set; } = new([], PageRequest.First, 0);

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int? PageNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        var paging = PageRequest.Lenient(PageNumber, PageSize);
        var (entries, total) = await timeline.PageAsync(Alliance.Id.Value, null, null, null, paging.Page, paging.Size, cancellationToken);
        var names = await People.NamesAsync(entries.SelectMany(e => TimelineText.People(e.Sentence)).Distinct(), cancellationToken);
        Lines = new([.. entries.Select(e =>
        {
            var (href, text) = Destination(e.Link);
            return new Line(e.OccurredAt ?? e.RecordedAt, TimelineText.FillIn(e.Sentence, names, Alliance), href, text);
        })], paging, total);
        return Page();
    }

    /// <summary>Where a line leads, in words; none for the alliance's own page (the breadcrumb already goes there).</summary>
    private (string? Href, string? Text) Destination(string? link)
    {
        if (link is null || !link.StartsWith(BasePath + "/", StringComparison.Ordinal)) return (null, null);
        var rest = link[(BasePath.Length + 1)..];
        var section = rest.Split('/')[0];
        var single = rest.Contains('/', StringComparison.Ordinal);
        var text = section switch
        {
            "vergaderingen" => single ? "Naar de vergadering" : "Naar de vergaderingen",
            "besluiten" => single ? "Naar het besluit" : "Naar de besluiten",
            "beloftes" => single ? "Naar de belofte" : "Naar de beloftes",
            "geschillen" => single ? "Naar het geschil" : "Naar de geschillen",
            "jaarplan" => "Naar het jaarplan",
            "werkafspraken" => "Naar de werkafspraken",
            "belangen" => "Naar het belangenregister",
            _ => null,
        };
        return text is null ? (null, null) : (link, text);
    }

    // "R7" or "afspraak R7": the number of a working agreement, which a resident need not know.
    [GeneratedRegex(@"\b(?:afspraak )?(R(?:[1-9]|1[0-9]|2[01]))\b")]
    private static partial Regex RuleCode();

    /// <summary>
    /// The sentence as HTML, every rule number a link to that agreement on the working-agreements page ("afspraak R7"),
    /// so a reader can look up what it means without knowing the codes.
    /// </summary>
    public IHtmlContent WithRuleLinks(string sentence)
    {
        var html = new HtmlContentBuilder();
        var at = 0;
        foreach (Match m in RuleCode().Matches(sentence))
        {
            html.Append(sentence[at..m.Index]);
            var rule = m.Groups[1].Value;
            html.AppendHtml($"<a class=\"ams-link\" href=\"{HtmlEncoder.Default.Encode($"{BasePath}/werkafspraken#{rule}")}\">afspraak {rule}</a>");
            at = m.Index + m.Length;
        }
        html.Append(sentence[at..]);
        return html;
    }
}
