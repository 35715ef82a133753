using Microsoft.AspNetCore.Antiforgery;

namespace Governance.Api.Auth;

/// <summary>
/// Issue 12, point 5: an API write (<c>/api/**</c>, any method but GET, HEAD, OPTIONS and TRACE) signed in by the
/// session cookie needs what a page form has: a valid antiforgery token, here in the <c>RequestVerificationToken</c>
/// header, and an <c>Origin</c> header naming this site. Otherwise any site the person visits could write in their
/// name with the cookie the browser adds by itself. A bearer token is never added by a browser, so it needs neither;
/// an anonymous write has no authority to borrow. Refusals are 403 problem details with code <c>cross-origin</c> or
/// <c>antiforgery</c>, before the request body is read.
/// </summary>
public static class CookieApiWrites
{
    public const string TokenHeader = "RequestVerificationToken";

    public static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || !AuthServices.IsSession(context.User))
        {
            await next(context);
            return;
        }
        if (!IsSameOrigin(request))
        {
            await AuthProblems.WriteAsync(context, AuthProblems.CrossOrigin());
            return;
        }
        // Only the header: the antiforgery service would otherwise read a form body (an upload) to look for the field.
        if (!request.Headers.ContainsKey(TokenHeader)
            || !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            await AuthProblems.WriteAsync(context, AuthProblems.Antiforgery());
            return;
        }
        await next(context);
    }

    /// <summary>The Origin header is exactly this site's scheme, host and port. A missing Origin is not same-origin.</summary>
    public static bool IsSameOrigin(HttpRequest request) =>
        request.Headers.Origin is [{ } origin]
        && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && uri.AbsolutePath == "/";
}
