using Governance.Domain;
using Npgsql;

namespace Governance.Api.Alliances;

/// <summary>
/// Who may be seated for a partner: people whose enabled account holds the representative role in the alliance.
/// Seating is an event in the alliance stream; the role grant (given with `governance accounts grant`) says who
/// the admin can choose from, so the form offers names instead of asking for pseudonymous ids.
/// </summary>
public static class RepresentativeAccounts
{
    public sealed record Grant(PersonId Person, PartnerId Partner);

    public static async Task<IReadOnlyList<Grant>> InAsync(NpgsqlDataSource dataSource, AllianceId alliance, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("""
            select g.person_id, g.partner_id
            from app.role_grants g join app.accounts a on a.person_id = g.person_id
            where g.alliance_id = $1 and g.role = 'representative' and a.disabled_at is null
            order by g.person_id, g.partner_id
            """);
        cmd.Parameters.Add(new() { Value = alliance.Value });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var grants = new List<Grant>();
        while (await reader.ReadAsync(cancellationToken))
            grants.Add(new Grant(PersonId.Parse(reader.GetString(0)), PartnerId.Parse(reader.GetString(1))));
        return grants;
    }
}
