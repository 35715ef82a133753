using Governance.Domain.Meetings;
using Marten;
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

public sealed class PunctualityQueries(IDocumentStore store)
{
    /// <summary>Open deadlines due between <paramref name="now"/> and <paramref name="until"/>, soonest first.</summary>
    public async Task<IReadOnlyList<UpcomingDeadline>> UpcomingAsync(string tenant, Instant now, Instant until, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant);
        var (from, to) = (now.ToDateTimeOffset(), until.ToDateTimeOffset());
        // Both the agreed and the extended moment are candidates; the one in force decides, in memory.
        var docs = await session.Query<MeetingDeadlineDocument>()
            .Where(d => d.Open && ((d.ExtendedDueAt == null && d.AgreedDueAt >= from && d.AgreedDueAt < to)
                                   || (d.ExtendedDueAt != null && d.ExtendedDueAt >= from && d.ExtendedDueAt < to)))
            .ToListAsync(cancellationToken);
        return [.. docs
            .OrderBy(d => d.DueAt).ThenBy(d => d.MeetingId, StringComparer.Ordinal).ThenBy(d => d.Rule, StringComparer.Ordinal).ThenBy(d => d.Subject, StringComparer.Ordinal)
            .Select(d => new UpcomingDeadline(d.MeetingId, d.Rule, d.Subject, d.ResponsiblePartner, d.ResponsibleOffice,
                Instant.FromDateTimeOffset(d.MeetingStart), Instant.FromDateTimeOffset(d.DueAt),
                DeadlineStatuses.Kebab(MeetingDeadlines.StatusOf(Instant.FromDateTimeOffset(d.AgreedDueAt), Extended(d), null, now))))];
    }

    /// <summary>Deadlines of <paramref name="partner"/> due in [from, to), with open ones judged at <paramref name="now"/>.</summary>
    public async Task<PartnerPunctuality> ForPartnerAsync(string tenant, string partner, Instant from, Instant to, Instant now,
        CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant);
        var (start, end) = (from.ToDateTimeOffset(), to.ToDateTimeOffset());
        var docs = await session.Query<MeetingDeadlineDocument>()
            .Where(d => d.ResponsiblePartner == partner && d.AgreedDueAt >= start && d.AgreedDueAt < end)
            .ToListAsync(cancellationToken);
        var deadlines = docs
            .OrderBy(d => d.AgreedDueAt).ThenBy(d => d.MeetingId, StringComparer.Ordinal).ThenBy(d => d.Rule, StringComparer.Ordinal).ThenBy(d => d.Subject, StringComparer.Ordinal)
            .Select(d =>
            {
                var agreed = Instant.FromDateTimeOffset(d.AgreedDueAt);
                var done = d.DoneAt is { } x ? Instant.FromDateTimeOffset(x) : (Instant?)null;
                // An open deadline's status depends on the clock; a done or waived one never changes again.
                var status = d.Open ? DeadlineStatuses.Kebab(MeetingDeadlines.StatusOf(agreed, Extended(d), done, now)) : d.Status;
                return new PartnerDeadline(d.MeetingId, d.Rule, d.Subject, Instant.FromDateTimeOffset(d.MeetingStart),
                    Instant.FromDateTimeOffset(d.DueAt), done, status, d.AgreementsVersion);
            })
            .ToList();
        int Count(params string[] statuses) => deadlines.Count(d => statuses.Contains(d.Status));
        // "Met" counts a deadline done within an extension that was agreed in advance (R19) as met.
        var met = deadlines.Count(d => d.Status == "on-time" || (d.Status == "extended" && d.DoneAt is not null));
        var pending = deadlines.Count(d => d.Status == "pending" || (d.Status == "extended" && d.DoneAt is null));
        return new PartnerPunctuality(partner, from, to, met, Count("late"), Count("missing"), Count("waived"), pending, deadlines);
    }

    private static Instant? Extended(MeetingDeadlineDocument d) => d.ExtendedDueAt is { } e ? Instant.FromDateTimeOffset(e) : null;
}
