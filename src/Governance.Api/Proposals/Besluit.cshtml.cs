using Governance.Api.Commands;
using System.Globalization;
using Governance.Api.Alliances;
using Governance.Api.Auth;
using Governance.Api.Commitments;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Proposals;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;
using Governance.Projections.Proposals;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Governance.Api.Proposals;

/// <summary>
/// One proposal's full record in plain Dutch (issue 5 §4; the timeline links here): every text version, every question,
/// objection and concern and what was done with it (R21), each vote with its tally per option, recusals (R16), and
/// advice with its due date and the motivation or "te laat" (R9). Public, like the ledger.
/// </summary>
public sealed class BesluitModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, ProposalQueries proposals, MeetingQueries meetings, TimeProvider clock)
    : ProposalPageModel(queries, people, pipeline, proposals)
{
    public ProposalView? Proposal { get; private set; }

    public string? MeetingTitle { get; private set; }

    public string? ItemTitle { get; private set; }

    public Instant Now { get; private set; }

    public string Record => ProposalTexts.Record(Proposal!, PartnerName, NameOf);

    public TallyPanel? Tally => ProposalTexts.Panel(Proposal!, BasePath, PartnerName);

    /// <summary>An earlier (or the last) round's count in one line: "voor 2 partners (3 gewogen), tegen …".</summary>
    /// <summary>
    /// The count of a closed vote: the weighted votes that decide (R8, R14) in one sentence, the partners behind them in
    /// another, so that no sentence mixes the two bases (issue 13).
    /// </summary>
    public static string Counts(VoteClosed c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return string.Create(CultureInfo.InvariantCulture,
            $"Gewogen stemmen: {c.ForWeight} voor, {c.AgainstWeight} tegen, {c.AbstainWeight} onthouden. Partners: {c.ForCount} voor, {c.AgainstCount} tegen, {c.AbstainCount} onthouden");
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        await LoadPageAsync(cancellationToken);
        return Page();
    }

    // ---- issue 13: correcting who objected ----

    private readonly Dictionary<string, string?> _kept = new(StringComparer.Ordinal);

    /// <summary>The objection whose correction form is open (after an error), or null.</summary>
    public int? OpenObjection { get; private set; }

    /// <summary>The chair or the secretary corrects who objected (<see cref="Correctors.Roles"/>, as the API).</summary>
    public bool MayCorrect => Actor is not null && Correctors.Roles.Any(Has);

    /// <summary>Everyone at the table (representatives and officers) by name: who may have objected.</summary>
    public IReadOnlyList<(PersonId Person, string Name)> TablePeople { get; private set; } = [];

    /// <summary>The member partners by name: for whom someone may have objected.</summary>
    public IReadOnlyList<(PartnerId Partner, string Name)> MemberPartners { get; private set; } = [];

    public string? Kept(string inputId) => _kept.TryGetValue(inputId, out var value) ? value : null;

    public static string FieldId(int objection, string field) => $"bezwaar-{objection.ToString(CultureInfo.InvariantCulture)}-{field}";

    /// <summary>
    /// Issue 13: the chair or the secretary corrects who objected (the person, and the partner or none) with a reason; a new event, so
    /// the original stays readable. The same checks as the API (<see cref="ProposalEndpoints.SpeakerProblem"/>).
    /// </summary>
    public async Task<IActionResult> OnPostBezwaarCorrigerenAsync(int objection, string? by, string? partner, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Refuse(Correctors.Roles) is { } refused) return refused;
        if (!await LoadPageAsync(cancellationToken)) return Page();
        OpenObjection = objection;
        var (byId, partnerId, reasonId) = (FieldId(objection, "wie"), FieldId(objection, "partner"), FieldId(objection, "reden"));
        (_kept[byId], _kept[partnerId], _kept[reasonId]) = (by, partner, reason);
        var fields = FormErrors.Fields(
            ("By", byId, "Kies wie het bezwaar maakte.", null),
            ("Partner", partnerId, "Kies namens welke partner, of ‘in eigen naam’.", null),
            ("Reason", reasonId, "Schrijf op wat er fout was.", null));
        var request = new CorrectObjectionRequest(by, string.IsNullOrEmpty(partner) ? null : partner, reason);
        if (!await ValidAsync(request, fields, cancellationToken)) return Page();

        var (person, forPartner) = (PersonId.Parse(by!), request.Partner is null ? (PartnerId?)null : PartnerId.Parse(request.Partner));
        if (ProposalEndpoints.SpeakerProblem(Alliance, person, forPartner) is not null)
        {
            Errors.Add(byId, $"{NameOf(person)} is geen vertegenwoordiger van {PartnerName(forPartner!.Value)}. Kies de persoon en de partner die het bezwaar maakten.");
            return Page();
        }
        var (corrector, office) = (Actor!.Person, Correctors.OfficeOf(HttpContext, Alliance.Id));
        var outcome = await ExecuteAsync(Proposal!.Id, now => new CorrectObjection(objection, person, forPartner, corrector, office, reason!, now),
            Correctors.Roles, fields, cancellationToken);
        if (outcome is null) return Page();
        Message = outcome.Events.Count == 0
            ? "Dat was al zo. Er is niets veranderd."
            : "De correctie is vastgelegd. Wat er eerst stond, blijft te lezen bij het bezwaar.";
        return Redirect($"{DecisionPath(Proposal.Id)}#kop-bezwaren");
    }

    private async Task<bool> LoadPageAsync(CancellationToken cancellationToken)
    {
        Proposal = await LoadProposalAsync(cancellationToken);
        if (Proposal is null) return false;
        Now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        if (await meetings.GetAsync(Alliance.Id, Proposal.State.Meeting, null, cancellationToken) is { State: Domain.Meetings.Meeting.State.Scheduled m })
        {
            MeetingTitle = DutchFormat.DateTime(m.StartsAt.ToInstant());
            ItemTitle = m.Items.TryGetValue(Proposal.State.Item, out var item) ? item.Title : null;
        }
        // Who objected and who corrected it may have left the table since: their names are still on the record.
        await AddNamesAsync(Proposal.Objections.SelectMany(o => o.Corrections.SelectMany(c => new[] { c.PreviousBy, c.CorrectedBy }).Append(o.By)), cancellationToken);
        var culture = StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), true);
        TablePeople = [.. Alliance.Representatives.Select(r => r.Person).Concat(Alliance.Officers.Select(o => o.Person)).Distinct()
            .Select(p => (p, NameOf(p))).OrderBy(p => p.Item2, culture)];
        MemberPartners = [.. Alliance.Partners.Where(p => p.IsMember).Select(p => (p.Id, p.Name)).OrderBy(p => p.Name, culture)];
        return true;
    }
}
