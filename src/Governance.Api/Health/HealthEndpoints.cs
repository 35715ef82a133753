using Governance.EventStore;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Governance.Api.Health;

public static class HealthEndpoints
{
    public sealed record LedgerHead(string Tenant, long Position, string Hash);

    public sealed record HealthReport(string Status, string Database, IReadOnlyList<LedgerHead> Ledgers);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("Health").WithTags("Health").AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealth(
        Ledger store, CancellationToken cancellationToken)
    {
        try
        {
            var heads = await store.GetTenantHeadsAsync(cancellationToken);
            return TypedResults.Ok(new HealthReport("ok", "up",
                heads.Select(h => new LedgerHead(h.TenantId, h.Position, h.HashHex)).ToList()));
        }
        catch (NpgsqlException)
        {
            return TypedResults.Json(new HealthReport("degraded", "unreachable", []), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
