using Governance.Api.Commands;
using FluentValidation;
using Governance.Api.Alliances;
using Governance.Api.Auth;
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

namespace Governance.Api.Commitments;

/// <summary>
/// One promise (the timeline links here): what, who, by when, where it was made, its status, and its whole history in
/// plain Dutch. The forms are those the API allows this person (<see cref="CommitmentEndpoints.Keepers"/> for the owner's
/// representative and the officers; withdrawing only for the officers), through the same validators and pipeline.
/// </summary>
public sealed class BelofteModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, CommitmentQueries commitments, MeetingQueries meetings,
    IValidator<CommitmentProgressRequest> progressValidator, IValidator<RenegotiateDueDateRequest> renegotiateValidator,
    IValidator<FulfilCommitmentRequest> fulfilValidator, IValidator<CommitmentNotPossibleRequest> notPossibleValidator,
    IValidator<WithdrawCommitmentRequest> withdrawValidator, IValidator<CorrectCommitmentRequest> correctValidator, TimeProvider clock)
    : AlliancePageModel(queries, people, pipeline)
{
    private CommitmentView? _commitment;
    private PromiseSources _sources = PromiseSources.None;
    private readonly Dictionary<string, string?> _kept = new(StringComparer.Ordinal);

    public string RequestedCommitment => RouteData.Values["commitment"] as string ?? "";

    public CommitmentView? CommitmentFound => _commitment;

    public CommitmentView View => _commitment ?? throw new InvalidOperationException("The promise was not loaded.");

    public Instant Now { get; private set; }

    public string? OpenForm { get; private set; }

    /// <summary>As the API: the owner's representative, or the chair or secretary (or an admin acting for any partner).</summary>
    public bool MayReport => Actor is not null && CommitmentEndpoints.Keepers.Any(Has) && CommitmentEndpoints.ActsFor(HttpContext, Alliance.Id, View.State.Owner);

    public bool MayWithdraw => Actor is not null && CommitmentEndpoints.Officers.Any(Has);

    /// <summary>Issue 13: the chair or the secretary corrects a promise recorded in error (as POST …/correction).</summary>
    public bool MayCorrect => Actor is not null && CommitmentEndpoints.Officers.Any(Has);

    /// <summary>Who can have promised, for the correction: each representative of a member partner ("partner/person").</summary>
    public IReadOnlyList<(string Value, string Label)> Promisers { get; private set; } = [];

    /// <summary>The corrections of this promise, oldest first, with when they were recorded.</summary>
    public IReadOnlyList<(CommitmentCorrected Correction, Instant RecordedAt)> Corrections { get; private set; } = [];

    /// <summary>R12: a member of the alliance may start a dispute about this promise (the form of <see cref="Escalations.GeschilBeginnenModel"/>).</summary>
    public bool MayRaise => Actor is not null && Escalations.EscalationEndpoints.Raisers.Any(Has);

    public IReadOnlyList<PromiseTexts.Line> History { get; private set; } = [];

    /// <summary>The people at the table, for "wie ging akkoord" (R19).</summary>
    public IReadOnlyList<(PersonId Person, string Name)> TablePeople { get; private set; } = [];

    public string? Kept(string inputId) => _kept.TryGetValue(inputId, out var value) ? value : null;

    public bool IsOpen(string form) => OpenForm == form;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadCommitmentAsync(cancellationToken)) return Page();
        return Page();
    }

    public async Task<IActionResult> OnPostVoortgangAsync(string? note, CancellationToken cancellationToken)
    {
        if (await BeginAsync(CommitmentEndpoints.Keepers, "voortgang", cancellationToken) is { } stop) return stop;
        _kept["voortgang-tekst"] = note;
        var fields = FormErrors.Fields(("Note", "voortgang-tekst", "Schrijf op wat er is gebeurd.", null));
        if (!await ValidAsync(progressValidator, new CommitmentProgressRequest(note), fields, cancellationToken)) return Page();
        return await RunAsync(now => new ReportCommitmentProgress(note!.Trim(), now), CommitmentEndpoints.Keepers, fields, "De voortgang is vastgelegd.", cancellationToken);
    }

    public async Task<IActionResult> OnPostNieuweDatumAsync(string? newDue, string? reason, string? agreedBy, CancellationToken cancellationToken)
    {
        if (await BeginAsync(CommitmentEndpoints.Keepers, "nieuwe-datum", cancellationToken) is { } stop) return stop;
        (_kept["nieuwe-datum"], _kept["nieuwe-datum-reden"], _kept["nieuwe-datum-akkoord"]) = (newDue, reason, agreedBy);
        var fields = FormErrors.Fields(
            ("NewDue", "nieuwe-datum", "Vul de nieuwe datum in.", "Vul de datum in als dag-maand-jaar."),
            ("Reason", "nieuwe-datum-reden", "Schrijf op waarom er een nieuwe datum komt.", null),
            ("AgreedBy", "nieuwe-datum-akkoord", "Kies wie akkoord ging.", null));
        var agreed = string.IsNullOrEmpty(agreedBy) ? null : agreedBy;
        if (!await ValidAsync(renegotiateValidator, new RenegotiateDueDateRequest(newDue, reason, agreed), fields, cancellationToken)) return Page();
        _ = PromiseRules.TryParseDate(newDue, out var due);
        var person = agreed is null ? Actor!.Person : PersonId.Parse(agreed);
        return await RunAsync(now => new RenegotiateDueDate(due, reason!.Trim(), person, now), CommitmentEndpoints.Keepers, fields,
            $"De nieuwe datum is {DutchFormat.Date(due)}.", cancellationToken);
    }

    public async Task<IActionResult> OnPostNagekomenAsync(string? evidence, string? link, CancellationToken cancellationToken)
    {
        if (await BeginAsync(CommitmentEndpoints.Keepers, "nagekomen", cancellationToken) is { } stop) return stop;
        (_kept["nagekomen-bewijs"], _kept["nagekomen-link"]) = (evidence, link);
        var fields = FormErrors.Fields(
            ("Evidence", "nagekomen-bewijs", "Schrijf op hoe de belofte is nagekomen.", null),
            ("Link", "nagekomen-link", "Vul een link in die begint met https://.", "Vul een link in die begint met https://."));
        var url = string.IsNullOrWhiteSpace(link) ? null : link.Trim();
        if (!await ValidAsync(fulfilValidator, new FulfilCommitmentRequest(evidence, url), fields, cancellationToken)) return Page();
        return await RunAsync(now => new FulfilCommitment(evidence!.Trim(), url, now), CommitmentEndpoints.Keepers, fields, "De belofte is nagekomen.", cancellationToken);
    }

    public async Task<IActionResult> OnPostKanNietAsync(string? motivation, CancellationToken cancellationToken)
    {
        if (await BeginAsync(CommitmentEndpoints.Keepers, "kan-niet", cancellationToken) is { } stop) return stop;
        _kept["kan-niet-uitleg"] = motivation;
        var fields = FormErrors.Fields(("Motivation", "kan-niet-uitleg", "Leg uit waarom het niet lukt (afspraak R10).", null));
        if (!await ValidAsync(notPossibleValidator, new CommitmentNotPossibleRequest(motivation), fields, cancellationToken)) return Page();
        return await RunAsync(now => new ReportCommitmentNotPossible(motivation!.Trim(), now), CommitmentEndpoints.Keepers, fields,
            "U heeft gemeld dat de belofte niet lukt.", cancellationToken);
    }

    public async Task<IActionResult> OnPostIntrekkenAsync(string? reason, string? agreedBy, CancellationToken cancellationToken)
    {
        if (await BeginAsync(CommitmentEndpoints.Officers, "intrekken", cancellationToken) is { } stop) return stop;
        (_kept["intrekken-reden"], _kept["intrekken-akkoord"]) = (reason, agreedBy);
        var fields = FormErrors.Fields(
            ("Reason", "intrekken-reden", "Schrijf op waarom de belofte wordt ingetrokken.", null),
            ("AgreedBy", "intrekken-akkoord", "Kies wie akkoord ging.", null));
        var agreed = string.IsNullOrEmpty(agreedBy) ? null : agreedBy;
        if (!await ValidAsync(withdrawValidator, new WithdrawCommitmentRequest(reason, agreed), fields, cancellationToken)) return Page();
        var person = agreed is null ? Actor!.Person : PersonId.Parse(agreed);
        return await RunAsync(now => new WithdrawCommitment(reason!.Trim(), person, now), CommitmentEndpoints.Officers, fields,
            "De belofte is ingetrokken.", cancellationToken);
    }

    /// <summary>
    /// Issue 13: the chair or the secretary corrects who promised (partner and person) or the due date, with a reason; a new
    /// event, so the original stays in the history. The same checks as the API (<see cref="CommitmentEndpoints.CorrectionProblem"/>).
    /// </summary>
    public async Task<IActionResult> OnPostCorrigerenAsync(string? who, string? due, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadCommitmentAsync(cancellationToken)) return Page();
        if (Refuse(CommitmentEndpoints.Officers) is { } refused) return refused;
        OpenForm = "corrigeren";
        (_kept["corrigeren-wie"], _kept["corrigeren-datum"], _kept["corrigeren-reden"]) = (who, due, reason);
        var fields = FormErrors.Fields(
            ("Owner", "corrigeren-wie", "Kies wie de belofte deed.", null),
            ("OwnerPerson", "corrigeren-wie", "Kies wie de belofte deed.", null),
            ("Due", "corrigeren-datum", "Vul in wanneer het klaar moet zijn.", "Vul de datum in als dag-maand-jaar."),
            ("Reason", "corrigeren-reden", "Schrijf op waarom dit een correctie is: wat was er fout?", null));
        string? owner = null, person = null;
        if (who?.Split('/') is [var o, var p])
            (owner, person) = (o, p);
        else
            Errors.Add("corrigeren-wie", "Kies wie de belofte deed.");
        var request = new CorrectCommitmentRequest(owner, person, string.IsNullOrWhiteSpace(due) ? null : due.Trim(), reason);
        if (string.IsNullOrWhiteSpace(due)) Errors.Add("corrigeren-datum", "Vul in wanneer het klaar moet zijn.");
        if (!await ValidAsync(correctValidator, request, fields, cancellationToken)) return Page();

        var (newOwner, newPerson, newDue) = CommitmentEndpoints.Corrected(View.State, request);
        if (CommitmentEndpoints.CorrectionProblem(Alliance, View.State, newOwner, newPerson) is not null)
        {
            Errors.Add("corrigeren-wie", "Deze persoon is geen vertegenwoordiger van die partner. Kies de partner en de persoon die de belofte deden.");
            return Page();
        }
        var (by, office) = (Actor!.Person, Correctors.OfficeOf(HttpContext, Alliance.Id));
        return await RunAsync(now => new CorrectCommitment(newOwner, newPerson, newDue, by, office, reason!.Trim(), now), CommitmentEndpoints.Officers, fields,
            "De correctie is vastgelegd. De oude gegevens blijven te lezen bij ‘Wat er gebeurde’.", cancellationToken);
    }

    // ---- shared ----

    private async Task<IActionResult?> BeginAsync(IReadOnlyList<Role> roles, string form, CancellationToken cancellationToken)
    {
        if (!await LoadCommitmentAsync(cancellationToken)) return Page();
        if (Refuse(roles) is { } refused) return refused;
        // As the API: someone acting only as a representative reports on their own partner's promises.
        if (!CommitmentEndpoints.ActsFor(HttpContext, Alliance.Id, View.State.Owner)) return StatusCode(StatusCodes.Status403Forbidden);
        OpenForm = form;
        return null;
    }

    private async Task<IActionResult> RunAsync(
        Func<Instant, CommitmentCommand> command, IReadOnlyList<Role> roles, IReadOnlyDictionary<string, FormErrors.Field> fields, string message,
        CancellationToken cancellationToken)
    {
        var outcome = await ExecuteAsync(Commitment.Decider, View.Id.StreamId, command, roles, fields, cancellationToken);
        if (outcome is null) return Page();
        Message = outcome.Events.Count == 0 ? "Dat was al zo. Er is niets veranderd." : message;
        return RedirectToPage();
    }

    private async Task<bool> ValidAsync<T>(IValidator<T> validator, T request, IReadOnlyDictionary<string, FormErrors.Field> fields, CancellationToken cancellationToken)
    {
        Errors.Add(await validator.ValidateAsync(request, cancellationToken), fields);
        return !Errors.Any;
    }

    private async Task<bool> LoadCommitmentAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return false;
        _commitment = CommitmentId.TryParse(RequestedCommitment, out var id) ? await commitments.GetAsync(Alliance.Id, id, null, cancellationToken) : null;
        if (_commitment is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }
        Now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        _sources = await PromiseSources.LoadAsync(meetings, Alliance.Id, [View.State.Source], cancellationToken);
        var mentioned = View.History.Select(h => h.Event).SelectMany(e => e switch
        {
            CommitmentMade m => [m.OwnerPerson, .. m.Source.Witnesses],
            CommitmentDueDateRenegotiated r => [r.AgreedBy],
            CommitmentWithdrawn w => [w.AgreedBy],
            CommitmentCorrected c => [c.PreviousOwnerPerson, c.OwnerPerson, c.CorrectedBy],
            _ => Array.Empty<PersonId>(),
        });
        await AddNamesAsync(mentioned, cancellationToken);
        History = [.. View.History.Select(h => PromiseTexts.Commitment(h, NameOf, PartnerName))];
        Corrections = [.. View.History.Where(h => h.Event is CommitmentCorrected).Select(h => ((CommitmentCorrected)h.Event, h.RecordedAt))];
        Promisers = [.. Alliance.Representatives.Where(r => Alliance.Partner(r.Partner) is { IsMember: true })
            .Select(r => ($"{r.Partner.Value}/{r.Person.Value}", DutchTerms.PersonOf(NameOf(r.Person), PartnerName(r.Partner))))
            .OrderBy(x => x.Item2, StringComparer.CurrentCulture)];
        TablePeople = [.. Alliance.Representatives.Select(r => r.Person).Concat(Alliance.Officers.Select(o => o.Person)).Distinct()
            .Select(p => (p, NameOf(p))).OrderBy(p => p.Item2, StringComparer.CurrentCulture)];
        return true;
    }

    public string PartnerName(PartnerId partner) => Alliance.Partner(partner)?.Name ?? partner.Value;

    public (CommitmentSource, string, string, string, string) SourceOf(CommitmentSource source) => _sources.For(source, BasePath, NameOf);
}
