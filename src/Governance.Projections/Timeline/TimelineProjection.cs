using Governance.Domain.Alliances;
using Governance.Projections.Daemon;
using Npgsql;
using NodaTime;

namespace Governance.Projections.Timeline;

/// <summary>
/// Every event of an alliance as one plain-Dutch sentence, for the timeline the core group shows others.
/// People appear as <c>{p-…}</c> placeholders, filled in with names on read (names are erasable; the timeline is not).
/// </summary>
public sealed class TimelineProjection : IAsyncProjection
{
    public string Name => "timeline";

    public async Task ResetAsync(NpgsqlTransaction transaction, string tenant, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("delete from projections.timeline where tenant_id = $1", transaction.Connection, transaction);
        cmd.Parameters.Add(new() { Value = tenant });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ApplyAsync(NpgsqlTransaction transaction, string tenant, IReadOnlyList<ProjectedEvent> events, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(transaction.Connection, transaction);
        foreach (var (envelope, e) in events)
        {
            var (sentence, link) = Describe(tenant, e);
            var cmd = new NpgsqlBatchCommand("""
                insert into projections.timeline
                    (tenant_id, tenant_position, stream_id, event_type, recorded_at, occurred_at, actor_id, actor_role, sentence, link)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                """);
            cmd.Parameters.Add(new() { Value = tenant });
            cmd.Parameters.Add(new() { Value = envelope.TenantPosition });
            cmd.Parameters.Add(new() { Value = envelope.StreamId });
            cmd.Parameters.Add(new() { Value = envelope.Type });
            cmd.Parameters.Add(new() { Value = envelope.RecordedAt });
            cmd.Parameters.Add(new() { Value = (object?)envelope.OccurredAt ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            cmd.Parameters.Add(new() { Value = (object?)envelope.Metadata.ActorId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new() { Value = (object?)envelope.Metadata.Role ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new() { Value = sentence });
            cmd.Parameters.Add(new() { Value = (object?)link ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            batch.BatchCommands.Add(cmd);
        }
        await using (batch) await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The Dutch sentence (B1) for one event, and where to read more.</summary>
    public static (string Sentence, string? Link) Describe(string tenant, object e)
    {
        var alliance = $"/allianties/{tenant}";
        return e switch
        {
            AllianceFounded f => ($"De wijkalliantie {f.Name} is opgericht.", alliance),
            WorkingAgreementsAdopted a => ($"De werkafspraken (versie {a.Agreements.Version}) gelden vanaf nu.", $"{alliance}/werkafspraken"),
            WorkingAgreementsAmended a => ($"De werkafspraken zijn gewijzigd (nu versie {a.Agreements.Version}). Besluit: {a.DecisionReference}.", $"{alliance}/werkafspraken"),
            PartnerAdmitted p => ($"{p.Name} doet mee als partner.", alliance),
            PartnerLeft p => ($"Partner {p.Partner} doet niet meer mee. Reden: {p.Reason}", alliance),
            RepresentativeAppointed r => ($"{{{r.Person}}} vertegenwoordigt nu {r.Partner}{(r.HasMandate ? ", met mandaat" : ", zonder mandaat")}.", alliance),
            RepresentativeMandateChanged r => ($"{{{r.Person}}} heeft nu {(r.HasMandate ? "wel" : "geen")} mandaat voor {r.Partner}.", alliance),
            RepresentativeWithdrawn r => ($"{{{r.Person}}} vertegenwoordigt {r.Partner} niet meer.", alliance),
            OfficerAppointed o => ($"{{{o.Person}}} is nu {Office(o.Office)}. Zij of hij heeft geen direct belang in de wijk.", alliance),
            OfficeVacated o => ($"{{{o.Person}}} is geen {Office(o.Office)} meer. Reden: {o.Reason}", alliance),
            EscalationContactAssigned c => ($"{{{c.Person}}} is escalatiecontact namens het Nationaal Programma Samen Nieuw-West.", alliance),
            EscalationContactUnassigned c => ($"{{{c.Person}}} is geen escalatiecontact meer.", alliance),
            InterestDeclared d => ($"{{{d.Person}}} meldt een {Interest(d.Kind)}: {d.Description}", $"{alliance}/belangen"),
            InterestDeclarationEnded d => ($"Een gemeld belang van {{{d.Person}}} is beëindigd.", $"{alliance}/belangen"),
            _ => ($"Er is iets vastgelegd ({e.GetType().Name}).", null),
        };
    }

    private static string Office(Office office) => office switch
    {
        Governance.Domain.Alliances.Office.Chair => "dagvoorzitter",
        Governance.Domain.Alliances.Office.Secretary => "projectleider (secretaris)",
        _ => "vertrouwenspersoon",
    };

    private static string Interest(InterestKind kind) => kind switch
    {
        InterestKind.SideActivity => "nevenactiviteit",
        InterestKind.SubsidyFlow => "subsidiestroom",
        _ => "belang",
    };
}

/// <summary>One timeline line as read back; <see cref="Sentence"/> still holds <c>{p-…}</c> placeholders.</summary>
public sealed record TimelineEntry(long Position, string StreamId, string EventType, Instant RecordedAt, Instant? OccurredAt,
    string? ActorId, string? ActorRole, string Sentence, string? Link);

public sealed class TimelineQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(string tenant, Instant? from, Instant? to, string? stream, int limit,
        CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("""
            select tenant_position, stream_id, event_type, recorded_at, occurred_at, actor_id, actor_role, sentence, link
              from projections.timeline
             where tenant_id = $1 and ($2::timestamptz is null or recorded_at >= $2) and ($3::timestamptz is null or recorded_at < $3)
               and ($4::text is null or stream_id = $4)
             order by tenant_position desc
             limit $5
            """);
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = (object?)from?.ToDateTimeOffset() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = (object?)to?.ToDateTimeOffset() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = (object?)stream ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = limit });
        var entries = new List<TimelineEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new TimelineEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(3)),
                reader.IsDBNull(4) ? null : Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }
        return entries;
    }
}
