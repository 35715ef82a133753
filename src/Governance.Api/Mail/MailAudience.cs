using Governance.Domain;
using Npgsql;

namespace Governance.Api.Mail;

/// <summary>Who a reminder or notice goes to, by role in the alliance (<c>app.role_grants</c>): ids only, addresses are read at send time.</summary>
public sealed class MailAudience(NpgsqlDataSource dataSource)
{
    /// <summary>The people who may act for <paramref name="partner"/> in the alliance (every partner's when null).</summary>
    public Task<IReadOnlyList<PersonId>> RepresentativesAsync(string alliance, PartnerId? partner, CancellationToken ct) =>
        WithRoleAsync(alliance, "representative", partner, ct);

    /// <summary>The core group of the residents' collective: they follow whether agreements and promises are kept.</summary>
    public Task<IReadOnlyList<PersonId>> CoreGroupAsync(string alliance, CancellationToken ct) => WithRoleAsync(alliance, "core-group", null, ct);

    private async Task<IReadOnlyList<PersonId>> WithRoleAsync(string alliance, string role, PartnerId? partner, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            select distinct person_id from app.role_grants
            where alliance_id = $1 and role = $2 and ($3::text is null or partner_id = $3)
            order by person_id
            """);
        cmd.Parameters.Add(new() { Value = alliance });
        cmd.Parameters.Add(new() { Value = role });
        cmd.Parameters.Add(new() { Value = (object?)partner?.Value ?? DBNull.Value });
        var people = new List<PersonId>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) people.Add(PersonId.Parse(reader.GetString(0)));
        return people;
    }
}
