using Governance.Domain.Meetings;
using Npgsql;
using NodaTime;

namespace Governance.Projections.Punctuality;

/// <summary>One deadline a partner was responsible for, with its status at the moment asked.</summary>
public sealed record PartnerDeadline(string Meeting, string Rule, string Subject, Instant MeetingStart, Instant DueAt,
    Instant? DoneAt, string Status, int AgreementsVersion);

/// <summary>A partner's punctuality over a period: the counts and the deadlines behind each.</summary>
public sealed record PartnerPunctuality(string Partner, Instant From, Instant To, int Met, int Late, int Missed, int Waived,
    int Pending, IReadOnlyList<PartnerDeadline> Deadlines);

/// <summary>A deadline still to come, with whoever must meet it (a partner, or an office such as the secretary).</summary>
public sealed record UpcomingDeadline(string Meeting, string Rule, string Subject, string? Partner, string? Office,
    Instant MeetingStart, Instant DueAt, string Status);

public sealed class PunctualityQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Open deadlines due between <paramref name="now"/> and <paramref name="until"/>, soonest first.</summary>
    public async Task<IReadOnlyList<UpcomingDeadline>> UpcomingAsync(string tenant, Instant now, Instant until, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("""
            select meeting_id, rule, subject, responsible_partner, responsible_office, meeting_start, agreed_due_at, extended_due_at
              from projections.meeting_deadlines
             where tenant_id = $1 and open and coalesce(extended_due_at, agreed_due_at) >= $2 and coalesce(extended_due_at, agreed_due_at) < $3
             order by coalesce(extended_due_at, agreed_due_at), meeting_id, rule, subject
            """);
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = now.ToDateTimeOffset() });
        cmd.Parameters.Add(new() { Value = until.ToDateTimeOffset() });
        var upcoming = new List<UpcomingDeadline>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var agreed = Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(6));
            Instant? extended = reader.IsDBNull(7) ? null : Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(7));
            upcoming.Add(new UpcomingDeadline(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(5)), extended ?? agreed,
                DeadlineStatuses.Kebab(MeetingDeadlines.StatusOf(agreed, extended, null, now))));
        }
        return upcoming;
    }

    /// <summary>Deadlines of <paramref name="partner"/> due in [from, to), with open ones judged at <paramref name="now"/>.</summary>
    public async Task<PartnerPunctuality> ForPartnerAsync(string tenant, string partner, Instant from, Instant to, Instant now,
        CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("""
            select meeting_id, rule, subject, meeting_start, agreed_due_at, extended_due_at, done_at, status, open, agreements_version
              from projections.meeting_deadlines
             where tenant_id = $1 and responsible_partner = $2 and agreed_due_at >= $3 and agreed_due_at < $4
             order by agreed_due_at, meeting_id, rule, subject
            """);
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = partner });
        cmd.Parameters.Add(new() { Value = from.ToDateTimeOffset() });
        cmd.Parameters.Add(new() { Value = to.ToDateTimeOffset() });
        var deadlines = new List<PartnerDeadline>();
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var agreed = Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(4));
                Instant? extended = reader.IsDBNull(5) ? null : Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(5));
                Instant? done = reader.IsDBNull(6) ? null : Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(6));
                // An open deadline's status depends on the clock; a done or waived one never changes again.
                var status = reader.GetBoolean(8) ? DeadlineStatuses.Kebab(MeetingDeadlines.StatusOf(agreed, extended, done, now)) : reader.GetString(7);
                deadlines.Add(new PartnerDeadline(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(3)), extended ?? agreed, done, status, reader.GetInt32(9)));
            }
        }
        int Count(params string[] statuses) => deadlines.Count(d => statuses.Contains(d.Status));
        // "Met" counts a deadline done within an extension that was agreed in advance (R19) as met.
        var met = deadlines.Count(d => d.Status == "on-time" || (d.Status == "extended" && d.DoneAt is not null));
        var pending = deadlines.Count(d => d.Status == "pending" || (d.Status == "extended" && d.DoneAt is null));
        return new PartnerPunctuality(partner, from, to, met, Count("late"), Count("missing"), Count("waived"), pending, deadlines);
    }
}
