using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Governance.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Governance.Api.Auth;

/// <summary>An API token as its owner sees it later: never the secret itself.</summary>
public sealed record ApiTokenInfo(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

/// <summary>A token just issued: <see cref="Token"/> is shown this once and stored only as its SHA-256.</summary>
public sealed record IssuedApiToken(string Token, ApiTokenInfo Info);

/// <summary>Personal API tokens ("Authorization: Bearer …"): issued after a password check, listed and revoked by their owner.</summary>
public sealed class ApiTokenService(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Makes a leaked token recognisable to secret scanners and people ("wal" = wijkalliantie-logboek).</summary>
    public const string Prefix = "wal_";

    public const int MaxNameLength = 100;
    public const string DefaultName = "API-token";

    // A last-used time to the minute is enough for "is this token still in use?", and spares a write per request.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<IssuedApiToken> IssueAsync(PersonId person, string? name, CancellationToken cancellationToken = default)
    {
        var label = string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim();
        if (label.Length > MaxNameLength)
            throw new AccountException("token.name-too-long", $"A token name has at most {MaxNameLength} characters.");
        var token = Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var info = new ApiTokenInfo(Guid.CreateVersion7(now), label, now, null);
        await using var cmd = dataSource.CreateCommand(
            "insert into app.api_tokens (id, person_id, name, token_hash, created_at) values ($1, $2, $3, $4, $5)");
        cmd.Parameters.Add(new() { Value = info.Id });
        cmd.Parameters.Add(new() { Value = person.Value });
        cmd.Parameters.Add(new() { Value = label });
        cmd.Parameters.Add(new() { Value = Hash(token) });
        cmd.Parameters.Add(new() { Value = now });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        return new IssuedApiToken(token, info);
    }

    /// <summary>The person's tokens that still work, newest first.</summary>
    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(PersonId person, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select id, name, created_at, last_used_at from app.api_tokens
            where person_id = $1 and revoked_at is null order by created_at desc, id desc
            """);
        cmd.Parameters.Add(new() { Value = person.Value });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var tokens = new List<ApiTokenInfo>();
        while (await reader.ReadAsync(cancellationToken))
            tokens.Add(new ApiTokenInfo(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
        return tokens;
    }

    /// <summary>Revokes one of the person's own tokens; false when it is not theirs, unknown or already revoked.</summary>
    public async Task<bool> RevokeAsync(PersonId person, Guid id, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "update app.api_tokens set revoked_at = $3 where id = $1 and person_id = $2 and revoked_at is null");
        cmd.Parameters.Add(new() { Value = id });
        cmd.Parameters.Add(new() { Value = person.Value });
        cmd.Parameters.Add(new() { Value = clock.GetUtcNow() });
        return await cmd.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The owner and id of a token that is neither revoked nor owned by a disabled account.</summary>
    public async Task<(PersonId Person, Guid TokenId)?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100) return null;
        // One round trip: find the token and, at most once a minute, note that it was used.
        await using var cmd = dataSource.CreateCommand("""
            with found as (
                select t.id, t.person_id, t.last_used_at from app.api_tokens t join app.accounts a on a.person_id = t.person_id
                where t.token_hash = $1 and t.revoked_at is null and a.disabled_at is null),
            touched as (
                update app.api_tokens set last_used_at = $2
                where id = (select id from found where last_used_at is null or last_used_at <= $2 - $3))
            select id, person_id from found
            """);
        cmd.Parameters.Add(new() { Value = Hash(token) });
        cmd.Parameters.Add(new() { Value = clock.GetUtcNow() });
        cmd.Parameters.Add(new() { Value = LastUsedResolution });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return (PersonId.Parse(reader.GetString(1)), reader.GetGuid(0));
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The "Bearer" scheme: a personal API token in the Authorization header.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string TokenIdClaim = "token_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryReadBearer(Request, out var token)) return AuthenticateResult.NoResult();
        var found = await tokens.AuthenticateAsync(token, Context.RequestAborted);
        if (found is not { } owner) return AuthenticateResult.Fail("The token is unknown, revoked or belongs to a disabled account.");
        var principal = GovernancePrincipal.For(owner.Person, Scheme.Name, new Claim(TokenIdClaim, owner.TokenId.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var presented = TryReadBearer(Request, out _);
        Response.Headers.WWWAuthenticate = presented ? "Bearer error=\"invalid_token\"" : "Bearer";
        await AuthProblems.WriteAsync(Context, presented ? AuthProblems.InvalidToken() : AuthProblems.Unauthenticated());
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, AuthProblems.Forbidden());

    internal static bool TryReadBearer(HttpRequest request, out string token)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
            return token.Length > 0;
        }
        token = "";
        return false;
    }
}
