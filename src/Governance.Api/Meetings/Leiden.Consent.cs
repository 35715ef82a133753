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

// The chair's "Vergadering leiden" page (Leiden.cshtml.cs): the consent round (R8): open it, questions and reactions,
// objections raised, tested and resolved, consent.
public sealed partial class LeidenModel
{
    public Task<IActionResult> OnPostConsentrondeAsync(CancellationToken cancellationToken) =>
        SimpleAsync("consentronde", now => new OpenConsentRound(now), "De consentronde is geopend.", cancellationToken);

    public async Task<IActionResult> OnPostBijdrageAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Recorders, cancellationToken) is { } stop) return stop;
        if (await ProposalOfFormAsync("bijdrage", cancellationToken) is not ({ } id, { } key)) return await ShowAsync(cancellationToken);
        var fields = Fields(key, ("Kind", "soort-vraag", "Kies of het een vraag of een reactie is.", null), ("By", "wie", "Kies wie het zei.", null),
            ("Summary", "samenvatting", "Schrijf kort op wat er gezegd is.", null));
        var by = Attendee(Form.By);
        var request = new ContributionRequest(Form.Kind, by?.Person.Value, by?.Partner.Value, Form.Summary);
        if (!await ValidAsync(request, fields, cancellationToken)) return await ShowAsync(cancellationToken);
        var outcome = await ExecuteAsync(id, now => new RecordContribution(Kebab.Parse<ContributionKind>(request.Kind!), by?.Person, by?.Partner,
            request.Summary!.Trim(), now), ProposalRoles.Recorders, fields, cancellationToken);
        return outcome is null ? await ShowAsync(cancellationToken) : Done(request.Kind == "question" ? "De vraag is genoteerd." : "De reactie is genoteerd.", id);
    }

    public async Task<IActionResult> OnPostBezwaarAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Chair, cancellationToken) is { } stop) return stop;
        if (await ProposalOfFormAsync("bezwaar", cancellationToken) is not ({ } id, { } key)) return await ShowAsync(cancellationToken);
        var fields = Fields(key, ("By", "wie", "Kies wie bezwaar maakt.", null), ("Partner", "partner", "Kies voor welke partner.", null),
            ("Reasons", "redenen", "Schrijf op waarom iemand bezwaar maakt.", null));
        var by = Attendee(Form.By);
        if (by is null) Errors.Add(Id(key, "wie"), "Kies wie bezwaar maakt.");
        if (!await ValidAsync(new RaiseObjectionRequest(Form.By, NullIfEmpty(Form.Partner), Form.Reasons), fields, cancellationToken) || Errors.Any)
            return await ShowAsync(cancellationToken);
        PartnerId? partner = NullIfEmpty(Form.Partner) is { } p ? PartnerId.Parse(p) : null;
        if (!ProposalAccess.MayObject(Actor!, Alliance.Id, by!.Person, partner)) return StatusCode(StatusCodes.Status403Forbidden);
        if (partner is { } forPartner && !ProposalAccess.Represents(Alliance, by.Person, forPartner))
        {
            Errors.Add(Id(key, "partner"), $"{by.Name} is geen vertegenwoordiger van {PartnerName(forPartner)}. Kies ‘Voor zichzelf’ of de partner die {by.Name} vertegenwoordigt.");
            return await ShowAsync(cancellationToken);
        }
        var outcome = await ExecuteAsync(id, now => new RaiseObjection(by.Person, partner, Form.Reasons!.Trim(), now), ProposalRoles.Chair, fields, cancellationToken);
        return outcome is null ? await ShowAsync(cancellationToken) : Done($"Het bezwaar van {by.Name} is genoteerd. Toets het nu: geldig bezwaar of zorg?", id);
    }

    public async Task<IActionResult> OnPostToetsenAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Chair, cancellationToken) is { } stop) return stop;
        if (await ProposalOfFormAsync("toetsen", cancellationToken) is not ({ } id, { } key)) return await ShowAsync(cancellationToken);
        var fields = Fields(key, ("Finding", "geldig", "Kies of het een geldig bezwaar is of een zorg.", null), ("Note", "toelichting", "", null));
        var request = new TestObjectionRequest(Form.Finding, NullIfEmpty(Form.Note));
        if (!await ValidAsync(request, fields, cancellationToken)) return await ShowAsync(cancellationToken);
        var finding = Kebab.Parse<ObjectionFinding>(request.Finding!);
        var outcome = await ExecuteAsync(id, now => new TestObjection(Form.Objection ?? 0, finding, request.Note?.Trim() ?? string.Empty, now),
            ProposalRoles.Chair, fields, cancellationToken);
        return outcome is null ? await ShowAsync(cancellationToken)
            : Done(finding == ObjectionFinding.ValidObjection
                ? "Het is een geldig bezwaar. Los het op: verwerk het in een nieuwe versie, laat het intrekken of stel het uit."
                : "Het is een zorg. Die is genoteerd en houdt het besluit niet tegen.", id);
    }

    public async Task<IActionResult> OnPostOplossenAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Chair, cancellationToken) is { } stop) return stop;
        if (await ProposalOfFormAsync("oplossen", cancellationToken) is not ({ } id, { } key)) return await ShowAsync(cancellationToken);
        var fields = Fields(key, ("Resolution", "verwerkt", "Kies wat er met het bezwaar is gedaan.", null),
            ("Text", "tekst", "Schrijf de nieuwe tekst van het voorstel op.", null), ("Note", "toelichting", "", null),
            ("Owner", "eigenaar", "Kies wie erop terugkomt.", null), ("Due", "datum", "Vul de datum in.", "Vul een datum in, bijvoorbeeld 9 juni 2026."),
            ("Reason", "toelichting", "Schrijf op wat er in de nieuwe versie is veranderd.", null));
        var request = new ResolveObjectionRequest(Form.Resolution, NullIfEmpty(Form.Note), NullIfEmpty(Form.Owner), NullIfEmpty(Form.Due));
        if (!await ValidAsync(request, fields, cancellationToken)) return await ShowAsync(cancellationToken);
        var resolution = Kebab.Parse<ObjectionResolution>(request.Resolution!);
        var number = Form.Objection ?? 0;
        var view = await Proposals.GetAsync(Alliance.Id, id, cancellationToken: cancellationToken);
        if (resolution == ObjectionResolution.Amendment && NullIfEmpty(Form.Text) is { } text && text.Trim() != view?.State.Text)
        {
            // The amendment first (the same command as POST …/amendments), then the resolution that names its version.
            var objector = view?.Objections.FirstOrDefault(o => o.Number == number) is { } o ? ObjectorText(o) : "het bezwaar";
            var reason = NullIfEmpty(Form.Note)?.Trim() ?? $"Bezwaar van {objector} verwerkt.";
            if (!await ValidAsync(new AmendProposalRequest(text, reason), fields, cancellationToken)) return await ShowAsync(cancellationToken);
            if (await ExecuteAsync(id, now => new AmendProposal(text.Trim(), reason, now), ProposalRoles.Chair, fields, cancellationToken) is null)
                return await ShowAsync(cancellationToken);
        }
        var outcome = await ExecuteAsync(id, now => new ResolveObjection(number, resolution, request.Note?.Trim() ?? string.Empty,
            request.Owner is null ? null : PersonId.Parse(request.Owner),
            request.Due is null ? null : LocalDatePattern.Iso.Parse(request.Due).Value, now), ProposalRoles.Chair, fields, cancellationToken);
        return outcome is null ? await ShowAsync(cancellationToken) : Done(resolution switch
        {
            ObjectionResolution.Amendment => "Het bezwaar is verwerkt in een nieuwe versie van de tekst.",
            ObjectionResolution.Withdrawal => "Het bezwaar is ingetrokken.",
            _ => "Het bezwaar is uitgesteld.",
        }, id);
    }

    public Task<IActionResult> OnPostConsentAsync(CancellationToken cancellationToken) =>
        SimpleAsync("consent", now => new ReachConsent(now), "Er is consent. Het voorstel is aangenomen.", cancellationToken);
}
