using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Auth;

/// <summary>The 401/403/429 answers of the auth slice, as RFC 9457 problem details with a <c>code</c>.</summary>
public static class AuthProblems
{
    public static ProblemDetails Problem(int status, string title, string detail, string code)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        return problem;
    }

    public static ProblemDetails Unauthenticated() => Problem(StatusCodes.Status401Unauthorized, "Sign in first.",
        "This needs a signed-in account: send 'Authorization: Bearer <token>' (POST /api/v1/auth/token).", "unauthenticated");

    public static ProblemDetails InvalidToken() => Problem(StatusCodes.Status401Unauthorized, "Invalid token.",
        "The bearer token is unknown or revoked. Request a new one with POST /api/v1/auth/token.", "invalid-token");

    public static ProblemDetails Forbidden() => Problem(StatusCodes.Status403Forbidden, "Not allowed.",
        "Your roles do not allow this.", "forbidden");

    public static ProblemDetails CrossOrigin() => Problem(StatusCodes.Status403Forbidden, "Cross-origin write refused.",
        "Dit verzoek komt niet van deze website en wordt daarom geweigerd. / A write signed in by the session cookie needs an "
        + "Origin header naming this site; scripts and programs use 'Authorization: Bearer <token>'.", "cross-origin");

    public static ProblemDetails Antiforgery() => Problem(StatusCodes.Status403Forbidden, "Antiforgery token missing or invalid.",
        "Laad de pagina opnieuw en probeer het nog eens. / A write signed in by the session cookie needs the antiforgery token "
        + $"of a page of this site in the '{CookieApiWrites.TokenHeader}' header; scripts and programs use 'Authorization: Bearer <token>'.",
        "antiforgery");

    /// <summary>The same answer for an unknown address and a wrong password: nothing tells them apart.</summary>
    public static ProblemDetails InvalidCredentials() => Problem(StatusCodes.Status401Unauthorized, "Sign-in failed.",
        $"{SignInMessages.InvalidCredentials} / The e-mail address or password is not correct.", "sign-in.invalid-credentials");

    public static ProblemDetails LockedOut(TimeSpan wait) => Problem(StatusCodes.Status429TooManyRequests, "Too many failed attempts.",
        $"{SignInMessages.LockedOut(wait)} / Too many failed attempts: wait {SignInMessages.Minutes(wait)} minutes and try again.",
        "sign-in.locked-out");

    public static ProblemDetails RateLimited() => Problem(StatusCodes.Status429TooManyRequests, "Too many attempts.",
        $"{SignInMessages.RateLimited} / Too many sign-in attempts: wait a minute and try again.",
        "sign-in.rate-limited");

    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status!.Value;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>Seconds, rounded up, for the Retry-After header (RFC 9110 §10.2.3).</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the sign-in page says (Dutch, B1), and the Dutch half of the API's messages.</summary>
public static class SignInMessages
{
    public const string InvalidCredentials = "E-mailadres of wachtwoord klopt niet.";

    public const string RateLimited = "U heeft het te vaak geprobeerd. Wacht een minuut en probeer het dan opnieuw.";

    public static string LockedOut(TimeSpan wait) =>
        $"Inloggen is nu even geblokkeerd, omdat het te vaak mislukte. Wacht {Minutes(wait)} minuten en probeer het dan opnieuw.";

    public static int Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
}
