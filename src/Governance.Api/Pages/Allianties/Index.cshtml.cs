using Governance.Projections.Alliances;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Pages.Allianties;

/// <summary>Every alliance in the ledger: name, neighbourhood and how many partners sit at its table.</summary>
public sealed class AlliantiesModel(AllianceQueries queries) : PageModel
{
    public sealed record Row(string Id, string Name, string Neighbourhood, int Partners);

    public IReadOnlyList<Row> Alliances { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Alliances = [.. (await queries.ListAsync(cancellationToken))
            .Select(v => new Row(v.Id.Value, v.Name, v.Neighbourhood, v.Partners.Count(p => p.IsMember)))];
}
