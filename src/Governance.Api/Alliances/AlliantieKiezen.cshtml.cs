using Governance.Projections.Alliances;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Alliances;

/// <summary>
/// The main menu's "Allianties": with exactly one alliance in the ledger, straight to its overview; otherwise the
/// list at /allianties. The list keeps its own address, so breadcrumbs can always lead back to it.
/// </summary>
public sealed class AlliantieKeuzeModel(AllianceQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Two are enough to know whether there is exactly one.
        var (alliances, total) = await queries.PageAsync(0, 2, cancellationToken);
        // Temporary: once a second alliance is founded, the same menu item must lead to the list.
        return Redirect(total == 1 && alliances.Count == 1 ? $"/allianties/{alliances[0].Id.Value}" : "/allianties");
    }
}
