using Governance.Api.Presentation;
using Governance.Projections.Alliances;

namespace Governance.Api.YearPlans;

/// <summary>The main menu's "Jaarplan" (issue 13): the year plans of the one alliance, or a choice between alliances.</summary>
public sealed class JaarplanKiezenModel(AllianceQueries queries) : AllianceChooserModel(queries)
{
    protected override string Section => "jaarplan";
}
