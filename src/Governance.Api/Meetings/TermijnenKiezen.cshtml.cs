using Governance.Api.Presentation;
using Governance.Projections.Alliances;

namespace Governance.Api.Meetings;

/// <summary>The main menu's "Termijnen" (issue 13): the deadlines per partner (R1–R7) of the one alliance, or a choice between alliances.</summary>
public sealed class TermijnenKiezenModel(AllianceQueries queries) : AllianceChooserModel(queries)
{
    protected override string Section => "termijnen";
}
