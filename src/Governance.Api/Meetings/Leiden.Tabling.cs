using Governance.Api.Commands;
using System.Globalization;
using Governance.Api.Alliances;
using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Api.Proposals;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;
using Governance.Projections.Proposals;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace Governance.Api.Meetings;

// The chair's "Vergadering leiden" page (Leiden.cshtml.cs): table a proposal on a decidable agenda item (R7, R9).
public sealed partial class LeidenModel
{
    public async Task<IActionResult> OnPostIndienenAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Chair, cancellationToken) is { } stop) return stop;
        var key = Form.Key = $"indienen-{Form.Item}";
        var fields = Fields(key, ("Title", "titel", "Vul de titel van het voorstel in.", null), ("Text", "tekst", "Schrijf de tekst van het voorstel op.", null),
            ("Partner", "partner", "Kies namens welke partner het voorstel komt.", null), ("Proposer", "indiener", "Kies wie het voorstel indient.", null));
        if (!AgendaItemId.TryParse(Form.Item, out var item) || !Meeting!.Items.ContainsKey(item))
        {
            Errors.Add(null, RuleMessage.For("item.unknown").Text);
            return await ShowAsync(cancellationToken);
        }
        var slug = AlliantieModel.SlugFrom(Form.Title);
        var request = new TableProposalRequest(slug.Length == 0 ? null : slug, MeetingId.Value, item.Value, Form.Title, Form.Text, Form.Partner,
            string.IsNullOrEmpty(Form.Proposer) ? null : Form.Proposer, Form.Concerns);
        if (!await ValidAsync(request, fields, cancellationToken)) return await ShowAsync(cancellationToken);

        var partner = PartnerId.Parse(request.Partner!);
        var concerns = Form.Concerns.Select(PartnerId.Parse).Distinct().ToList();
        var proposer = request.Proposer is null ? Actor!.Person : PersonId.Parse(request.Proposer);
        switch (ProposalAccess.MayTable(Actor!, Alliance, partner, proposer, concerns, out _))
        {
            case ProposalAccess.Check.Forbidden: return StatusCode(StatusCodes.Status403Forbidden);
            case ProposalAccess.Check.NotAMember: Errors.Add(RuleMessage.For("partner.not-a-member"), fields); return await ShowAsync(cancellationToken);
            case ProposalAccess.Check.NotARepresentative:
                Errors.Add(Id(key, "indiener"), request.Proposer is null
                    ? $"Kies wie het voorstel indient: een vertegenwoordiger van {PartnerName(partner)}."
                    : $"{NameOf(proposer)} is geen vertegenwoordiger van {PartnerName(partner)}. Kies een vertegenwoordiger van {PartnerName(partner)}, of een andere partner.");
                return await ShowAsync(cancellationToken);
        }
        var id = ProposalId.Parse(request.Id!);
        var decidability = Meeting!.IsDecidable(item);
        var outcome = await ExecuteAsync(id, now => new TableProposal(id, MeetingId, item, Form.Title!.Trim(), Form.Text!.Trim(), partner, proposer,
            [.. concerns], decidability, now), ProposalRoles.Chair, fields, cancellationToken);
        if (outcome is null) return await ShowAsync(cancellationToken);
        return Done($"Het voorstel ‘{Form.Title!.Trim()}’ is ingediend.", id);
    }
}
