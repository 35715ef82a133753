using Governance.Api.Auth;
using Governance.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Http;

/// <summary>Which roles may call a write endpoint; read by the filter below and by the role-matrix test.</summary>
/// <param name="Roles">Roles in the alliance of the route that may call it (a system admin always may).</param>
/// <param name="SystemAdminOnly">For endpoints outside an alliance (founding one).</param>
public sealed record RoleRequirement(IReadOnlyList<Role> Roles, bool SystemAdminOnly = false);

public static class AuthorizationExtensions
{
    /// <summary>Only actors holding one of <paramref name="roles"/> in the route's alliance; 401 without sign-in, 403 otherwise.</summary>
    public static RouteHandlerBuilder RequireRoles(this RouteHandlerBuilder builder, params Role[] roles) =>
        builder.WithMetadata(new RoleRequirement(roles)).AddEndpointFilter(CheckRoles)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    public static RouteHandlerBuilder RequireSystemAdmin(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RoleRequirement([Role.Admin], SystemAdminOnly: true)).AddEndpointFilter(CheckRoles)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    private static async ValueTask<object?> CheckRoles(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var requirement = http.GetEndpoint()!.Metadata.GetMetadata<RoleRequirement>()!;
        var actor = http.GetActor();
        if (actor is null) return Unauthorized();
        if (requirement.SystemAdminOnly) return actor.IsSystemAdmin ? await next(context) : Forbidden();

        var route = http.GetRouteValue("alliance") as string;
        if (!AllianceId.TryParse(route, out var alliance)) return await next(context);   // the handler answers 400/404
        return requirement.Roles.Any(r => actor.Has(alliance, r)) ? await next(context) : Forbidden();
    }

    public static ProblemHttpResult Unauthorized() => TypedResults.Problem(
        ApiProblems.Problem(StatusCodes.Status401Unauthorized, "Sign in first.",
            "This needs a signed-in account: send 'Authorization: Bearer <token>' (POST /api/v1/auth/token).", "unauthenticated"));

    public static ProblemHttpResult Forbidden() => TypedResults.Problem(
        ApiProblems.Problem(StatusCodes.Status403Forbidden, "Not allowed.", "Your roles in this alliance do not allow this.", "forbidden"));

    /// <summary>The role an actor acted in, for the event's metadata: the first of the endpoint's roles they hold.</summary>
    public static string ActingRole(this HttpContext http, AllianceId alliance) =>
        http.ActingRole(alliance, http.GetEndpoint()?.Metadata.GetMetadata<RoleRequirement>()?.Roles);

    /// <summary>
    /// The role an actor acted in: the first of <paramref name="allowed"/> they hold. Pages pass the roles their
    /// handler accepts, since a page endpoint carries no <see cref="RoleRequirement"/>.
    /// </summary>
    public static string ActingRole(this HttpContext http, AllianceId alliance, IReadOnlyList<Role>? allowed)
    {
        var actor = http.GetActor()!;
        var role = allowed?.FirstOrDefault(r => actor.Has(alliance, r)) ?? actor.RolesIn(alliance).FirstOrDefault();
        return actor.IsSystemAdmin && !actor.Grants.Any(g => g.Alliance == alliance && g.Role == role) ? "admin" : role.ToKebab();
    }
}
