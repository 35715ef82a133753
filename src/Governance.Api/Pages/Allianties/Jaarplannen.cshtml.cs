using Governance.Api.Commands;
using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Projections.Alliances;
using Governance.Projections.YearPlans;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Pages.Allianties;

/// <summary>The alliance's plans (R11): straight to the one plan when there is one, a list to choose from otherwise.</summary>
public sealed class JaarplannenModel(AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, YearPlanQueries plans)
    : AlliancePageModel(queries, people, pipeline)
{
    public IReadOnlyList<YearPlanView> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        Plans = await plans.ListAsync(Alliance.Id, null, cancellationToken);
        return Plans.Count == 1 ? Redirect($"{BasePath}/jaarplan/{Plans[0].Id.Value}") : Page();
    }
}
