using Governance.Api.Presentation;
using Governance.Projections.Alliances;

namespace Governance.Api.Alliances;

/// <summary>The main menu's "Werkafspraken": the agreements of the one alliance, or a choice between alliances.</summary>
public sealed class WerkafsprakenKeuzeModel(AllianceQueries queries) : AllianceChooserModel(queries)
{
    protected override string Section => "werkafspraken";
}
