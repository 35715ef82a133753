using Governance.Api.Proposals;

namespace Governance.Api;

/// <summary>The proposals slice's two entry points for <see cref="WebHost"/>: one line for the services, one for the routes.</summary>
public static class ProposalsModule
{
    public static IServiceCollection AddProposals(this IServiceCollection services) => services.AddProposalServices();

    public static IEndpointRouteBuilder MapProposalApi(this IEndpointRouteBuilder app) => app.MapProposalEndpoints();
}
