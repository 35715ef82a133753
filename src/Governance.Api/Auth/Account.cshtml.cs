using System.Globalization;
using Governance.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Auth;

/// <summary>Account settings: your name, your roles per alliance, and your API tokens (create, list, revoke).</summary>
[Authorize]
public sealed class AccountModel(PeopleStore people, ApiTokenService tokens, Mail.MailPreferences mailPreferences,
    Projections.Alliances.AllianceQueries alliances) : PageModel
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public sealed record AllianceRoles(string Alliance, IReadOnlyList<string> Roles);

    public string? DisplayName { get; private set; }

    public IReadOnlyList<AllianceRoles> Roles { get; private set; } = [];

    public IReadOnlyList<ApiTokenInfo> Tokens { get; private set; } = [];

    /// <summary>Issue 14: each kind of mail with the person's choice.</summary>
    public IReadOnlyDictionary<Mail.MailKind, Mail.MailDelivery> MailChoices { get; private set; } = new Dictionary<Mail.MailKind, Mail.MailDelivery>();

    /// <summary>The person's address, shown so they know where mail goes; null when they have none.</summary>
    public string? Email { get; private set; }

    /// <summary>Set only in the response to creating a token: the one time its secret is shown.</summary>
    public IssuedApiToken? NewToken { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? TokenName { get; set; }

    public string? NameError { get; private set; }

    public string? TokenNameError { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostNameAsync(CancellationToken cancellationToken)
    {
        var name = Name?.Trim() ?? "";
        NameError = name.Length switch
        {
            0 => "Vul uw naam in.",
            > AccountService.MaxNameLength => $"Uw naam mag niet langer zijn dan {AccountService.MaxNameLength} tekens.",
            _ when !Http.TextInput.IsClean(name) => Http.TextInput.DutchMessage,
            _ => null,
        };
        if (NameError is not null)
        {
            await LoadAsync(cancellationToken, keepName: true);
            return Page();
        }
        await people.SetDisplayNameAsync(Actor.Person, name, cancellationToken);
        Message = "Uw naam is opgeslagen.";
        return RedirectToPage();
    }

    /// <summary>Issue 14: per kind of mail on or off, at once or in the weekly digest. Form fields are named after the kind's id.</summary>
    public async Task<IActionResult> OnPostMailAsync(CancellationToken cancellationToken)
    {
        foreach (var kind in Mail.MailKinds.All)
        {
            // A kind the form did not send stays as it was; a value the page never offers is ignored rather than guessed.
            var value = Request.Form[kind.Id].ToString();
            Mail.MailDelivery? delivery = value switch
            {
                "immediate" => Mail.MailDelivery.Immediate,
                "digest" when kind != Mail.MailKinds.WeeklyDigest => Mail.MailDelivery.Digest,
                "off" => Mail.MailDelivery.Off,
                _ => null,
            };
            if (delivery is { } chosen) await mailPreferences.SetAsync(Actor.Person, kind, chosen, cancellationToken);
        }
        Message = "Uw keuzes voor e-mail zijn opgeslagen.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCreateTokenAsync(CancellationToken cancellationToken)
    {
        var name = TokenName?.Trim() ?? "";
        TokenNameError = name.Length switch
        {
            0 => "Geef het token een naam. Dan weet u later waarvoor het is.",
            > ApiTokenService.MaxNameLength => $"De naam mag niet langer zijn dan {ApiTokenService.MaxNameLength} tekens.",
            _ when !Http.TextInput.IsClean(name) => Http.TextInput.DutchMessage,
            _ => null,
        };
        if (TokenNameError is null)
        {
            NewToken = await tokens.IssueAsync(Actor.Person, name, cancellationToken);
            TokenName = null;
            // The secret is in this response only: no browser or proxy may keep a copy.
            Response.Headers.CacheControl = "no-store";
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(Guid id, CancellationToken cancellationToken)
    {
        Message = await tokens.RevokeAsync(Actor.Person, id, cancellationToken)
            ? "Het token is ingetrokken. Het werkt niet meer."
            : "Dit token was al ingetrokken.";
        return RedirectToPage();
    }

    public static string Format(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, Amsterdam).ToString("d MMMM yyyy', 'HH:mm", Dutch);

    public static string MachineReadable(DateTimeOffset moment) => moment.ToString("O", CultureInfo.InvariantCulture);

    private Actor Actor => HttpContext.GetActor() ?? throw new InvalidOperationException("The account page needs the actor middleware.");

    private async Task LoadAsync(CancellationToken cancellationToken, bool keepName = false)
    {
        var person = await people.GetAsync(Actor.Person, cancellationToken);
        DisplayName = person?.DisplayName;
        Email = person?.Email;
        MailChoices = await mailPreferences.AllAsync(Actor.Person, cancellationToken);
        if (!keepName) Name = DisplayName;
        // The alliance and the partners by name, as the pages call them, not by their addresses ("osdorp-de-punt", "bcop").
        var roles = new List<AllianceRoles>();
        foreach (var group in Actor.Grants.GroupBy(g => g.Alliance).OrderBy(g => g.Key is null ? 0 : 1).ThenBy(g => g.Key?.Value, StringComparer.Ordinal))
        {
            var alliance = group.Key is { } id ? await alliances.GetAsync(id, cancellationToken: cancellationToken) : null;
            roles.Add(new AllianceRoles(alliance?.Name ?? group.Key?.Value ?? "Alle wijkallianties",
                [.. group.Select(g => DutchRoleNames.Describe(g, p => alliance?.Partner(p)?.Name))]));
        }
        Roles = roles;
        Tokens = await tokens.ListAsync(Actor.Person, cancellationToken);
    }
}
