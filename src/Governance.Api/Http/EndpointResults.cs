using Governance.Api.Commands;
using Governance.Domain;
using Governance.EventStore;
using Governance.Projections.Alliances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Http;

/// <summary>The result of a command: the stream's version afterwards and the aliases of what happened.</summary>
public sealed record CommandResponse(long Version, IReadOnlyList<string> Events);

/// <summary>What every endpoint slice answers the same way: command results, If-Match, unknown or malformed ids.</summary>
public static class EndpointResults
{
    /// <summary>
    /// The command's outcome, with the stream version as ETag (send it back as If-Match). The answer to a repeated
    /// Idempotency-Key is the first answer, marked <c>Idempotent-Replayed: true</c>.
    /// </summary>
    public static CommandResponse CommandResponse(CommandOutcome outcome, HttpContext http)
    {
        http.Response.Headers.ETag = $"\"{outcome.StreamVersion}\"";
        if (outcome.Replayed) http.Response.Headers[ReplayedHeader] = "true";
        return new CommandResponse(outcome.StreamVersion, outcome.EventTypes);
    }

    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>If-Match carries the stream version the client decided on (as returned in ETag).</summary>
    public static long? IfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.FirstOrDefault();
        if (string.IsNullOrEmpty(header) || header == "*") return null;
        return long.TryParse(header.Trim('"', 'W', '/'), out var v) ? v : throw new BadHttpRequestException("If-Match must be an ETag returned by this API, e.g. \"12\".");
    }

    /// <summary>The alliance named in the route, as of <paramref name="asOf"/>; null when it is unknown or its id malformed (answer 404).</summary>
    public static async Task<AllianceView?> LoadAlliance(string alliance, AllianceQueries queries, CancellationToken ct, DateTimeOffset? asOf = null) =>
        AllianceId.TryParse(alliance, out var id) ? await queries.GetAsync(id, asOf, ct) : null;

    public static ProblemHttpResult MeetingNotFound(string meeting) => NotFound($"There is no meeting '{meeting}' in this alliance.", "meeting.unknown");

    public static ProblemHttpResult NotFound(string detail, string code) => TypedResults.Problem(
        ApiProblems.Problem(StatusCodes.Status404NotFound, "Not found.", detail, code));

    public static ProblemHttpResult AllianceNotFound(string alliance) => NotFound($"There is no alliance '{alliance}'.", "alliance.unknown");

    public static ProblemHttpResult InvalidId(string what, string value) => TypedResults.Problem(
        ApiProblems.Problem(StatusCodes.Status400BadRequest, "The request is not valid.", $"'{value}' is not a valid {what} id.", "invalid-id"));

    /// <summary>A query parameter that is not valid: 400 with the field and what to send instead.</summary>
    public static ProblemHttpResult BadQuery(string field, string message)
    {
        var problem = ApiProblems.Problem(StatusCodes.Status400BadRequest, "The request is not valid.", "See errors.", "validation");
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
        return TypedResults.Problem(problem);
    }
}
