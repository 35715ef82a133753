using Governance.Domain;
using Npgsql;

namespace Governance.Api.Mail;

/// <summary>A person's address as mail needs it; null for an erased person or one without an address.</summary>
public sealed record MailRecipient(PersonId Person, string? Name, string Address);

/// <summary>
/// What each person wants by e-mail (<c>app.mail_preferences</c>, personal data: erased with the person), and their
/// address, read from <c>app.people</c> at the moment a mail is sent, so an erased person gets nothing.
/// </summary>
public sealed class MailPreferences(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<MailRecipient?> RecipientAsync(PersonId person, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(
            "select display_name, email from app.people where person_id = $1 and erased_at is null and email is not null and email <> ''");
        cmd.Parameters.Add(new() { Value = person.Value });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new MailRecipient(person, reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1));
    }

    /// <summary>Every kind with the person's choice (the kind's default where they made none).</summary>
    public async Task<IReadOnlyDictionary<MailKind, MailDelivery>> AllAsync(PersonId person, CancellationToken cancellationToken)
    {
        var chosen = new Dictionary<string, MailDelivery>(StringComparer.Ordinal);
        await using (var cmd = dataSource.CreateCommand("select kind, delivery from app.mail_preferences where person_id = $1"))
        {
            cmd.Parameters.Add(new() { Value = person.Value });
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) chosen[reader.GetString(0)] = MailKinds.Parse(reader.GetString(1));
        }
        var coreGroup = !chosen.ContainsKey(MailKinds.WeeklyDigest.Id) && await IsCoreGroupAsync(person, cancellationToken);
        return MailKinds.All.ToDictionary(k => k, k => chosen.TryGetValue(k.Id, out var d) ? d : DefaultFor(k, coreGroup));
    }

    /// <summary>Issue 14 §3: the weekly digest is for the core group unless they switch it off; for others it is off unless they choose it.</summary>
    private static MailDelivery DefaultFor(MailKind kind, bool coreGroup) =>
        kind == MailKinds.WeeklyDigest && coreGroup ? MailDelivery.Immediate : kind.Default;

    private async Task<bool> IsCoreGroupAsync(PersonId person, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("select exists (select 1 from app.role_grants where person_id = $1 and role = 'core-group')");
        cmd.Parameters.Add(new() { Value = person.Value });
        return await cmd.ExecuteScalarAsync(cancellationToken) is true;
    }

    public async Task<MailDelivery> DeliveryAsync(PersonId person, MailKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        await using var cmd = dataSource.CreateCommand("select delivery from app.mail_preferences where person_id = $1 and kind = $2");
        cmd.Parameters.Add(new() { Value = person.Value });
        cmd.Parameters.Add(new() { Value = kind.Id });
        if (await cmd.ExecuteScalarAsync(cancellationToken) is string stored) return MailKinds.Parse(stored);
        return DefaultFor(kind, kind == MailKinds.WeeklyDigest && await IsCoreGroupAsync(person, cancellationToken));
    }

    /// <summary>Stores a choice; false for an unknown or erased person (nothing is stored for them).</summary>
    public async Task<bool> SetAsync(PersonId person, MailKind kind, MailDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        await using var cmd = dataSource.CreateCommand("""
            insert into app.mail_preferences (person_id, kind, delivery, updated_at)
            select person_id, $2, $3, $4 from app.people where person_id = $1 and erased_at is null
            on conflict (person_id, kind) do update set delivery = excluded.delivery, updated_at = excluded.updated_at
            """);
        cmd.Parameters.Add(new() { Value = person.Value });
        cmd.Parameters.Add(new() { Value = kind.Id });
        cmd.Parameters.Add(new() { Value = MailKinds.Store(delivery) });
        cmd.Parameters.Add(new() { Value = clock.GetUtcNow() });
        return await cmd.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>A mail chosen for the weekly digest waits here (subject and link only).</summary>
    public async Task KeepForDigestAsync(PersonId person, MailKind kind, MailText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(text);
        await using var cmd = dataSource.CreateCommand("""
            insert into app.mail_digest_items (person_id, kind, subject, link, queued_at)
            select person_id, $2, $3, $4, $5 from app.people where person_id = $1 and erased_at is null
            """);
        cmd.Parameters.Add(new() { Value = person.Value });
        cmd.Parameters.Add(new() { Value = kind.Id });
        cmd.Parameters.Add(new() { Value = text.Subject });
        cmd.Parameters.Add(new() { Value = text.Link });
        cmd.Parameters.Add(new() { Value = clock.GetUtcNow() });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
