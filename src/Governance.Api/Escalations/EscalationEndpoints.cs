using Governance.Api.Commands;
using FluentValidation;
using Governance.Api.Auth;
using Governance.Api.Commitments;
using Governance.Api.Http;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Projections.Alliances;
using Governance.Projections.Commitments;
using Governance.Projections.Escalations;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Governance.Api.Escalations;

/// <summary>
/// Disputes (issue 6, R12): one stream per dispute (<see cref="EscalationId.StreamId"/>) in the alliance's tenant.
/// Disputes are not public: the people of the alliance read them, and the programme's escalation contact reads those
/// of the alliances that assigned them (on the alliance stream) and no others.
/// </summary>
public static class EscalationEndpoints
{
    /// <summary>R12: the core group and the partners' representatives raise disputes and take them up the ladder.</summary>
    internal static readonly Role[] Raisers = [Role.CoreGroup, Role.Representative];

    internal static readonly Role[] Parties = [Role.CoreGroup, Role.Representative, Role.Chair, Role.Secretary];

    internal static readonly Role[] Resolvers = [Role.Chair, Role.Secretary, Role.CoreGroup];

    internal static readonly Role[] Readers = [Role.Admin, Role.Chair, Role.Secretary, Role.Representative, Role.CoreGroup, Role.EscalationContact];

    public static IEndpointRouteBuilder MapEscalationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/alliances/{alliance}").WithTags("Escalations");
        const string E = "/escalations/{escalation}";

        app.MapGet("/api/v1/escalations", ForContact).WithTags("Escalations").WithName("ListMyEscalations");
        api.MapGet("/escalations", List).RequireRoles(Readers).WithName("ListEscalations");
        api.MapGet(E, Get).RequireRoles(Readers).WithName("GetEscalation");

        api.MapPost("/escalations", Raise).RequireRoles(Raisers).Validate<RaiseEscalationRequest>();
        api.MapPost(E + "/responses", Respond).RequireRoles(Parties).Validate<EscalationResponseRequest>();
        // R12: the programme's escalation contact advises, solicited or not, on any dispute of an alliance that assigned them.
        api.MapPost(E + "/advice", Advise).RequireRoles(Role.EscalationContact).Validate<EscalationAdviceRequest>();
        api.MapPost(E + "/next-step", NextStep).RequireRoles(Parties).Validate<EscalationReasonRequest>();
        api.MapPost(E + "/resolution", Resolve).RequireRoles(Resolvers).Validate<ResolveEscalationRequest>();
        api.MapPost(E + "/reopening", Reopen).RequireRoles(Parties).Validate<EscalationReasonRequest>();
        // The sweeper's command, also by hand for an admin; idempotent, so a repeat records nothing.
        api.MapPost(E + "/overdue-check", OverdueCheck).RequireRoles(Role.Admin);
        return app;
    }

    public static IServiceCollection AddEscalationServices(this IServiceCollection services)
    {
        services.AddSingleton<EscalationQueries>();
        services.AddSingleton<IValidator<RaiseEscalationRequest>, RaiseEscalationValidator>();
        services.AddSingleton<IValidator<EscalationResponseRequest>, EscalationResponseValidator>();
        services.AddSingleton<IValidator<EscalationAdviceRequest>, EscalationAdviceValidator>();
        services.AddSingleton<IValidator<EscalationReasonRequest>, EscalationReasonValidator>();
        services.AddSingleton<IValidator<ResolveEscalationRequest>, ResolveEscalationValidator>();
        return services;
    }

    // ---- reads ----

    /// <summary>
    /// The signed-in escalation contact's disputes: every alliance that assigned them, as it stood at <c>asOf</c>, each with the same
    /// page of its disputes (<c>?page=</c> and <c>?pageSize=</c> apply to every alliance).
    /// </summary>
    private static async Task<Results<Ok<ContactOverviewResponse>, ProblemHttpResult>> ForContact(
        DateTimeOffset? asOf, int? page, int? pageSize, EscalationQueries queries, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (http.GetActor() is not { } actor) return AuthorizationExtensions.Unauthorized();
        if (!PageRequest.TryParse(page, pageSize, out var request, out var pageProblem)) return pageProblem!;
        var at = CommitmentEndpoints.At(asOf, clock);
        var alliances = await queries.ForContactAsync(actor.Person, asOf, request.Skip, request.Size, ct);
        return TypedResults.Ok(new ContactOverviewResponse(asOf,
            [.. alliances.Select(a => new ContactAllianceResponse(a.Alliance.Id.Value, a.Alliance.Name, a.Position, [.. a.Disputes.Items.Select(d => Summary(d, at))],
                PageLinks.For(new Paged<DisputeRow>(a.Disputes.Items, request, a.Disputes.Total), http.Request)))]));
    }

    /// <summary>One page of the alliance's disputes, from the documents the inline projection keeps, as they stood at <c>asOf</c>.</summary>
    private static async Task<Results<Ok<EscalationListResponse>, ProblemHttpResult>> List(
        string alliance, DateTimeOffset? asOf, int? page, int? pageSize, EscalationQueries queries, CommitmentQueries commitments, AllianceQueries alliances,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!PageRequest.TryParse(page, pageSize, out var request, out var pageProblem)) return pageProblem!;
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        if (!MayRead(http, view)) return AuthorizationExtensions.Forbidden();
        var at = CommitmentEndpoints.At(asOf, clock);
        var list = await queries.ListAsync(view.Id, asOf, request.Skip, request.Size, ct);
        return TypedResults.Ok(new EscalationListResponse(asOf, await commitments.PositionAsync(view.Id, asOf, ct), [.. list.Items.Select(d => Summary(d, at))],
            PageLinks.For(new Paged<DisputeRow>(list.Items, request, list.Total), http.Request)));
    }

    private static async Task<Results<Ok<EscalationDetailResponse>, ProblemHttpResult>> Get(
        string alliance, string escalation, DateTimeOffset? asOf, EscalationQueries queries, CommitmentQueries commitments, AllianceQueries alliances,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        if (!MayRead(http, view)) return AuthorizationExtensions.Forbidden();
        if (!EscalationId.TryParse(escalation, out var id)) return EndpointResults.InvalidId("escalation", escalation);
        if (await queries.GetAsync(view.Id, id, asOf, ct) is not { } dispute) return EscalationNotFound(escalation);
        var at = CommitmentEndpoints.At(asOf, clock);
        http.Response.Headers.ETag = $"\"{dispute.StreamVersion}\"";
        return TypedResults.Ok(new EscalationDetailResponse(asOf, await commitments.PositionAsync(view.Id, asOf, ct), Summary(dispute.Row, at),
            dispute.Raised.AgreementsVersion, [.. dispute.Timeline.Select(CommitmentEndpoints.History)],
            [.. dispute.Commitments.Select(c => CommitmentEndpoints.Response(c, at))],
            [.. dispute.Proposals.Select(p => new ReferencedProposalResponse(p.Id, [.. p.Events.Select(CommitmentEndpoints.History)]))]));
    }

    // ---- commands ----

    private static async Task<Results<Created<CommandResponse>, ProblemHttpResult>> Raise(
        string alliance, RaiseEscalationRequest body, CommandBus pipeline, AllianceQueries alliances, HttpContext http, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var id = EscalationId.Parse(body.Id!);
        var subject = new EscalationSubject(Kebab.Parse<EscalationSubjectKind>(body.Subject!.Kind!), body.Subject.Reference);
        // A dispute about a promise names one this alliance has on record; one about a decision or an advice, a proposal.
        if (subject.Kind != EscalationSubjectKind.Conduct && subject.Reference is { } reference && !string.IsNullOrWhiteSpace(reference)
            && (StreamOf(subject.Kind, reference.Trim()) is not { } stream || await pipeline.StreamVersionAsync(view.Id.Value, stream, ct) == 0))
            return TypedResults.Problem(ApiProblems.Problem(StatusCodes.Status409Conflict, "A working agreement refuses this.",
                $"There is no {(subject.Kind == EscalationSubjectKind.OverdueCommitment ? "promise" : "proposal")} '{reference}' in this alliance.",
                "escalation.reference-unknown"));
        // R12: the ladder agreed in advance, in the version in force now; the dispute keeps it.
        var outcome = await pipeline.HandleAsync(Escalation.Decider, view.Id.Value, id.StreamId,
            now => new RaiseEscalation(id, http.GetActor()!.Person, subject, body.Reason!, view.Agreements.EscalationLadder, view.Agreements.Version, now),
            CommandMetadata.For(http, http.ActingRole(view.Id)), EndpointResults.IfMatch(http), ct);
        return TypedResults.Created($"/api/v1/alliances/{view.Id.Value}/escalations/{id.Value}", EndpointResults.CommandResponse(outcome, http));
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Respond(
        string alliance, string escalation, EscalationResponseRequest body, CommandBus pipeline, AllianceQueries alliances, HttpContext http, CancellationToken ct) =>
        Execute(alliance, escalation, pipeline, alliances, http, now => new RecordEscalationResponse(http.GetActor()!.Person, body.Response!, now), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Advise(
        string alliance, string escalation, EscalationAdviceRequest body, CommandBus pipeline, AllianceQueries alliances, HttpContext http, CancellationToken ct) =>
        Execute(alliance, escalation, pipeline, alliances, http, now => new GiveEscalationAdvice(http.GetActor()!.Person, body.Advice!, body.Solicited!.Value, now), ct,
            contactOnly: true);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> NextStep(
        string alliance, string escalation, EscalationReasonRequest body, CommandBus pipeline, AllianceQueries alliances, HttpContext http, CancellationToken ct) =>
        Execute(alliance, escalation, pipeline, alliances, http, now => new MoveEscalationToNextStep(http.GetActor()!.Person, body.Reason!, now), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Resolve(
        string alliance, string escalation, ResolveEscalationRequest body, CommandBus pipeline, AllianceQueries alliances, HttpContext http, CancellationToken ct) =>
        Execute(alliance, escalation, pipeline, alliances, http, now => new ResolveEscalation(body.Outcome!, body.Settles ?? [], now), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Reopen(
        string alliance, string escalation, EscalationReasonRequest body, CommandBus pipeline, AllianceQueries alliances, HttpContext http, CancellationToken ct) =>
        Execute(alliance, escalation, pipeline, alliances, http, now => new ReopenEscalation(http.GetActor()!.Person, body.Reason!, now), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> OverdueCheck(
        string alliance, string escalation, CommandBus pipeline, AllianceQueries alliances, HttpContext http, CancellationToken ct) =>
        Execute(alliance, escalation, pipeline, alliances, http, now => new RecordEscalationStepOverdue(now), ct);

    // ---- shared ----

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Execute(
        string alliance, string escalation, CommandBus pipeline, AllianceQueries alliances, HttpContext http,
        Func<Instant, EscalationCommand> command, CancellationToken ct, bool contactOnly = false)
    {
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        if (!EscalationId.TryParse(escalation, out var id)) return EndpointResults.InvalidId("escalation", escalation);
        if (await pipeline.StreamVersionAsync(view.Id.Value, id.StreamId, ct) == 0) return EscalationNotFound(escalation);
        // R12: the role is not enough; the alliance must have assigned this person as its escalation contact.
        if (contactOnly && !view.EscalationContacts.Contains(http.GetActor()!.Person)) return NotAssigned();
        var outcome = await pipeline.HandleAsync(Escalation.Decider, view.Id.Value, id.StreamId, command,
            CommandMetadata.For(http, http.ActingRole(view.Id)), EndpointResults.IfMatch(http), ct);
        return TypedResults.Ok(EndpointResults.CommandResponse(outcome, http));
    }

    /// <summary>The stream a subject's reference names: a promise, or a proposal for a decision or an advice; null when malformed.</summary>
    private static string? StreamOf(EscalationSubjectKind kind, string reference) => kind == EscalationSubjectKind.OverdueCommitment
        ? CommitmentId.TryParse(reference, out var c) ? c.StreamId : null
        : Governance.Domain.Proposals.ProposalId.TryParse(reference, out var p) ? p.StreamId : null;

    /// <summary>The people of the alliance read its disputes; someone who is only an escalation contact, only when assigned.</summary>
    internal static bool MayRead(HttpContext http, AllianceView view)
    {
        var actor = http.GetActor()!;
        return Readers.Where(r => r != Role.EscalationContact).Any(r => actor.Has(view.Id, r))
            || (actor.Has(view.Id, Role.EscalationContact) && view.EscalationContacts.Contains(actor.Person));
    }

    private static EscalationSummary Summary(DisputeRow d, Instant at)
    {
        var s = d.State;
        return new EscalationSummary(d.Alliance.Value, d.Id.Value, s.Subject.Kind, s.Subject.Reference, d.Raised.Reason, d.Raised.RaisedBy.Value,
            d.Raised.RaisedAt, Math.Max(0, (int)Math.Floor((at - d.Raised.RaisedAt).TotalDays)), s.Step, s.Ladder.Steps.Length, d.StepDescription,
            s.Resolved || s.StepMissed ? null : s.RespondBy, s.Resolved,
            [.. d.Missed.Select(m => new MissedStepResponse(m.Step, m.Description, m.RespondBy))]);
    }

    private static ProblemHttpResult NotAssigned() => TypedResults.Problem(ApiProblems.Problem(StatusCodes.Status403Forbidden, "Not allowed.",
        "This alliance has not assigned you as its escalation contact.", "escalation-contact.not-assigned"));

    private static ProblemHttpResult EscalationNotFound(string escalation) =>
        EndpointResults.NotFound($"There is no dispute '{escalation}' in this alliance.", "escalation.unknown");
}
