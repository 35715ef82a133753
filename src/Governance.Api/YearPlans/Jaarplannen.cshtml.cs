using Governance.Api.Commands;
using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Projections.Alliances;
using Governance.Projections.YearPlans;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.YearPlans;

/// <summary>The alliance's plans (R11): straight to the one plan when there is one, a list to choose from otherwise, page by page.</summary>
public sealed class JaarplannenModel(AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, YearPlanQueries plans)
    : AlliancePageModel(queries, people, pipeline)
{
    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<YearPlanDocument> Plans { get; private set; } = [];

    public Pager? Pages { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        var request = PageRequest.Lenient(PageNumber);
        var page = await plans.ListAsync(Alliance.Id, request.Skip, request.Size, cancellationToken);
        if (page.Total == 1 && page.Items.Count == 1) return Redirect($"{BasePath}/jaarplan/{page.Items[0].Plan}");
        Plans = page.Items;
        Pages = Pager.For(new Paged<YearPlanDocument>(page.Items, request, page.Total), Request, "plannen", "Bladeren door de plannen");
        return Page();
    }
}
