using Governance.Api.Commands;
using FluentValidation;
using Governance.Api.Alliances;
using Governance.Api.Auth;
using Governance.Api.Commitments;
using Governance.Api.Escalations;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.Proposals;
using Governance.Projections.Alliances;
using Governance.Projections.Commitments;
using Governance.Projections.Escalations;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Governance.Api.Escalations;

/// <summary>
/// One dispute (R12; the timeline links here): what it is about, the ladder with every step (entered, deadline, missed,
/// answers and advice), its whole history, and inline the history of the promise or advice it refers to. "Stand op"
/// shows it as it stood at the end of a day. Readable as the API decides (<see cref="EscalationEndpoints.MayRead"/>: the
/// people of the alliance, and the escalation contact it assigned); the forms are the API's, for the roles it allows.
/// </summary>
public sealed class GeschilModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, EscalationQueries escalations, CommitmentQueries commitments,
    IValidator<EscalationAdviceRequest> adviceValidator, IValidator<EscalationResponseRequest> responseValidator,
    IValidator<EscalationReasonRequest> reasonValidator, IValidator<ResolveEscalationRequest> resolveValidator, TimeProvider clock)
    : AlliancePageModel(queries, people, pipeline)
{
    private EscalationView? _dispute;
    private readonly Dictionary<string, string?> _kept = new(StringComparer.Ordinal);

    /// <summary>One rung of the ladder as this dispute climbed it.</summary>
    public sealed record StepRow(
        int Step, string Description, string ResponseTime, EscalationStepEntered? Entered, EscalationStepDeadlineMissed? Missed,
        IReadOnlyList<PromiseTexts.Line> Answers, bool Current, bool Advised);

    /// <summary>The partners the dispute is about: who were to answer at each step ("wie miste wat").</summary>
    public IReadOnlyList<PartnerId> Concerned { get; private set; } = [];

    /// <summary>"Stadsdeel Nieuw-West gaf geen antwoord voor …" for a step whose deadline passed.</summary>
    public string MissedText(EscalationStepDeadlineMissed missed, string description)
    {
        ArgumentNullException.ThrowIfNull(missed);
        return DisputeTexts.Missed(Concerned, PartnerName, new MissedStep(missed.Step, description, missed.RespondBy));
    }

    public sealed record Referenced(string Title, string Href, IReadOnlyList<PromiseTexts.Line> Lines);

    public string RequestedDispute => RouteData.Values["escalation"] as string ?? "";

    public EscalationView? DisputeFound => _dispute;

    public EscalationView View => _dispute ?? throw new InvalidOperationException("The dispute was not loaded.");

    [BindProperty(SupportsGet = true, Name = "stand")]
    public string? AsOfText { get; set; }

    public LocalDate? AsOfDate { get; private set; }

    public string? AsOfError { get; private set; }

    public Instant At { get; private set; }

    public long Position { get; private set; }

    public string? OpenForm { get; private set; }

    public IReadOnlyList<StepRow> Steps { get; private set; } = [];

    /// <summary>The ladder as bars with the step deadlines (issue 13).</summary>
    public Presentation.Charts.BarChart LadderChart =>
        Escalations.LadderChart.For(Steps, View.Raised.RaisedAt, At, View.State.Resolved, AsOfDate is not null);

    public IReadOnlyList<PromiseTexts.Line> History { get; private set; } = [];

    public IReadOnlyList<Referenced> References { get; private set; } = [];

    public string Subject { get; private set; } = "";

    public string? SubjectHref { get; private set; }

    // ---- who may do what: the API's role lists; nothing is recorded on a page that shows the past ----

    private bool Live => AsOfDate is null;

    public bool MayAdvise => Live && Has(Role.EscalationContact) && Alliance.EscalationContacts.Contains(Actor!.Person);

    public bool MayRespond => Live && EscalationEndpoints.Parties.Any(Has);

    public bool MayMoveOn => Live && EscalationEndpoints.Parties.Any(Has) && !View.State.IsLastStep && !View.State.Resolved;

    public bool MayResolve => Live && EscalationEndpoints.Resolvers.Any(Has) && !View.State.Resolved;

    public bool MayReopen => Live && EscalationEndpoints.Parties.Any(Has) && View.State.Resolved;

    public string? Kept(string inputId) => _kept.TryGetValue(inputId, out var value) ? value : null;

    public bool IsOpen(string form) => OpenForm == form;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (ReadRefused() is { } refused) return refused;
        await LoadDisputeAsync(cancellationToken);
        // A day that cannot be shown is said so, next to the date kept as typed; today's state is not shown in its place.
        if (AsOfError is { } wrongDay) Errors.Add("stand", wrongDay);
        return Page();
    }

    public async Task<IActionResult> OnPostAdviesAsync(string? advice, string? solicited, CancellationToken cancellationToken)
    {
        if (await BeginAsync([Role.EscalationContact], "advies", cancellationToken) is { } stop) return stop;
        // R12: the role is not enough; the alliance must have assigned this person (the API's escalation-contact.not-assigned).
        if (!Alliance.EscalationContacts.Contains(Actor!.Person)) return StatusCode(StatusCodes.Status403Forbidden);
        (_kept["advies-tekst"], _kept["advies-gevraagd"]) = (advice, solicited);
        var fields = FormErrors.Fields(
            ("Advice", "advies-tekst", "Schrijf uw advies op.", null),
            ("Solicited", "advies-gevraagd-ja", "Kies of om dit advies is gevraagd.", null));
        bool? asked = solicited switch { "ja" => true, "nee" => false, _ => null };
        if (!await ValidAsync(adviceValidator, new EscalationAdviceRequest(advice, asked), fields, cancellationToken)) return Page();
        var by = Actor.Person;
        return await RunAsync(now => new GiveEscalationAdvice(by, advice!.Trim(), asked!.Value, now), [Role.EscalationContact], fields,
            "Uw advies staat in het geschil.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAntwoordAsync(string? response, CancellationToken cancellationToken)
    {
        if (await BeginAsync(EscalationEndpoints.Parties, "antwoord", cancellationToken) is { } stop) return stop;
        _kept["antwoord-tekst"] = response;
        var fields = FormErrors.Fields(("Response", "antwoord-tekst", "Schrijf uw antwoord op.", null));
        if (!await ValidAsync(responseValidator, new EscalationResponseRequest(response), fields, cancellationToken)) return Page();
        var by = Actor!.Person;
        return await RunAsync(now => new RecordEscalationResponse(by, response!.Trim(), now), EscalationEndpoints.Parties, fields,
            "Uw antwoord staat in het geschil.", cancellationToken);
    }

    public async Task<IActionResult> OnPostVolgendeStapAsync(string? reason, CancellationToken cancellationToken)
    {
        if (await BeginAsync(EscalationEndpoints.Parties, "volgende-stap", cancellationToken) is { } stop) return stop;
        _kept["volgende-stap-reden"] = reason;
        var fields = FormErrors.Fields(("Reason", "volgende-stap-reden", "Schrijf op waarom het geschil een stap hoger moet.", null));
        if (!await ValidAsync(reasonValidator, new EscalationReasonRequest(reason), fields, cancellationToken)) return Page();
        var by = Actor!.Person;
        return await RunAsync(now => new MoveEscalationToNextStep(by, reason!.Trim(), now), EscalationEndpoints.Parties, fields,
            "Het geschil is een stap hoger gezet.", cancellationToken);
    }

    public async Task<IActionResult> OnPostOplossenAsync(string? outcome, string? settlesSubject, CancellationToken cancellationToken)
    {
        if (await BeginAsync(EscalationEndpoints.Resolvers, "oplossen", cancellationToken) is { } stop) return stop;
        _kept["oplossen-uitkomst"] = outcome;
        var fields = FormErrors.Fields(("Outcome", "oplossen-uitkomst", "Schrijf op hoe het geschil is opgelost.", null));
        List<string> settles = settlesSubject == "ja" && View.State.Subject.Reference is { } reference ? [reference] : [];
        if (!await ValidAsync(resolveValidator, new ResolveEscalationRequest(outcome, settles), fields, cancellationToken)) return Page();
        return await RunAsync(now => new ResolveEscalation(outcome!.Trim(), settles, now), EscalationEndpoints.Resolvers, fields,
            "Het geschil is opgelost.", cancellationToken);
    }

    public async Task<IActionResult> OnPostHeropenenAsync(string? reason, CancellationToken cancellationToken)
    {
        if (await BeginAsync(EscalationEndpoints.Parties, "heropenen", cancellationToken) is { } stop) return stop;
        _kept["heropenen-reden"] = reason;
        var fields = FormErrors.Fields(("Reason", "heropenen-reden", "Schrijf op waarom het geschil weer open moet.", null));
        if (!await ValidAsync(reasonValidator, new EscalationReasonRequest(reason), fields, cancellationToken)) return Page();
        var by = Actor!.Person;
        return await RunAsync(now => new ReopenEscalation(by, reason!.Trim(), now), EscalationEndpoints.Parties, fields,
            "Het geschil is weer geopend.", cancellationToken);
    }

    // ---- shared ----

    /// <summary>Sign in first, or 403 when this person may not read this alliance's disputes (as the API).</summary>
    private IActionResult? ReadRefused() =>
        Actor is null ? Challenge() : EscalationEndpoints.MayRead(HttpContext, Alliance) ? null : StatusCode(StatusCodes.Status403Forbidden);

    private async Task<IActionResult?> BeginAsync(IReadOnlyList<Role> roles, string form, CancellationToken cancellationToken)
    {
        AsOfText = null;   // a post always acts on the dispute as it stands now
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Refuse(roles) is { } refused) return refused;
        if (!await LoadDisputeAsync(cancellationToken)) return Page();
        OpenForm = form;
        return null;
    }

    private async Task<IActionResult> RunAsync(
        Func<Instant, EscalationCommand> command, IReadOnlyList<Role> roles, IReadOnlyDictionary<string, FormErrors.Field> fields, string message,
        CancellationToken cancellationToken)
    {
        var outcome = await ExecuteAsync(Escalation.Decider, View.Id.StreamId, command, roles, fields, cancellationToken);
        if (outcome is null) return Page();
        Message = outcome.Events.Count == 0 ? "Dat was al zo. Er is niets veranderd." : message;
        return RedirectToPage(new { stand = (string?)null });
    }

    private async Task<bool> ValidAsync<T>(IValidator<T> validator, T request, IReadOnlyDictionary<string, FormErrors.Field> fields, CancellationToken cancellationToken)
    {
        Errors.Add(await validator.ValidateAsync(request, cancellationToken), fields);
        return !Errors.Any;
    }

    private async Task<bool> LoadDisputeAsync(CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var asOf = BeloftesModel.AsOf(AsOfText, now, out var date, out var error);
        (AsOfDate, AsOfError, At) = (date, error, asOf ?? now);
        var at = asOf?.ToDateTimeOffset();
        _dispute = EscalationId.TryParse(RequestedDispute, out var id) ? await escalations.GetAsync(Alliance.Id, id, at, cancellationToken) : null;
        if (_dispute is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }
        Position = await commitments.PositionAsync(Alliance.Id, at, cancellationToken);

        var events = View.Timeline.Select(t => t.Event).ToList();
        var mentioned = events.SelectMany(e => e switch
        {
            EscalationRaised r => [r.RaisedBy],
            EscalationResponseRecorded r => [r.By],
            EscalationAdviceGiven a => [a.By],
            EscalationMovedToNextStep { RequestedBy: { } p } => [p],
            EscalationReopened r => [r.By],
            _ => Array.Empty<PersonId>(),
        }).Concat(View.Commitments.Select(c => c.State.OwnerPerson));
        await AddNamesAsync(mentioned, cancellationToken);

        var history = View.Timeline.Select(t => PromiseTexts.Escalation(t, NameOf)).ToList();
        // The sweeper's move to the next step happened when the missed deadline (the line before it) passed.
        for (var i = 1; i < history.Count; i++)
            if (View.Timeline[i].Event is EscalationMovedToNextStep { DeadlinePassed: true } && history[i - 1].HappenedAt is { } passed)
                history[i] = history[i] with { HappenedAt = passed };
        History = history;
        Concerned = DisputeTexts.Concerned(View);
        var ladder = View.State.Ladder;
        Steps = [.. Enumerable.Range(1, ladder.Steps.Length).Select(n => new StepRow(n, AgreementTexts.Step(ladder.Step(n).Description),
            AgreementTexts.Span(ladder.Step(n).ResponseTime),
            events.OfType<EscalationStepEntered>().LastOrDefault(e => e.Step == n),
            events.OfType<EscalationStepDeadlineMissed>().LastOrDefault(e => e.Step == n),
            [.. View.Timeline.Where(t => t.Event is EscalationResponseRecorded r && r.Step == n || t.Event is EscalationAdviceGiven a && a.Step == n)
                .Select(t => PromiseTexts.Escalation(t, NameOf))],
            n == View.State.Step,
            events.OfType<EscalationAdviceGiven>().Any(a => a.Step == n)))];

        var references = new List<Referenced>();
        foreach (var c in View.Commitments)
            references.Add(new Referenced($"Belofte: {c.State.What}", $"{BasePath}/beloftes/{c.Id.Value}",
                [.. c.History.Select(h => PromiseTexts.Commitment(h, NameOf, PartnerName))]));
        foreach (var p in View.Proposals)
        {
            var title = p.Events.Select(e => e.Event).OfType<ProposalTabled>().FirstOrDefault()?.Title ?? p.Id;
            references.Add(new Referenced($"Besluit en advies: {title}", $"{BasePath}/besluiten/{p.Id}",
                [.. p.Events.Select(e => PromiseTexts.Proposal(e, NameOf, PartnerName))]));
        }
        References = references;
        (Subject, SubjectHref) = SubjectOf(View.Row, BasePath);
        return true;
    }

    /// <summary>What a dispute is about, with the title of the promise or proposal it names, and where that is shown.</summary>
    public static (string Text, string? Href) SubjectOf(DisputeRow dispute, string basePath)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        var subject = dispute.State.Subject;
        var kind = DutchTerms.Capitalised(PromiseTexts.SubjectKind(subject.Kind));
        if (subject.Reference is not { } reference) return (kind, null);
        if (subject.Kind == EscalationSubjectKind.Conduct) return ($"{kind}: {reference}", null);
        var href = subject.Kind == EscalationSubjectKind.OverdueCommitment
            ? CommitmentId.TryParse(reference, out _) ? $"{basePath}/beloftes/{reference}" : null
            : ProposalId.TryParse(reference, out _) ? $"{basePath}/besluiten/{reference}" : null;
        return ($"{kind}: {dispute.SubjectTitle ?? reference}", href);
    }

    public string PartnerName(PartnerId partner) => Alliance.Partner(partner)?.Name ?? partner.Value;
}
