using System.Net;
using System.Text.RegularExpressions;
using Governance.Api.Auth;
using Governance.Domain;

namespace Governance.Api.Tests.Auth;

/// <summary>
/// One server for the class: each test signs in with an account of its own (together well under the 30 sign-in attempts
/// a minute one address may make).
/// </summary>
public sealed partial class CookieSignInTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private GovernanceServer _server => shared.Server;

    private static Uri Path(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Signing_in_with_the_form_sets_an_HttpOnly_SameSite_Lax_session_cookie_and_returns_to_the_page_asked_for()
    {
        await _server.CreateAccountAsync("anna@example.org");
        using var browser = _server.CreateBrowserClient();

        using var response = await browser.PostFormAsync("/inloggen?ReturnUrl=%2Faccount%3Ftab%3D1",
            new() { ["Email"] = "anna@example.org", ["Password"] = AuthTestHelpers.Password, ["ReturnUrl"] = "/account?tab=1" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account?tab=1", response.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AuthServices.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        // Plain HTTP on loopback: the cookie is only marked Secure when the request came over HTTPS.
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase);

        using var account = await browser.GetAsync(Path("/account"));
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        using var me = await browser.GetAsync(Path("/api/v1/me"));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_post_without_antiforgery_token_is_refused_with_400()
    {
        await _server.CreateAccountAsync("csrf@example.org");
        using var browser = _server.CreateBrowserClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "csrf@example.org", ["Password"] = AuthTestHelpers.Password });

        using var response = await browser.PostAsync(Path("/inloggen"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith(AuthServices.CookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_on_the_form_says_so_in_dutch_and_links_the_message_to_the_field()
    {
        await _server.CreateAccountAsync("bas@example.org");
        using var browser = _server.CreateBrowserClient();

        using var response = await browser.PostFormAsync("/inloggen", new() { ["Email"] = "bas@example.org", ["Password"] = "fout-wachtwoord" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-mailadres of wachtwoord klopt niet.", html, StringComparison.Ordinal);
        Assert.Matches("""id="inloggen-fout"[^>]*>E-mailadres of wachtwoord klopt niet\.""", html);
        Assert.Matches("""<input[^>]*id="email"[^>]*aria-describedby="inloggen-fout"[^>]*>""", html);
        Assert.Contains("value=\"bas@example.org\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("fout-wachtwoord", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_has_one_heading_labels_for_every_input_and_autocomplete_hints()
    {
        using var browser = _server.CreateBrowserClient();
        var html = await browser.GetStringAsync(Path("/inloggen"));

        Assert.Single(H1().Matches(html));
        Assert.Contains("""<label class="ams-label" for="email">E-mailadres</label>""", html, StringComparison.Ordinal);
        Assert.Contains("""<label class="ams-label" for="wachtwoord">Wachtwoord</label>""", html, StringComparison.Ordinal);
        Assert.Matches("""<input[^>]*autocomplete="username"[^>]*>""", html);
        Assert.Matches("""<input[^>]*type="password"[^>]*autocomplete="current-password"[^>]*>""", html);
        Assert.NotNull(AuthTestHelpers.AntiforgeryToken(html));
    }

    [Fact]
    public async Task A_signed_out_visitor_of_the_account_page_is_sent_to_inloggen_with_a_return_url()
    {
        using var browser = _server.CreateBrowserClient();
        using var response = await browser.GetAsync(Path("/account"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/inloggen?ReturnUrl=%2Faccount", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        await _server.CreateAccountAsync("open@example.org");
        using var browser = _server.CreateBrowserClient();
        using var response = await browser.PostFormAsync("/inloggen",
            new() { ["Email"] = "open@example.org", ["Password"] = AuthTestHelpers.Password, ["ReturnUrl"] = "https://evil.example/" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The start page instead (issue 13: "Wat vraagt uw aandacht").
        Assert.Equal("/aandacht", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_account_page_shows_the_name_and_the_roles_per_alliance_in_dutch()
    {
        var osdorp = new AllianceId("osdorp-de-punt");
        await _server.Services.GetRequiredService<AccountService>().CreateAccountAsync("carla@example.org", "Carla de Vries", AuthTestHelpers.Password,
        [
            new RoleGrant(osdorp, Role.Chair),
            new RoleGrant(osdorp, Role.Representative, new PartnerId("ymere")),
            new RoleGrant(new AllianceId("geuzenveld"), Role.EscalationContact),
            new RoleGrant(new AllianceId("geuzenveld"), Role.CoreGroup),
            new RoleGrant(osdorp, Role.Secretary),
        ]);
        using var browser = await _server.CreateSignedInBrowserAsync("carla@example.org");

        var html = await browser.GetStringAsync(Path("/account"));

        Assert.Single(H1().Matches(html));
        Assert.Contains("value=\"Carla de Vries\"", html, StringComparison.Ordinal);
        foreach (var words in new[] { "dagvoorzitter", "vertegenwoordiger van ymere", "secretaris/projectleider", "escalatiecontactpersoon", "kerngroep", "osdorp-de-punt", "geuzenveld" })
            Assert.Contains(words, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_made_on_the_account_page_is_shown_once_works_on_the_api_and_can_be_revoked_there()
    {
        await _server.CreateAccountAsync("dirk@example.org");
        using var browser = await _server.CreateSignedInBrowserAsync("dirk@example.org");

        using var created = await browser.PostFormAsync("/account", new() { ["TokenName"] = "Rapportage" }, handler: "CreateToken");
        var html = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var token = NewToken().Match(html).Groups[1].Value;
        Assert.StartsWith("wal_", token, StringComparison.Ordinal);

        var again = await browser.GetStringAsync(Path("/account"));
        Assert.DoesNotContain(token, again, StringComparison.Ordinal);
        Assert.Contains("Rapportage", again, StringComparison.Ordinal);

        using var api = _server.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using (var me = await api.GetAsync(Path("/api/v1/me")))
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);

        var id = RevokeId().Match(again).Groups[1].Value;
        using var revoked = await browser.PostFormAsync("/account", new() { ["id"] = id }, handler: "RevokeToken");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("Het token is ingetrokken.", await browser.GetStringAsync(Path("/account")), StringComparison.Ordinal);
        using var refused = await api.GetAsync(Path("/api/v1/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_token_without_a_name_is_refused_on_the_account_page_with_a_dutch_message()
    {
        await _server.CreateAccountAsync("eva@example.org");
        using var browser = await _server.CreateSignedInBrowserAsync("eva@example.org");
        using var response = await browser.PostFormAsync("/account", new() { ["TokenName"] = "  " }, handler: "CreateToken");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Geef het token een naam.", html, StringComparison.Ordinal);
        Assert.Matches("""<input[^>]*id="token-naam"[^>]*aria-describedby="token-naam-hint token-naam-fout"[^>]*>""", html);
        Assert.DoesNotMatch(NewToken(), html);
    }

    [Fact]
    public async Task The_name_can_be_changed_on_the_account_page()
    {
        var account = await _server.CreateAccountAsync("frits@example.org");
        using var browser = await _server.CreateSignedInBrowserAsync("frits@example.org");
        using var response = await browser.PostFormAsync("/account", new() { ["Name"] = "Frits Jansen" }, handler: "Name");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Frits Jansen", (await _server.Services.GetRequiredService<PeopleStore>().GetAsync(account.Person))!.DisplayName);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await _server.CreateAccountAsync("gert@example.org");
        using var browser = await _server.CreateSignedInBrowserAsync("gert@example.org");

        using var signOut = await browser.PostFormAsync("/uitloggen", new());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains("U bent uitgelogd.", await browser.GetStringAsync(Path("/uitloggen")), StringComparison.Ordinal);
        using var account = await browser.GetAsync(Path("/account"));
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
    }

    [Fact]
    public async Task A_locked_account_gets_the_dutch_lock_out_message_on_the_form_with_429()
    {
        await _server.CreateAccountAsync("henk@example.org");
        using var browser = _server.CreateBrowserClient();
        for (var i = 0; i < 5; i++)
            (await browser.PostFormAsync("/inloggen", new() { ["Email"] = "henk@example.org", ["Password"] = "fout-wachtwoord" })).Dispose();

        using var response = await browser.PostFormAsync("/inloggen", new() { ["Email"] = "henk@example.org", ["Password"] = AuthTestHelpers.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("Wacht 15 minuten en probeer het dan opnieuw.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();

    [GeneratedRegex("""id="nieuw-token" type="text" value="([^"]+)" """)]
    private static partial Regex NewToken();

    [GeneratedRegex("""<input type="hidden" name="id" value="([0-9a-f-]{36})">""")]
    private static partial Regex RevokeId();
}
