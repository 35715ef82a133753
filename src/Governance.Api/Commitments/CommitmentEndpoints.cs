using Governance.Api.Commands;
using FluentValidation;
using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Meetings;
using Governance.EventStore;
using Governance.Projections.Alliances;
using Governance.Projections.Commitments;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Governance.Api.Commitments;

/// <summary>
/// Who promised what (issue 6, R10, R19): one stream per promise (<see cref="CommitmentId.StreamId"/>) in the
/// alliance's tenant. Reads are public like the meetings' and accept <c>asOf</c>; writes follow the table's roles.
/// </summary>
public static class CommitmentEndpoints
{
    /// <summary>A partner reports on its own promises through its representative; the chair and secretary record at the table.</summary>
    internal static readonly Role[] Keepers = [Role.Representative, Role.Chair, Role.Secretary];

    /// <summary>Withdrawing is by agreement, so it is recorded by the chair or the secretary.</summary>
    internal static readonly Role[] Officers = [Role.Chair, Role.Secretary];

    public static IEndpointRouteBuilder MapCommitmentEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/alliances/{alliance}").WithTags("Commitments");
        const string C = "/commitments/{commitment}";

        api.MapGet("/commitments", List).WithName("ListCommitments");
        api.MapGet(C, Get).WithName("GetCommitment");
        api.MapGet("/partners/{partner}/promises", Promises).WithName("GetPartnerPromises");

        api.MapPost("/commitments", Make).RequireRoles(Keepers).Validate<MakeCommitmentRequest>();
        api.MapPost(C + "/progress", Progress).RequireRoles(Keepers).Validate<CommitmentProgressRequest>();
        api.MapPost(C + "/renegotiation", Renegotiate).RequireRoles(Keepers).Validate<RenegotiateDueDateRequest>();
        api.MapPost(C + "/fulfilment", Fulfil).RequireRoles(Keepers).Validate<FulfilCommitmentRequest>();
        api.MapPost(C + "/not-possible", NotPossible).RequireRoles(Keepers).Validate<CommitmentNotPossibleRequest>();
        api.MapPost(C + "/withdrawal", Withdraw).RequireRoles(Officers).Validate<WithdrawCommitmentRequest>();
        // Issue 13: a record made in error is corrected by a new event (the original stays), by the chair or the secretary.
        api.MapPost(C + "/correction", Correct).RequireRoles(Officers).Validate<CorrectCommitmentRequest>();
        // The sweeper's command, also by hand for an admin; idempotent, so a repeat records nothing.
        api.MapPost(C + "/overdue-check", OverdueCheck).RequireRoles(Role.Admin);
        return app;
    }

    public static IServiceCollection AddCommitmentServices(this IServiceCollection services)
    {
        services.AddSingleton<CommitmentQueries>();
        services.AddSingleton<IValidator<MakeCommitmentRequest>, MakeCommitmentValidator>();
        services.AddSingleton<IValidator<CommitmentProgressRequest>, CommitmentProgressValidator>();
        services.AddSingleton<IValidator<RenegotiateDueDateRequest>, RenegotiateDueDateValidator>();
        services.AddSingleton<IValidator<FulfilCommitmentRequest>, FulfilCommitmentValidator>();
        services.AddSingleton<IValidator<CommitmentNotPossibleRequest>, CommitmentNotPossibleValidator>();
        services.AddSingleton<IValidator<WithdrawCommitmentRequest>, WithdrawCommitmentValidator>();
        services.AddSingleton<IValidator<CorrectCommitmentRequest>, CorrectCommitmentValidator>();
        return services;
    }

    // ---- reads (public) ----

    /// <summary>
    /// One page of the promises that match, from the documents the inline projection keeps; the status (open or overdue depends
    /// on the moment) is judged by the database at <c>asOf</c> or now.
    /// </summary>
    private static async Task<Results<Ok<CommitmentListResponse>, ProblemHttpResult>> List(
        string alliance, string? partner, string? status, DateTimeOffset? asOf, int? page, int? pageSize, CommitmentQueries queries,
        AllianceQueries alliances, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!PageRequest.TryParse(page, pageSize, out var request, out var pageProblem)) return pageProblem!;
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        PartnerId? owner = null;
        if (partner is not null)
        {
            if (!PartnerId.TryParse(partner, out var p)) return EndpointResults.InvalidId("partner", partner);
            owner = p;
        }
        CommitmentStatus? wanted = null;
        if (status is not null)
        {
            if (!Kebab.TryParse<CommitmentStatus>(status, out var s)) return BadQuery("status", $"Use one of: {string.Join(", ", Kebab.All<CommitmentStatus>())}.");
            wanted = s;
        }

        var at = At(asOf, clock);
        var list = await queries.ListAsync(view.Id, new CommitmentFilter(owner, wanted), asOf, Now(clock), request.Skip, request.Size, ct);
        var position = await queries.PositionAsync(view.Id, asOf, ct);
        var paged = new Paged<CommitmentView>(list.Items, request, list.Total);
        return TypedResults.Ok(new CommitmentListResponse(asOf, position, [.. list.Items.Select(c => Response(c, at))], PageLinks.For(paged, http.Request)));
    }

    private static async Task<Results<Ok<CommitmentReadResponse>, ProblemHttpResult>> Get(
        string alliance, string commitment, DateTimeOffset? asOf, CommitmentQueries queries, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!AllianceId.TryParse(alliance, out var a)) return EndpointResults.AllianceNotFound(alliance);
        if (!CommitmentId.TryParse(commitment, out var id)) return EndpointResults.InvalidId("commitment", commitment);
        if (await queries.GetAsync(a, id, asOf, ct) is not { } view) return CommitmentNotFound(commitment);
        var position = await queries.PositionAsync(a, asOf, ct);
        http.Response.Headers.ETag = $"\"{view.StreamVersion}\"";
        return TypedResults.Ok(new CommitmentReadResponse(asOf, position, Response(view, At(asOf, clock))));
    }

    /// <summary>R10: a partner's record (counted by the database) and one page of its promises.</summary>
    private static async Task<Results<Ok<PromisesResponse>, ProblemHttpResult>> Promises(
        string alliance, string partner, DateTimeOffset? asOf, int? page, int? pageSize, CommitmentQueries queries, AllianceQueries alliances,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!PageRequest.TryParse(page, pageSize, out var request, out var pageProblem)) return pageProblem!;
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        if (!PartnerId.TryParse(partner, out var p)) return EndpointResults.InvalidId("partner", partner);
        if (view.Partner(p) is null) return EndpointResults.NotFound($"There is no partner '{partner}' in this alliance.", "partner.unknown");
        var at = At(asOf, clock);
        var record = (await queries.RecordsAsync(view.Id, [p], asOf, Now(clock), ct))[p];
        var list = await queries.ListAsync(view.Id, new CommitmentFilter(p), asOf, Now(clock), request.Skip, request.Size, ct);
        var position = await queries.PositionAsync(view.Id, asOf, ct);
        var paged = new Paged<CommitmentView>(list.Items, request, list.Total);
        return TypedResults.Ok(new PromisesResponse(asOf, position, p.Value,
            record.Counts.ToDictionary(c => Kebab.Of(c.Key), c => c.Value), record.KeepRate.KeptOnTime, record.KeepRate.Due,
            record.KeepRate.Rate, record.MedianDaysLate, [.. list.Items.Select(c => Response(c, at))], PageLinks.For(paged, http.Request)));
    }

    // ---- commands ----

    private static async Task<Results<Created<CommandResponse>, ProblemHttpResult>> Make(
        string alliance, MakeCommitmentRequest body, CommandBus pipeline, AllianceQueries alliances, HttpContext http, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var owner = PartnerId.Parse(body.Owner!);
        if (!ActsFor(http, view.Id, owner)) return AuthorizationExtensions.Forbidden();
        if (view.Partner(owner) is not { IsMember: true }) return NotAMember(owner);
        var id = CommitmentId.Parse(body.Id!);
        // The validator has checked the shapes; a default here would be a validator bug, which the decider then refuses.
        _ = PromiseRules.TryParseDate(body.Due, out var due);
        var source = Source(body.Source!);
        var ownerPerson = body.OwnerPerson is null ? http.GetActor()!.Person : PersonId.Parse(body.OwnerPerson);
        var occurred = body.OccurredAt is { } o ? Instant.FromDateTimeOffset(o) : (Instant?)null;
        var outcome = await pipeline.HandleAsync(Commitment.Decider, view.Id.Value, id.StreamId,
            now => new MakeCommitment(id, owner, ownerPerson, body.What!, due, source, occurred, now),
            CommandMetadata.For(http, http.ActingRole(view.Id)), EndpointResults.IfMatch(http), ct);
        return TypedResults.Created($"/api/v1/alliances/{view.Id.Value}/commitments/{id.Value}", EndpointResults.CommandResponse(outcome, http));
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Progress(
        string alliance, string commitment, CommitmentProgressRequest body, CommandBus pipeline, CommitmentQueries queries, HttpContext http, CancellationToken ct) =>
        Execute(alliance, commitment, pipeline, queries, http, now => new ReportCommitmentProgress(body.Note!, now), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Renegotiate(
        string alliance, string commitment, RenegotiateDueDateRequest body, CommandBus pipeline, CommitmentQueries queries, HttpContext http, CancellationToken ct)
    {
        _ = PromiseRules.TryParseDate(body.NewDue, out var due);
        // R19 records who agreed; without a name it is the person who records it.
        var agreedBy = body.AgreedBy is null ? http.GetActor()!.Person : PersonId.Parse(body.AgreedBy);
        return Execute(alliance, commitment, pipeline, queries, http, now => new RenegotiateDueDate(due, body.Reason!, agreedBy, now), ct);
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Fulfil(
        string alliance, string commitment, FulfilCommitmentRequest body, CommandBus pipeline, CommitmentQueries queries, HttpContext http, CancellationToken ct) =>
        Execute(alliance, commitment, pipeline, queries, http, now => new FulfilCommitment(body.Evidence!, body.Link, now), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> NotPossible(
        string alliance, string commitment, CommitmentNotPossibleRequest body, CommandBus pipeline, CommitmentQueries queries, HttpContext http, CancellationToken ct) =>
        Execute(alliance, commitment, pipeline, queries, http, now => new ReportCommitmentNotPossible(body.Motivation!, now), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Withdraw(
        string alliance, string commitment, WithdrawCommitmentRequest body, CommandBus pipeline, CommitmentQueries queries, HttpContext http, CancellationToken ct)
    {
        var agreedBy = body.AgreedBy is null ? http.GetActor()!.Person : PersonId.Parse(body.AgreedBy);
        return Execute(alliance, commitment, pipeline, queries, http, now => new WithdrawCommitment(body.Reason!, agreedBy, now), ct);
    }

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Correct(
        string alliance, string commitment, CorrectCommitmentRequest body, CommandBus pipeline, CommitmentQueries queries, AllianceQueries alliances,
        HttpContext http, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        if (!CommitmentId.TryParse(commitment, out var id)) return EndpointResults.InvalidId("commitment", commitment);
        if (await queries.GetAsync(view.Id, id, cancellationToken: ct) is not { } current) return CommitmentNotFound(commitment);
        var (owner, person, due) = Corrected(current.State, body);
        if (CorrectionProblem(view, current.State, owner, person) is { } problem) return problem;
        var (by, office) = (http.GetActor()!.Person, Correctors.OfficeOf(http, view.Id));
        var outcome = await pipeline.HandleAsync(Commitment.Decider, view.Id.Value, id.StreamId,
            now => new CorrectCommitment(owner, person, due, by, office, body.Reason!, now),
            CommandMetadata.For(http, http.ActingRole(view.Id, Officers)), EndpointResults.IfMatch(http), ct);
        return TypedResults.Ok(EndpointResults.CommandResponse(outcome, http));
    }

    /// <summary>The values a correction asks for: what the request names, and what was recorded for what it leaves out.</summary>
    internal static (PartnerId Owner, PersonId Person, LocalDate Due) Corrected(Commitment.State.Made recorded, CorrectCommitmentRequest body)
    {
        var owner = body.Owner is null ? recorded.Owner : PartnerId.Parse(body.Owner);
        var person = body.OwnerPerson is null ? recorded.OwnerPerson : PersonId.Parse(body.OwnerPerson);
        var due = PromiseRules.TryParseDate(body.Due, out var d) ? d : recorded.Due;
        return (owner, person, due);
    }

    /// <summary>
    /// The host's part of a correction: a changed owner is a member partner, and a changed owner or person is one of that
    /// partner's representatives, so a correction cannot make someone speak for a partner they do not represent.
    /// </summary>
    internal static ProblemHttpResult? CorrectionProblem(AllianceView view, Commitment.State.Made recorded, PartnerId owner, PersonId person)
    {
        if ((owner, person) == (recorded.Owner, recorded.OwnerPerson)) return null;
        if (view.Partner(owner) is not { IsMember: true }) return NotAMember(owner);
        return view.Representatives.Any(r => r.Person == person && r.Partner == owner) ? null : TypedResults.Problem(ApiProblems.Problem(
            StatusCodes.Status409Conflict, "A working agreement refuses this.",
            $"'{person}' is not a representative of '{owner}' in this alliance, so cannot have made its promise.", "person.not-a-representative"));
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> OverdueCheck(
        string alliance, string commitment, CommandBus pipeline, CommitmentQueries queries, HttpContext http, CancellationToken ct) =>
        Execute(alliance, commitment, pipeline, queries, http, now => new RecordCommitmentOverdue(now), ct);

    // ---- shared ----

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Execute(
        string alliance, string commitment, CommandBus pipeline, CommitmentQueries queries, HttpContext http,
        Func<Instant, CommitmentCommand> command, CancellationToken ct)
    {
        if (!AllianceId.TryParse(alliance, out var a)) return EndpointResults.InvalidId("alliance", alliance);
        if (!CommitmentId.TryParse(commitment, out var id)) return EndpointResults.InvalidId("commitment", commitment);
        if (await queries.GetAsync(a, id, cancellationToken: ct) is not { } current) return CommitmentNotFound(commitment);
        // Someone acting only as a representative reports on their own partner's promises.
        if (!ActsFor(http, a, current.State.Owner)) return AuthorizationExtensions.Forbidden();
        var outcome = await pipeline.HandleAsync(Commitment.Decider, a.Value, id.StreamId, command,
            CommandMetadata.For(http, http.ActingRole(a)), EndpointResults.IfMatch(http), ct);
        return TypedResults.Ok(EndpointResults.CommandResponse(outcome, http));
    }

    /// <summary>The officers (and an admin) act for any partner; a representative only for the partner they represent.</summary>
    internal static bool ActsFor(HttpContext http, AllianceId alliance, PartnerId partner)
    {
        var actor = http.GetActor()!;
        return actor.Has(alliance, Role.Chair) || actor.Has(alliance, Role.Secretary) || actor.Has(alliance, Role.Admin)
            || actor.RepresentedPartners(alliance).Contains(partner);
    }

    private static CommitmentSource Source(CommitmentSourceRequest s)
    {
        var kind = Kebab.Parse<CommitmentSourceKind>(s.Kind!);
        return new CommitmentSource(kind, s.Meeting is null ? null : MeetingId.Parse(s.Meeting), s.Item is null ? null : AgendaItemId.Parse(s.Item),
            s.Reference, s.Occasion, [.. (s.Witnesses ?? []).Select(PersonId.Parse)]);
    }

    /// <summary>The moment statuses are judged at: the as-of instant, or now.</summary>
    internal static Instant At(DateTimeOffset? asOf, TimeProvider clock) => Instant.FromDateTimeOffset(asOf ?? clock.GetUtcNow());

    internal static Instant Now(TimeProvider clock) => Instant.FromDateTimeOffset(clock.GetUtcNow());

    internal static CommitmentResponse Response(CommitmentView view, Instant at)
    {
        var s = view.State;
        return new CommitmentResponse(view.Id.Value, s.Owner.Value, s.OwnerPerson.Value, s.What, s.Due, s.DueAt, s.StatusAt(at),
            PromiseKeeping.DaysLate(s, at),
            new CommitmentSourceResponse(s.Source.Kind, s.Source.Meeting?.Value, s.Source.Item?.Value, s.Source.Reference, s.Source.Occasion,
                [.. s.Source.Witnesses.Select(w => w.Value)]),
            s.MadeAt, s.SettledAt, view.StreamVersion, [.. view.History.Select(History)]);
    }

    internal static HistoryEntryResponse History(LedgerEntry e) =>
        new(e.Stream, e.StreamVersion, e.TenantPosition, e.Type, e.RecordedAt, e.OccurredAt, e.ActorId, e.Role, e.Event);


    internal static ProblemHttpResult NotAMember(PartnerId partner) => TypedResults.Problem(ApiProblems.Problem(StatusCodes.Status409Conflict,
        "A working agreement refuses this.", $"'{partner}' is not a member partner of this alliance.", "partner.not-a-member"));

    internal static ProblemHttpResult BadQuery(string field, string message) => EndpointResults.BadQuery(field, message);

    private static ProblemHttpResult CommitmentNotFound(string commitment) =>
        EndpointResults.NotFound($"There is no promise '{commitment}' in this alliance.", "commitment.unknown");
}
