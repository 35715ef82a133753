using Governance.Api.Commands;
using FluentValidation;
using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.EventStore;
using Governance.Projections.Alliances;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Governance.Api.Alliances;

/// <summary>The alliance stream over HTTP: founding, partners, representatives, officers, contacts, interests, agreements.</summary>
public static class AllianceEndpoints
{
    public static IEndpointRouteBuilder MapAllianceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/alliances").WithTags("Alliances");

        api.MapGet("/", List).WithName("ListAlliances");
        api.MapGet("/{alliance}", Get).WithName("GetAlliance");
        api.MapGet("/{alliance}/interest-register", InterestRegister).WithName("GetInterestRegister");
        api.MapGet("/{alliance}/working-agreements", Agreements).WithName("GetWorkingAgreements");

        api.MapPost("/", Found).RequireSystemAdmin().Validate<FoundAllianceRequest>();
        api.MapPost("/{alliance}/partners", AdmitPartner).RequireRoles(Role.Admin).Validate<AdmitPartnerRequest>();
        api.MapPost("/{alliance}/partners/{partner}/departure", PartnerLeaves).RequireRoles(Role.Admin).Validate<PartnerDepartureRequest>();
        api.MapPost("/{alliance}/representatives", AppointRepresentative).RequireRoles(Role.Admin).Validate<AppointRepresentativeRequest>();
        api.MapPost("/{alliance}/representatives/{person}/withdrawal", WithdrawRepresentative).RequireRoles(Role.Admin).Validate<WithdrawRepresentativeRequest>();
        api.MapPost("/{alliance}/officers", AppointOfficer).RequireRoles(Role.Admin).Validate<AppointOfficerRequest>();
        api.MapPost("/{alliance}/officers/{office}/vacancy", VacateOffice).RequireRoles(Role.Admin).Validate<VacateOfficeRequest>();
        api.MapPost("/{alliance}/escalation-contacts", AssignContact).RequireRoles(Role.Admin).Validate<EscalationContactRequest>();
        api.MapPost("/{alliance}/escalation-contacts/{person}/unassignment", UnassignContact).RequireRoles(Role.Admin);
        // R16: the secretary keeps the register; anyone at the table may declare their own interests.
        api.MapPost("/{alliance}/interest-declarations", DeclareInterest)
            .RequireRoles([.. AllianceRoles.InterestRegister]).Validate<DeclareInterestRequest>();
        api.MapPost("/{alliance}/interest-declarations/{declaration}/end", EndDeclaration)
            .RequireRoles([.. AllianceRoles.InterestRegister]);
        api.MapPost("/{alliance}/working-agreements/amendments", Amend).RequireRoles(Role.Admin).Validate<AmendAgreementsRequest>();
        return app;
    }

    public static IServiceCollection AddAlliances(this IServiceCollection services)
    {
        services.AddSingleton<AllianceQueries>();
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<IValidator<FoundAllianceRequest>, FoundAllianceValidator>();
        services.AddSingleton<IValidator<AdmitPartnerRequest>, AdmitPartnerValidator>();
        services.AddSingleton<IValidator<PartnerDepartureRequest>, PartnerDepartureValidator>();
        services.AddSingleton<IValidator<AppointRepresentativeRequest>, AppointRepresentativeValidator>();
        services.AddSingleton<IValidator<WithdrawRepresentativeRequest>, WithdrawRepresentativeValidator>();
        services.AddSingleton<IValidator<AppointOfficerRequest>, AppointOfficerValidator>();
        services.AddSingleton<IValidator<VacateOfficeRequest>, VacateOfficeValidator>();
        services.AddSingleton<IValidator<EscalationContactRequest>, EscalationContactValidator>();
        services.AddSingleton<IValidator<DeclareInterestRequest>, DeclareInterestValidator>();
        services.AddSingleton<IValidator<AmendAgreementsRequest>, AmendAgreementsValidator>();
        return services;
    }

    // ---- reads (public) ----

    /// <summary>One page of the alliances by name: <c>{alliances, page}</c>, the page also in Link and X-Total-Count.</summary>
    private static async Task<Results<Ok<AllianceListResponse>, ProblemHttpResult>> List(
        int? page, int? pageSize, AllianceQueries queries, HttpContext http, CancellationToken ct)
    {
        if (!PageRequest.TryParse(page, pageSize, out var request, out var problem)) return problem!;
        var (items, total) = await queries.PageAsync(request.Skip, request.Size, ct);
        var links = PageLinks.For(new Paged<AllianceView>(items, request, total), http.Request);
        links.WriteHeaders(http.Response);
        return TypedResults.Ok(new AllianceListResponse([.. items
            .Select(v => new AllianceSummary(v.Id.Value, v.Name, v.Neighbourhood, v.Partners.Count(p => p.IsMember), v.Agreements.Version))], links));
    }

    private static async Task<Results<Ok<AllianceResponse>, ProblemHttpResult>> Get(
        string alliance, DateTimeOffset? asOf, AllianceQueries queries, PeopleDirectory people, HttpContext http, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, queries, ct, asOf) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        http.Response.Headers.ETag = $"\"{view.StreamVersion}\"";
        var names = await people.NamesAsync(AllianceResponses.PeopleIn(view), ct);
        var position = await queries.PositionAsync(view.Id, view.StreamVersion, ct);
        return TypedResults.Ok(AllianceResponses.From(view, position, names));
    }

    private static async Task<Results<Ok<List<DeclarationResponse>>, ProblemHttpResult>> InterestRegister(
        string alliance, bool? includeEnded, AllianceQueries queries, PeopleDirectory people, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, queries, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var declarations = view.Declarations.Where(d => d.IsActive || includeEnded == true).ToList();
        var names = await people.NamesAsync(declarations.Select(d => d.Person), ct);
        return TypedResults.Ok(declarations.Select(d => AllianceResponses.From(d, names)).ToList());
    }

    private static async Task<Results<Ok<List<AgreementsVersionResponse>>, ProblemHttpResult>> Agreements(
        string alliance, AllianceQueries queries, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, queries, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        return TypedResults.Ok(view.AgreementsHistory.Reverse()
            .Select(a => new AgreementsVersionResponse(a.Version, a.RecordedAt, a.DecisionReference, a.Agreements)).ToList());
    }

    // ---- commands ----

    private static async Task<Results<Created<CommandResponse>, ProblemHttpResult>> Found(
        FoundAllianceRequest body, CommandBus pipeline, HttpContext http, CancellationToken ct)
    {
        var id = AllianceId.Parse(body.Id!);
        var outcome = await pipeline.HandleAsync(Alliance.Decider, id.Value, Alliance.StreamId,
            now => new FoundAlliance(id, body.Name!.Trim(), body.Neighbourhood!.Trim(), now),
            CommandMetadata.For(http, "admin"), EndpointResults.IfMatch(http), ct);
        return TypedResults.Created($"/api/v1/alliances/{id.Value}", EndpointResults.CommandResponse(outcome, http));
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> AdmitPartner(
        string alliance, AdmitPartnerRequest body, CommandBus pipeline, AllianceQueries queries, HttpContext http, CancellationToken ct) =>
        Execute(alliance, pipeline, queries, http, now => new AdmitPartner(PartnerId.Parse(body.Id!), body.Name!.Trim(),
            Kebab.Parse<PartnerKind>(body.Kind!), Kebab.Parse<PartnerBody>(body.Body!), now), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> PartnerLeaves(
        string alliance, string partner, PartnerDepartureRequest body, CommandBus pipeline, AllianceQueries queries, HttpContext http, CancellationToken ct) =>
        PartnerId.TryParse(partner, out var id)
            ? Execute(alliance, pipeline, queries, http, now => new RecordPartnerDeparture(id, body.Reason!.Trim(), now), ct)
            : Task.FromResult<Results<Ok<CommandResponse>, ProblemHttpResult>>(EndpointResults.InvalidId("partner", partner));

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> AppointRepresentative(
        string alliance, AppointRepresentativeRequest body, CommandBus pipeline, AllianceQueries queries, HttpContext http, CancellationToken ct) =>
        Execute(alliance, pipeline, queries, http, now =>
            new AppointRepresentative(PersonId.Parse(body.Person!), PartnerId.Parse(body.Partner!), body.HasMandate!.Value, now), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> WithdrawRepresentative(
        string alliance, string person, WithdrawRepresentativeRequest body, CommandBus pipeline, AllianceQueries queries, HttpContext http, CancellationToken ct) =>
        PersonId.TryParse(person, out var id)
            ? Execute(alliance, pipeline, queries, http, now => new WithdrawRepresentative(id, PartnerId.Parse(body.Partner!), now), ct)
            : Task.FromResult<Results<Ok<CommandResponse>, ProblemHttpResult>>(EndpointResults.InvalidId("person", person));

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> AppointOfficer(
        string alliance, AppointOfficerRequest body, CommandBus pipeline, AllianceQueries queries, HttpContext http, CancellationToken ct) =>
        Execute(alliance, pipeline, queries, http, now => new AppointOfficer(Kebab.Parse<Office>(body.Office!),
            PersonId.Parse(body.Person!), body.DeclaresNoDirectInterest!.Value, now), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> VacateOffice(
        string alliance, string office, VacateOfficeRequest body, CommandBus pipeline, AllianceQueries queries, HttpContext http, CancellationToken ct) =>
        Kebab.TryParse<Office>(office, out var which)
            ? Execute(alliance, pipeline, queries, http, now => new VacateOffice(which, body.Reason!.Trim(), now), ct)
            : Task.FromResult<Results<Ok<CommandResponse>, ProblemHttpResult>>(EndpointResults.InvalidId("office", office));

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> AssignContact(
        string alliance, EscalationContactRequest body, CommandBus pipeline, AllianceQueries queries, HttpContext http, CancellationToken ct) =>
        Execute(alliance, pipeline, queries, http, now => new AssignEscalationContact(PersonId.Parse(body.Person!), now), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> UnassignContact(
        string alliance, string person, CommandBus pipeline, AllianceQueries queries, HttpContext http, CancellationToken ct) =>
        PersonId.TryParse(person, out var id)
            ? Execute(alliance, pipeline, queries, http, now => new UnassignEscalationContact(id, now), ct)
            : Task.FromResult<Results<Ok<CommandResponse>, ProblemHttpResult>>(EndpointResults.InvalidId("person", person));

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> DeclareInterest(
        string alliance, DeclareInterestRequest body, CommandBus pipeline, AllianceQueries queries, HttpContext http, CancellationToken ct)
    {
        var person = PersonId.Parse(body.Person!);
        if (!http.GetActor()!.MayKeepRegisterFor(AllianceId.Parse(alliance), person)) return AuthorizationExtensions.Forbidden();
        var declaration = AllianceRoles.NewDeclarationId();
        return await Execute(alliance, pipeline, queries, http, now => new DeclareInterest(declaration, person,
            Kebab.Parse<InterestKind>(body.Kind!), body.Description!.Trim(),
            body.Partner is null ? null : PartnerId.Parse(body.Partner), string.IsNullOrWhiteSpace(body.Organisation) ? null : body.Organisation.Trim(), now), ct);
    }

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> EndDeclaration(
        string alliance, string declaration, CommandBus pipeline, AllianceQueries queries, HttpContext http, CancellationToken ct)
    {
        if (!DeclarationId.TryParse(declaration, out var id)) return EndpointResults.InvalidId("declaration", declaration);
        if (await EndpointResults.LoadAlliance(alliance, queries, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var existing = view.Declarations.FirstOrDefault(d => d.Id == id);
        if (existing is not null && !http.GetActor()!.MayKeepRegisterFor(view.Id, existing.Person)) return AuthorizationExtensions.Forbidden();
        return await Execute(alliance, pipeline, queries, http, now => new EndInterestDeclaration(id, now), ct);
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Amend(
        string alliance, AmendAgreementsRequest body, CommandBus pipeline, AllianceQueries queries, HttpContext http, CancellationToken ct) =>
        Execute(alliance, pipeline, queries, http, now => new AmendWorkingAgreements(body.Agreements!, body.DecisionReference!.Trim(), now), ct);

    // ---- shared ----

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Execute(
        string alliance, CommandBus pipeline, AllianceQueries queries, HttpContext http,
        Func<Instant, AllianceCommand> command, CancellationToken ct)
    {
        if (!AllianceId.TryParse(alliance, out var id)) return EndpointResults.InvalidId("alliance", alliance);
        // An unknown alliance is a 404, not the decider's "not founded" refusal.
        if ((await pipeline.StreamVersionAsync(id.Value, Alliance.StreamId, ct)) == 0) return EndpointResults.AllianceNotFound(alliance);
        var outcome = await pipeline.HandleAsync(Alliance.Decider, id.Value, Alliance.StreamId, command,
            CommandMetadata.For(http, http.ActingRole(id)), EndpointResults.IfMatch(http), ct);
        return TypedResults.Ok(EndpointResults.CommandResponse(outcome, http));
    }


}

/// <summary>A page of alliances, like every list of the API: the items and the <c>page</c> with its links.</summary>
public sealed record AllianceListResponse(IReadOnlyList<AllianceSummary> Alliances, PageLinks Page);
