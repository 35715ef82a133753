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

// The chair's "Vergadering leiden" page (Leiden.cshtml.cs): the vote: open it (R8, R13), a recusal (R16), close it.
public sealed partial class LeidenModel
{
    public async Task<IActionResult> OnPostStemmingOpenenAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Chair, cancellationToken) is { } stop) return stop;
        if (await ProposalOfFormAsync("stemming", cancellationToken) is not ({ } id, { } key)) return await ShowAsync(cancellationToken);
        var fields = Fields(key, ("Ground", "grond-consent-failed", "Kies waarom er gestemd wordt.", null));
        var request = new OpenVoteRequest(Form.Ground);
        if (!await ValidAsync(request, fields, cancellationToken)) return await ShowAsync(cancellationToken);
        var ground = Kebab.Parse<VoteGround>(request.Ground!);
        // The snapshot's inputs, read now, exactly as the API reads them (R14, R16).
        var meeting = await meetings.GetAsync(Alliance.Id, MeetingId, null, cancellationToken);
        var outcome = await ExecuteAsync(id, now => ProposalFacts.OpenVote(ground, Alliance, meeting?.State, now), ProposalRoles.Chair, fields, cancellationToken);
        return outcome is null ? await ShowAsync(cancellationToken) : Done("De stemming is open. De vertegenwoordigers kunnen nu stemmen.", id);
    }

    public async Task<IActionResult> OnPostBelangAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Chair, cancellationToken) is { } stop) return stop;
        if (await ProposalOfFormAsync("belang", cancellationToken) is not ({ } id, { } key)) return await ShowAsync(cancellationToken);
        var fields = Fields(key, ("Person", "wie", "Kies wie een belang heeft.", null), ("Reason", "reden", "Schrijf op welk belang er is.", null));
        var person = Attendee(Form.Person);
        if (person is null) Errors.Add(Id(key, "wie"), "Kies wie een belang heeft.");
        if (!await ValidAsync(new RecusalRequest(Form.Person, Form.Reason), fields, cancellationToken) || Errors.Any) return await ShowAsync(cancellationToken);
        if (!ProposalAccess.MayRecuse(Actor!, Alliance.Id, person!.Person)) return StatusCode(StatusCodes.Status403Forbidden);
        var outcome = await ExecuteAsync(id, now => new DeclareRecusal(person.Person, Form.Reason!.Trim(), now), ProposalRoles.Chair, fields, cancellationToken);
        return outcome is null ? await ShowAsync(cancellationToken) : Done($"{person.Name} stemt niet mee over dit voorstel (afspraak R16).", id);
    }

    public Task<IActionResult> OnPostStemmingSluitenAsync(CancellationToken cancellationToken) =>
        SimpleAsync("sluiten", now => new Domain.Proposals.CloseVote(now), "De stemming is gesloten.", cancellationToken);
}
