using Governance.Api.Commands;
using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Projections.Alliances;
using Governance.Projections.Proposals;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Proposals;

/// <summary>
/// The projector page of a vote (issue 5 §2): large type, no forms, public like the rest of the ledger. Who has voted,
/// the choices only when the vote is not secret until close (or closed), weighted totals and the quorum, live.
/// </summary>
public sealed class StemmingModel(AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, ProposalQueries proposals)
    : ProposalPageModel(queries, people, pipeline, proposals)
{
    public ProposalView? Proposal { get; private set; }

    public TallyPanel? Tally { get; private set; }

    /// <summary>The closed vote's result in one sentence ("Aangenomen met 3 van 5 gewogen stemmen; …").</summary>
    public string Result => Proposal is { } v ? ProposalTexts.Record(v, PartnerName, NameOf) : "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        Proposal = await LoadProposalAsync(cancellationToken);
        if (Proposal is not null) Tally = ProposalTexts.Panel(Proposal, BasePath, PartnerName);
        return Page();
    }
}
