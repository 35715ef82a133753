using Governance.Domain;
using Npgsql;

namespace Governance.Api.Alliances;

/// <summary>
/// Display names for pseudonymous person ids, from the erasable <c>app.people</c> table. Events never hold names;
/// an erased person shows as "(verwijderd)".
/// </summary>
public sealed class PeopleDirectory(NpgsqlDataSource dataSource)
{
    public const string Erased = "(verwijderd)";

    public async Task<IReadOnlyDictionary<PersonId, string>> NamesAsync(IEnumerable<PersonId> people, CancellationToken cancellationToken)
    {
        var ids = people.Select(p => p.Value).Distinct().ToArray();
        var names = new Dictionary<PersonId, string>();
        if (ids.Length == 0) return names;
        await using var cmd = dataSource.CreateCommand(
            "select person_id, coalesce(display_name, '') , erased_at is not null from app.people where person_id = any($1)");
        cmd.Parameters.Add(new() { Value = ids });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            names[PersonId.Parse(reader.GetString(0))] = reader.GetBoolean(2) ? Erased : reader.GetString(1);
        return names;
    }
}
