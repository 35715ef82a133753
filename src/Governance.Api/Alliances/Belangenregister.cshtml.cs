using Governance.Api.Presentation;
using Governance.Projections.Alliances;

namespace Governance.Api.Alliances;

/// <summary>The main menu's "Belangenregister": the register of the one alliance, or a choice between alliances.</summary>
public sealed class BelangenregisterModel(AllianceQueries queries) : AllianceChooserModel(queries)
{
    protected override string Section => "belangen";
}
