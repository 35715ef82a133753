using Governance.Api.Presentation;
using Governance.Projections.Alliances;

namespace Governance.Api.Meetings;

/// <summary>The main menu's "Vergaderingen": the year planning of the one alliance, or a choice between alliances.</summary>
public sealed class VergaderingenKeuzeModel(AllianceQueries queries) : AllianceChooserModel(queries)
{
    protected override string Section => "vergaderingen";
}
