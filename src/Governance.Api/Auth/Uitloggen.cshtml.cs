using Governance.Api.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Auth;

/// <summary>
/// Sign out is a POST (with an antiforgery token), so a link on another site cannot sign anyone out. GET shows the
/// button to a signed-in visitor, or "you are signed out" afterwards.
/// </summary>
[AllowAnonymous]
public sealed class UitloggenModel : PageModel
{
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(AuthServices.CookieScheme);
        return RedirectToPage();
    }
}
