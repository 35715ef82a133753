using Governance.Api.Mail;
using Governance.EventStore;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Governance.Api.Health;

public static class HealthEndpoints
{
    public sealed record LedgerHead(string Tenant, long Position, string Hash);

    /// <summary>
    /// <paramref name="Status"/> is <c>degraded</c> when the database is unreachable (503) or the mail server fails (still 200:
    /// commands work, mail waits in the outbox and is tried again; a load balancer must not take the node out for it).
    /// </summary>
    public sealed record HealthReport(string Status, string Database, IReadOnlyList<LedgerHead> Ledgers, MailHealth.Report Mail);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("Health").WithTags("Health").AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealth(
        Ledger store, MailHealth mailHealth, IOptions<MailSettings> mailSettings, CancellationToken cancellationToken)
    {
        var mail = mailHealth.Now(mailSettings.Value.Enabled);
        try
        {
            var heads = await store.GetTenantHeadsAsync(cancellationToken);
            return TypedResults.Ok(new HealthReport(mail.Status == "failing" ? "degraded" : "ok", "up",
                heads.Select(h => new LedgerHead(h.TenantId, h.Position, h.HashHex)).ToList(), mail));
        }
        catch (NpgsqlException)
        {
            return TypedResults.Json(new HealthReport("degraded", "unreachable", [], mail), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
