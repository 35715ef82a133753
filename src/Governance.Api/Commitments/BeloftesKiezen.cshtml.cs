using Governance.Api.Presentation;
using Governance.Projections.Alliances;

namespace Governance.Api.Commitments;

/// <summary>The main menu's "Beloftes" (issue 13): the promises (R10) of the one alliance, or a choice between alliances.</summary>
public sealed class BeloftesKiezenModel(AllianceQueries queries) : AllianceChooserModel(queries)
{
    protected override string Section => "beloftes";
}
