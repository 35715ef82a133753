using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Governance.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Governance.Api.Auth;

/// <summary>Sign-in limits, from configuration section <c>Governance:SignIn</c>.</summary>
public sealed class SignInOptions
{
    public const string Section = "Governance:SignIn";

    /// <summary>Failures in a row (each within <see cref="Lockout"/> of the previous one) that lock the address.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    public int AttemptsPerMinutePerEmail { get; set; } = 10;

    /// <summary>
    /// Higher than per e-mail: residents at a meeting sign in together from one public address (the community
    /// centre's Wi-Fi), and a typo each must not lock the room out.
    /// </summary>
    public int AttemptsPerMinutePerAddress { get; set; } = 30;
}

public enum SignInStatus
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
    RateLimited,
}

/// <summary>The outcome of a sign-in attempt. <see cref="RetryAfter"/> is set when locked out or rate-limited.</summary>
public sealed record SignInOutcome(SignInStatus Status, PersonId? Person = null, TimeSpan? RetryAfter = null);

/// <summary>
/// Checks e-mail and password for the sign-in page and the token endpoint alike. Every outcome but success looks
/// the same whether or not the address has an account: an unknown address costs the same hash work, and its
/// failures are counted and locked out like an account's (in <c>app.sign_in_failures</c>, keyed by a hash).
/// </summary>
public sealed class SignInService(NpgsqlDataSource dataSource, TimeProvider clock, SignInThrottle throttle, IOptions<SignInOptions> options)
{
    private readonly SignInOptions _options = options.Value;

    public async Task<SignInOutcome> SignInAsync(string email, string password, IPAddress? client, CancellationToken cancellationToken = default)
    {
        // Issue 12 §1: an address PostgreSQL cannot store matches no account; it is not looked up (the API refuses it with 400 first).
        if (!Http.TextInput.IsClean(email)) return new SignInOutcome(SignInStatus.InvalidCredentials);
        var normalized = AccountService.NormalizeEmailOrRaw(email);
        if (!throttle.TryAcquire(normalized, client, out var wait))
            return new SignInOutcome(SignInStatus.RateLimited, RetryAfter: wait);

        var account = await FindAsync(normalized, cancellationToken);
        var verified = Passwords.Verify(account?.PasswordHash, password);
        var now = clock.GetUtcNow();

        if (account is null)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
            var lockedUntil = await UnknownAddressLockedUntilAsync(hash, now, cancellationToken);
            if (lockedUntil > now) return new SignInOutcome(SignInStatus.LockedOut, RetryAfter: lockedUntil - now);
            await RecordUnknownAddressFailureAsync(hash, now, cancellationToken);
            return new SignInOutcome(SignInStatus.InvalidCredentials);
        }

        // A locked account does not say whether the password was right.
        if (account.LockedUntil > now) return new SignInOutcome(SignInStatus.LockedOut, RetryAfter: account.LockedUntil - now);
        if (verified == PasswordVerificationResult.Failed)
        {
            await RecordAccountFailureAsync(account.Person, now, cancellationToken);
            return new SignInOutcome(SignInStatus.InvalidCredentials);
        }

        if (account.FailedAttempts > 0 || verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await using var cmd = dataSource.CreateCommand("""
                update app.accounts set failed_attempts = 0, last_failed_at = null, locked_until = null,
                    password_hash = coalesce($2, password_hash)
                where person_id = $1
                """);
            cmd.Parameters.Add(new() { Value = account.Person.Value });
            cmd.Parameters.Add(new NpgsqlParameter<string?>
            {
                TypedValue = verified == PasswordVerificationResult.SuccessRehashNeeded ? Passwords.Hash(password) : null,
                NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text,
            });
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        return new SignInOutcome(SignInStatus.Succeeded, account.Person);
    }

    private sealed record AccountRow(PersonId Person, string PasswordHash, int FailedAttempts, DateTimeOffset? LockedUntil);

    private async Task<AccountRow?> FindAsync(string normalized, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("""
            select person_id, password_hash, failed_attempts, locked_until from app.accounts
            where email_normalized = $1 and disabled_at is null
            """);
        cmd.Parameters.Add(new() { Value = normalized });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new AccountRow(PersonId.Parse(reader.GetString(0)), reader.GetString(1), reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
    }

    // Only called when not locked. A failure more than one lock-out window after the previous one starts the count
    // afresh, so a few typos spread over months never add up to a lock-out; this also resets an expired lock.
    // $2 = now, $3 = max failed attempts, $4 = lock-out window; t = the row's alias.
    private static string NextFailure(string t) => $"""
        failed_attempts = case when {t}.last_failed_at is null or {t}.last_failed_at <= $2 - $4 then 1 else {t}.failed_attempts + 1 end,
        locked_until = case when (case when {t}.last_failed_at is null or {t}.last_failed_at <= $2 - $4 then 1 else {t}.failed_attempts + 1 end) >= $3
                            then $2 + $4 end,
        last_failed_at = $2
        """;

    private async Task RecordAccountFailureAsync(PersonId person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand($"update app.accounts a set {NextFailure("a")} where a.person_id = $1");
        cmd.Parameters.Add(new() { Value = person.Value });
        AddFailureParameters(cmd, now);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<DateTimeOffset?> UnknownAddressLockedUntilAsync(byte[] hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("select locked_until from app.sign_in_failures where email_hash = $1 and locked_until > $2");
        cmd.Parameters.Add(new() { Value = hash });
        cmd.Parameters.Add(new() { Value = now });
        return await cmd.ExecuteScalarAsync(cancellationToken) is DateTime until ? new DateTimeOffset(until, TimeSpan.Zero) : null;
    }

    private async Task RecordUnknownAddressFailureAsync(byte[] hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Rows older than the window mean nothing any more (the count would restart): drop them, so the table only
        // ever holds the last few minutes of misses.
        await using var cmd = dataSource.CreateCommand($"""
            with purged as (delete from app.sign_in_failures where last_failed_at <= $2 - $4 and email_hash <> $1)
            insert into app.sign_in_failures as f (email_hash, failed_attempts, last_failed_at, locked_until)
            values ($1, 1, $2, case when 1 >= $3 then $2 + $4 end)
            on conflict (email_hash) do update set {NextFailure("f")}
            """);
        cmd.Parameters.Add(new() { Value = hash });
        AddFailureParameters(cmd, now);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private void AddFailureParameters(NpgsqlCommand cmd, DateTimeOffset now)
    {
        cmd.Parameters.Add(new() { Value = now });
        cmd.Parameters.Add(new() { Value = _options.MaxFailedAttempts });
        cmd.Parameters.Add(new() { Value = _options.Lockout });
    }
}

/// <summary>
/// Sign-in attempts per e-mail address and per client address, in fixed one-minute windows (System.Threading.RateLimiting).
/// Counted per app node: the database-backed lock-out is what holds across nodes.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<(string Email, string Address)> _limiter;

    public SignInThrottle(IOptions<SignInOptions> options)
    {
        var o = options.Value;
        var byEmail = PartitionedRateLimiter.Create<(string Email, string Address), string>(attempt =>
            RateLimitPartition.GetFixedWindowLimiter(attempt.Email, _ => Window(o.AttemptsPerMinutePerEmail)));
        var byAddress = PartitionedRateLimiter.Create<(string Email, string Address), string>(attempt =>
            RateLimitPartition.GetFixedWindowLimiter(attempt.Address, _ => Window(o.AttemptsPerMinutePerAddress)));
        _limiter = PartitionedRateLimiter.CreateChained(byEmail, byAddress);
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public bool TryAcquire(string normalizedEmail, IPAddress? client, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire((normalizedEmail, PartitionOf(client)));
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    /// <summary>One IPv6 subscriber usually holds a whole /64: counting per address would let them rotate freely.</summary>
    internal static string PartitionOf(IPAddress? client)
    {
        if (client is null) return "unknown";
        if (client.IsIPv4MappedToIPv6) client = client.MapToIPv4();
        if (client.AddressFamily != AddressFamily.InterNetworkV6) return client.ToString();
        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose() => _limiter.Dispose();
}
