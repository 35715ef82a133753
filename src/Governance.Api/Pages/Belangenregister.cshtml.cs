using Governance.Api.Pages.Allianties;
using Governance.Projections.Alliances;

namespace Governance.Api.Pages;

/// <summary>The main menu's "Belangenregister": the register of the one alliance, or a choice between alliances.</summary>
public sealed class BelangenregisterModel(AllianceQueries queries) : AllianceChooserModel(queries)
{
    protected override string Section => "belangen";
}
