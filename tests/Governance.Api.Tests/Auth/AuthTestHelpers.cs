using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Governance.Api.Auth;
using Governance.Domain;

namespace Governance.Api.Tests;

/// <summary>
/// Accounts and signed-in clients for tests of any slice. <see cref="CreateTokenClientAsync"/> issues the token
/// directly (no sign-in request), so tests that need many actors never meet the sign-in rate limits.
/// </summary>
public static partial class AuthTestHelpers
{
    public const string Password = "lang-genoeg-wachtwoord";

    /// <summary>A new person with an account (password <see cref="Password"/>) and the given roles.</summary>
    public static Task<NewAccount> CreateAccountAsync(this GovernanceServer server, string email, params RoleGrant[] grants) =>
        server.Services.GetRequiredService<AccountService>().CreateAccountAsync(email, NameFrom(email), Password, grants);

    /// <summary>A client that sends a fresh API token of <paramref name="person"/> as "Authorization: Bearer …".</summary>
    public static async Task<HttpClient> CreateTokenClientAsync(this GovernanceServer server, PersonId person)
    {
        var token = await server.Services.GetRequiredService<ApiTokenService>().IssueAsync(person, "test");
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    /// <summary>A new account with <paramref name="grants"/> and a bearer client for it: the shortest way to an actor.</summary>
    public static async Task<(HttpClient Client, PersonId Person)> CreateActorClientAsync(this GovernanceServer server, params RoleGrant[] grants)
    {
        var account = await server.CreateAccountAsync($"{Guid.NewGuid():N}@example.org", grants);
        return (await server.CreateTokenClientAsync(account.Person), account.Person);
    }

    /// <summary>A client with a cookie jar that follows no redirects, for the pages.</summary>
    public static HttpClient CreateBrowserClient(this GovernanceServer server, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = server.BaseAddress,
        };

    /// <summary>Signs in through the /inloggen form (antiforgery token included) and returns the signed-in browser client.</summary>
    public static async Task<HttpClient> CreateSignedInBrowserAsync(
        this GovernanceServer server, string email, string password = Password, CookieContainer? cookies = null)
    {
        var browser = server.CreateBrowserClient(cookies);
        using var response = await browser.PostFormAsync("/inloggen", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return browser;
    }

    /// <summary>GETs <paramref name="path"/>, takes the antiforgery token of its (first) form, and posts <paramref name="fields"/> with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string path, Dictionary<string, string> fields, string? handler = null)
    {
        var page = await browser.GetStringAsync(new Uri(path, UriKind.Relative));
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(page) };
        var target = handler is null ? path : $"{path}?handler={handler}";
        using var content = new FormUrlEncodedContent(form);
        return await browser.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    public static string AntiforgeryToken(string html) =>
        AntiforgeryInput().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("""<input[^>]*\bname="__RequestVerificationToken"[^>]*\bvalue="([^"]+)"[^>]*>""")]
    private static partial Regex AntiforgeryInput();

    private static string NameFrom(string email) => email.Split('@')[0];
}

/// <summary>A clock the test moves by hand. Starts at a fixed moment; timers are left to the system clock.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start.ToUniversalTime();

    public FakeClock() : this(new DateTimeOffset(2026, 3, 12, 18, 30, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }
}
