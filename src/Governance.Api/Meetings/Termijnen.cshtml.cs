using Governance.Api.Commands;
using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Api.Meetings;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Projections.Alliances;
using Governance.Projections.Punctuality;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Governance.Api.Meetings;

/// <summary>
/// The core group's "Termijnen" page: per partner, which deadlines (R1–R7) of the last 12 months were met, late or
/// missed, with the list behind each number; and what is due in the next three weeks. Public, like the ledger. It reads
/// the punctuality documents only (counts in SQL, lists a page at a time), never a meeting's stream: the documents keep
/// the titles that name what a deadline is about.
/// </summary>
public sealed class TermijnenModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, PunctualityQueries punctuality, TimeProvider clock)
    : AlliancePageModel(queries, people, pipeline)
{
    /// <summary>How many of a partner's deadlines the overview lists under "Bekijk"; the rest are on the partner's own pages.</summary>
    public const int Shown = PageRequest.DefaultSize;

    /// <summary>One partner's row: the counts, the first deadlines, and how many there are in all.</summary>
    public sealed record PartnerRow(PartnerView Partner, PartnerPunctuality Punctuality)
    {
        public int Total => Punctuality.Total;
    }

    /// <summary>
    /// The project leader's own deadlines (the secretary publishes the agenda, R1), counted as a partner's are, so that a
    /// late agenda counts somewhere visible.
    /// </summary>
    public PunctualityCounts Secretary { get; private set; } = new(0, 0, 0, 0, 0);

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int? Pagina { get; set; }

    /// <summary>The partner whose deadlines are shown in full, a page at a time.</summary>
    [BindProperty(SupportsGet = true, Name = "partner")]
    public string? PartnerFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina-partner")]
    public int? PartnerPagina { get; set; }

    public IReadOnlyList<PartnerRow> Partners { get; private set; } = [];

    public IReadOnlyList<UpcomingDeadline> Upcoming { get; private set; } = [];

    public Pager UpcomingPager { get; private set; } = null!;

    /// <summary>The chosen partner (<see cref="PartnerFilter"/>) with one page of its deadlines, or null.</summary>
    public PartnerView? Chosen { get; private set; }

    public IReadOnlyList<PartnerDeadline> ChosenDeadlines { get; private set; } = [];

    public Pager? ChosenPager { get; private set; }

    public Instant Now { get; private set; }

    /// <summary>Deadlines met per partner per quarter, the last four quarters (issue 13).</summary>
    public Presentation.Charts.BarChart? ComplianceChart { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        Now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var from = Now - Duration.FromDays(365);
        var members = Alliance.Partners.Where(p => p.IsMember).ToList();
        var overview = await punctuality.OverviewAsync(Alliance.Id.Value, [.. members.Select(p => p.Id.Value)], from, Now, Now, Shown, cancellationToken);
        Partners = [.. members.Select(p => new PartnerRow(p, overview[p.Id.Value]))];
        Secretary = await punctuality.OfficeCountsAsync(Alliance.Id.Value, "secretary", from, Now, Now, cancellationToken);

        var quarters = DeadlineCharts.QuartersUpTo(Now, 4);
        var perQuarter = new List<IReadOnlyDictionary<string, PunctualityCounts>>();
        foreach (var q in quarters)
            perQuarter.Add(await punctuality.CountsAsync(Alliance.Id.Value, [.. members.Select(p => p.Id.Value)], q.From, q.To, Now, cancellationToken));
        ComplianceChart = DeadlineCharts.Compliance(quarters,
            members.Select(p => (p.Name, (IReadOnlyList<PunctualityCounts>)[.. perQuarter.Select(c => c[p.Id.Value])])));

        if (PartnerId.TryParse(PartnerFilter, out var chosen) && members.FirstOrDefault(p => p.Id == chosen) is { } partner)
        {
            Chosen = partner;
            var request = PageRequest.Lenient(PartnerPagina);
            var (items, total) = await punctuality.DeadlinesAsync(Alliance.Id.Value, partner.Id.Value, from, Now, Now, request.Skip, request.Size, cancellationToken);
            ChosenDeadlines = items;
            ChosenPager = Pager.For(new Paged<PartnerDeadline>(items, request, total), Request, "termijnen",
                $"Bladeren door de termijnen van {partner.Name}", "pagina-partner");
        }

        var upcoming = PageRequest.Lenient(Pagina);
        var (soon, count) = await punctuality.UpcomingAsync(Alliance.Id.Value, Now, Now + Duration.FromDays(21), upcoming.Skip, upcoming.Size, cancellationToken);
        Upcoming = soon;
        UpcomingPager = Pager.For(new Paged<UpcomingDeadline>(soon, upcoming, count), Request, "termijnen", "Bladeren door de komende termijnen");
        return Page();
    }

    /// <summary>The address of a partner's own deadline pages.</summary>
    public string PartnerPath(PartnerId partner) => $"{BasePath}/termijnen?partner={Uri.EscapeDataString(partner.Value)}#kop-partner-termijnen";

    /// <summary>The meeting page of a deadline's meeting (its stream id, <c>meeting-…</c>).</summary>
    public string? MeetingPath(string meetingStream) =>
        meetingStream.StartsWith("meeting-", StringComparison.Ordinal) && meetingStream.Length > "meeting-".Length
            ? $"{BasePath}/vergaderingen/{meetingStream["meeting-".Length..]}"
            : null;

    /// <summary>What a deadline is about, by the title the punctuality document keeps (see <see cref="DeadlineTexts"/>).</summary>
    public static string SubjectText(string subject, string? title) => DeadlineTexts.Subject(subject, title);

    public string PartnerName(string? id) =>
        id is null ? "" : Alliance.Partners.LastOrDefault(p => p.Id.Value == id)?.Name ?? id;

    /// <summary>What each rule's deadline is about, in plain words (shared with the meeting page).</summary>
    public static string RuleText(string rule) => MeetingTexts.Rule(rule);

    /// <summary>The same badge words and colours as the meeting page's deadline table.</summary>
    public static (string Text, string Colour) StatusBadge(string status) => MeetingTexts.Badge(status);

    public static string OfficeText(string? office) => office switch
    {
        "secretary" => "projectleider (secretaris)",
        "chair" => "dagvoorzitter",
        null => "",
        _ => office,
    };
}
