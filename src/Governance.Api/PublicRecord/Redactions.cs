using System.Text.RegularExpressions;
using Npgsql;

namespace Governance.Api.PublicRecord;

/// <summary>Why an event's data is left out of the public record: a Woo ground and a reason in Dutch.</summary>
public sealed partial record Redaction(string Ground, string Reason)
{
    /// <summary>Woo article 5.1–5.7, lid and (optionally) sub: <c>5.1.2.e</c> is personal privacy.</summary>
    public static bool IsGround(string? ground) => ground is not null && Pattern().IsMatch(ground);

    [GeneratedRegex(@"^5\.[1-7]\.[1-9](\.[a-i])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>
/// Which events the public record withholds: those an admin redacted (<c>app.redactions</c>, on request, e.g. free text that
/// names a resident: Woo 5.1.2.e), and by default every event of a dispute, which only the alliance and its escalation
/// contact may read (Woo 5.1.2.i, the proper functioning of the bodies involved, while it runs).
/// </summary>
public sealed class Redactions(NpgsqlDataSource dataSource)
{
    public static readonly Redaction Dispute = new("5.1.2.i",
        "Geschil tussen partners. Alleen de alliantie en het escalatiecontact mogen dit lezen.");

    /// <summary>The default for an event type that is not public at all, or null.</summary>
    public static Redaction? ByDefault(string type) => type.StartsWith("escalation.", StringComparison.Ordinal) ? Dispute : null;

    public async Task<IReadOnlyDictionary<Guid, Redaction>> ForAsync(string alliance, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("select event_id, ground, reason from app.redactions where tenant_id = $1");
        cmd.Parameters.Add(new() { Value = alliance });
        var found = new Dictionary<Guid, Redaction>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found[reader.GetGuid(0)] = new Redaction(reader.GetString(1), reader.GetString(2));
        return found;
    }

    /// <summary>Records (or replaces) the redaction of one event's data.</summary>
    public async Task AddAsync(string alliance, Guid eventId, Redaction redaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("""
            insert into app.redactions (tenant_id, event_id, ground, reason, decided_at) values ($1, $2, $3, $4, $5)
            on conflict (tenant_id, event_id) do update set ground = excluded.ground, reason = excluded.reason, decided_at = excluded.decided_at
            """);
        cmd.Parameters.Add(new() { Value = alliance });
        cmd.Parameters.Add(new() { Value = eventId });
        cmd.Parameters.Add(new() { Value = redaction.Ground });
        cmd.Parameters.Add(new() { Value = redaction.Reason });
        cmd.Parameters.Add(new() { Value = now });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
