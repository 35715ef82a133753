using Governance.Api.Pages.Allianties;
using Governance.Projections.Alliances;

namespace Governance.Api.Pages;

/// <summary>The main menu's "Vergaderingen": the year planning of the one alliance, or a choice between alliances.</summary>
public sealed class VergaderingenKeuzeModel(AllianceQueries queries) : AllianceChooserModel(queries)
{
    protected override string Section => "vergaderingen";
}
