using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Domain;

namespace Governance.Api.Tests.Auth;

/// <summary>One server for the class: each test signs in with accounts and tokens of its own.</summary>
public sealed class ApiTokenTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private static readonly AllianceId Osdorp = new("osdorp-de-punt");
    private GovernanceServer _server => shared.Server;

    private async Task<HttpResponseMessage> RequestToken(string email, string password, string? name = null)
    {
        using var client = _server.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password, name });
    }

    private static HttpClient WithToken(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_token_is_issued_for_email_and_password_and_shown_only_in_the_201_answer()
    {
        await _server.CreateAccountAsync("fatima@example.org");

        using var response = await RequestToken(" Fatima@Example.org ", AuthTestHelpers.Password, "mijn script");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json(response);
        var token = body.GetProperty("token").GetString()!;
        Assert.StartsWith("wal_", token, StringComparison.Ordinal);
        Assert.Equal("mijn script", body.GetProperty("name").GetString());
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/auth/tokens/{id}", response.Headers.Location?.OriginalString);
        Assert.True(body.TryGetProperty("createdAt", out _));

        using var client = WithToken(_server.CreateClient(), token);
        using var list = await client.GetAsync(new Uri("/api/v1/auth/tokens", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var listed = Assert.Single((await Json(list)).EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetGuid());
        Assert.False(listed.TryGetProperty("token", out _));
        Assert.DoesNotContain(token, listed.ToString(), StringComparison.Ordinal);

        // The database keeps the SHA-256 of the token, never the token.
        await using var db = _server.CreateDataSource();
        await using var cmd = db.CreateCommand("select token_hash from app.api_tokens where id = $1");
        cmd.Parameters.Add(new() { Value = id });
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), (byte[])(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_token_without_a_name_is_called_API_token()
    {
        await _server.CreateAccountAsync("naamloos@example.org");
        using var response = await RequestToken("naamloos@example.org", AuthTestHelpers.Password);
        Assert.Equal("API-token", (await Json(response)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_revoked_token_is_refused_with_401_on_the_next_request()
    {
        var account = await _server.CreateAccountAsync("revoke@example.org");
        using var issued = await RequestToken("revoke@example.org", AuthTestHelpers.Password);
        var body = await Json(issued);
        using var client = WithToken(_server.CreateClient(), body.GetProperty("token").GetString()!);
        using (var before = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var revoke = await client.DeleteAsync(new Uri($"/api/v1/auth/tokens/{body.GetProperty("id").GetGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        using var after = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid-token", (await Json(after)).GetProperty("code").GetString());
        Assert.Contains("invalid_token", after.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Empty(await _server.Services.GetRequiredService<ApiTokenService>().ListAsync(account.Person));
    }

    [Fact]
    public async Task A_dead_token_is_refused_even_where_the_public_may_read()
    {
        using var client = WithToken(_server.CreateClient(), "wal_not-a-real-token");
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid-token", (await Json(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Someone_elses_token_cannot_be_revoked_and_answers_like_an_unknown_id()
    {
        var owner = await _server.CreateAccountAsync("eigenaar@example.org");
        var ownersToken = await _server.Services.GetRequiredService<ApiTokenService>().IssueAsync(owner.Person, "van de eigenaar");
        var (other, _) = await _server.CreateActorClientAsync();
        using (other)
        {
            using var foreign = await other.DeleteAsync(new Uri($"/api/v1/auth/tokens/{ownersToken.Info.Id}", UriKind.Relative));
            using var unknown = await other.DeleteAsync(new Uri($"/api/v1/auth/tokens/{Guid.NewGuid()}", UriKind.Relative));

            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal(WithoutTraceId(await Json(unknown)), WithoutTraceId(await Json(foreign)));
        }
        using var ownerClient = WithToken(_server.CreateClient(), ownersToken.Token);
        using var stillWorks = await ownerClient.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/auth/tokens")]
    public async Task Without_a_sign_in_the_api_answers_401_problem_details_and_never_redirects(string path)
    {
        using var client = _server.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("unauthenticated", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Me_shows_the_person_the_name_and_every_grant()
    {
        var (client, person) = await _server.CreateActorClientAsync(
            new RoleGrant(Osdorp, Role.Chair),
            new RoleGrant(Osdorp, Role.Representative, new PartnerId("bcop")),
            new RoleGrant(null, Role.Admin));
        using (client)
        {
            using var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var me = await Json(response);
            Assert.Equal(person.Value, me.GetProperty("personId").GetString());
            Assert.False(string.IsNullOrEmpty(me.GetProperty("displayName").GetString()));
            var grants = me.GetProperty("grants").EnumerateArray()
                .Select(g => (g.GetProperty("alliance").GetString(), g.GetProperty("role").GetString(), g.GetProperty("partner").GetString()))
                .ToHashSet();
            Assert.Equal([(null, "admin", null), ("osdorp-de-punt", "chair", null), ("osdorp-de-punt", "representative", "bcop")], grants);
        }
    }

    [Fact]
    public async Task A_grant_deleted_in_the_database_is_gone_on_the_very_next_request()
    {
        var (client, person) = await _server.CreateActorClientAsync(new RoleGrant(Osdorp, Role.Secretary), new RoleGrant(Osdorp, Role.CoreGroup));
        using (client)
        {
            using (var before = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative)))
                Assert.Equal(2, (await Json(before)).GetProperty("grants").GetArrayLength());

            await using (var db = _server.CreateDataSource())
            await using (var cmd = db.CreateCommand("delete from app.role_grants where person_id = $1 and role = 'secretary'"))
            {
                cmd.Parameters.Add(new() { Value = person.Value });
                Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
            }

            using var after = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
            var grant = Assert.Single((await Json(after)).GetProperty("grants").EnumerateArray());
            Assert.Equal("core-group", grant.GetProperty("role").GetString());
        }
    }

    [Fact]
    public async Task A_token_request_without_email_or_password_is_a_validation_problem()
    {
        using var response = await RequestToken("", "");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Using_a_token_records_when_it_was_last_used()
    {
        var (client, person) = await _server.CreateActorClientAsync();
        using (client)
        using (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative)))
        {
            var token = Assert.Single(await _server.Services.GetRequiredService<ApiTokenService>().ListAsync(person));
            Assert.NotNull(token.LastUsedAt);
        }
    }

    internal static string WithoutTraceId(JsonElement problem) =>
        JsonSerializer.Serialize(problem.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value));
}
