using Governance.Projections.Alliances;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Pages;

/// <summary>
/// The main menu's "Allianties": with exactly one alliance in the ledger, straight to its overview; otherwise the
/// list at /allianties. The list keeps its own address, so breadcrumbs can always lead back to it.
/// </summary>
public sealed class AlliantieKeuzeModel(AllianceQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var alliances = await queries.ListAsync(cancellationToken);
        // Temporary: once a second alliance is founded, the same menu item must lead to the list.
        return Redirect(alliances.Count == 1 ? $"/allianties/{alliances[0].Id.Value}" : "/allianties");
    }
}
