using Governance.Projections.Alliances;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Pages.Allianties;

/// <summary>
/// A main-menu entry for one part of an alliance (its interest register, its working agreements): with one
/// alliance in the ledger it goes straight there; with more it asks which one; with none it says so.
/// </summary>
public abstract class AllianceChooserModel(AllianceQueries queries) : PageModel
{
    public sealed record Choice(string Name, string Neighbourhood, string Path);

    /// <summary>The part's address under /allianties/{alliance}/, e.g. "belangen".</summary>
    protected abstract string Section { get; }

    public IReadOnlyList<Choice> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var alliances = await queries.ListAsync(cancellationToken);
        Choices = [.. alliances.Select(a => new Choice(a.Name, a.Neighbourhood, $"/allianties/{a.Id.Value}/{Section}"))];
        // A temporary redirect: once a second alliance is founded, the same menu item must show the choice.
        return Choices.Count == 1 ? Redirect(Choices[0].Path) : Page();
    }
}
