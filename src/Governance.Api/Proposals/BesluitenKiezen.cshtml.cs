using Governance.Api.Presentation;
using Governance.Projections.Alliances;

namespace Governance.Api.Proposals;

/// <summary>The main menu's "Besluiten": the decision register of the one alliance, or a choice between alliances.</summary>
public sealed class BesluitenKiezenModel(AllianceQueries queries) : AllianceChooserModel(queries)
{
    protected override string Section => "besluiten";
}
