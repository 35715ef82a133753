using Governance.Api.Commands;
using System.Text.Json;
using FluentValidation;
using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.Projections;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;
using Governance.Projections.Proposals;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace Governance.Api.Proposals;

/// <summary>
/// Proposals and decisions over HTTP (issue 5): tabling, the consent round, the weighted vote, recusals, advice and
/// motivation, plus the proposal view, the decision register and the advice list. One stream per proposal
/// (<see cref="ProposalId.StreamId"/>) in the alliance's tenant. The host reads members, mandates, weights, interest
/// declarations (alliance stream) and attendance and decidability (meeting stream) and passes them to the decider.
/// </summary>
public static class ProposalEndpoints
{
    private static readonly Role[] Tablers = ProposalRoles.Tablers;
    private static readonly Role[] Recorders = ProposalRoles.Recorders;

    public static IEndpointRouteBuilder MapProposalEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/alliances/{alliance}").WithTags("Proposals");
        const string P = "/proposals/{proposal}";

        api.MapGet("/proposals", List).WithName("ListProposals");
        api.MapGet(P, Get).WithName("GetProposal");
        api.MapGet(P + "/tally", Tally).WithName("GetProposalTally");
        api.MapGet(P + "/tally/stream", TallyStream).WithName("StreamProposalTally");
        api.MapGet("/decisions", Decisions).WithName("ListDecisions");
        api.MapGet("/advice", Advice).WithName("ListAdvice");

        // A partner tables through its representative; the chair and secretary may enter it for a partner.
        api.MapPost("/proposals", Table).RequireRoles(Tablers).Validate<TableProposalRequest>();
        api.MapPost(P + "/amendments", Amend).RequireRoles(Tablers).Validate<AmendProposalRequest>();
        // R8: the chair runs the consent round; the secretary may keep its record.
        api.MapPost(P + "/consent-round", OpenRound).RequireRoles(ProposalRoles.Chair);
        api.MapPost(P + "/contributions", Contribute).RequireRoles(Recorders).Validate<ContributionRequest>();
        api.MapPost(P + "/objections", Raise).RequireRoles(Tablers).Validate<RaiseObjectionRequest>();
        api.MapPost(P + "/objections/{objection:int}/test", Test).RequireRoles(ProposalRoles.Chair).Validate<TestObjectionRequest>();
        // Issue 13: an objection recorded with the wrong speaker is corrected by a new event (the original stays), by the chair or the secretary.
        api.MapPost(P + "/objections/{objection:int}/correction", CorrectObjection).RequireRoles(Correctors.Roles).Validate<CorrectObjectionRequest>();
        api.MapPost(P + "/objections/{objection:int}/resolution", Resolve).RequireRoles(ProposalRoles.Chair).Validate<ResolveObjectionRequest>();
        api.MapPost(P + "/consent", Consent).RequireRoles(ProposalRoles.Chair);
        // R8/R13: the chair opens and closes the vote; a representative casts its own partner's vote.
        api.MapPost(P + "/vote", OpenVote).RequireRoles(ProposalRoles.Chair).Validate<OpenVoteRequest>();
        api.MapPost(P + "/vote/ballots", Cast).RequireRoles(ProposalRoles.Voters).Validate<CastVoteRequest>();
        // R16: someone recuses themselves; the chair records a recusal declared at the table.
        api.MapPost(P + "/vote/recusals", Recuse).RequireRoles(ProposalRoles.Recusers).Validate<RecusalRequest>();
        api.MapPost(P + "/vote/closing", CloseVote).RequireRoles(ProposalRoles.Chair);
        api.MapPost(P + "/withdrawal", Withdraw).RequireRoles(ProposalRoles.Chair).Validate<WithdrawProposalRequest>();
        api.MapPost(P + "/deferral", Defer).RequireRoles(ProposalRoles.Chair).Validate<DeferProposalRequest>();
        // R9: the partner declines through its representative (or the chair records it at the table) and motivates.
        api.MapPost(P + "/advice", Decline).RequireRoles(ProposalRoles.Decliners).Validate<DeclineExecutionRequest>();
        api.MapPost(P + "/advice/{partner}/motivation", Motivate).RequireRoles(ProposalRoles.Motivators).Validate<AdviceMotivationRequest>();
        // R9: what the sweeper does, on demand; never refused, and records each overdue motivation once.
        api.MapPost(P + "/advice/overdue-check", CheckOverdue).RequireRoles(Role.Admin, Role.Secretary);
        return app;
    }

    public static IServiceCollection AddProposalServices(this IServiceCollection services)
    {
        services.AddSingleton<ProposalQueries>();
        services.AddSingleton<IValidator<TableProposalRequest>, TableProposalValidator>();
        services.AddSingleton<IValidator<AmendProposalRequest>, AmendProposalValidator>();
        services.AddSingleton<IValidator<ContributionRequest>, ContributionValidator>();
        services.AddSingleton<IValidator<RaiseObjectionRequest>, RaiseObjectionValidator>();
        services.AddSingleton<IValidator<TestObjectionRequest>, TestObjectionValidator>();
        services.AddSingleton<IValidator<CorrectObjectionRequest>, CorrectObjectionValidator>();
        services.AddSingleton<IValidator<ResolveObjectionRequest>, ResolveObjectionValidator>();
        services.AddSingleton<IValidator<OpenVoteRequest>, OpenVoteValidator>();
        services.AddSingleton<IValidator<CastVoteRequest>, CastVoteValidator>();
        services.AddSingleton<IValidator<RecusalRequest>, RecusalValidator>();
        services.AddSingleton<IValidator<WithdrawProposalRequest>, WithdrawProposalValidator>();
        services.AddSingleton<IValidator<DeferProposalRequest>, DeferProposalValidator>();
        services.AddSingleton<IValidator<DeclineExecutionRequest>, DeclineExecutionValidator>();
        services.AddSingleton<IValidator<AdviceMotivationRequest>, AdviceMotivationValidator>();
        return services;
    }

    // ---- reads (public) ----

    private static async Task<Results<Ok<ProposalListResponse>, ProblemHttpResult>> List(
        string alliance, int? page, int? pageSize, AllianceQueries alliances, ProposalQueries proposals, HttpRequest request, CancellationToken ct)
    {
        if (!PageRequest.TryParse(page, pageSize, out var paging, out var bad)) return bad!;
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var (items, total) = await proposals.ListAsync(view.Id, paging.Page, paging.Size, ct);
        var paged = new Paged<ProposalSummary>([.. items.Select(ProposalResponses.Summary)], paging, total);
        return TypedResults.Ok(new ProposalListResponse(paged.Items, PageLinks.For(paged, request)));
    }

    private static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult>> Get(
        string alliance, string proposal, DateTimeOffset? asOf, ProposalQueries proposals, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var (view, problem) = await LoadProposal(alliance, proposal, proposals, ct, asOf);
        if (view is null) return problem!;
        http.Response.Headers.ETag = $"\"{view.StreamVersion}\"";
        // As of a moment, advice is judged at that moment: what the record said then.
        var now = asOf is { } at ? Instant.FromDateTimeOffset(at) : Instant.FromDateTimeOffset(clock.GetUtcNow());
        return TypedResults.Ok(ProposalResponses.From(view, now));
    }

    private static async Task<Results<Ok<TallyResponse>, ProblemHttpResult>> Tally(
        string alliance, string proposal, ProposalQueries proposals, CancellationToken ct)
    {
        var (view, problem) = await LoadProposal(alliance, proposal, proposals, ct);
        if (view is null) return problem!;
        return ProposalResponses.Tally(view) is { } tally
            ? TypedResults.Ok(tally)
            : EndpointResults.NotFound($"No vote has been opened on proposal '{proposal}'.", "vote.not-opened");
    }

    /// <summary>
    /// Server-sent events: the tally each time the proposal's stream changes (polled every half second per
    /// connection), starting with the current one. Choices only when the vote is not secret until close, or closed.
    /// </summary>
    private static async Task<IResult> TallyStream(
        string alliance, string proposal, ProposalQueries proposals, CommandBus pipeline, HttpContext http, CancellationToken ct)
    {
        var (view, problem) = await LoadProposal(alliance, proposal, proposals, ct);
        if (view is null) return problem!;
        var allianceId = AllianceId.Parse(alliance);
        var response = http.Response;
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var json = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        long sent = -1;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var version = await pipeline.StreamVersionAsync(allianceId.Value, view.Id.StreamId, ct);
                if (version != sent)
                {
                    var current = await proposals.GetAsync(allianceId, view.Id, cancellationToken: ct);
                    var tally = current is null ? null : ProposalResponses.Tally(current);
                    var data = tally is null
                        ? JsonSerializer.Serialize(new { streamVersion = version, status = current is null ? null : Kebab.Of(current.State.Status) }, json)
                        : JsonSerializer.Serialize(tally, json);
                    await response.WriteAsync($"id: {version}\nevent: tally\ndata: {data}\n\n", ct);
                    await response.Body.FlushAsync(ct);
                    sent = version;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away: that is how an event stream ends.
        }
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<DecisionListResponse>, ProblemHttpResult>> Decisions(
        string alliance, int? page, int? pageSize, AllianceQueries alliances, ProposalQueries proposals, TimeProvider clock, HttpRequest request,
        CancellationToken ct)
    {
        if (!PageRequest.TryParse(page, pageSize, out var paging, out var bad)) return bad!;
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var (items, total) = await proposals.DecisionsAsync(view.Id, paging.Page, paging.Size, newestFirst: false, ct);
        var paged = new Paged<DecisionEntry>([.. items.Select(p => ProposalResponses.Decision(view.Id, p, now)).OfType<DecisionEntry>()], paging, total);
        return TypedResults.Ok(new DecisionListResponse(paged.Items, PageLinks.For(paged, request)));
    }

    private static async Task<Results<Ok<AdviceListResponse>, ProblemHttpResult>> Advice(
        string alliance, string? status, int? page, int? pageSize, AllianceQueries alliances, ProposalQueries proposals, TimeProvider clock,
        HttpRequest request, CancellationToken ct)
    {
        if (status is not (null or "pending" or "overdue" or "answered"))
            return TypedResults.Problem(ApiProblems.Problem(StatusCodes.Status400BadRequest, "The request is not valid.",
                "status is one of pending, overdue, answered.", "validation"));
        if (!PageRequest.TryParse(page, pageSize, out var paging, out var bad)) return bad!;
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        // R9: a status is judged at the server's clock, so advice past its due moment is overdue before the sweeper records it.
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var (rows, total) = await proposals.AdviceAsync(view.Id, status, now, paging.Page, paging.Size, cancellationToken: ct);
        var paged = new Paged<AdviceEntry>([.. rows.Select(r => ProposalResponses.AdviceEntry(r, now))], paging, total);
        return TypedResults.Ok(new AdviceListResponse(paged.Items, PageLinks.For(paged, request)));
    }

    // ---- commands ----

    private static async Task<Results<Created<CommandResponse>, ProblemHttpResult>> Table(
        string alliance, TableProposalRequest body, CommandBus pipeline, AllianceQueries alliances, MeetingQueries meetings,
        HttpContext http, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var id = ProposalId.Parse(body.Id!);
        var partner = PartnerId.Parse(body.Partner!);
        var actor = http.GetActor()!;
        var concerns = (body.Concerns ?? []).Select(PartnerId.Parse).Distinct().ToList();
        var proposer = body.Proposer is null ? actor.Person : PersonId.Parse(body.Proposer);
        // Someone acting only as a representative tables for their own partner in their own name; the officers enter a proposal for its proposer.
        switch (ProposalAccess.MayTable(actor, view, partner, proposer, concerns, out var notMember))
        {
            case ProposalAccess.Check.Forbidden: return AuthorizationExtensions.Forbidden();
            case ProposalAccess.Check.NotAMember: return NotAMember(notMember.GetValueOrDefault());
            case ProposalAccess.Check.NotARepresentative: return NotARepresentative(proposer, partner);
        }
        var meetingId = MeetingId.Parse(body.Meeting!);
        if (await meetings.GetAsync(view.Id, meetingId, null, ct) is not { } meeting) return EndpointResults.MeetingNotFound(body.Meeting!);
        var item = AgendaItemId.Parse(body.Item!);

        // R7: decidability is the meeting's, read now; the decider refuses what is not decidable.
        var outcome = await pipeline.HandleAsync(Proposal.Decider, view.Id.Value, id.StreamId,
            now => new TableProposal(id, meetingId, item, body.Title!.Trim(), body.Text!.Trim(), partner, proposer, [.. concerns],
                meeting.State.IsDecidable(item), now),
            CommandMetadata.For(http, http.ActingRole(view.Id)), EndpointResults.IfMatch(http), ct);
        return TypedResults.Created($"/api/v1/alliances/{view.Id.Value}/proposals/{id.Value}", EndpointResults.CommandResponse(outcome, http));
    }

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Amend(
        string alliance, string proposal, AmendProposalRequest body, CommandBus pipeline, ProposalQueries proposals, HttpContext http, CancellationToken ct)
    {
        var (view, problem) = await LoadProposal(alliance, proposal, proposals, ct);
        if (view is null) return problem!;
        // A representative amends only its own partner's proposal; the officers amend any in the round.
        var actor = http.GetActor()!;
        if (!ProposalAccess.MayAmend(actor, AllianceId.Parse(alliance), view.State.ProposerPartner)) return AuthorizationExtensions.Forbidden();
        return await Execute(alliance, view.Id, pipeline, http, now => new AmendProposal(body.Text!.Trim(), body.Reason!.Trim(), now), ct);
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> OpenRound(
        string alliance, string proposal, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        WithProposal(alliance, proposal, pipeline, id => Execute(alliance, id, pipeline, http, now => new OpenConsentRound(now), ct), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Contribute(
        string alliance, string proposal, ContributionRequest body, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        WithProposal(alliance, proposal, pipeline, id => Execute(alliance, id, pipeline, http, now => new RecordContribution(
            Kebab.Parse<ContributionKind>(body.Kind!), body.By is null ? null : PersonId.Parse(body.By),
            body.Partner is null ? null : PartnerId.Parse(body.Partner), body.Summary!.Trim(), now), ct), ct);

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Raise(
        string alliance, string proposal, RaiseObjectionRequest body, CommandBus pipeline, AllianceQueries alliances, HttpContext http, CancellationToken ct)
    {
        if (await ProposalMissing(alliance, proposal, pipeline, ct) is { } missing) return missing;
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var actor = http.GetActor()!;
        var by = body.By is null ? actor.Person : PersonId.Parse(body.By);
        var partner = body.Partner is null ? (PartnerId?)null : PartnerId.Parse(body.Partner);
        // Someone acting only as a representative objects in their own name, for their own partner.
        if (!ProposalAccess.MayObject(actor, view.Id, by, partner)) return AuthorizationExtensions.Forbidden();
        // Anyone present may object in their own name; for a partner only as its representative.
        if (partner is { } p && !ProposalAccess.Represents(view, by, p)) return NotARepresentative(by, p);
        return await Execute(alliance, ProposalId.Parse(proposal), pipeline, http, now => new RaiseObjection(by, partner, body.Reasons!.Trim(), now), ct);
    }

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> CorrectObjection(
        string alliance, string proposal, int objection, CorrectObjectionRequest body, CommandBus pipeline, AllianceQueries alliances, HttpContext http,
        CancellationToken ct)
    {
        if (await ProposalMissing(alliance, proposal, pipeline, ct) is { } missing) return missing;
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var by = PersonId.Parse(body.By!);
        var partner = body.Partner is null ? (PartnerId?)null : PartnerId.Parse(body.Partner);
        if (SpeakerProblem(view, by, partner) is { } problem) return problem;
        var (corrector, office) = (http.GetActor()!.Person, Correctors.OfficeOf(http, view.Id));
        return await Execute(alliance, ProposalId.Parse(proposal), pipeline, http,
            now => new CorrectObjection(objection, by, partner, corrector, office, body.Reason!, now), ct);
    }

    /// <summary>
    /// The host's part of an objection's speaker, as on raising it: someone objects in their own name, or for a member partner they
    /// represent; so a correction cannot make someone speak for a partner they do not represent.
    /// </summary>
    internal static ProblemHttpResult? SpeakerProblem(AllianceView view, PersonId by, PartnerId? partner)
    {
        if (partner is not { } p) return null;
        if (view.Partner(p) is not { IsMember: true }) return NotAMember(p);
        return ProposalAccess.Represents(view, by, p) ? null : NotARepresentative(by, p);
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Test(
        string alliance, string proposal, int objection, TestObjectionRequest body, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        WithProposal(alliance, proposal, pipeline, id => Execute(alliance, id, pipeline, http,
            now => new TestObjection(objection, Kebab.Parse<ObjectionFinding>(body.Finding!), body.Note?.Trim() ?? string.Empty, now), ct), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Resolve(
        string alliance, string proposal, int objection, ResolveObjectionRequest body, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        WithProposal(alliance, proposal, pipeline, id => Execute(alliance, id, pipeline, http, now => new ResolveObjection(
            objection, Kebab.Parse<ObjectionResolution>(body.Resolution!), body.Note?.Trim() ?? string.Empty,
            body.Owner is null ? null : PersonId.Parse(body.Owner),
            body.Due is null ? null : LocalDatePattern.Iso.Parse(body.Due).Value, now), ct), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Consent(
        string alliance, string proposal, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        WithProposal(alliance, proposal, pipeline, id => Execute(alliance, id, pipeline, http, now => new ReachConsent(now), ct), ct);

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> OpenVote(
        string alliance, string proposal, OpenVoteRequest body, CommandBus pipeline, AllianceQueries alliances, MeetingQueries meetings,
        ProposalQueries proposals, HttpContext http, CancellationToken ct)
    {
        var (view, problem) = await LoadProposal(alliance, proposal, proposals, ct);
        if (view is null) return problem!;
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } allianceView) return EndpointResults.AllianceNotFound(alliance);
        var meeting = await meetings.GetAsync(allianceView.Id, view.State.Meeting, null, ct);
        var ground = Kebab.Parse<VoteGround>(body.Ground!);

        // The snapshot's inputs, read now: members and their bodies, who is present, mandates, active declarations (R14, R16).
        return await Execute(alliance, view.Id, pipeline, http, now => ProposalFacts.OpenVote(ground, allianceView, meeting?.State, now), ct);
    }

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Cast(
        string alliance, string proposal, CastVoteRequest body, CommandBus pipeline, HttpContext http, CancellationToken ct)
    {
        if (await ProposalMissing(alliance, proposal, pipeline, ct) is { } missing) return missing;
        var partner = PartnerId.Parse(body.Partner!);
        var actor = http.GetActor()!;
        // Who you are: a vote is cast for a partner you represent. Mandate and presence are the decider's (as snapshotted).
        if (!ProposalAccess.MayCastFor(actor, AllianceId.Parse(alliance), partner)) return AuthorizationExtensions.Forbidden();
        return await Execute(alliance, ProposalId.Parse(proposal), pipeline, http,
            now => new CastVote(actor.Person, partner, Kebab.Parse<VoteChoice>(body.Choice!), now), ct);
    }

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Recuse(
        string alliance, string proposal, RecusalRequest body, CommandBus pipeline, HttpContext http, CancellationToken ct)
    {
        if (await ProposalMissing(alliance, proposal, pipeline, ct) is { } missing) return missing;
        var actor = http.GetActor()!;
        var person = body.Person is null ? actor.Person : PersonId.Parse(body.Person);
        if (!ProposalAccess.MayRecuse(actor, AllianceId.Parse(alliance), person)) return AuthorizationExtensions.Forbidden();
        return await Execute(alliance, ProposalId.Parse(proposal), pipeline, http, now => new DeclareRecusal(person, body.Reason!.Trim(), now), ct);
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> CloseVote(
        string alliance, string proposal, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        WithProposal(alliance, proposal, pipeline, id => Execute(alliance, id, pipeline, http, now => new Governance.Domain.Proposals.CloseVote(now), ct), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Withdraw(
        string alliance, string proposal, WithdrawProposalRequest body, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        WithProposal(alliance, proposal, pipeline, id => Execute(alliance, id, pipeline, http, now => new WithdrawProposal(body.Reason!.Trim(), now), ct), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Defer(
        string alliance, string proposal, DeferProposalRequest body, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        WithProposal(alliance, proposal, pipeline, id => Execute(alliance, id, pipeline, http,
            now => new DeferProposal(body.Reason!.Trim(), body.To is null ? null : MeetingId.Parse(body.To), now), ct), ct);

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Decline(
        string alliance, string proposal, DeclineExecutionRequest body, CommandBus pipeline, AllianceQueries alliances, HttpContext http, CancellationToken ct)
    {
        if (await ProposalMissing(alliance, proposal, pipeline, ct) is { } missing) return missing;
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var partner = PartnerId.Parse(body.Partner!);
        var actor = http.GetActor()!;
        // The chair records the refusal of the partner's representative at the table; a representative speaks for itself.
        if (ProposalAccess.Decliner(actor, view.Id, partner, body.By is null ? null : PersonId.Parse(body.By)) is not { } by)
            return AuthorizationExtensions.Forbidden();
        if (!ProposalAccess.Represents(view, by, partner)) return NotARepresentative(by, partner);
        return await Execute(alliance, ProposalId.Parse(proposal), pipeline, http,
            now => new DeclineExecution(partner, by, body.Reason!.Trim(), view.Agreements, now), ct);
    }

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Motivate(
        string alliance, string proposal, string partner, AdviceMotivationRequest body, CommandBus pipeline, HttpContext http, CancellationToken ct)
    {
        if (await ProposalMissing(alliance, proposal, pipeline, ct) is { } missing) return missing;
        if (!PartnerId.TryParse(partner, out var partnerId)) return EndpointResults.InvalidId("partner", partner);
        var actor = http.GetActor()!;
        var allianceId = AllianceId.Parse(alliance);
        if (!ProposalAccess.MayMotivate(actor, allianceId, partnerId)) return AuthorizationExtensions.Forbidden();
        return await Execute(alliance, ProposalId.Parse(proposal), pipeline, http,
            now => new RecordAdviceMotivation(partnerId, actor.Person, body.Motivation!.Trim(), body.FollowsAdvice!.Value, now), ct);
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> CheckOverdue(
        string alliance, string proposal, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        WithProposal(alliance, proposal, pipeline, id => Execute(alliance, id, pipeline, http, now => new RecordAdviceMotivationOverdue(now), ct), ct);

    // ---- shared ----

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Execute(
        string alliance, ProposalId proposal, CommandBus pipeline, HttpContext http, Func<Instant, ProposalCommand> command, CancellationToken ct)
    {
        var id = AllianceId.Parse(alliance);
        var outcome = await pipeline.HandleAsync(Proposal.Decider, id.Value, proposal.StreamId, command,
            CommandMetadata.For(http, http.ActingRole(id)), EndpointResults.IfMatch(http), ct);
        return TypedResults.Ok(EndpointResults.CommandResponse(outcome, http));
    }

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> WithProposal(
        string alliance, string proposal, CommandBus pipeline,
        Func<ProposalId, Task<Results<Ok<CommandResponse>, ProblemHttpResult>>> then, CancellationToken ct) =>
        await ProposalMissing(alliance, proposal, pipeline, ct) is { } missing ? missing : await then(ProposalId.Parse(proposal));

    /// <summary>An unknown alliance or proposal is 404 (a malformed id 400), not the decider's "not tabled" refusal.</summary>
    private static async Task<ProblemHttpResult?> ProposalMissing(string alliance, string proposal, CommandBus pipeline, CancellationToken ct)
    {
        if (!AllianceId.TryParse(alliance, out var a)) return EndpointResults.InvalidId("alliance", alliance);
        if (await pipeline.StreamVersionAsync(a.Value, Governance.Domain.Alliances.Alliance.StreamId, ct) == 0) return EndpointResults.AllianceNotFound(alliance);
        if (!ProposalId.TryParse(proposal, out var p)) return EndpointResults.InvalidId("proposal", proposal);
        return await pipeline.StreamVersionAsync(a.Value, p.StreamId, ct) == 0 ? ProposalNotFound(proposal) : null;
    }


    private static async Task<(ProposalView? View, ProblemHttpResult? Problem)> LoadProposal(
        string alliance, string proposal, ProposalQueries queries, CancellationToken ct, DateTimeOffset? asOf = null)
    {
        if (!AllianceId.TryParse(alliance, out var a)) return (null, EndpointResults.AllianceNotFound(alliance));
        if (!ProposalId.TryParse(proposal, out var p)) return (null, ProposalNotFound(proposal));
        var view = await queries.GetAsync(a, p, asOf, ct);
        return view is null ? (null, ProposalNotFound(proposal)) : (view, null);
    }

    private static ProblemHttpResult ProposalNotFound(string proposal) =>
        EndpointResults.NotFound($"There is no proposal '{proposal}' in this alliance.", "proposal.unknown");


    private static ProblemHttpResult NotARepresentative(PersonId person, PartnerId partner) => TypedResults.Problem(ApiProblems.Problem(
        StatusCodes.Status409Conflict, "A working agreement refuses this.",
        $"'{person}' is not a representative of '{partner}' in this alliance, so cannot speak on its behalf.", "person.not-a-representative"));

    private static ProblemHttpResult NotAMember(PartnerId partner) => TypedResults.Problem(ApiProblems.Problem(StatusCodes.Status409Conflict,
        "A working agreement refuses this.", $"'{partner}' is not a member partner of this alliance.", "partner.not-a-member"));
}
