using Governance.Api.Commands;
using FluentValidation;
using Governance.Api.Alliances;
using Governance.Api.Commitments;
using Governance.Api.Http;
using Governance.Api.Meetings;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Meetings;
using Governance.Projections.Alliances;
using Governance.Projections.Commitments;
using Governance.Projections.Meetings;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace Governance.Api.Commitments;

/// <summary>
/// "Belofte vastleggen" (R10): one short form to record a promise made at the table — who (partner and person), what,
/// by when, and where: under an agenda item of this meeting, or orally with the occasion and witnesses (an oral promise
/// may have been made before it is recorded). The chair's and secretary's meeting page links here; the API's rules
/// apply (<see cref="CommitmentEndpoints.Keepers"/>, a representative only for their own partner).
/// </summary>
public sealed class BelofteVastleggenModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, MeetingQueries meetings, CommitmentQueries commitments,
    Projections.Proposals.ProposalQueries proposals, IValidator<MakeCommitmentRequest> validator)
    : AlliancePageModel(queries, people, pipeline)
{
    private MeetingView? _meeting;
    private readonly Dictionary<string, string?> _kept = new(StringComparer.Ordinal);

    public string RequestedMeeting => RouteData.Values["meeting"] as string ?? "";

    public MeetingView? MeetingFound => _meeting;

    public MeetingView View => _meeting ?? throw new InvalidOperationException("The meeting was not loaded.");

    public string MeetingPath => $"{BasePath}/vergaderingen/{View.Id.Value}";

    public string MeetingTitle { get; private set; } = "";

    /// <summary>Who can have promised: each representative at the table, with their partner ("partner/person").</summary>
    public IReadOnlyList<(string Value, string Label)> Promisers { get; private set; } = [];

    public IReadOnlyList<(PersonId Person, string Name)> Witnesses { get; private set; } = [];

    public IReadOnlyList<Meeting.AgendaItem> Items { get; private set; } = [];

    public string? Kept(string inputId) => _kept.TryGetValue(inputId, out var value) ? value : null;

    /// <summary>
    /// The decision of this meeting the promise follows from, when the chair came from a vote or consent on "Vergadering
    /// leiden" (<c>?besluit=</c>): the promise then names that decision and the chair returns to the meeting (issue 13).
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "besluit")]
    public string? DecisionRequested { get; set; }

    public Projections.Proposals.ProposalView? Decision { get; private set; }

    /// <summary>Where the chair returns after recording: the proposal on "Vergadering leiden".</summary>
    public string? ReturnPath => Decision is { } d ? $"{MeetingPath}/leiden#voorstel-{d.Id.Value}" : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken)) return Page();
        return Refuse(CommitmentEndpoints.Keepers) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(
        string? who, string? what, string? due, string? source, string? item, string? occasion, string? witness1, string? witness2,
        string? occurredDate, string? occurredTime, CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken)) return Page();
        if (Refuse(CommitmentEndpoints.Keepers) is { } refused) return refused;
        foreach (var (k, v) in new[] { ("belofte-wie", who), ("belofte-wat", what), ("belofte-datum", due), ("belofte-bron", source), ("belofte-punt", item),
                     ("belofte-gelegenheid", occasion), ("belofte-getuige-1", witness1), ("belofte-getuige-2", witness2),
                     ("belofte-moment-datum", occurredDate), ("belofte-moment-tijd", occurredTime) })
            _kept[k] = v;

        var fields = FormErrors.Fields(
            ("Owner", "belofte-wie", "Kies wie de belofte deed.", null),
            ("OwnerPerson", "belofte-wie", "Kies wie de belofte deed.", null),
            ("What", "belofte-wat", "Schrijf op wat er beloofd is.", null),
            ("Id", "belofte-wat", "Gebruik in de tekst ook letters of cijfers.", null),
            ("Due", "belofte-datum", "Vul in wanneer het klaar moet zijn.", "Vul de datum in als dag-maand-jaar."),
            ("Source", "belofte-bron-punt", "Kies waar de belofte gedaan is.", null),
            ("source.kind", "belofte-bron-punt", "Kies waar de belofte gedaan is.", null),
            ("source.item", "belofte-punt", "Kies het agendapunt.", null),
            ("source.occasion", "belofte-gelegenheid", "Schrijf op waar de belofte gedaan is.", null),
            ("source.witnesses", "belofte-getuige-1", "Kies wie de belofte hoorde.", null),
            ("OccurredAt", "belofte-moment-datum", "Vul de datum en de tijd in.", null));

        string? owner = null, person = null;
        if (who?.Split('/') is [var o, var p])
            (owner, person) = (o, p);
        else
            Errors.Add("belofte-wie", "Kies wie de belofte deed.");

        DateTimeOffset? occurredAt = null;
        CommitmentSourceRequest? sourceRequest = source switch
        {
            "agendapunt" => new CommitmentSourceRequest("meeting-item", View.Id.Value, string.IsNullOrEmpty(item) ? null : item, null, null, null),
            "besluit" when Decision is { } decision => new CommitmentSourceRequest("decision", null, null, decision.Id.Value, null, null),
            "mondeling" => new CommitmentSourceRequest("oral", null, null, null, occasion, [.. new[] { witness1, witness2 }.Where(w => !string.IsNullOrEmpty(w)).Distinct()!]),
            _ => null,
        };
        if (source == "agendapunt" && string.IsNullOrEmpty(item)) Errors.Add("belofte-punt", "Kies het agendapunt.");
        if (source == "mondeling")
        {
            if (string.IsNullOrWhiteSpace(occasion)) Errors.Add("belofte-gelegenheid", "Schrijf op waar de belofte gedaan is.");
            if (sourceRequest!.Witnesses!.Count == 0) Errors.Add("belofte-getuige-1", "Kies wie de belofte hoorde.");
            if (!string.IsNullOrWhiteSpace(occurredDate) || !string.IsNullOrWhiteSpace(occurredTime))
            {
                var parsed = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm").Parse($"{occurredDate?.Trim()}T{occurredTime?.Trim()}");
                if (parsed.Success && parsed.Value.InZoneLeniently(DutchFormat.Amsterdam) is var zoned)
                    occurredAt = zoned.ToDateTimeOffset();
                else
                    Errors.Add("belofte-moment-datum", "Vul de datum in als dag-maand-jaar en de tijd als 21:45.");
            }
        }

        var id = await FreeIdAsync(what, due, cancellationToken);
        var request = new MakeCommitmentRequest(id, owner, person, what, due, sourceRequest, occurredAt);
        Errors.Add(await validator.ValidateAsync(request, cancellationToken), fields);
        if (Errors.Any) return Page();

        var ownerId = PartnerId.Parse(owner!);
        if (!CommitmentEndpoints.ActsFor(HttpContext, Alliance.Id, ownerId)) return StatusCode(StatusCodes.Status403Forbidden);
        if (Alliance.Partner(ownerId) is not { IsMember: true })
        {
            Errors.Add(RuleMessage.For("partner.not-a-member"), new Dictionary<string, FormErrors.Field> { ["Partner"] = fields["Owner"] });
            return Page();
        }
        _ = PromiseRules.TryParseDate(due, out var dueDate);
        var commitment = CommitmentId.Parse(id!);
        var made = source switch
        {
            "agendapunt" => CommitmentSource.AtMeeting(View.Id, AgendaItemId.Parse(item!)),
            "besluit" => CommitmentSource.InDecision(Decision!.Id.Value),
            _ => CommitmentSource.Orally(occasion!.Trim(), [.. sourceRequest!.Witnesses!.Select(PersonId.Parse)]),
        };
        var occurred = occurredAt is { } at ? Instant.FromDateTimeOffset(at) : (Instant?)null;
        var outcome = await ExecuteAsync(Commitment.Decider, commitment.StreamId,
            now => new MakeCommitment(commitment, ownerId, PersonId.Parse(person!), what!.Trim(), dueDate, made, occurred, now),
            CommitmentEndpoints.Keepers, fields, cancellationToken);
        if (outcome is null) return Page();
        Message = $"De belofte is vastgelegd. Klaar op {DutchFormat.Date(dueDate)}.";
        if (source == "besluit" && ReturnPath is { } back)
        {
            Message = $"De belofte bij het besluit ‘{Decision!.State.Title}’ is vastgelegd. Klaar op {DutchFormat.Date(dueDate)}.";
            return Redirect(back);
        }
        return Redirect($"{BasePath}/beloftes/{commitment.Value}");
    }

    /// <summary>An address made from the due date and what was promised, not yet used in this alliance.</summary>
    private async Task<string?> FreeIdAsync(string? what, string? due, CancellationToken cancellationToken)
    {
        var slug = AlliantieModel.SlugFrom(what ?? "");
        if (slug.Length == 0) return null;
        if (slug.Length > 60) slug = slug[..60].TrimEnd('-');
        var stem = PromiseRules.TryParseDate(due, out var d) ? $"{d:yyyy-MM-dd}-{slug}" : slug;
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? stem : $"{stem}-{n}";
            if (!CommitmentId.TryParse(candidate, out var id)) return candidate;
            if (await commitments.GetAsync(Alliance.Id, id, null, cancellationToken) is null) return candidate;
        }
    }

    private async Task<bool> LoadMeetingAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return false;
        _meeting = MeetingId.TryParse(RequestedMeeting, out var id) ? await meetings.GetAsync(Alliance.Id, id, null, cancellationToken) : null;
        if (_meeting is not { State: Meeting.State.Scheduled scheduled })
        {
            _meeting = null;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }
        MeetingTitle = $"{DutchTerms.Capitalised(MeetingTexts.Kind(scheduled.Kind))} van {MeetingTexts.When(scheduled.Start)}";
        Items = [.. scheduled.Items.Values.Where(i => i.Status != AgendaItemStatus.Rejected)];
        // Only a decision taken at this meeting: the form is this meeting's.
        Decision = Domain.Proposals.ProposalId.TryParse(DecisionRequested, out var decisionId)
            && await proposals.GetAsync(Alliance.Id, decisionId, cancellationToken: cancellationToken) is { } found
            && found.State.Meeting == id && found.DecidedAt is not null
                ? found
                : null;
        var members = Alliance.Representatives.Where(r => Alliance.Partner(r.Partner) is { IsMember: true }).ToList();
        Promisers = [.. members.Select(r => ($"{r.Partner.Value}/{r.Person.Value}", DutchTerms.PersonOf(NameOf(r.Person), Alliance.Partner(r.Partner)!.Name)))
            .OrderBy(x => x.Item2, StringComparer.CurrentCulture)];
        Witnesses = [.. members.Select(r => r.Person).Concat(Alliance.Officers.Select(o => o.Person)).Distinct()
            .Select(p => (p, NameOf(p))).OrderBy(x => x.Item2, StringComparer.CurrentCulture)];
        return true;
    }
}
