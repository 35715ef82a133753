using System.Net;
using Governance.Api.Auth;
using Governance.Domain;

namespace Governance.Api.Tests.Auth;

/// <summary>
/// Issue 12, point 6: signing out, revoking a role, erasing a person and changing a password end every session of
/// that person at once, so a copied <c>wal.session</c> cookie opens neither the account page nor the API afterwards.
/// </summary>
public sealed class SessionEndTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private static readonly AllianceId Osdorp = new("osdorp-de-punt");
    /// <summary>One server for the class: its tests use accounts and ids of their own.</summary>
    private GovernanceServer Server => shared.Server;

    private AccountService Accounts => Server.Services.GetRequiredService<AccountService>();

    [Fact]
    public async Task After_signing_out_the_old_cookie_opens_neither_the_account_page_nor_the_api_and_the_other_device_is_signed_out_too()
    {
        var email = $"uit-{Guid.NewGuid():N}@example.org";
        await Server.CreateAccountAsync(email, new RoleGrant(Osdorp, Role.Chair));
        var (laptop, laptopCookie) = await SignInAsync(email);
        var (_, phoneCookie) = await SignInAsync(email);
        await AssertSessionWorksAsync(laptopCookie);
        await AssertSessionWorksAsync(phoneCookie);

        using var signedOut = await laptop.PostFormAsync("/uitloggen", []);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        await AssertSessionEndedAsync(laptopCookie);
        await AssertSessionEndedAsync(phoneCookie);
        laptop.Dispose();
    }

    [Fact]
    public async Task Revoking_a_role_ends_every_session_of_that_person_and_not_of_others()
    {
        var chair = new RoleGrant(Osdorp, Role.Chair);
        var email = $"rol-{Guid.NewGuid():N}@example.org";
        var other = $"ander-{Guid.NewGuid():N}@example.org";
        var person = (await Server.CreateAccountAsync(email, chair)).Person;
        await Server.CreateAccountAsync(other, chair);
        var (_, first) = await SignInAsync(email);
        var (_, second) = await SignInAsync(email);
        var (_, othersCookie) = await SignInAsync(other);

        Assert.True(await Accounts.RevokeAsync(person, chair));

        await AssertSessionEndedAsync(first);
        await AssertSessionEndedAsync(second);
        await AssertSessionWorksAsync(othersCookie);
    }

    [Fact]
    public async Task Erasing_a_person_ends_every_session_of_that_person()
    {
        var email = $"wis-{Guid.NewGuid():N}@example.org";
        var person = (await Server.CreateAccountAsync(email, new RoleGrant(Osdorp, Role.Secretary))).Person;
        var (_, first) = await SignInAsync(email);
        var (_, second) = await SignInAsync(email);

        Assert.True(await Server.Services.GetRequiredService<PeopleStore>().EraseAsync(person));

        await AssertSessionEndedAsync(first);
        await AssertSessionEndedAsync(second);
    }

    [Fact]
    public async Task Changing_the_password_ends_every_session_and_the_new_password_starts_one_that_works()
    {
        var email = $"ww-{Guid.NewGuid():N}@example.org";
        var person = (await Server.CreateAccountAsync(email)).Person;
        var (_, first) = await SignInAsync(email);
        var (_, second) = await SignInAsync(email);

        var (changed, generated) = await Accounts.ChangePasswordAsync(person, "een-heel-nieuw-wachtwoord");

        Assert.True(changed);
        Assert.Null(generated);
        await AssertSessionEndedAsync(first);
        await AssertSessionEndedAsync(second);
        var (_, fresh) = await SignInAsync(email, "een-heel-nieuw-wachtwoord");
        await AssertSessionWorksAsync(fresh);
    }

    [Fact]
    public async Task Signing_out_leaves_the_persons_api_tokens_working_they_are_not_sessions()
    {
        var email = $"token-{Guid.NewGuid():N}@example.org";
        var person = (await Server.CreateAccountAsync(email)).Person;
        using var api = await Server.CreateTokenClientAsync(person);
        var (browser, cookie) = await SignInAsync(email);

        using (await browser.PostFormAsync("/uitloggen", [])) { }

        await AssertSessionEndedAsync(cookie);
        using var me = await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        browser.Dispose();
    }

    private async Task<(HttpClient Browser, string Cookie)> SignInAsync(string email, string password = AuthTestHelpers.Password)
    {
        var cookies = new CookieContainer();
        var browser = await Server.CreateSignedInBrowserAsync(email, password, cookies);
        return (browser, cookies.GetCookies(Server.BaseAddress)[AuthServices.CookieName]!.Value);
    }

    /// <summary>Sends only the copied cookie, as someone who took it from the browser would.</summary>
    private async Task<HttpResponseMessage> WithCookieAsync(string path, string cookie)
    {
        using var client = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", $"{AuthServices.CookieName}={cookie}");
        return await client.SendAsync(request);
    }

    private async Task AssertSessionWorksAsync(string cookie)
    {
        using var account = await WithCookieAsync("/account", cookie);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        using var me = await WithCookieAsync("/api/v1/me", cookie);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    private async Task AssertSessionEndedAsync(string cookie)
    {
        using var account = await WithCookieAsync("/account", cookie);
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        var location = account.Headers.Location!;
        Assert.StartsWith("/inloggen", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
        using var me = await WithCookieAsync("/api/v1/me", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Contains("\"unauthenticated\"", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
