using Governance.Api.Commitments;
using Governance.Api.Escalations;
using Governance.Api.YearPlans;

namespace Governance.Api;

/// <summary>
/// The promises slices' entry points for <see cref="WebHost"/> (issue 6), in its namespace so that registering each
/// slice is exactly one line for the services and one for the routes.
/// </summary>
public static class CommitmentsModule
{
    public static IServiceCollection AddCommitments(this IServiceCollection services) => services.AddCommitmentServices();

    public static IEndpointRouteBuilder MapCommitmentApi(this IEndpointRouteBuilder app) => app.MapCommitmentEndpoints();

    public static IServiceCollection AddYearPlans(this IServiceCollection services) => services.AddYearPlanServices();

    public static IEndpointRouteBuilder MapYearPlanApi(this IEndpointRouteBuilder app) => app.MapYearPlanEndpoints();

    public static IServiceCollection AddEscalations(this IServiceCollection services) => services.AddEscalationServices();

    public static IEndpointRouteBuilder MapEscalationApi(this IEndpointRouteBuilder app) => app.MapEscalationEndpoints();
}
