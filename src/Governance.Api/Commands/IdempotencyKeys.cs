using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;

namespace Governance.Api.Commands;

/// <summary>
/// Reads a request's Idempotency-Key (the HTTP header, or the hidden form field every page form carries, see
/// <see cref="IdempotencyKeyTagHelper"/>) and the SHA-256 of what was sent with it, so that a repeat is recognised and a
/// reuse for something else is refused. A request that gives several commands keys them <c>key</c>, <c>key#2</c>, …
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string FormField = "__IdempotencyKey";
    public const int MaxLength = 100;

    private const string ItemKey = "governance.idempotency";
    private const string CounterKey = "governance.idempotency.count";

    /// <summary>
    /// Keeps write requests' bodies readable a second time, for the digest. Nothing is read here: an endpoint may still
    /// raise its body size limit (uploads) before the body is read.
    /// </summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method) || HttpMethods.IsPatch(context.Request.Method))
            context.Request.EnableBuffering();
        await next(context);
    });

    /// <summary>The key of the request, for its next command; null when the request sent none.</summary>
    public static async Task<IdempotencyKey?> NextAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await OfRequestAsync(context, cancellationToken) is not { } key) return null;
        var count = context.Items[CounterKey] is int n ? n + 1 : 1;
        context.Items[CounterKey] = count;
        return count == 1 ? key : key with { Key = $"{key.Key}#{count}" };
    }

    private static async Task<IdempotencyKey?> OfRequestAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Items.TryGetValue(ItemKey, out var known)) return known as IdempotencyKey;
        // A page's form has been read by the time its handler gives a command; an API request sends the header.
        var key = context.Request.Headers[Header].FirstOrDefault()
            ?? context.Features.Get<IFormFeature>()?.Form?[FormField].FirstOrDefault();
        IdempotencyKey? result = null;
        // A page form's key that is not clean text is ignored (the header is refused by InputChecks.UseInputChecks).
        if (!string.IsNullOrWhiteSpace(key) && key.Length <= MaxLength && Http.TextInput.IsClean(key) && context.Request.Body.CanSeek)
        {
            var body = context.Request.Body;
            var position = body.Position;
            body.Position = 0;
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{context.Request.Method} {context.Request.Path}\n"));
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0) sha.AppendData(buffer, 0, read);
            body.Position = position;
            result = new IdempotencyKey(key.Trim(), Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
        context.Items[ItemKey] = result;
        return result;
    }

    /// <summary>The key the request came with (its first command's), when it has been read.</summary>
    public static string? Of(HttpContext context) => (context?.Items[ItemKey] as IdempotencyKey)?.Key;
}
