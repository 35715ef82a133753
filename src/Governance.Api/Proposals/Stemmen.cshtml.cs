using Governance.Api.Commands;
using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Api.Proposals;
using Governance.Domain;
using Governance.Domain.Proposals;
using Governance.Projections.Alliances;
using Governance.Projections.Proposals;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Governance.Api.Proposals;

/// <summary>
/// A representative casts the partner's vote from a phone (issue 5 §4): voor, tegen or onthouden, the current choice
/// shown and changeable until close. The post is the API's <c>CastVote</c>; mandate, presence and recusal are the
/// decider's, and its refusal shows in Dutch.
/// </summary>
public sealed class StemmenModel(AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, ProposalQueries proposals, TimeProvider clock)
    : ProposalPageModel(queries, people, pipeline, proposals)
{
    public const string ChoiceInput = "keuze-voor";
    public const string PartnerInput = "stem-partner";

    private static readonly Dictionary<string, FormErrors.Field> Fields = new(StringComparer.Ordinal)
    {
        ["Partner"] = new(PartnerInput, "Kies namens welke partner u stemt."),
        ["Choice"] = new(ChoiceInput, "Kies voor, tegen of onthouden."),
    };

    public ProposalView? Proposal { get; private set; }

    /// <summary>The partners the signed-in person represents here (usually one).</summary>
    public IReadOnlyList<PartnerId> MyPartners { get; private set; } = [];

    [BindProperty]
    public string? Partner { get; set; }

    [BindProperty]
    public string? Choice { get; set; }

    public bool Open => Proposal?.State.Phase == Domain.Proposals.Proposal.Phase.Voting;

    /// <summary>
    /// Why this representative cannot vote in the open vote at all (not present, recused, no mandate, a colleague voted),
    /// asked of the decider before the form is offered, so they read it before choosing instead of after submitting
    /// (issue 13); null when they can vote for at least one of their partners.
    /// </summary>
    public string? CannotVote { get; private set; }

    /// <summary>The vote this partner has now in the current round, and who cast it.</summary>
    public (VoteChoice Choice, PersonId By)? Current(PartnerId partner) =>
        Proposal?.LastRound is { } round && Proposal.Casts.LastOrDefault(c => c.Round == round.Round && c.Partner == partner) is { } cast
            && ProposalTexts.Ballots(Proposal, round.Round).ContainsKey(partner)
            ? (cast.Choice, cast.By) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Refuse(ProposalRoles.Voters) is { } refused) return refused;
        await ShowAsync(cancellationToken);
        if (MyPartners.Count == 1 && Current(MyPartners[0]) is { } current) Choice = Kebab.Of(current.Choice);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Refuse(ProposalRoles.Voters) is { } refused) return refused;
        if (!await ShowAsync(cancellationToken)) return Page();
        if (MyPartners.Count == 1) Partner ??= MyPartners[0].Value;
        var request = new CastVoteRequest(Partner, Choice);
        // With one partner there is no partner field: a refusal about the partner goes to the summary.
        var fields = MyPartners.Count > 1 ? Fields : Fields.Where(f => f.Key != "Partner").ToDictionary(StringComparer.Ordinal);
        if (!await ValidAsync(request, fields, cancellationToken)) return Page();
        var partner = PartnerId.Parse(request.Partner!);
        if (!ProposalAccess.MayCastFor(Actor!, Alliance.Id, partner)) return StatusCode(StatusCodes.Status403Forbidden);
        var choice = Kebab.Parse<VoteChoice>(request.Choice!);
        var outcome = await ExecuteAsync(Proposal!.Id, now => new CastVote(Actor!.Person, partner, choice, now), ProposalRoles.Voters, fields, cancellationToken);
        if (outcome is null) return Page();
        Message = outcome.Events.Count == 0
            ? $"Uw stem was al: {ProposalTexts.Choice(choice)}. Er is niets veranderd."
            : $"Uw stem namens {PartnerName(partner)} is: {ProposalTexts.Choice(choice)}. U kunt dit veranderen tot de stemming sluit.";
        return RedirectToPage();
    }

    private async Task<bool> ShowAsync(CancellationToken cancellationToken)
    {
        Proposal = await LoadProposalAsync(cancellationToken);
        MyPartners = [.. Actor!.RepresentedPartners(Alliance.Id).Distinct()];
        if (Proposal is { } v && Open && MyPartners.Count > 0)
        {
            var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
            // Any choice will do as the probe: the refusals that matter here do not depend on it.
            var refusals = MyPartners.Select(p => Domain.Proposals.Proposal.Decider.Refusal(new CastVote(Actor.Person, p, VoteChoice.For, now), v.State)).ToList();
            if (refusals.All(r => r is not null)) CannotVote = RuleMessage.For(refusals[0]!.Code).Text;
        }
        return Proposal is not null;
    }
}
