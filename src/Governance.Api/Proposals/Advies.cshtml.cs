using Governance.Api.Presentation;
using Governance.Api.Commands;
using Governance.Api.Alliances;
using Governance.Api.Commitments;
using Governance.Api.Http;
using Governance.Domain;
using Governance.Domain.Proposals;
using Governance.Projections.Alliances;
using Governance.Projections.Proposals;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Governance.Api.Proposals;

/// <summary>
/// Advice (R9, issue 5 §4): adopted decisions a partner declined to execute, in three lists: waiting for the
/// partner's motivation, motivation overdue, answered. Public, like the ledger. Below the lists, the partner's written
/// motivation (issue 13): a form for each advice the signed-in person may motivate (<see cref="ProposalAccess.MayMotivate"/>,
/// as POST …/advice/{partner}/motivation), and for the others of the alliance a line saying who can.
/// </summary>
public sealed class AdviesModel(AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, ProposalQueries proposals, TimeProvider clock)
    : ProposalPageModel(queries, people, pipeline, proposals)
{
    private readonly Dictionary<string, string?> _kept = new(StringComparer.Ordinal);

    /// <summary>One of the three lists: its status in the API's words, the page parameter of its page links, and the page shown.</summary>
    public sealed record Section(string Status, string Parameter, Paged<AdviceRow> Rows);

    public Section Pending { get; private set; } = Empty("pending");

    public Section Overdue { get; private set; } = Empty("overdue");

    public Section Answered { get; private set; } = Empty("answered");

    /// <summary>R9: every advice still without a motivation, for the motivation forms.</summary>
    public IReadOnlyList<AdviceRow> Awaiting { get; private set; } = [];

    /// <summary>Whether the signed-in person belongs to this alliance (then they see who may motivate what).</summary>
    public bool IsMember => Actor is not null && Actor.Grants.Any(g => g.Alliance == Alliance.Id);

    /// <summary>R9: the partner's representative gives the motivation, or the secretary enters it (as the API).</summary>
    public bool MayMotivate(PartnerId partner) =>
        Actor is not null && ProposalRoles.Motivators.Any(Has) && ProposalAccess.MayMotivate(Actor, Alliance.Id, partner);

    /// <summary>The ids of one advice's form fields: unique on the page, which can hold several forms.</summary>
    public static string FieldId(AdviceRow row, string field) => $"motivatie-{row.Proposal.Value}-{row.Advice.Partner.Value}-{field}";

    public string? Kept(string inputId) => _kept.TryGetValue(inputId, out var value) ? value : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        await LoadListsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMotivatieAsync(
        string? proposal, string? partner, string? motivation, string? follows, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Refuse(ProposalRoles.Motivators) is { } refused) return refused;
        await LoadListsAsync(cancellationToken);
        // Only an advice that waits for its motivation: the decider refuses a second one (R9.motivation-recorded) anyway.
        var row = Awaiting.FirstOrDefault(a => a.Proposal.Value == proposal && a.Advice.Partner.Value == partner);
        if (row is null)
        {
            Errors.Add(null, "Bij dit advies is geen motivatie meer nodig. Misschien gaf iemand die net.");
            return Page();
        }
        if (!MayMotivate(row.Advice.Partner)) return StatusCode(StatusCodes.Status403Forbidden);

        var (textId, followsId) = (FieldId(row, "tekst"), FieldId(row, "volgt-ja"));
        (_kept[textId], _kept[FieldId(row, "volgt")]) = (motivation, follows);
        var fields = FormErrors.Fields(
            ("Motivation", textId, "Schrijf de motivatie op.", null),
            ("FollowsAdvice", followsId, "Kies of de partner het advies toch volgt.", null));
        bool? followsAdvice = follows switch { "ja" => true, "nee" => false, _ => null };
        if (!await ValidAsync(new AdviceMotivationRequest(motivation, followsAdvice), fields, cancellationToken)) return Page();

        var (by, decided) = (Actor!.Person, row.Advice.Partner);
        var outcome = await ExecuteAsync(row.Proposal,
            now => new RecordAdviceMotivation(decided, by, motivation!.Trim(), followsAdvice!.Value, now), ProposalRoles.Motivators, fields, cancellationToken);
        if (outcome is null) return Page();
        Message = outcome.Events.Count == 0
            ? "Dat was al zo. Er is niets veranderd."
            : $"De motivatie van {PartnerName(decided)} staat nu bij het advies over ‘{row.Title}’.";
        return Redirect($"{BasePath}/advies#kop-gemotiveerd");
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        Pending = await SectionAsync("pending", now, cancellationToken);
        Overdue = await SectionAsync("overdue", now, cancellationToken);
        // The newest answer first; the others by due date.
        Answered = await SectionAsync("answered", now, cancellationToken);
        Awaiting = await Proposals.AwaitingMotivationAsync(Alliance.Id, cancellationToken: cancellationToken);
    }

    private async Task<Section> SectionAsync(string status, Instant now, CancellationToken cancellationToken)
    {
        var parameter = ParameterOf(status);
        var request = PageRequest.Lenient(int.TryParse(Request.Query[parameter], out var n) ? n : null);
        var (rows, total) = await Proposals.AdviceAsync(Alliance.Id, status, now, request.Page, request.Size, newestAnswerFirst: status == "answered", cancellationToken);
        return new Section(status, parameter, new Paged<AdviceRow>(rows, request, total));
    }

    private static string ParameterOf(string status) => status switch
    {
        "pending" => "pagina-wacht",
        "overdue" => "pagina-te-laat",
        _ => "pagina-gemotiveerd",
    };

    private static Section Empty(string status) => new(status, ParameterOf(status), new Paged<AdviceRow>([], PageRequest.First, 0));
}
