namespace Governance.Api.Auth;

/// <summary>Sign-in, accounts, API tokens and role grants. (Filled in by the auth slice.)</summary>
public static class AuthServices
{
    public static IServiceCollection AddGovernanceAuth(this IServiceCollection services, IConfiguration configuration) => services;

    /// <summary>Authentication, then the actor (person and role grants) for the request.</summary>
    public static WebApplication UseGovernanceAuth(this WebApplication app) => app;

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app) => app;
}
