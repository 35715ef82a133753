using System.Net;
using System.Text;
using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Domain;

namespace Governance.Api.Tests.Auth;

/// <summary>
/// Issue 12, point 11: writes are limited per person (else per client address) with ASP.NET Core's rate limiter;
/// over the limit the API answers 429 problem details with code <c>rate-limited</c> and Retry-After, a page the Dutch
/// error page. Here the limits are configured tiny: 3 writes a minute per person, 2 per address.
/// </summary>
public sealed class WriteRateLimitTests : IAsyncLifetime
{
    private GovernanceServer _server = null!;

    public async Task InitializeAsync() => _server = await GovernanceServer.StartAsync(builder =>
    {
        builder.Configuration[$"{WriteLimitOptions.Section}:PerPersonPerMinute"] = "3";
        builder.Configuration[$"{WriteLimitOptions.Section}:PerAddressPerMinute"] = "2";
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static StringContent Found(string id) =>
        new($$"""{"id":"{{id}}","name":"Alliantie {{id}}","neighbourhood":"Osdorp"}""", Encoding.UTF8, "application/json");

    private static Uri Path(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task A_person_over_the_limit_gets_429_problem_json_with_code_and_retry_after_and_nothing_is_recorded()
    {
        var (admin, _) = await _server.CreateActorClientAsync(new RoleGrant(null, Role.Admin));
        for (var i = 1; i <= 3; i++)
        {
            using var ok = await admin.PostAsync(Path("/api/v1/alliances"), Found($"binnen-{i}"));
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var refused = await admin.PostAsync(Path("/api/v1/alliances"), Found("te-veel"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"rate-limited\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After: {refused.Headers.RetryAfter}");
        using var notThere = await admin.GetAsync(Path("/api/v1/alliances/te-veel"));
        Assert.Equal(HttpStatusCode.NotFound, notThere.StatusCode);
    }

    [Fact]
    public async Task The_limit_is_per_person_and_reads_are_never_limited()
    {
        var (first, _) = await _server.CreateActorClientAsync(new RoleGrant(null, Role.Admin));
        var (second, _) = await _server.CreateActorClientAsync(new RoleGrant(null, Role.Admin));
        for (var i = 1; i <= 4; i++)
            using (await first.PostAsync(Path("/api/v1/alliances"), Found($"eerste-{i}"))) { }
        using (var limited = await first.PostAsync(Path("/api/v1/alliances"), Found("eerste-5")))
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);

        using var other = await second.PostAsync(Path("/api/v1/alliances"), Found("tweede-1"));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        for (var i = 0; i < 10; i++)
        {
            using var read = await first.GetAsync(Path("/api/v1/me"));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }
    }

    [Fact]
    public async Task Anonymous_writes_are_limited_per_client_address()
    {
        using var anonymous = _server.CreateClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await anonymous.PostAsync(Path("/api/v1/auth/token"),
                new StringContent($$"""{"email":"niemand-{{i}}@example.org","password":"verkeerd-wachtwoord"}""", Encoding.UTF8, "application/json"));
            codes.Add(response.StatusCode);
            if (i == 2) Assert.Contains("\"code\":\"rate-limited\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], codes);
    }

    [Fact]
    public async Task A_page_form_over_the_limit_shows_the_dutch_error_page_with_429_and_retry_after()
    {
        var email = $"formulier-{Guid.NewGuid():N}@example.org";
        await _server.CreateAccountAsync(email);
        using var browser = await _server.CreateSignedInBrowserAsync(email);
        for (var i = 1; i <= 3; i++)
        {
            using var ok = await browser.PostFormAsync("/account", new() { ["TokenName"] = $"Token {i}" }, handler: "CreateToken");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await browser.PostFormAsync("/account", new() { ["TokenName"] = "Token 4" }, handler: "CreateToken");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Even wachten", html, StringComparison.Ordinal);
        Assert.Contains("te veel wijzigingen", html, StringComparison.Ordinal);
    }
}
