using Governance.Api.Alliances;
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
    public sealed record Row(AllianceView Alliance, DisputeRow Dispute, string Subject, string Href, int AgeDays, IReadOnlyList<string> Missed);

    /// <summary>"Stand op": every dispute of every alliance as it stood at the end of that day (issue 13); empty for now.</summary>
    [BindProperty(SupportsGet = true, Name = "stand")]
    public string? AsOfText { get; set; }

    public LocalDate? AsOfDate { get; private set; }

    public string? AsOfError { get; private set; }

    public FormErrors Errors { get; } = new();

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
        var asOf = Commitments.BeloftesModel.AsOf(AsOfText, Now, out var day, out var error);
        (AsOfDate, AsOfError) = (day, error);
        if (error is not null)
        {
            // A day that cannot be shown is said so, with the date kept as typed; today's list is not shown in its place.
            Errors.Add("stand", error);
            return Page();
        }
        var at = asOf?.ToDateTimeOffset();
        var moment = asOf ?? Now;
        var shown = new Dictionary<string, AllianceView>(StringComparer.Ordinal);
        foreach (var (alliance, _) in await escalations.AlliancesOfContactAsync(actor.Person, at, cancellationToken))
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
            var count = await escalations.CountAsync(alliance.Id, at, cancellationToken);
            var (from, to) = (Math.Max(request.Skip, offset), Math.Min(end, offset + count));
            if (from < to)
            {
                var basePath = $"/allianties/{alliance.Id.Value}";
                var page = await escalations.ListAsync(alliance.Id, at, (int)(from - offset), (int)(to - from), cancellationToken);
                foreach (var d in page.Items)
                {
                    // Who missed a step: the partners the dispute is about, read from the dispute with what it refers to.
                    var concerned = d.Missed.Count == 0 || await escalations.GetAsync(alliance.Id, d.Id, at, cancellationToken) is not { } view
                        ? [] : DisputeTexts.Concerned(view);
                    string Name(Domain.PartnerId p) => alliance.Partner(p)?.Name ?? p.Value;
                    rows.Add(new Row(alliance, d, GeschilModel.SubjectOf(d, basePath).Text, $"{basePath}/geschillen/{d.Id.Value}",
                        Math.Max(0, (int)Math.Floor((moment - d.Raised.RaisedAt).TotalDays)),
                        [.. d.Missed.Select(m => $"Stap {m.Step} ({AgreementTexts.Step(m.Description)}): {DisputeTexts.Missed(concerned, Name, m)}")]));
                }
            }
            offset += count;
        }
        Rows = rows;
        Pages = Pager.For(new Paged<Row>(rows, request, offset), Request, "geschillen", "Bladeren door de geschillen");
        return Page();
    }
}
