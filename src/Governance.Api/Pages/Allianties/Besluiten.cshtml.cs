using Governance.Api.Commands;
using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Domain.Proposals;
using Governance.Projections.Alliances;
using Governance.Projections.Proposals;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Pages.Allianties;

/// <summary>
/// The decision register (besluitenlijst, issue 5 §4): every decided proposal with its method, result and date, the
/// record in one sentence; and the proposals still under way. Public, like the ledger.
/// </summary>
public sealed class BesluitenModel(AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, ProposalQueries proposals)
    : ProposalPageModel(queries, people, pipeline, proposals)
{
    public IReadOnlyList<ProposalView> Decided { get; private set; } = [];

    public IReadOnlyList<ProposalView> Other { get; private set; } = [];

    public string Record(ProposalView v) => ProposalTexts.Record(v, PartnerName, NameOf);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        var all = await Proposals.ListAsync(Alliance.Id, cancellationToken);
        // Decided: adopted (also when it became advice) or rejected; newest first, as a register is read.
        Decided = [.. all.Where(p => p.State.DecidedVersion is not null).OrderByDescending(p => p.DecidedAt)];
        Other = [.. all.Where(p => p.State.DecidedVersion is null).OrderByDescending(p => p.TabledAt)];
        return Page();
    }
}
