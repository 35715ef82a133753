using System.Text.Json;
using Governance.Domain.Meetings;
using Governance.EventStore;
using Governance.Projections.Daemon;
using Npgsql;
using NodaTime;

namespace Governance.Projections.Punctuality;

/// <summary>
/// Keeps <c>projections.meeting_deadlines</c>: for every meeting an event touches, the meeting is folded again (up to
/// that event) and its whole deadline list replaces the old rows. The list is the domain's own
/// (<see cref="MeetingDeadlines.Of"/>), so compliance and punctuality can never disagree.
/// </summary>
public sealed class MeetingDeadlineProjection(PostgresEventStore store, EventTypeRegistry registry) : IAsyncProjection
{
    public string Name => "meeting-deadlines";

    public async Task ResetAsync(NpgsqlTransaction transaction, string tenant, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("delete from projections.meeting_deadlines where tenant_id = $1", transaction.Connection, transaction);
        cmd.Parameters.Add(new() { Value = tenant });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ApplyAsync(NpgsqlTransaction transaction, string tenant, IReadOnlyList<ProjectedEvent> events, CancellationToken cancellationToken)
    {
        var upTo = events[^1].Envelope.TenantPosition;
        foreach (var meeting in events.Where(e => e.Event is MeetingEvent).Select(e => e.Envelope.StreamId).Distinct(StringComparer.Ordinal))
        {
            // Fold exactly up to this batch, so a rebuild and a live run write the same rows.
            var stream = await store.ReadStreamAsync(tenant, meeting, cancellationToken: cancellationToken);
            var state = Meeting.Decider.Fold(stream.Where(e => e.TenantPosition <= upTo).Select(e => (MeetingEvent)registry.Deserialize(e)));
            var list = MeetingDeadlines.Of(state, Instant.MinValue);   // "now" before everything: open deadlines read as pending
            var start = state is Meeting.State.Scheduled s ? s.StartsAt.ToInstant() : (Instant?)null;

            await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
            var delete = new NpgsqlBatchCommand("delete from projections.meeting_deadlines where tenant_id = $1 and meeting_id = $2");
            delete.Parameters.Add(new() { Value = tenant });
            delete.Parameters.Add(new() { Value = meeting });
            batch.BatchCommands.Add(delete);
            foreach (var d in start is null ? [] : list.Checks)
            {
                var open = d.DoneAt is null && d.Status != DeadlineStatus.Waived;
                var insert = new NpgsqlBatchCommand("""
                    insert into projections.meeting_deadlines (tenant_id, meeting_id, rule, subject, responsible_partner, responsible_office,
                        meeting_start, agreed_due_at, extended_due_at, done_at, status, open, agreements_version)
                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                    """);
                insert.Parameters.Add(new() { Value = tenant });
                insert.Parameters.Add(new() { Value = meeting });
                insert.Parameters.Add(new() { Value = d.Rule });
                insert.Parameters.Add(new() { Value = d.Subject.ToString() });
                insert.Parameters.Add(new() { Value = (object?)d.ResponsiblePartner?.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                insert.Parameters.Add(new() { Value = (object?)(d.ResponsibleOffice is { } o ? JsonNamingPolicy.KebabCaseLower.ConvertName(o.ToString()) : null) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                insert.Parameters.Add(new() { Value = start!.Value.ToDateTimeOffset() });
                insert.Parameters.Add(new() { Value = d.AgreedDueAt.ToDateTimeOffset() });
                insert.Parameters.Add(new() { Value = (object?)d.Extension?.NewDue.ToDateTimeOffset() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
                insert.Parameters.Add(new() { Value = (object?)d.DoneAt?.ToDateTimeOffset() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
                insert.Parameters.Add(new() { Value = DeadlineStatuses.Kebab(d.Status) });
                insert.Parameters.Add(new() { Value = open });
                insert.Parameters.Add(new() { Value = d.AgreementsVersion });
                batch.BatchCommands.Add(insert);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

public static class DeadlineStatuses
{
    public static string Kebab(DeadlineStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
}
