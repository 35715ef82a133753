using Governance.Api.Http;
using Governance.Projections.Alliances;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Presentation;

/// <summary>
/// A main-menu entry for one part of an alliance (its interest register, its working agreements): with one
/// alliance in the ledger it goes straight there; with more it asks which one, a page at a time; with none it says so.
/// </summary>
public abstract class AllianceChooserModel(AllianceQueries queries) : PageModel
{
    /// <summary>Where the chooser's page links are for <c>_Kies</c> (which takes a fixed tuple from five pages).</summary>
    public const string PagerKey = "KiesBladeren";

    public sealed record Choice(string Name, string Neighbourhood, string Path);

    /// <summary>The part's address under /allianties/{alliance}/, e.g. "belangen".</summary>
    protected abstract string Section { get; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int? Pagina { get; set; }

    public IReadOnlyList<Choice> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var request = PageRequest.Lenient(Pagina);
        var (alliances, total) = await queries.PageAsync(request.Skip, request.Size, cancellationToken);
        Choices = [.. alliances.Select(a => new Choice(a.Name, a.Neighbourhood, $"/allianties/{a.Id.Value}/{Section}"))];
        // A temporary redirect: once a second alliance is founded, the same menu item must show the choice.
        if (total == 1 && Choices.Count == 1) return Redirect(Choices[0].Path);
        ViewData[PagerKey] = Pager.For(new Paged<Choice>(Choices, request, total), Request, "allianties");
        return Page();
    }
}
