using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Projections.Alliances;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Alliances;

/// <summary>Every alliance in the ledger, one page at a time: name, neighbourhood and how many partners sit at its table.</summary>
public sealed class AlliantiesModel(AllianceQueries queries) : PageModel
{
    public sealed record Row(string Id, string Name, string Neighbourhood, int Partners);

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int? Pagina { get; set; }

    public IReadOnlyList<Row> Alliances { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var request = PageRequest.Lenient(Pagina);
        var (items, total) = await queries.PageAsync(request.Skip, request.Size, cancellationToken);
        Alliances = [.. items.Select(v => new Row(v.Id.Value, v.Name, v.Neighbourhood, v.Partners.Count(p => p.IsMember)))];
        Pager = Pager.For(new Paged<Row>(Alliances, request, total), Request, "allianties");
    }
}
