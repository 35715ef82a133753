using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Domain;
using Governance.Projections.Alliances;
using Governance.Projections.Timeline;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Governance.Api.Timeline;

/// <summary>The alliance's timeline: every event as a Dutch sentence, newest first (an async projection).</summary>
public static class TimelineEndpoints
{
    public sealed record TimelineItem(long Position, string Stream, string Type, Instant RecordedAt, Instant? OccurredAt,
        PersonRef? Actor, string? Role, string Sentence, string? Link);

    /// <summary>One page of the timeline, newest first.</summary>
    public sealed record TimelineResponse(IReadOnlyList<TimelineItem> Timeline, PageLinks Page);

    /// <summary>Without <c>pageSize</c> or <c>limit</c>, a page holds the 200 newest lines (what the timeline gave before it had pages).</summary>
    public const int DefaultPageSize = 200;

    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alliances/{alliance}/timeline", Get).WithTags("Timeline").WithName("GetTimeline");
        return app;
    }

    private static async Task<Results<Ok<TimelineResponse>, ProblemHttpResult>> Get(
        string alliance, DateTimeOffset? from, DateTimeOffset? to, string? stream, int? limit, int? page, int? pageSize,
        AllianceQueries alliances, TimelineQueries timeline, PeopleDirectory people, HttpRequest request, CancellationToken ct)
    {
        if (!AllianceId.TryParse(alliance, out var id) || await alliances.GetAsync(id, cancellationToken: ct) is not { } view)
            return EndpointResults.AllianceNotFound(alliance);
        if (limit is < 1 or > 1000)
            return TypedResults.Problem(ApiProblems.Problem(StatusCodes.Status400BadRequest, "The request is not valid.", "limit is 1 to 1000.", "validation"));
        // `limit` is the page size under its older name (up to 1000, as before); the page links then keep that name.
        if (limit is not null && pageSize is not null) return EndpointResults.BadQuery("limit", "Use pageSize or limit, not both.");
        if (!PageRequest.TryParse(page, limit is null ? pageSize ?? DefaultPageSize : null, out var paging, out var bad)) return bad!;
        if (limit is { } size) paging = paging with { Size = size };

        var (entries, total) = await timeline.PageAsync(id.Value, from is { } f ? Instant.FromDateTimeOffset(f) : null,
            to is { } t ? Instant.FromDateTimeOffset(t) : null, stream, paging.Page, paging.Size, ct);
        var mentioned = entries.SelectMany(e => TimelineText.People(e.Sentence)
            .Concat(e.ActorId is not null && PersonId.TryParse(e.ActorId, out var actor) ? [actor] : []));
        var names = await people.NamesAsync(mentioned, ct);
        var paged = new Paged<TimelineItem>([.. entries.Select(e => new TimelineItem(e.Position, e.StreamId, e.EventType, e.RecordedAt, e.OccurredAt,
            e.ActorId is not null && PersonId.TryParse(e.ActorId, out var actor) ? AllianceResponses.Person(actor, names) : null,
            e.ActorRole, TimelineText.FillIn(e.Sentence, names, view), e.Link))], paging, total);
        return TypedResults.Ok(new TimelineResponse(paged.Items, PageLinks.For(paged, request, limit is null ? "pageSize" : "limit")));
    }
}
