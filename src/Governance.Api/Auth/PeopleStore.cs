using System.Security.Cryptography;
using Governance.Domain;
using Npgsql;

namespace Governance.Api.Auth;

/// <summary>A person's personal data. After erasure only the id and the two timestamps remain.</summary>
public sealed record Person(PersonId Id, string? DisplayName, string? Email, string? Phone, DateTimeOffset CreatedAt, DateTimeOffset? ErasedAt)
{
    public bool IsErased => ErasedAt is not null;
}

/// <summary>
/// The erasable <c>app.people</c> table: the only place where a PersonId meets a name, an e-mail address or a
/// phone number. Events never hold these, so erasure here leaves every ledger chain intact.
/// </summary>
public sealed class PeopleStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>A person without an account (a representative who never signs in, for example).</summary>
    public async Task<PersonId> AddAsync(string displayName, string? email = null, string? phone = null, CancellationToken cancellationToken = default)
    {
        var name = displayName.Trim();
        if (name.Length is 0 or > AccountService.MaxNameLength)
            throw new AccountException("person.name-invalid", $"A name has 1 to {AccountService.MaxNameLength} characters.");
        for (var attempt = 0; ; attempt++)
        {
            var person = PersonId.FromBytes(RandomNumberGenerator.GetBytes(PersonId.RandomBytes));
            await using var cmd = dataSource.CreateCommand("""
                insert into app.people (person_id, display_name, email, phone, created_at) values ($1, $2, $3, $4, $5)
                on conflict (person_id) do nothing
                """);
            cmd.Parameters.Add(new() { Value = person.Value });
            cmd.Parameters.Add(new() { Value = name });
            cmd.Parameters.Add(new() { Value = (object?)email?.Trim() ?? DBNull.Value });
            cmd.Parameters.Add(new() { Value = (object?)phone?.Trim() ?? DBNull.Value });
            cmd.Parameters.Add(new() { Value = clock.GetUtcNow() });
            if (await cmd.ExecuteNonQueryAsync(cancellationToken) == 1) return person;
            if (attempt == 5) throw new InvalidOperationException("Could not draw an unused person id.");
        }
    }

    public async Task<Person?> GetAsync(PersonId person, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "select display_name, email, phone, created_at, erased_at from app.people where person_id = $1");
        cmd.Parameters.Add(new() { Value = person.Value });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new Person(person,
            reader.IsDBNull(0) ? null : reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
    }

    /// <summary>Changes the name a person is shown by; false when the person is unknown or erased.</summary>
    public async Task<bool> SetDisplayNameAsync(PersonId person, string displayName, CancellationToken cancellationToken = default)
    {
        var name = displayName.Trim();
        if (name.Length is 0 or > AccountService.MaxNameLength)
            throw new AccountException("person.name-invalid", $"A name has 1 to {AccountService.MaxNameLength} characters.");
        await using var cmd = dataSource.CreateCommand(
            "update app.people set display_name = $2 where person_id = $1 and erased_at is null");
        cmd.Parameters.Add(new() { Value = person.Value });
        cmd.Parameters.Add(new() { Value = name });
        return await cmd.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Erases a person (AVG/GDPR article 17): name, e-mail and phone are nulled, the account is disabled (its
    /// e-mail and password hash cleared), every API token revoked, every role grant and mail choice removed. The PersonId stays,
    /// so events that name it still verify; pages show it as erased. False when the person is unknown or already erased.
    /// </summary>
    public async Task<bool> EraseAsync(PersonId person, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        await using (var cmd = new NpgsqlCommand("""
            update app.people set display_name = null, email = null, phone = null, erased_at = $2
            where person_id = $1 and erased_at is null
            """, conn, tx))
        {
            cmd.Parameters.Add(new() { Value = person.Value });
            cmd.Parameters.Add(new() { Value = now });
            if (await cmd.ExecuteNonQueryAsync(cancellationToken) == 0) return false;
        }
        var batch = new NpgsqlBatch(conn, tx)
        {
            BatchCommands =
            {
                new("""
                    update app.accounts set email_normalized = null, password_hash = null, failed_attempts = 0,
                        last_failed_at = null, locked_until = null, disabled_at = coalesce(disabled_at, $2),
                        security_stamp = gen_random_uuid()
                    where person_id = $1
                    """) { Parameters = { new() { Value = person.Value }, new() { Value = now } } },
                new("update app.api_tokens set revoked_at = $2 where person_id = $1 and revoked_at is null")
                    { Parameters = { new() { Value = person.Value }, new() { Value = now } } },
                new("delete from app.role_grants where person_id = $1") { Parameters = { new() { Value = person.Value } } },
                // Issue 14: their mail choices are personal data too; with the address gone no mail reaches them anyway.
                new("delete from app.mail_preferences where person_id = $1") { Parameters = { new() { Value = person.Value } } },
                new("delete from app.mail_digest_items where person_id = $1") { Parameters = { new() { Value = person.Value } } },
            },
        };
        await using (batch)
            await batch.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }
}
