using Governance.Api.Commands;
using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Domain.Proposals;
using Governance.Projections.Alliances;
using Governance.Projections.Proposals;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Proposals;

/// <summary>
/// The decision register (besluitenlijst, issue 5 §4): every decided proposal with its method, result and date, the
/// record in one sentence; and the proposals still under way. Public, like the ledger.
/// </summary>
public sealed class BesluitenModel(AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, ProposalQueries proposals)
    : ProposalPageModel(queries, people, pipeline, proposals)
{
    /// <summary>The register's page (<c>?pagina=</c>), newest decision first.</summary>
    public Paged<ProposalView> Decided { get; private set; } = new([], PageRequest.First, 0);

    /// <summary>The proposals without a decision, newest first, paged apart (<c>?lopend=</c>).</summary>
    public Paged<ProposalView> Other { get; private set; } = new([], PageRequest.First, 0);

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = OtherParameter)]
    public int? OtherPageNumber { get; set; }

    public const string OtherParameter = "lopend";

    public string Record(ProposalView v) => ProposalTexts.Record(v, PartnerName, NameOf);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        // Decided: adopted (also when it became advice) or rejected; newest first, as a register is read.
        var decided = PageRequest.Lenient(PageNumber);
        var (items, total) = await Proposals.DecisionsAsync(Alliance.Id, decided.Page, decided.Size, newestFirst: true, cancellationToken);
        Decided = new(items, decided, total);
        var other = PageRequest.Lenient(OtherPageNumber);
        (items, total) = await Proposals.UndecidedAsync(Alliance.Id, other.Page, other.Size, cancellationToken);
        Other = new(items, other, total);
        return Page();
    }
}
