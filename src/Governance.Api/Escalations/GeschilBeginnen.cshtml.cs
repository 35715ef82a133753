using FluentValidation;
using Governance.Api.Alliances;
using Governance.Api.Commands;
using Governance.Api.Commitments;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.Proposals;
using Governance.Projections.Alliances;
using Governance.Projections.Commitments;
using Governance.Projections.Proposals;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Escalations;

/// <summary>
/// "Geschil beginnen" (R12, issue 13): a member of the alliance (the API's <see cref="EscalationEndpoints.Raisers"/>) starts a
/// dispute about a promise, a decision or an advice, picked from the alliance's own records, with a reason. The same
/// command, ladder and checks as POST /escalations; the dispute page opens afterwards.
/// </summary>
public sealed class GeschilBeginnenModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, CommitmentQueries commitments, ProposalQueries proposals,
    Projections.Escalations.EscalationQueries escalations, IValidator<RaiseEscalationRequest> validator, TimeProvider clock)
    : AlliancePageModel(queries, people, pipeline)
{
    // The choices' values: "<kind>:<id>", the kind in the page's own words (also in the ?over= link of a promise or decision).
    private const string Promise = "belofte", Decision = "besluit", Advice = "advies";

    /// <summary>One group of the list: promises, decisions or advice, each choice as (value, label).</summary>
    public sealed record Group(string Label, IReadOnlyList<(string Value, string Label)> Choices);

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "over")]
    public string? Subject { get; set; }

    public string? Reason { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Refuse(EscalationEndpoints.Raisers) is { } refused) return refused;
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Refuse(EscalationEndpoints.Raisers) is { } refused) return refused;
        await LoadChoicesAsync(cancellationToken);
        Reason = reason;
        var fields = FormErrors.Fields(
            ("Subject", "geschil-over", "Kies waar het geschil over gaat.", null),
            ("subject.kind", "geschil-over", "Kies waar het geschil over gaat.", null),
            ("subject.reference", "geschil-over", "Kies waar het geschil over gaat.", null),
            ("Reference", "geschil-over", "Kies waar het geschil over gaat.", null),
            ("Reason", "geschil-waarom", "Schrijf op waarom u een geschil begint.", null),
            ("Id", "geschil-waarom", "Schrijf op waarom u een geschil begint.", null));

        // Only what the list offered: a forged or stale value is not a record of this alliance.
        var chosen = Groups.SelectMany(g => g.Choices).Any(c => c.Value == Subject) ? Subject!.Split(':', 2) : null;
        if (chosen is null) Errors.Add("geschil-over", "Kies waar het geschil over gaat.");
        var kind = chosen?[0] switch
        {
            Promise => EscalationSubjectKind.OverdueCommitment,
            Decision => EscalationSubjectKind.DecisionNotExecuted,
            Advice => EscalationSubjectKind.AdviceWithoutMotivation,
            _ => (EscalationSubjectKind?)null,
        };
        var id = chosen is null ? "geschil" : FreeId(chosen[1], await TakenAsync(cancellationToken));
        var request = new RaiseEscalationRequest(id, new EscalationSubjectRequest(kind is { } k ? Kebab.Of(k) : null, chosen?[1]), reason);
        Errors.Add(await validator.ValidateAsync(request, cancellationToken), fields);
        if (Errors.Any) return Page();

        var escalation = EscalationId.Parse(id);
        var subject = new EscalationSubject(kind!.Value, chosen![1]);
        var by = Actor!.Person;
        var (ladder, version) = (Alliance.Agreements.EscalationLadder, Alliance.Agreements.Version);
        // R12: the ladder agreed in advance, in the version in force now; the dispute keeps it.
        var outcome = await ExecuteAsync(Escalation.Decider, escalation.StreamId,
            now => new RaiseEscalation(escalation, by, subject, reason!.Trim(), ladder, version, now), EscalationEndpoints.Raisers, fields, cancellationToken);
        if (outcome is null) return Page();
        Message = "Het geschil is begonnen. Hieronder ziet u de stappen en wanneer er een antwoord moet zijn.";
        return Redirect($"{BasePath}/geschillen/{escalation.Value}");
    }

    /// <summary>The promises, adopted decisions and advice of this alliance, as the form's choices.</summary>
    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var promises = await commitments.ChoicesAsync(Alliance.Id, cancellationToken);
        var (decisions, _) = await proposals.DecisionsAsync(Alliance.Id, 1, 500, newestFirst: true, cancellationToken);
        var (advice, _) = await proposals.AdviceAsync(Alliance.Id, null, NodaTime.Instant.FromDateTimeOffset(clock.GetUtcNow()), 1, 500, cancellationToken: cancellationToken);
        Groups =
        [
            new("Beloftes", [.. promises.Select(p => ($"{Promise}:{p.Id.Value}", $"{PartnerName(p.Owner)}: {p.What}"))]),
            new("Besluiten", [.. decisions.Where(d => d.State.Phase == Proposal.Phase.Adopted)
                .Select(d => ($"{Decision}:{d.Id.Value}", d.State.Title))]),
            new("Adviezen", [.. advice.Select(a => ($"{Advice}:{a.Proposal.Value}", $"{PartnerName(a.Advice.Partner)}: {a.Title}")).Distinct()]),
        ];
    }

    private async Task<IReadOnlySet<string>> TakenAsync(CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var skip = 0; ; skip += 200)
        {
            var page = await escalations.ListAsync(Alliance.Id, null, skip, 200, cancellationToken);
            taken.UnionWith(page.Items.Select(d => d.Id.Value));
            if (page.Items.Count < 200) return taken;
        }
    }

    /// <summary>"geschil-" and what it is about, numbered when that address is taken; never "nieuw", this page's own address.</summary>
    private static string FreeId(string reference, IReadOnlySet<string> taken)
    {
        var stem = $"geschil-{reference}";
        if (stem.Length > EscalationId.MaxLength - 4) stem = stem[..(EscalationId.MaxLength - 4)].TrimEnd('-');
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? stem : $"{stem}-{n}";
            if (!taken.Contains(candidate)) return candidate;
        }
    }

    public string PartnerName(Domain.PartnerId partner) => Alliance.Partner(partner)?.Name ?? partner.Value;
}
