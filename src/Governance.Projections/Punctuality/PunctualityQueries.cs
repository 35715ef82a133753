using Governance.Domain.Meetings;
using Marten;
using NodaTime;

namespace Governance.Projections.Punctuality;

/// <summary>One deadline a partner was responsible for, with its status at the moment asked.</summary>
public sealed record PartnerDeadline(string Meeting, string Rule, string Subject, Instant MeetingStart, Instant DueAt,
    Instant? DoneAt, string Status, int AgreementsVersion, string? SubjectTitle = null);

/// <summary>A deadline with whoever had to meet it: a partner or an office.</summary>
public sealed record MeetingDeadlineRow(PartnerDeadline Deadline, string? Partner, string? Office);

/// <summary>A partner's punctuality over a period: the counts and the deadlines behind each (all of them, or one page).</summary>
/// <para><see cref="Extended"/> is how many of <see cref="Met"/> were done within an extension agreed in advance (R19).</para>
public sealed record PartnerPunctuality(string Partner, Instant From, Instant To, int Met, int Late, int Missed, int Waived,
    int Pending, IReadOnlyList<PartnerDeadline> Deadlines, int Extended = 0)
{
    public int Total => Met + Late + Missed + Waived + Pending;
}

/// <summary>How many of a partner's deadlines in a period were met, late, missed or waived, and how many are still to come.</summary>
/// <para><see cref="Extended"/> is how many of <see cref="Met"/> were done within an extension agreed in advance (R19).</para>
public sealed record PunctualityCounts(int Met, int Late, int Missed, int Waived, int Pending, int Extended = 0)
{
    public int Total => Met + Late + Missed + Waived + Pending;
}

/// <summary>A deadline still to come, with whoever must meet it (a partner, or an office such as the secretary).</summary>
public sealed record UpcomingDeadline(string Meeting, string Rule, string Subject, string? Partner, string? Office,
    Instant MeetingStart, Instant DueAt, string Status, string? SubjectTitle = null);

/// <summary>
/// Punctuality from the <see cref="MeetingDeadlineDocument"/>s: counts are counted in SQL and lists are read one page at a
/// time, so neither depends on how many meetings an alliance has held. An open deadline's status is judged at read time.
/// </summary>
public sealed class PunctualityQueries(IDocumentStore store)
{
    /// <summary>Open deadlines due between <paramref name="now"/> and <paramref name="until"/>, soonest first.</summary>
    public async Task<IReadOnlyList<UpcomingDeadline>> UpcomingAsync(string tenant, Instant now, Instant until, CancellationToken cancellationToken) =>
        (await UpcomingAsync(tenant, now, until, 0, int.MaxValue, cancellationToken)).Items;

    /// <summary>One page of the open deadlines due between <paramref name="now"/> and <paramref name="until"/>, soonest first, and how many in all.</summary>
    public async Task<(IReadOnlyList<UpcomingDeadline> Items, long Total)> UpcomingAsync(
        string tenant, Instant now, Instant until, int skip, int take, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant);
        var (from, to) = (now.ToDateTimeOffset(), until.ToDateTimeOffset());
        IQueryable<MeetingDeadlineDocument> Query() => session.Query<MeetingDeadlineDocument>()
            .Where(d => d.Open && d.DueAt >= from && d.DueAt < to)
            .OrderBy(d => d.DueAt).ThenBy(d => d.MeetingId).ThenBy(d => d.Rule).ThenBy(d => d.Subject);
        var (docs, total) = await PageOf(Query, skip, take, cancellationToken);
        return ([.. docs.Select(d => new UpcomingDeadline(d.MeetingId, d.Rule, d.Subject, d.ResponsiblePartner, d.ResponsibleOffice,
                Instant.FromDateTimeOffset(d.MeetingStart), Instant.FromDateTimeOffset(d.DueAt),
                DeadlineStatuses.Kebab(MeetingDeadlines.StatusOf(Instant.FromDateTimeOffset(d.AgreedDueAt), Extended(d), null, now)), d.SubjectTitle))],
            total);
    }

    /// <summary>Deadlines of <paramref name="partner"/> due in [from, to), all of them, with open ones judged at <paramref name="now"/>.</summary>
    public async Task<PartnerPunctuality> ForPartnerAsync(string tenant, string partner, Instant from, Instant to, Instant now,
        CancellationToken cancellationToken) =>
        (await ForPartnerAsync(tenant, partner, from, to, now, 0, int.MaxValue, cancellationToken)).Punctuality;

    /// <summary>
    /// The counts of <paramref name="partner"/>'s deadlines due in [from, to) and one page of them (by agreed due moment),
    /// with how many there are in all.
    /// </summary>
    public async Task<(PartnerPunctuality Punctuality, long Total)> ForPartnerAsync(string tenant, string partner, Instant from, Instant to,
        Instant now, int skip, int take, CancellationToken cancellationToken)
    {
        var counts = (await CountsAsync(tenant, [partner], from, to, now, cancellationToken))[partner];
        var (page, total) = await DeadlinesAsync(tenant, partner, from, to, now, skip, take, cancellationToken);
        return (new PartnerPunctuality(partner, from, to, counts.Met, counts.Late, counts.Missed, counts.Waived, counts.Pending, page, counts.Extended), total);
    }

    /// <summary>One page of <paramref name="partner"/>'s deadlines due in [from, to), by agreed due moment, and how many in all.</summary>
    public async Task<(IReadOnlyList<PartnerDeadline> Items, long Total)> DeadlinesAsync(string tenant, string partner, Instant from, Instant to,
        Instant now, int skip, int take, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant);
        var (start, end) = (from.ToDateTimeOffset(), to.ToDateTimeOffset());
        IQueryable<MeetingDeadlineDocument> Query() => session.Query<MeetingDeadlineDocument>()
            .Where(d => d.ResponsiblePartner == partner && d.AgreedDueAt >= start && d.AgreedDueAt < end)
            .OrderBy(d => d.AgreedDueAt).ThenBy(d => d.MeetingId).ThenBy(d => d.Rule).ThenBy(d => d.Subject);
        var (docs, total) = await PageOf(Query, skip, take, cancellationToken);
        return ([.. docs.Select(d => Deadline(d, now))], total);
    }

    /// <summary>
    /// Per partner, the counts over the deadlines due in [from, to) (<see cref="CountsAsync"/>) and the first
    /// <paramref name="take"/> of them by agreed due moment, all in one round trip: the core group's overview.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, PartnerPunctuality>> OverviewAsync(string tenant, IReadOnlyCollection<string> partners,
        Instant from, Instant to, Instant now, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var result = new Dictionary<string, PartnerPunctuality>(StringComparer.Ordinal);
        if (partners.Count == 0) return result;
        await using var session = store.QuerySession(tenant);
        var (start, end, at) = (from.ToDateTimeOffset(), to.ToDateTimeOffset(), now.ToDateTimeOffset());
        var batch = session.CreateBatchQuery();
        var pending = new List<(string Partner, Task<long>[] Counts, Task<IReadOnlyList<MeetingDeadlineDocument>> First)>();
        foreach (var partner in partners.Distinct(StringComparer.Ordinal))
        {
            var counts = AddCounts(batch, partner, start, end, at);
            var first = batch.Query<MeetingDeadlineDocument>()
                .Where(d => d.ResponsiblePartner == partner && d.AgreedDueAt >= start && d.AgreedDueAt < end)
                .OrderBy(d => d.AgreedDueAt).ThenBy(d => d.MeetingId).ThenBy(d => d.Rule).ThenBy(d => d.Subject)
                .Take(take).ToList();
            pending.Add((partner, counts, first));
        }
        await batch.Execute(cancellationToken);
        foreach (var (partner, counts, first) in pending)
        {
            var c = await CountsOf(counts);
            result[partner] = new PartnerPunctuality(partner, from, to, c.Met, c.Late, c.Missed, c.Waived, c.Pending,
                [.. (await first).Select(d => Deadline(d, now))], c.Extended);
        }
        return result;
    }

    /// <summary>
    /// Per partner, the counts over the deadlines due in [from, to), in one round trip. "Met" counts a deadline done within an
    /// extension agreed in advance (R19); an open deadline is missed once its due moment in force has passed at
    /// <paramref name="now"/>, and pending until then. Every deadline is in exactly one count.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, PunctualityCounts>> CountsAsync(string tenant, IReadOnlyCollection<string> partners,
        Instant from, Instant to, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partners);
        var result = new Dictionary<string, PunctualityCounts>(StringComparer.Ordinal);
        if (partners.Count == 0) return result;
        await using var session = store.QuerySession(tenant);
        var (start, end, at) = (from.ToDateTimeOffset(), to.ToDateTimeOffset(), now.ToDateTimeOffset());
        var batch = session.CreateBatchQuery();
        var pending = partners.Distinct(StringComparer.Ordinal).Select(p => (Partner: p, Counts: AddCounts(batch, p, start, end, at))).ToList();
        await batch.Execute(cancellationToken);
        foreach (var (partner, counts) in pending) result[partner] = await CountsOf(counts);
        return result;
    }

    /// <summary>
    /// The counts over an office's deadlines due in [from, to) (the secretary's agenda, R1), judged as
    /// <see cref="CountsAsync"/> judges a partner's: the project leader's punctuality counts too.
    /// </summary>
    public async Task<PunctualityCounts> OfficeCountsAsync(string tenant, string office, Instant from, Instant to, Instant now,
        CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant);
        var (start, end, at) = (from.ToDateTimeOffset(), to.ToDateTimeOffset(), now.ToDateTimeOffset());
        var batch = session.CreateBatchQuery();
        var counts = AddCounts(batch.Query<MeetingDeadlineDocument>().Where(d => d.ResponsibleOffice == office && d.AgreedDueAt >= start && d.AgreedDueAt < end), at);
        await batch.Execute(cancellationToken);
        return await CountsOf(counts);
    }

    /// <summary>Every deadline of one meeting (its stream id, <c>meeting-…</c>), by due moment, with who must meet it.</summary>
    public async Task<IReadOnlyList<MeetingDeadlineRow>> ForMeetingAsync(string tenant, string meeting, Instant now, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant);
        var docs = await session.Query<MeetingDeadlineDocument>().Where(d => d.MeetingId == meeting)
            .OrderBy(d => d.DueAt).ThenBy(d => d.Rule).ThenBy(d => d.Subject).ToListAsync(cancellationToken);
        return [.. docs.Select(d => new MeetingDeadlineRow(Deadline(d, now), d.ResponsiblePartner, d.ResponsibleOffice))];
    }

    /// <summary>
    /// The open deadlines of <paramref name="partner"/> due before <paramref name="until"/>, those already passed included, by due
    /// moment: what a partner must still do. At most <paramref name="take"/>.
    /// </summary>
    public async Task<IReadOnlyList<PartnerDeadline>> OpenForPartnerAsync(string tenant, string partner, Instant until, Instant now, int take,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var session = store.QuerySession(tenant);
        var end = until.ToDateTimeOffset();
        var docs = await session.Query<MeetingDeadlineDocument>().Where(d => d.Open && d.ResponsiblePartner == partner && d.DueAt < end)
            .OrderBy(d => d.DueAt).ThenBy(d => d.MeetingId).ThenBy(d => d.Rule).ThenBy(d => d.Subject).Take(take).ToListAsync(cancellationToken);
        return [.. docs.Select(d => Deadline(d, now))];
    }

    private static Task<long>[] AddCounts(Marten.Services.BatchQuerying.IBatchedQuery batch, string partner, DateTimeOffset start, DateTimeOffset end, DateTimeOffset at) =>
        AddCounts(batch.Query<MeetingDeadlineDocument>().Where(d => d.ResponsiblePartner == partner && d.AgreedDueAt >= start && d.AgreedDueAt < end), at);

    private static Task<long>[] AddCounts(Marten.Services.BatchQuerying.IBatchedQueryable<MeetingDeadlineDocument> mine, DateTimeOffset at) =>
    [
        mine.Count(d => !d.Open && (d.Status == "on-time" || d.Status == "extended")),
        mine.Count(d => !d.Open && d.Status == "late"),
        mine.Count(d => d.Open && d.DueAt < at),
        mine.Count(d => !d.Open && d.Status == "waived"),
        mine.Count(d => d.Open && d.DueAt >= at),
        // Of the first count, those done within an extension (R19): the overview shows them in a column of their own.
        mine.Count(d => !d.Open && d.Status == "extended"),
    ];

    private static async Task<PunctualityCounts> CountsOf(Task<long>[] counts)
    {
        var c = await Task.WhenAll(counts);
        return new PunctualityCounts((int)c[0], (int)c[1], (int)c[2], (int)c[3], (int)c[4], (int)c[5]);
    }

    /// <summary>
    /// One page of every deadline of <paramref name="tenant"/> (partners' and offices'), by meeting start and due moment,
    /// with who was responsible: the open data's deadline compliance per meeting.
    /// </summary>
    public async Task<(IReadOnlyList<MeetingDeadlineRow> Items, long Total)> AllDeadlinesAsync(string tenant, Instant now, int skip, int take,
        CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant);
        IQueryable<MeetingDeadlineDocument> Query() => session.Query<MeetingDeadlineDocument>()
            .OrderBy(d => d.MeetingStart).ThenBy(d => d.MeetingId).ThenBy(d => d.AgreedDueAt).ThenBy(d => d.Rule).ThenBy(d => d.Subject);
        var (docs, total) = await PageOf(Query, skip, take, cancellationToken);
        return ([.. docs.Select(d => new MeetingDeadlineRow(Deadline(d, now), d.ResponsiblePartner, d.ResponsibleOffice))], total);
    }

    private static PartnerDeadline Deadline(MeetingDeadlineDocument d, Instant now)
    {
        var agreed = Instant.FromDateTimeOffset(d.AgreedDueAt);
        var done = d.DoneAt is { } x ? Instant.FromDateTimeOffset(x) : (Instant?)null;
        // An open deadline's status depends on the clock; a done or waived one never changes again.
        var status = d.Open ? DeadlineStatuses.Kebab(MeetingDeadlines.StatusOf(agreed, Extended(d), done, now)) : d.Status;
        return new PartnerDeadline(d.MeetingId, d.Rule, d.Subject, Instant.FromDateTimeOffset(d.MeetingStart),
            Instant.FromDateTimeOffset(d.DueAt), done, status, d.AgreementsVersion, d.SubjectTitle);
    }

    private static async Task<(IReadOnlyList<MeetingDeadlineDocument> Items, long Total)> PageOf(
        Func<IQueryable<MeetingDeadlineDocument>> query, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var paged = query().Stats(out var stats).Skip(skip);
        var docs = await (take == int.MaxValue ? paged : paged.Take(take)).ToListAsync(cancellationToken);
        // Past the last page the statistics have no row to ride on.
        var total = docs.Count > 0 ? stats.TotalResults : await query().LongCountAsync(cancellationToken);
        return (docs, total);
    }

    private static Instant? Extended(MeetingDeadlineDocument d) => d.ExtendedDueAt is { } e ? Instant.FromDateTimeOffset(e) : null;
}
