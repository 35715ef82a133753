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

    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alliances/{alliance}/timeline", Get).WithTags("Timeline").WithName("GetTimeline");
        return app;
    }

    private static async Task<Results<Ok<List<TimelineItem>>, ProblemHttpResult>> Get(
        string alliance, DateTimeOffset? from, DateTimeOffset? to, string? stream, int? limit,
        AllianceQueries alliances, TimelineQueries timeline, PeopleDirectory people, CancellationToken ct)
    {
        if (!AllianceId.TryParse(alliance, out var id) || await alliances.GetAsync(id, cancellationToken: ct) is null)
            return EndpointResults.AllianceNotFound(alliance);
        if (limit is < 1 or > 1000)
            return TypedResults.Problem(ApiProblems.Problem(StatusCodes.Status400BadRequest, "The request is not valid.", "limit is 1 to 1000.", "validation"));

        var entries = await timeline.ReadAsync(id.Value, from is { } f ? Instant.FromDateTimeOffset(f) : null,
            to is { } t ? Instant.FromDateTimeOffset(t) : null, stream, limit ?? 200, ct);
        var mentioned = entries.SelectMany(e => PersonPlaceholders(e.Sentence).Concat(e.ActorId is null ? [] : [e.ActorId]))
            .Where(p => PersonId.TryParse(p, out _)).Select(PersonId.Parse);
        var names = await people.NamesAsync(mentioned, ct);
        return TypedResults.Ok(entries.Select(e => new TimelineItem(e.Position, e.StreamId, e.EventType, e.RecordedAt, e.OccurredAt,
            e.ActorId is not null && PersonId.TryParse(e.ActorId, out var actor) ? AllianceResponses.Person(actor, names) : null,
            e.ActorRole, FillIn(e.Sentence, names), e.Link)).ToList());
    }

    private static IEnumerable<string> PersonPlaceholders(string sentence) =>
        System.Text.RegularExpressions.Regex.Matches(sentence, @"\{(p-[0-9a-f]{12})\}").Select(m => m.Groups[1].Value);

    /// <summary>Replaces {p-…} with the person's name (or "(verwijderd)" once erased).</summary>
    public static string FillIn(string sentence, IReadOnlyDictionary<PersonId, string> names) =>
        System.Text.RegularExpressions.Regex.Replace(sentence, @"\{(p-[0-9a-f]{12})\}",
            m => names.TryGetValue(PersonId.Parse(m.Groups[1].Value), out var name) ? name : "iemand");
}
