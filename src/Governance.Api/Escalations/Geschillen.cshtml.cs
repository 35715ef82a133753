using Governance.Api.Auth;
using Governance.Api.Escalations;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Projections.Alliances;
using Governance.Projections.Escalations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Governance.Api.Escalations;

/// <summary>
/// "Geschillen" (R12): the escalation contact's overview of the disputes of every alliance that assigned them, as
/// GET /api/v1/escalations; someone else sees the disputes of the alliances where they may read them
/// (<see cref="EscalationEndpoints.MayRead"/>). Sign in first. One list by alliance name, then as raised, page by page: each
/// alliance's disputes are counted, and only the rows of the page are read (from the dispute documents).
/// </summary>
public sealed class GeschillenModel(EscalationQueries escalations, AllianceQueries alliances, TimeProvider clock) : PageModel
{
    public sealed record Row(AllianceView Alliance, DisputeRow Dispute, string Subject, string Href, int AgeDays);

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int? PageNumber { get; set; }

    public Instant Now { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Pager? Pages { get; private set; }

    public bool IsContact { get; private set; }

    /// <summary>The alliances where this person may start a dispute (<see cref="EscalationEndpoints.Raisers"/>), with the form's address.</summary>
    public IReadOnlyList<(string Name, string Href)> StartLinks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (HttpContext.GetActor() is not { } actor) return Challenge();
        Now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var shown = new Dictionary<string, AllianceView>(StringComparer.Ordinal);
        foreach (var (alliance, _) in await escalations.AlliancesOfContactAsync(actor.Person, null, cancellationToken))
        {
            shown[alliance.Id.Value] = alliance;
            IsContact = true;
        }
        foreach (var alliance in await alliances.ListAsync(cancellationToken))
        {
            if (!shown.ContainsKey(alliance.Id.Value) && EscalationEndpoints.MayRead(HttpContext, alliance)) shown[alliance.Id.Value] = alliance;
        }

        StartLinks = [.. shown.Values.Where(a => EscalationEndpoints.Raisers.Any(r => actor.Has(a.Id, r)))
            .OrderBy(a => a.Name, StringComparer.CurrentCulture).Select(a => (a.Name, $"/allianties/{a.Id.Value}/geschillen/nieuw"))];

        var request = PageRequest.Lenient(PageNumber);
        var (end, offset) = (request.Skip + (long)request.Size, 0L);
        var rows = new List<Row>();
        foreach (var alliance in shown.Values.OrderBy(a => a.Name, StringComparer.CurrentCulture))
        {
            var count = await escalations.CountAsync(alliance.Id, null, cancellationToken);
            var (from, to) = (Math.Max(request.Skip, offset), Math.Min(end, offset + count));
            if (from < to)
            {
                var basePath = $"/allianties/{alliance.Id.Value}";
                var page = await escalations.ListAsync(alliance.Id, null, (int)(from - offset), (int)(to - from), cancellationToken);
                rows.AddRange(page.Items.Select(d => new Row(alliance, d, GeschilModel.SubjectOf(d, basePath).Text, $"{basePath}/geschillen/{d.Id.Value}",
                    Math.Max(0, (int)Math.Floor((Now - d.Raised.RaisedAt).TotalDays)))));
            }
            offset += count;
        }
        Rows = rows;
        Pages = Pager.For(new Paged<Row>(rows, request, offset), Request, "geschillen", "Bladeren door de geschillen");
        return Page();
    }
}
