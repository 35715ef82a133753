using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Mail;

/// <summary>
/// The unsubscribe link in every mail (RFC 8058), without signing in: the token names the person and the kind. GET only
/// asks (a link checker that opens it changes nothing); POST unsubscribes, from the page's button or from the mail
/// program's one-click POST (<c>List-Unsubscribe=One-Click</c>), which carries no antiforgery token.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class AfmeldenModel(UnsubscribeTokens tokens, MailPreferences preferences) : PageModel
{
    public MailKind? Kind { get; private set; }

    public bool Done { get; private set; }

    public string PostPath { get; private set; } = UnsubscribeTokens.Path;

    public IActionResult OnGet(string? t)
    {
        if (!tokens.TryRead(t, out _, out var kind)) return Invalid();
        Kind = kind;
        PostPath = $"{UnsubscribeTokens.Path}?t={Uri.EscapeDataString(t!)}";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? t, CancellationToken cancellationToken)
    {
        if (!tokens.TryRead(t, out var person, out var kind)) return Invalid();
        // An erased person stores nothing: they get no mail anyway.
        await preferences.SetAsync(person, kind, MailDelivery.Off, cancellationToken);
        Kind = kind;
        Done = true;
        return Page();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
