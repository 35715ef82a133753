using System.Net.Mail;
using System.Security.Cryptography;
using Governance.Domain;
using Npgsql;

namespace Governance.Api.Auth;

/// <summary>A refused account operation, with a short code (<c>account.email-taken</c>) and a plain English message.</summary>
public sealed class AccountException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>A new account. <see cref="GeneratedPassword"/> is set only when no password was given; it is shown once.</summary>
public sealed record NewAccount(PersonId Person, string Email, string? GeneratedPassword);

/// <summary>An enabled account's role grants and its current security stamp (what a session cookie must carry).</summary>
public sealed record ActiveAccount(IReadOnlyList<RoleGrant> Grants, Guid SecurityStamp);

/// <summary>
/// Accounts and role grants: what the CLI, the first-run admin and the demo seeding call. Stateless; safe as a singleton.
/// </summary>
public sealed class AccountService(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    /// <summary>
    /// Creates the person and the account, with the given grants, in one transaction. Without a password one is
    /// generated and returned. Throws <see cref="AccountException"/> for an invalid or taken e-mail address, a
    /// missing name, a short password or an invalid grant.
    /// </summary>
    public async Task<NewAccount> CreateAccountAsync(
        string email, string displayName, string? password, IEnumerable<RoleGrant>? grants = null, CancellationToken cancellationToken = default)
    {
        var normalized = NormalizeEmail(email);
        var name = ValidName(displayName);
        var generated = password is null ? Passwords.Generate() : null;
        var secret = password ?? generated!;
        if (secret.Length < Passwords.MinimumLength)
            throw new AccountException("account.password-too-short", $"A password needs at least {Passwords.MinimumLength} characters.");
        var grantList = (grants ?? []).ToList();
        grantList.ForEach(Validate);
        var hash = Passwords.Hash(secret);
        var now = clock.GetUtcNow();

        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        var person = await InsertPersonAsync(conn, tx, name, email.Trim(), now, cancellationToken);
        await using (var cmd = new NpgsqlCommand("""
            insert into app.accounts (person_id, email_normalized, password_hash, created_at) values ($1, $2, $3, $4)
            on conflict (email_normalized) do nothing
            """, conn, tx))
        {
            cmd.Parameters.Add(new() { Value = person.Value });
            cmd.Parameters.Add(new() { Value = normalized });
            cmd.Parameters.Add(new() { Value = hash });
            cmd.Parameters.Add(new() { Value = now });
            if (await cmd.ExecuteNonQueryAsync(cancellationToken) == 0)
                throw new AccountException("account.email-taken", $"An account for {normalized} already exists.");
        }
        foreach (var grant in grantList)
            await InsertGrantAsync(conn, tx, person, grant, now, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new NewAccount(person, normalized, generated);
    }

    /// <summary>Adds a role; true when it is new, false when the person already held it.</summary>
    public async Task<bool> GrantAsync(PersonId person, RoleGrant grant, CancellationToken cancellationToken = default)
    {
        Validate(grant);
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return await InsertGrantAsync(conn, null, person, grant, clock.GetUtcNow(), cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new AccountException("account.unknown-person", $"There is no person {person}.");
        }
    }

    /// <summary>
    /// Removes a role; true when the person held it. It also ends every session (cookie) of the person at once: they
    /// sign in again and see what they may still do. Their API tokens keep working with the roles that are left.
    /// </summary>
    public async Task<bool> RevokeAsync(PersonId person, RoleGrant grant, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            with revoked as (
                delete from app.role_grants
                where person_id = $1 and alliance_id is not distinct from $2 and role = $3 and partner_id is not distinct from $4
                returning person_id
            ), ended as (
                update app.accounts set security_stamp = gen_random_uuid()
                where person_id = $1 and exists (select 1 from revoked)
            )
            select count(*) from revoked
            """);
        AddGrantParameters(cmd, person, grant);
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    /// <summary>
    /// Sets a new password (at least <see cref="Passwords.MinimumLength"/> characters; null: one is generated and
    /// returned) and ends every session of the person. False when the person has no enabled account.
    /// </summary>
    public async Task<(bool Changed, string? GeneratedPassword)> ChangePasswordAsync(
        PersonId person, string? newPassword, CancellationToken cancellationToken = default)
    {
        var generated = newPassword is null ? Passwords.Generate() : null;
        var secret = newPassword ?? generated!;
        if (secret.Length < Passwords.MinimumLength)
            throw new AccountException("account.password-too-short", $"A password needs at least {Passwords.MinimumLength} characters.");
        await using var cmd = dataSource.CreateCommand("""
            update app.accounts set password_hash = $2, failed_attempts = 0, last_failed_at = null, locked_until = null,
                security_stamp = gen_random_uuid()
            where person_id = $1 and disabled_at is null
            """);
        cmd.Parameters.Add(new() { Value = person.Value });
        cmd.Parameters.Add(new() { Value = Passwords.Hash(secret) });
        var changed = await cmd.ExecuteNonQueryAsync(cancellationToken) == 1;
        return (changed, changed ? generated : null);
    }

    /// <summary>Ends every session (cookie) of the person at once, on every node: a new security stamp. API tokens are not sessions and keep working.</summary>
    public async Task EndSessionsAsync(PersonId person, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("update app.accounts set security_stamp = gen_random_uuid() where person_id = $1");
        cmd.Parameters.Add(new() { Value = person.Value });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The security stamp a new session of the person carries, or null without an enabled account.</summary>
    public async Task<Guid?> SecurityStampAsync(PersonId person, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("select security_stamp from app.accounts where person_id = $1 and disabled_at is null");
        cmd.Parameters.Add(new() { Value = person.Value });
        return await cmd.ExecuteScalarAsync(cancellationToken) is Guid stamp ? stamp : null;
    }

    /// <summary>The person whose (enabled) account signs in with <paramref name="email"/>, if any.</summary>
    public async Task<PersonId?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("select person_id from app.accounts where email_normalized = $1 and disabled_at is null");
        cmd.Parameters.Add(new() { Value = NormalizeEmailOrRaw(email) });
        return await cmd.ExecuteScalarAsync(cancellationToken) is string id ? PersonId.Parse(id) : null;
    }

    /// <summary>
    /// The role grants of a person with an enabled account, or null when there is no such account (never
    /// created, disabled or erased). Read on every authenticated request, so a revoked role is gone at once.
    /// </summary>
    public async Task<IReadOnlyList<RoleGrant>?> ActiveGrantsAsync(PersonId person, CancellationToken cancellationToken = default) =>
        (await ActiveAccountAsync(person, cancellationToken))?.Grants;

    /// <summary>
    /// The grants and the security stamp of a person with an enabled account, or null when there is no such account.
    /// One query, on every authenticated request: a revoked role, an ended session or an erased account stops at once.
    /// </summary>
    public async Task<ActiveAccount?> ActiveAccountAsync(PersonId person, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select g.alliance_id, g.role, g.partner_id, a.security_stamp
            from app.accounts a left join app.role_grants g on g.person_id = a.person_id
            where a.person_id = $1 and a.disabled_at is null
            order by g.alliance_id nulls first, g.role, g.partner_id
            """);
        cmd.Parameters.Add(new() { Value = person.Value });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        List<RoleGrant>? grants = null;
        var stamp = Guid.Empty;
        while (await reader.ReadAsync(cancellationToken))
        {
            grants ??= [];
            stamp = reader.GetGuid(3);
            if (reader.IsDBNull(1)) continue;   // the account row without any grant
            // Unknown role text is skipped rather than failing every request of this person: the table's check
            // constraint keeps it from happening, and a role we do not know grants nothing.
            if (!RoleNames.TryParse(reader.GetString(1), out var role)) continue;
            grants.Add(new RoleGrant(
                reader.IsDBNull(0) ? null : AllianceId.Parse(reader.GetString(0)),
                role,
                reader.IsDBNull(2) ? null : PartnerId.Parse(reader.GetString(2))));
        }
        return grants is null ? null : new ActiveAccount(grants, stamp);
    }

    public async Task<bool> AnyAccountsAsync(CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("select exists (select 1 from app.accounts)");
        return (bool)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Lower-cased and trimmed; throws <see cref="AccountException"/> when it is not an e-mail address.</summary>
    public static string NormalizeEmail(string email)
    {
        var trimmed = email.Trim();
        if (trimmed.Length is 0 or > 254 || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed)
            throw new AccountException("account.email-invalid", $"'{trimmed}' is not an e-mail address.");
        return trimmed.ToLowerInvariant();
    }

    /// <summary>For look-ups: an address that is not valid cannot match any account, and must not throw either.</summary>
    internal static string NormalizeEmailOrRaw(string email) => email.Trim().ToLowerInvariant();

    public static void Validate(RoleGrant grant)
    {
        if (grant.Alliance is null && grant.Role != Role.Admin)
            throw new AccountException("grant.alliance-required", $"The role {grant.Role.ToKebab()} needs an alliance; only admin can be system-wide.");
        if (grant.Role == Role.Representative && grant.Partner is null)
            throw new AccountException("grant.partner-required", "A representative grant names the partner represented.");
        if (grant.Role != Role.Representative && grant.Partner is not null)
            throw new AccountException("grant.partner-not-allowed", $"Only a representative grant names a partner, not {grant.Role.ToKebab()}.");
    }

    private static string ValidName(string displayName)
    {
        var name = displayName.Trim();
        if (name.Length == 0) throw new AccountException("account.name-missing", "A name is needed.");
        if (name.Length > MaxNameLength) throw new AccountException("account.name-too-long", $"A name has at most {MaxNameLength} characters.");
        return name;
    }

    private static async Task<PersonId> InsertPersonAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string name, string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // 48 random bits: a collision is unlikely but not impossible, so draw again rather than fail.
        for (var attempt = 0; ; attempt++)
        {
            var person = PersonId.FromBytes(RandomNumberGenerator.GetBytes(PersonId.RandomBytes));
            await using var cmd = new NpgsqlCommand("""
                insert into app.people (person_id, display_name, email, created_at) values ($1, $2, $3, $4)
                on conflict (person_id) do nothing
                """, conn, tx);
            cmd.Parameters.Add(new() { Value = person.Value });
            cmd.Parameters.Add(new() { Value = name });
            cmd.Parameters.Add(new() { Value = email });
            cmd.Parameters.Add(new() { Value = now });
            if (await cmd.ExecuteNonQueryAsync(cancellationToken) == 1) return person;
            if (attempt == 5) throw new InvalidOperationException("Could not draw an unused person id.");
        }
    }

    private static async Task<bool> InsertGrantAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, PersonId person, RoleGrant grant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into app.role_grants (person_id, alliance_id, role, partner_id, granted_at) values ($1, $2, $3, $4, $5)
            on conflict (person_id, alliance_id, role, partner_id) do nothing
            """, conn, tx);
        AddGrantParameters(cmd, person, grant);
        cmd.Parameters.Add(new() { Value = now });
        return await cmd.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static void AddGrantParameters(NpgsqlCommand cmd, PersonId person, RoleGrant grant)
    {
        cmd.Parameters.Add(new() { Value = person.Value });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = grant.Alliance?.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = grant.Role.ToKebab() });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = grant.Partner?.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
    }
}
