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

// The chair's "Vergadering leiden" page (Leiden.cshtml.cs): a partner does not carry out an adopted decision, which
// makes it an advice to that partner (R9).
public sealed partial class LeidenModel
{
    public async Task<IActionResult> OnPostWeigeringAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Chair, cancellationToken) is { } stop) return stop;
        if (await ProposalOfFormAsync("weigering", cancellationToken) is not ({ } id, { } key)) return await ShowAsync(cancellationToken);
        var fields = Fields(key, ("Partner", "partner", "Kies welke partner het besluit niet uitvoert.", null),
            ("By", "wie", "Kies wie dat zegt namens de partner.", null), ("Reason", "reden", "Schrijf op waarom de partner het besluit niet uitvoert.", null));
        var request = new DeclineExecutionRequest(Form.Partner, NullIfEmpty(Form.By), Form.Reason);
        if (!await ValidAsync(request, fields, cancellationToken)) return await ShowAsync(cancellationToken);
        var partner = PartnerId.Parse(request.Partner!);
        if (ProposalAccess.Decliner(Actor!, Alliance.Id, partner, request.By is null ? null : PersonId.Parse(request.By)) is not { } by)
            return StatusCode(StatusCodes.Status403Forbidden);
        if (!ProposalAccess.Represents(Alliance, by, partner))
        {
            Errors.Add(Id(key, "wie"), request.By is null
                ? "Kies wie dit zegt namens de partner."
                : $"{NameOf(by)} is geen vertegenwoordiger van {PartnerName(partner)}. Kies een vertegenwoordiger van {PartnerName(partner)}.");
            return await ShowAsync(cancellationToken);
        }
        var outcome = await ExecuteAsync(id, now => new DeclineExecution(partner, by, request.Reason!.Trim(), Alliance.Agreements, now),
            ProposalRoles.Chair, fields, cancellationToken);
        return outcome is null ? await ShowAsync(cancellationToken)
            : Done($"{PartnerName(partner)} voert het besluit niet uit. Het is nu een advies aan {PartnerName(partner)}; die geeft een motivatie (afspraak R9).", id);
    }
}
