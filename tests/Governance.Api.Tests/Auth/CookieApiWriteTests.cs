using System.Net;
using System.Text;
using Governance.Api.Auth;
using Governance.Domain;

namespace Governance.Api.Tests.Auth;

/// <summary>
/// Issue 12, point 5: an API write signed in by the session cookie needs a same-origin Origin and a valid antiforgery
/// token (header RequestVerificationToken); a bearer token needs neither; reads and anonymous writes are unchanged.
/// </summary>
public sealed class CookieApiWriteTests(SharedServer shared) : IClassFixture<SharedServer>
{
    /// <summary>One server for the class: its tests use accounts and ids of their own.</summary>
    private GovernanceServer Server => shared.Server;

    private string OwnOrigin => Server.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task A_multipart_upload_with_only_the_session_cookie_from_another_site_is_refused_403_cross_origin_and_nothing_is_stored()
    {
        var (browser, _) = await SignedInAdminAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("plan"), "id" }, { new StringContent("speeltuin"), "item" }, { new StringContent("ymere"), "partner" },
            { new StringContent("Plan"), "title" }, { new StringContent("information-only"), "purpose" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 kwaad")), "file", "plan.pdf" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alliances/osdorp-de-punt/meetings/m1/documents") { Content = form };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await browser.SendAsync(request);

        await AssertProblemAsync(response, "cross-origin");
        await using var db = Server.CreateDataSource();
        await using var count = db.CreateCommand("select count(*) from app.documents");
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_json_write_with_the_session_cookie_and_no_origin_is_refused_403_cross_origin_and_not_recorded()
    {
        var (browser, _) = await SignedInAdminAsync();

        using var response = await browser.PostAsync(new Uri("/api/v1/alliances", UriKind.Relative), FoundBody("zonder-herkomst"));

        await AssertProblemAsync(response, "cross-origin");
        using var after = await browser.GetAsync(new Uri("/api/v1/alliances/zonder-herkomst", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task A_same_origin_json_write_with_the_session_cookie_but_a_missing_or_wrong_antiforgery_token_is_refused_403_antiforgery()
    {
        var (browser, token) = await SignedInAdminAsync();

        using var missing = await browser.SendAsync(Write("/api/v1/alliances", FoundBody("zonder-token"), OwnOrigin, token: null));
        await AssertProblemAsync(missing, "antiforgery");

        using var wrong = await browser.SendAsync(Write("/api/v1/alliances", FoundBody("fout-token"), OwnOrigin, token: token[..^4] + "AAAA"));
        await AssertProblemAsync(wrong, "antiforgery");

        using var foreignWithToken = await browser.SendAsync(Write("/api/v1/alliances", FoundBody("vreemd"), "https://evil.example", token));
        await AssertProblemAsync(foreignWithToken, "cross-origin");
    }

    [Fact]
    public async Task A_same_origin_write_with_the_session_cookie_and_the_pages_antiforgery_token_is_accepted()
    {
        var (browser, token) = await SignedInAdminAsync();

        using var response = await browser.SendAsync(Write("/api/v1/alliances", FoundBody("met-token"), OwnOrigin, token));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_bearer_write_from_another_origin_without_antiforgery_token_is_accepted()
    {
        var (api, _) = await Server.CreateActorClientAsync(new RoleGrant(null, Role.Admin));

        using var response = await api.SendAsync(Write("/api/v1/alliances", FoundBody("met-bearer"), "https://evil.example", token: null));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Reads_with_the_session_cookie_and_anonymous_writes_need_no_antiforgery_token()
    {
        var (browser, _) = await SignedInAdminAsync();
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        read.Headers.Add("Origin", "https://evil.example");
        using (var me = await browser.SendAsync(read))
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);

        var email = $"anoniem-{Guid.NewGuid():N}@example.org";
        await Server.CreateAccountAsync(email);
        using var anonymous = Server.CreateClient();
        using var tokenResponse = await anonymous.PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative),
            new StringContent($$"""{"email":"{{email}}","password":"{{AuthTestHelpers.Password}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, tokenResponse.StatusCode);
    }

    /// <summary>A system admin signed in through the form, and the antiforgery token of the account page (its cookie is in the jar).</summary>
    private async Task<(HttpClient Browser, string Token)> SignedInAdminAsync()
    {
        var email = $"beheer-{Guid.NewGuid():N}@example.org";
        await Server.CreateAccountAsync(email, new RoleGrant(null, Role.Admin));
        var browser = await Server.CreateSignedInBrowserAsync(email);
        return (browser, AuthTestHelpers.AntiforgeryToken(await browser.GetStringAsync(new Uri("/account", UriKind.Relative))));
    }

    private static StringContent FoundBody(string id) =>
        new($$"""{"id":"{{id}}","name":"Alliantie {{id}}","neighbourhood":"Osdorp"}""", Encoding.UTF8, "application/json");

    private static HttpRequestMessage Write(string path, HttpContent content, string? origin, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (token is not null) request.Headers.Add(CookieApiWrites.TokenHeader, token);
        return request;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"code\":\"{code}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
