using System.Diagnostics;
using Governance.Domain;
using Governance.Api.Commands;
using Governance.EventStore;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Http;

/// <summary>
/// Maps the failures a request can meet to RFC 9457 problem details, once, at the edge: a broken rule is 409 with its
/// code, a stale If-Match 412, a malformed request 400/413/415. Anything else is a 500 without internals.
/// </summary>
public sealed class ApiProblems(IProblemDetailsService problems, ILogger<ApiProblems> logger) : IExceptionHandler
{
    public const string RuleTypeBase = "https://wijkalliantie.example/regels/";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RuleViolated r => Problem(StatusCodes.Status409Conflict, "A working agreement refuses this.", r.Detail ?? r.Message, r.Code,
                RuleTypeBase + r.Code.Split('.')[0]),
            PreconditionFailedException p => Problem(StatusCodes.Status412PreconditionFailed, "The resource has changed.",
                $"You sent If-Match for version {p.Expected}; it is now at version {p.Actual}. Reload and try again.", "precondition-failed"),
            IdempotencyKeyReusedException k => Problem(StatusCodes.Status409Conflict, "This Idempotency-Key was used for another request.",
                $"The key '{k.Key}' came with a different request before. Use a new key for a new request.", "idempotency-key-reused"),
            ConcurrencyException => Problem(StatusCodes.Status409Conflict, "Too many simultaneous changes.",
                "The resource changed repeatedly while this request was handled. Try again.", "concurrency"),
            BadHttpRequestException { InnerException: InvalidJsonTextException t } => t.Code == TextInput.Code
                ? TextInput.Problem(t.Field, t.Reason) : TextInput.TooLong(t.Field, TextInput.MaxLength),
            BadHttpRequestException b => Problem(b.StatusCode, ReasonFor(b.StatusCode), BadRequestDetail(b), CodeFor(b.StatusCode)),
            InvalidTextException t => TextInput.Problem(t.Field),
            BadInputException b => Problem(StatusCodes.Status400BadRequest, "The request is not valid.", b.Message, b.Code),
            // The last line (issue 12 §1): text PostgreSQL cannot store (22P05 NUL, 22021 invalid encoding) that no check above caught.
            _ when IsUnstorableText(exception) => TextInput.Problem("body"),
            InvalidLedgerIdException i => Problem(StatusCodes.Status400BadRequest, "Invalid id.", i.Message, "invalid-id"),
            _ when DatabaseOutage.IsOutage(exception) => Problem(StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable.",
                "The database cannot be reached. Nothing was recorded; try again in a moment.", "unavailable"),
            _ => null,
        };
        if (problem?.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            logger.LogWarning("Database unreachable for {Method} {Path}: {Message}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        }
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "Something went wrong.", "The error was logged. Please try again later.", "internal");
        }

        problem.Extensions["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Problem(int status, string title, string detail, string code, string? type = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = type };
        problem.Extensions["code"] = code;
        return problem;
    }

    private static bool IsUnstorableText(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is Npgsql.PostgresException { SqlState: "22P05" or "22021" }) return true;
        return false;
    }

    /// <summary>The documented code (docs/api.md) for a status the framework answers by itself (issue 12 §10).</summary>
    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "unauthenticated",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not-found",
        StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
        StatusCodes.Status413PayloadTooLarge => "too-large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
        StatusCodes.Status503ServiceUnavailable => "unavailable",
        >= 500 => "internal",
        _ => "bad-request",
    };

    private static string ReasonFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "Send JSON (Content-Type: application/json).",
        _ => "The request is not valid.",
    };

    // The framework's messages name the parameter and the JSON path, never internals; the inner JsonException adds where.
    private static string BadRequestDetail(BadHttpRequestException b) =>
        b.InnerException is System.Text.Json.JsonException json && json.Path is not null
            ? $"{b.Message} ({json.Path}: {json.Message.Split(". Path:")[0]})"
            : b.Message;
}

/// <summary>A request that cannot be read as sent (a malformed upload): 400 with <see cref="Code"/> (docs/api.md).</summary>
public sealed class BadInputException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
