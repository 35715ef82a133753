using Governance.Api.Commands;
using FluentValidation;
using Governance.Api.Auth;
using Governance.Api.Commitments;
using Governance.Api.Http;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.YearPlans;
using Governance.Projections.Alliances;
using Governance.Projections.Commitments;
using Governance.Projections.YearPlans;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Governance.Api.YearPlans;

/// <summary>
/// The year plan and the long-term plan (issue 6, R11): one stream per year (<see cref="YearPlanId.StreamId"/>). Reads are
/// public and accept <c>asOf</c>; the plan is kept by the chair and secretary, owners report progress on their goals.
/// </summary>
public static class YearPlanEndpoints
{
    internal static readonly Role[] PlanKeepers = [Role.Chair, Role.Secretary, Role.Admin];
    internal static readonly Role[] GoalReporters = [Role.Representative, Role.Chair, Role.Secretary];

    public static IEndpointRouteBuilder MapYearPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/alliances/{alliance}").WithTags("YearPlans");
        const string P = "/year-plans/{plan}";
        const string G = P + "/goals/{goal}";

        api.MapGet("/year-plans", List).WithName("ListYearPlans");
        api.MapGet(P, Get).WithName("GetYearPlan");
        api.MapPost("/year-plans", Start).RequireRoles(PlanKeepers).Validate<StartYearPlanRequest>();
        api.MapPost(P + "/goals", SetGoal).RequireRoles(Role.Chair, Role.Secretary).Validate<SetGoalRequest>();
        api.MapPost(G + "/progress", Progress).RequireRoles(GoalReporters).Validate<GoalNoteRequest>();
        api.MapPost(G + "/commitments", Link).RequireRoles(Role.Chair, Role.Secretary).Validate<LinkGoalCommitmentRequest>();
        api.MapPost(G + "/achievement", Achieve).RequireRoles(GoalReporters).Validate<GoalNoteRequest>();
        return app;
    }

    public static IServiceCollection AddYearPlanServices(this IServiceCollection services)
    {
        services.AddSingleton<YearPlanQueries>();
        services.AddSingleton<IValidator<StartYearPlanRequest>, StartYearPlanValidator>();
        services.AddSingleton<IValidator<SetGoalRequest>, SetGoalValidator>();
        services.AddSingleton<IValidator<GoalNoteRequest>, GoalNoteValidator>();
        services.AddSingleton<IValidator<LinkGoalCommitmentRequest>, LinkGoalCommitmentValidator>();
        return services;
    }

    /// <summary>One page of the alliance's plans, from the documents the inline projection keeps (the JSON twin of the page of plans).</summary>
    private static async Task<Results<Ok<YearPlanListResponse>, ProblemHttpResult>> List(
        string alliance, int? page, int? pageSize, YearPlanQueries queries, CommitmentQueries commitments, AllianceQueries alliances,
        HttpContext http, CancellationToken ct)
    {
        if (!PageRequest.TryParse(page, pageSize, out var request, out var pageProblem)) return pageProblem!;
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var plans = await queries.ListAsync(view.Id, request.Skip, request.Size, ct);
        return TypedResults.Ok(new YearPlanListResponse(await commitments.PositionAsync(view.Id, null, ct),
            [.. plans.Items.Select(p => new YearPlanSummaryResponse(p.Plan, p.Title, p.Goals, p.Dreams, p.Version))],
            PageLinks.For(new Paged<YearPlanDocument>(plans.Items, request, plans.Total), http.Request)));
    }

    private static async Task<Results<Ok<YearPlanResponse>, ProblemHttpResult>> Get(
        string alliance, string plan, DateTimeOffset? asOf, YearPlanQueries queries, CommitmentQueries commitments, HttpContext http, CancellationToken ct)
    {
        if (!AllianceId.TryParse(alliance, out var a)) return EndpointResults.AllianceNotFound(alliance);
        if (!YearPlanId.TryParse(plan, out var id)) return EndpointResults.InvalidId("year plan", plan);
        if (await queries.GetAsync(a, id, asOf, ct) is not { } view) return PlanNotFound(plan);
        var position = await commitments.PositionAsync(a, asOf, ct);
        http.Response.Headers.ETag = $"\"{view.StreamVersion}\"";
        var progress = view.History.Select(h => h.Event).OfType<GoalProgressReported>().ToLookup(p => p.Goal);
        var goals = view.State.Goals.Values.OrderBy(g => g.Horizon).ThenBy(g => g.TargetDate).ThenBy(g => g.Id.Value, StringComparer.Ordinal)
            .Select(g => new GoalResponse(g.Id.Value, g.Horizon, g.Title, g.Owner?.Value, g.TargetDate, [.. g.Commitments.Select(c => c.Value)],
                g.AchievedAt, [.. progress[g.Id].Select(p => p.Note)]))
            .ToList();
        return TypedResults.Ok(new YearPlanResponse(asOf, position, id.Value, view.State.Title, view.StreamVersion, goals,
            [.. view.History.Select(CommitmentEndpoints.History)]));
    }

    private static async Task<Results<Created<CommandResponse>, ProblemHttpResult>> Start(
        string alliance, StartYearPlanRequest body, CommandBus pipeline, AllianceQueries alliances, HttpContext http, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var id = YearPlanId.Parse(body.Id!);
        var outcome = await pipeline.HandleAsync(YearPlan.Decider, view.Id.Value, id.StreamId, now => new StartYearPlan(id, body.Title!, now),
            CommandMetadata.For(http, http.ActingRole(view.Id)), EndpointResults.IfMatch(http), ct);
        return TypedResults.Created($"/api/v1/alliances/{view.Id.Value}/year-plans/{id.Value}", EndpointResults.CommandResponse(outcome, http));
    }

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> SetGoal(
        string alliance, string plan, SetGoalRequest body, CommandBus pipeline, AllianceQueries alliances, YearPlanQueries queries,
        HttpContext http, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        PartnerId? owner = body.Owner is null ? null : PartnerId.Parse(body.Owner);
        if (owner is { } o && view.Partner(o) is not { IsMember: true }) return CommitmentEndpoints.NotAMember(o);
        LocalDate? target = PromiseRules.TryParseDate(body.TargetDate, out var t) ? t : null;
        var commitments = (body.Commitments ?? []).Select(CommitmentId.Parse).ToList();
        return await Execute(alliance, plan, pipeline, queries, http,
            now => new SetGoal(GoalId.Parse(body.Id!), Kebab.Parse<GoalHorizon>(body.Horizon!), body.Title!, owner, target, commitments, now), ct);
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Progress(
        string alliance, string plan, string goal, GoalNoteRequest body, CommandBus pipeline, YearPlanQueries queries, HttpContext http, CancellationToken ct) =>
        WithGoal(goal, id => Execute(alliance, plan, pipeline, queries, http, now => new ReportGoalProgress(id, body.Note!, now), ct, id));

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Link(
        string alliance, string plan, string goal, LinkGoalCommitmentRequest body, CommandBus pipeline, YearPlanQueries queries, HttpContext http, CancellationToken ct) =>
        WithGoal(goal, id => Execute(alliance, plan, pipeline, queries, http, now => new LinkGoalCommitment(id, CommitmentId.Parse(body.Commitment!), now), ct));

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Achieve(
        string alliance, string plan, string goal, GoalNoteRequest body, CommandBus pipeline, YearPlanQueries queries, HttpContext http, CancellationToken ct) =>
        WithGoal(goal, id => Execute(alliance, plan, pipeline, queries, http, now => new AchieveGoal(id, body.Note!, now), ct, id));

    /// <summary>
    /// Runs a plan command. <paramref name="ownGoal"/>: a command a representative may give only for a goal their
    /// partner owns (progress, achievement); the officers may for any goal.
    /// </summary>
    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Execute(
        string alliance, string plan, CommandBus pipeline, YearPlanQueries queries, HttpContext http,
        Func<Instant, YearPlanCommand> command, CancellationToken ct, GoalId? ownGoal = null)
    {
        if (!AllianceId.TryParse(alliance, out var a)) return EndpointResults.InvalidId("alliance", alliance);
        if (!YearPlanId.TryParse(plan, out var id)) return EndpointResults.InvalidId("year plan", plan);
        if (await queries.GetAsync(a, id, cancellationToken: ct) is not { } current) return PlanNotFound(plan);
        if (ownGoal is { } g && current.State.Goals.TryGetValue(g, out var goal)
            && !(goal.Owner is { } owner ? CommitmentEndpoints.ActsFor(http, a, owner) : http.GetActor()!.Has(a, Role.Chair) || http.GetActor()!.Has(a, Role.Secretary)))
            return AuthorizationExtensions.Forbidden();
        var outcome = await pipeline.HandleAsync(YearPlan.Decider, a.Value, id.StreamId, command,
            CommandMetadata.For(http, http.ActingRole(a)), EndpointResults.IfMatch(http), ct);
        return TypedResults.Ok(EndpointResults.CommandResponse(outcome, http));
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> WithGoal(
        string goal, Func<GoalId, Task<Results<Ok<CommandResponse>, ProblemHttpResult>>> then) =>
        GoalId.TryParse(goal, out var id) ? then(id) : Task.FromResult<Results<Ok<CommandResponse>, ProblemHttpResult>>(EndpointResults.InvalidId("goal", goal));

    private static ProblemHttpResult PlanNotFound(string plan) => EndpointResults.NotFound($"There is no plan '{plan}' in this alliance.", "yearplan.unknown");
}
