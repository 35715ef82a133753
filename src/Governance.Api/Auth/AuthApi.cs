using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Auth;

/// <summary>
/// POST   /api/v1/auth/token         e-mail + password → a new personal API token (shown once)
/// GET    /api/v1/auth/tokens        the caller's tokens, without secrets
/// DELETE /api/v1/auth/tokens/{id}   revoke one of the caller's tokens (404 for anyone else's)
/// GET    /api/v1/me                 the caller: person id, display name, role grants
/// </summary>
public static class AuthApi
{
    public sealed record TokenRequest(string? Email, string? Password, string? Name);

    public sealed record TokenCreated(string Token, Guid Id, string Name, DateTimeOffset CreatedAt);

    public sealed record TokenSummary(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

    public sealed record GrantView(string? Alliance, string Role, string? Partner);

    public sealed record MeView(string PersonId, string? DisplayName, IReadOnlyList<GrantView> Grants);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/token", IssueToken).AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapGet("/tokens", ListTokens).RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapDelete("/tokens/{id:guid}", RevokeToken).RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        app.MapGet("/api/v1/me", Me).WithTags("Auth").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<Results<Created<TokenCreated>, ValidationProblem, ProblemHttpResult>> IssueToken(
        TokenRequest request, HttpContext http, SignInService signIn, ApiTokenService tokens, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email)) errors["email"] = ["Enter your e-mail address."];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Enter your password."];
        if (request.Name?.Trim().Length > ApiTokenService.MaxNameLength)
            errors["name"] = [$"A token name has at most {ApiTokenService.MaxNameLength} characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, extensions: new Dictionary<string, object?> { ["code"] = "validation" });

        var outcome = await signIn.SignInAsync(request.Email!, request.Password!, http.Connection.RemoteIpAddress, cancellationToken);
        switch (outcome.Status)
        {
            case SignInStatus.Succeeded:
                var issued = await tokens.IssueAsync(outcome.Person!.Value, request.Name, cancellationToken);
                return TypedResults.Created($"/api/v1/auth/tokens/{issued.Info.Id}",
                    new TokenCreated(issued.Token, issued.Info.Id, issued.Info.Name, issued.Info.CreatedAt));
            case SignInStatus.LockedOut:
                http.Response.Headers.RetryAfter = AuthProblems.RetryAfterSeconds(outcome.RetryAfter!.Value);
                return TypedResults.Problem(AuthProblems.LockedOut(outcome.RetryAfter!.Value));
            case SignInStatus.RateLimited:
                http.Response.Headers.RetryAfter = AuthProblems.RetryAfterSeconds(outcome.RetryAfter!.Value);
                return TypedResults.Problem(AuthProblems.RateLimited());
            default:
                return TypedResults.Problem(AuthProblems.InvalidCredentials());
        }
    }

    private static async Task<Ok<IReadOnlyList<TokenSummary>>> ListTokens(HttpContext http, ApiTokenService tokens, CancellationToken cancellationToken)
    {
        var list = await tokens.ListAsync(http.RequireActor().Person, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TokenSummary>>([.. list.Select(t => new TokenSummary(t.Id, t.Name, t.CreatedAt, t.LastUsedAt))]);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(
        Guid id, HttpContext http, ApiTokenService tokens, CancellationToken cancellationToken)
    {
        // Someone else's token and an unknown id answer alike: ids cannot be probed.
        return await tokens.RevokeAsync(http.RequireActor().Person, id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(AuthProblems.Problem(StatusCodes.Status404NotFound, "Not found.",
                "You have no active token with this id.", "token.not-found"));
    }

    private static async Task<Ok<MeView>> Me(HttpContext http, PeopleStore people, CancellationToken cancellationToken)
    {
        var actor = http.RequireActor();
        var person = await people.GetAsync(actor.Person, cancellationToken);
        return TypedResults.Ok(new MeView(actor.Person.Value, person?.DisplayName,
            [.. actor.Grants.Select(g => new GrantView(g.Alliance?.Value, g.Role.ToKebab(), g.Partner?.Value))]));
    }

    /// <summary>For endpoints behind RequireAuthorization: the actor middleware has set it, or authorization would have refused.</summary>
    private static Actor RequireActor(this HttpContext http) =>
        http.GetActor() ?? throw new InvalidOperationException("An authorized request without an actor: is UseGovernanceAuth missing?");
}
