using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Domain;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Commands;

/// <summary>What became of a command sent with an Idempotency-Key.</summary>
/// <param name="Key">The key.</param>
/// <param name="Outcome"><c>executed</c> or <c>refused</c>.</param>
/// <param name="Stream">The stream it was for.</param>
/// <param name="Version">The stream's version after it.</param>
/// <param name="Events">The aliases of the events it recorded (none when there was nothing to change).</param>
/// <param name="Code">For a refusal: the rule's code (e.g. <c>R10.not-the-owner</c>).</param>
/// <param name="RecordedAt">When it was executed.</param>
public sealed record CommandStatusResponse(string Key, string Outcome, string Stream, long Version, IReadOnlyList<string> Events, string? Code, DateTimeOffset RecordedAt);

/// <summary>
/// <c>GET /api/v1/alliances/{alliance}/commands/{key}</c>: a client that lost its connection asks what became of its command.
/// 404 means it was never executed (send it again with the same key: it runs at most once). Only its sender (or an admin) may ask.
/// </summary>
public static class CommandEndpoints
{
    public static IEndpointRouteBuilder MapCommandApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alliances/{alliance}/commands/{key}", Status).WithName("GetCommandStatus").WithTags("Commands")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<Results<Ok<CommandStatusResponse>, ProblemHttpResult>> Status(
        string alliance, string key, IDocumentStore store, HttpContext http, CancellationToken ct)
    {
        if (http.GetActor() is not { } actor) return AuthorizationExtensions.Unauthorized();
        if (!AllianceId.TryParse(alliance, out var id)) return EndpointResults.AllianceNotFound(alliance);
        if (string.IsNullOrWhiteSpace(key) || key.Length > IdempotencyKeys.MaxLength) return EndpointResults.InvalidId("key", key);
        await using var session = store.QuerySession(id.Value);
        var record = await session.LoadAsync<CommandRecord>(key, ct);
        // Someone else's key reads as unknown: whether it exists is not ours to tell.
        if (record is null || (record.ActorId != actor.Person.Value && !actor.Has(id, Role.Admin) && !actor.IsSystemAdmin))
            return EndpointResults.NotFound($"No command with the key '{key}' was executed in this alliance.", "command.unknown");
        return TypedResults.Ok(new CommandStatusResponse(record.Id, record.Outcome, record.Stream, record.StreamVersion, record.EventTypes,
            record.RefusalCode, record.RecordedAt));
    }
}
