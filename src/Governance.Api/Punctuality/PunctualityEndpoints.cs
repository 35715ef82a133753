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

    private static async Task<Results<Ok<PunctualityResponse>, ProblemHttpResult>> Get(
        string alliance, string partner, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
        AllianceQueries alliances, PunctualityQueries punctuality, TimeProvider clock, HttpContext http, CancellationToken ct)
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
        if (!PageRequest.TryParse(page, pageSize, out var request, out var problem)) return problem!;
        // The counts cover the whole period; the deadlines behind them come one page at a time.
        var (result, total) = await punctuality.ForPartnerAsync(id.Value, partnerId.Value, since, until, now, request.Skip, request.Size, ct);
        var links = PageLinks.For(new Paged<PartnerDeadline>(result.Deadlines, request, total), http.Request);
        return TypedResults.Ok(new PunctualityResponse(result.Partner, result.From, result.To, result.Met, result.Late, result.Missed,
            result.Waived, result.Pending, result.Deadlines, links));
    }
}

/// <summary>A partner's punctuality: the counts over the period, one page of the deadlines behind them, and that page's links.</summary>
public sealed record PunctualityResponse(string Partner, Instant From, Instant To, int Met, int Late, int Missed, int Waived,
    int Pending, IReadOnlyList<PartnerDeadline> Deadlines, PageLinks Page);
