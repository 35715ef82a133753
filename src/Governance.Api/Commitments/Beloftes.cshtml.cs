using Governance.Api.Commands;
using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Api.Meetings;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Meetings;
using Governance.Projections.Alliances;
using Governance.Projections.Commitments;
using Governance.Projections.Meetings;
using Governance.Projections.Proposals;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Governance.Api.Commitments;

/// <summary>
/// "Wie beloofde wat" (issue 6, R10): per partner a summary of its promises (counts per status, keep rate, median days
/// late, counted by the database over the promise documents), the first promises behind it (all of them, page by page,
/// when one partner is chosen), and the advice it has not answered (R9). Filters and "stand op" are a GET form: the
/// page is then computed from the events recorded up to the end of that day, and says which ledger position it reflects.
/// Public, like the API's reads of promises.
/// </summary>
public sealed class BeloftesModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, CommitmentQueries commitments, ProposalQueries proposals,
    MeetingQueries meetings, TimeProvider clock)
    : AlliancePageModel(queries, people, pipeline)
{
    public const int SoonDays = 14;

    private PromiseSources _sources = PromiseSources.None;

    public sealed record AdviceRow(string Proposal, string Title, Instant Due, string Status);

    /// <summary>
    /// One partner's section: its record over all its promises, and the promises shown (<see cref="Matching"/> match the choice in
    /// all; the overview shows the first <see cref="PreviewSize"/>, a partner's own view one page).
    /// </summary>
    public sealed record PartnerGroup(PartnerId Partner, string Name, PromiseRecord Record, IReadOnlyList<CommitmentView> Shown, long Matching,
        IReadOnlyList<AdviceRow> Advice);

    /// <summary>Promises per partner in the overview; the link under it opens all of that partner's, page by page.</summary>
    public const int PreviewSize = 10;

    /// <summary>The filter as typed: <c>alle</c>, <c>te-laat</c> or <c>binnenkort</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "toon")]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "partner")]
    public string? PartnerFilter { get; set; }

    /// <summary>"Stand op": a calendar day, "2026-10-01"; empty for now.</summary>
    [BindProperty(SupportsGet = true, Name = "stand")]
    public string? AsOfText { get; set; }

    /// <summary>"Sinds": only promises due on or after this calendar day, "2026-10-01"; empty for all.</summary>
    [BindProperty(SupportsGet = true, Name = "sinds")]
    public string? SinceText { get; set; }

    /// <summary>The day <see cref="SinceText"/> names, when it could be read.</summary>
    public LocalDate? Since { get; private set; }

    public string? SinceError { get; private set; }

    /// <summary>Which page of one partner's promises (<c>?pagina=</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int? PageNumber { get; set; }

    public LocalDate? AsOfDate { get; private set; }

    /// <summary>The moment the page is computed at: the end of <see cref="AsOfDate"/>, or now.</summary>
    public Instant At { get; private set; }

    public long Position { get; private set; }

    public IReadOnlyList<PartnerGroup> Groups { get; private set; } = [];

    /// <summary>The page links under one partner's promises; null in the overview.</summary>
    public Pager? Pages { get; private set; }

    public string? AsOfError { get; private set; }

    /// <summary>Partners left out because none of their promises matches the choice.</summary>
    public int HiddenPartners { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var asOf = AsOf(AsOfText, now, out var date, out var error);
        (AsOfDate, AsOfError) = (date, error);
        At = asOf ?? now;
        var at = asOf?.ToDateTimeOffset();

        Position = await commitments.PositionAsync(Alliance.Id, at, cancellationToken);

        // R9: advice that waits for the partner's written answer, as it stood then.
        var advice = (await proposals.AwaitingMotivationAsync(Alliance.Id, at, cancellationToken))
            .Select(r => (r.Advice.Partner, Row: new AdviceRow(r.Proposal.Value, r.Title, r.Advice.Due, r.StatusAt(At)))).ToList();

        var today = At.InZone(Commitment.Zone).Date;
        PartnerId? only = PartnerId.TryParse(PartnerFilter, out var p) ? p : null;
        var owners = await commitments.OwnersAsync(Alliance.Id, at, cancellationToken);
        var partners = Alliance.Partners.Where(x => x.IsMember || owners.Contains(x.Id) || advice.Any(a => a.Partner == x.Id))
            .Where(x => only is null || x.Id == only).ToList();
        var records = await commitments.RecordsAsync(Alliance.Id, [.. partners.Select(x => x.Id)], at, now, cancellationToken);
        var (wanted, dueBy) = Show switch
        {
            "te-laat" => (CommitmentStatus.Overdue, (LocalDate?)null),
            "binnenkort" => (CommitmentStatus.Open, today.PlusDays(SoonDays)),
            _ => ((CommitmentStatus?)null, (LocalDate?)null),
        };
        // A day that cannot be read is said next to its field; the rest of the choice still applies.
        if (!string.IsNullOrWhiteSpace(SinceText))
        {
            if (PromiseRules.TryParseDate(SinceText.Trim(), out var since)) Since = since;
            else SinceError = "Vul een datum in, bijvoorbeeld 1-10-2026.";
        }
        var request = only is null ? new PageRequest(1, PreviewSize) : PageRequest.Lenient(PageNumber);
        var groups = new List<PartnerGroup>();
        foreach (var x in partners)
        {
            var shown = await commitments.ListAsync(Alliance.Id, new CommitmentFilter(x.Id, wanted, dueBy, Since), at, now, request.Skip, request.Size, cancellationToken);
            groups.Add(new PartnerGroup(x.Id, x.Name, records[x.Id], shown.Items, shown.Total, [.. advice.Where(a => a.Partner == x.Id).Select(a => a.Row)]));
            if (only is not null) Pages = Pager.For(new Paged<CommitmentView>(shown.Items, request, shown.Total), Request, "beloftes", $"Bladeren door de beloftes van {x.Name}");
        }
        // A choice ("te laat", "binnenkort") shows the partners it concerns, not every partner with "nothing here".
        if ((wanted is not null || Since is not null) && only is null)
        {
            HiddenPartners = groups.Count(g => g.Matching == 0);
            groups = [.. groups.Where(g => g.Matching > 0)];
        }
        Groups = groups;
        var shownPromises = groups.SelectMany(g => g.Shown).ToList();
        _sources = await PromiseSources.LoadAsync(meetings, Alliance.Id, shownPromises.Select(c => c.State.Source), cancellationToken);
        await AddNamesAsync(shownPromises.Select(c => c.State.OwnerPerson).Concat(shownPromises.SelectMany(c => c.State.Source.Witnesses)), cancellationToken);
        return Page();
    }

    /// <summary>The address of all of one partner's promises, with the same choice and "stand op".</summary>
    public string AllOf(PartnerId partner) => $"{Request.PathBase}{Request.Path}?" + string.Join('&', Request.Query
        .Where(q => q.Key is not ("partner" or "pagina"))
        .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
        .Append("partner=" + Uri.EscapeDataString(partner.Value)));

    /// <summary>
    /// The end of the chosen day in Amsterdam (so the whole day counts), or null for now: no day, a day not in the past,
    /// or one that cannot be read (then <paramref name="error"/> says so).
    /// </summary>
    public static Instant? AsOf(string? text, Instant now, out LocalDate? date, out string? error)
    {
        (date, error) = (null, null);
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!Commitments.PromiseRules.TryParseDate(text.Trim(), out var day))
        {
            error = "Vul een datum in, bijvoorbeeld 1-10-2026.";
            return null;
        }
        // A day still to come has no state yet: say so, instead of quietly showing today (issue 13).
        if (day > now.InZone(DutchFormat.Amsterdam).Date)
        {
            error = "Die dag is nog niet geweest. Kies vandaag of een dag die voorbij is.";
            return null;
        }
        var end = Commitment.DueAt(day);
        if (end > now) return null;
        date = day;
        return end;
    }

    /// <summary>The keep rate of each partner shown, as bars (issue 13).</summary>
    public Presentation.Charts.BarChart KeepRateChart => PromiseCharts.KeepRate(Groups.Select(g => (g.Name, g.Record.KeepRate)));

    public string PartnerName(PartnerId partner) => Alliance.Partner(partner)?.Name ?? partner.Value;

    /// <summary>The model of the partial _BelofteBron: where a promise was made, with names and titles filled in.</summary>
    public (CommitmentSource, string, string, string, string) SourceOf(CommitmentSource source) => _sources.For(source, BasePath, NameOf);
}
