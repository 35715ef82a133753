using Governance.Api.Http;
using Governance.Domain;
using Governance.Projections.Alliances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Checkpoints;

/// <summary>The alliance's signed checkpoints, newest first: anyone may fetch and keep them (issue 15).</summary>
public static class CheckpointEndpoints
{
    public sealed record CheckpointsResponse(IReadOnlyList<CheckpointJson> Checkpoints, PageLinks Page);

    public static IEndpointRouteBuilder MapCheckpointApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alliances/{alliance}/checkpoints", List).WithTags("Checkpoints").WithName("ListCheckpoints").AllowAnonymous();
        app.MapGet("/api/v1/alliances/{alliance}/checkpoints/{position:long}", One).WithTags("Checkpoints").WithName("GetCheckpoint").AllowAnonymous();
        return app;
    }

    /// <summary>One checkpoint as a file to keep (the minutes link to the one after their meeting).</summary>
    private static async Task<Results<Ok<CheckpointJson>, ProblemHttpResult>> One(string alliance, long position,
        AllianceQueries alliances, CheckpointStore checkpoints, CancellationToken ct)
    {
        if (!AllianceId.TryParse(alliance, out var id) || await alliances.GetAsync(id, cancellationToken: ct) is null)
            return EndpointResults.AllianceNotFound(alliance);
        return await checkpoints.AtAsync(id.Value, position, ct) is { } checkpoint
            ? TypedResults.Ok(CheckpointJson.From(checkpoint))
            : EndpointResults.NotFound($"{alliance} has no checkpoint at position {position}.", "checkpoint.unknown");
    }

    private static async Task<Results<Ok<CheckpointsResponse>, ProblemHttpResult>> List(string alliance, int? page, int? pageSize,
        AllianceQueries alliances, CheckpointStore checkpoints, HttpRequest request, CancellationToken ct)
    {
        if (!AllianceId.TryParse(alliance, out var id) || await alliances.GetAsync(id, cancellationToken: ct) is null)
            return EndpointResults.AllianceNotFound(alliance);
        if (!PageRequest.TryParse(page, pageSize, out var paging, out var bad)) return bad!;
        var (items, total) = await checkpoints.PageAsync(id.Value, paging.Page, paging.Size, ct);
        var paged = new Paged<CheckpointJson>([.. items.Select(CheckpointJson.From)], paging, total);
        return TypedResults.Ok(new CheckpointsResponse(paged.Items, PageLinks.For(paged, request)));
    }
}
