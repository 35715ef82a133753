using Governance.Api.Http;
using Governance.Domain;
using Governance.Projections.Alliances;
using Governance.Projections.Punctuality;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Governance.Api.Punctuality;

/// <summary>A partner's punctuality (R1–R7 deadlines met, late, missed) over a period: public, like the ledger.</summary>
public static class PunctualityEndpoints
{
    public static IEndpointRouteBuilder MapPunctualityApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alliances/{alliance}/partners/{partner}/punctuality", Get).WithTags("Punctuality").WithName("GetPartnerPunctuality");
        return app;
    }

    private static async Task<Results<Ok<PartnerPunctuality>, ProblemHttpResult>> Get(
        string alliance, string partner, DateTimeOffset? from, DateTimeOffset? to,
        AllianceQueries alliances, PunctualityQueries punctuality, TimeProvider clock, CancellationToken ct)
    {
        if (!AllianceId.TryParse(alliance, out var id) || await alliances.GetAsync(id, cancellationToken: ct) is not { } view)
            return EndpointResults.AllianceNotFound(alliance);
        if (!PartnerId.TryParse(partner, out var partnerId) || view.Partner(partnerId) is null)
            return EndpointResults.NotFound($"There is no partner '{partner}' in this alliance.", "partner.unknown");
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        // Default: the last 12 months, as the core group's Termijnen page shows.
        var until = to is { } t ? Instant.FromDateTimeOffset(t) : now;
        var since = from is { } f ? Instant.FromDateTimeOffset(f) : until - Duration.FromDays(365);
        if (since >= until)
            return TypedResults.Problem(ApiProblems.Problem(StatusCodes.Status400BadRequest, "The request is not valid.", "'from' must be before 'to'.", "validation"));
        return TypedResults.Ok(await punctuality.ForPartnerAsync(id.Value, partnerId.Value, since, until, now, ct));
    }
}
