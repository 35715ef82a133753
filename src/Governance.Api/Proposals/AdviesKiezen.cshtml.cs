using Governance.Api.Presentation;
using Governance.Projections.Alliances;

namespace Governance.Api.Proposals;

/// <summary>The main menu's "Advies": the advice list (R9) of the one alliance, or a choice between alliances.</summary>
public sealed class AdviesKiezenModel(AllianceQueries queries) : AllianceChooserModel(queries)
{
    protected override string Section => "advies";
}
