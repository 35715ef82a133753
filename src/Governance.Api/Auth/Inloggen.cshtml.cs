using Governance.Api.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Auth;

/// <summary>Sign in with e-mail and password; a session cookie for the pages. The same checks as POST /api/v1/auth/token.</summary>
[AllowAnonymous]
public sealed class InloggenModel(SignInService signIn) : PageModel
{
    /// <summary>Where a person lands after signing in without a ReturnUrl: what asks for their attention (Start/Aandacht).</summary>
    public const string StartPage = "/aandacht";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>About the whole attempt (wrong combination, locked, too many tries): shown above the form.</summary>
    public string? Error { get; private set; }

    public string? EmailError { get; private set; }

    public string? PasswordError { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email)) EmailError = "Vul uw e-mailadres in.";
        else if (!Http.TextInput.IsClean(Email)) EmailError = Http.TextInput.DutchMessage;
        if (string.IsNullOrEmpty(Password)) PasswordError = "Vul uw wachtwoord in.";
        if (EmailError is not null || PasswordError is not null) return Page();

        var outcome = await signIn.SignInAsync(Email!, Password!, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        switch (outcome.Status)
        {
            case SignInStatus.Succeeded:
                await HttpContext.SignInAsync(AuthServices.CookieScheme, GovernancePrincipal.For(outcome.Person!.Value, AuthServices.CookieScheme));
                // Only a path on this site: a ReturnUrl pointing elsewhere would make the sign-in page an open redirect.
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : StartPage);
            case SignInStatus.LockedOut:
                Error = SignInMessages.LockedOut(outcome.RetryAfter!.Value);
                TooMany(outcome.RetryAfter!.Value);
                break;
            case SignInStatus.RateLimited:
                Error = SignInMessages.RateLimited;
                TooMany(outcome.RetryAfter!.Value);
                break;
            default:
                Error = SignInMessages.InvalidCredentials;
                break;
        }
        return Page();
    }

    private void TooMany(TimeSpan wait)
    {
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = AuthProblems.RetryAfterSeconds(wait);
    }
}
