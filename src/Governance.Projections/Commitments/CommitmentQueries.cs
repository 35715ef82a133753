using System.Linq.Expressions;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.EventStore;
using Marten;
using NodaTime;
using NodaTime.Text;

namespace Governance.Projections.Commitments;

/// <summary>A promise as its stream folds with <see cref="Commitment.Decider"/>, with its whole history.</summary>
public sealed record CommitmentView(CommitmentId Id, Commitment.State.Made State, long StreamVersion, IReadOnlyList<LedgerEntry> History)
{
    /// <summary>The progress notes, in order.</summary>
    public IEnumerable<CommitmentProgressReported> Progress => History.Select(h => h.Event).OfType<CommitmentProgressReported>();
}

/// <summary>A partner's promises at a moment (R10): how many per status, the keep rate and the median days late.</summary>
public sealed record PromiseRecord(PartnerId Partner, IReadOnlyDictionary<CommitmentStatus, int> Counts, KeepRate KeepRate, double? MedianDaysLate)
{
    /// <summary>How many promises the partner had made by then.</summary>
    public int Total => Counts.Values.Sum();
}

/// <summary>Which promises a list shows: one partner's, with one status at the moment asked, due by a day, due from a day (all optional).</summary>
public sealed record CommitmentFilter(PartnerId? Owner = null, CommitmentStatus? Status = null, LocalDate? DueBy = null, LocalDate? DueFrom = null);

/// <summary>One page of a list and how many there are in all.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, long Total);

/// <summary>
/// Reads promises. One promise is a live fold of its stream (now, or as it stood at an instant). Lists and records read the
/// <see cref="CommitmentDocument"/>s that <see cref="CommitmentProjection"/> keeps inline, and only the rows of the page asked for.
/// <para>
/// "As of" an instant t: a promise existed if it was recorded by t; it was settled if that was recorded by t; its due date was the
/// one in force now unless it was renegotiated after t (<see cref="CommitmentDocument.DueSince"/> &gt; t). Those few are read in
/// full and judged by folding their history up to t; every other promise is judged by the database on its fields. Rows are
/// folded from the history kept in their documents, recorded up to t, so they read exactly as a live fold as of t would.
/// </para>
/// </summary>
public sealed class CommitmentQueries(Ledger store)
{
    private static readonly CommitmentStatus[] AllStatuses = Enum.GetValues<CommitmentStatus>();

    public async Task<CommitmentView?> GetAsync(AllianceId alliance, CommitmentId commitment, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var events = await StreamReads.ReadAsync(store, alliance.Value, commitment.StreamId, asOf, cancellationToken);
        if (events.Count == 0) return null;
        var history = events.Select(e => LedgerEntry.From(e, e.Data)).ToList();
        var state = Commitment.Decider.Fold(history.Select(h => (CommitmentEvent)h.Event));
        return state is Commitment.State.Made made ? new CommitmentView(commitment, made, events[^1].StreamVersion, history) : null;
    }

    /// <summary>
    /// One page of an alliance's promises that match <paramref name="filter"/> at <paramref name="asOf"/> (or at <paramref name="now"/>),
    /// by due date and id, as they stood then.
    /// </summary>
    public async Task<PageOf<CommitmentView>> ListAsync(AllianceId alliance, CommitmentFilter filter, DateTimeOffset? asOf, Instant now,
        int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var session = store.Store.QuerySession(alliance.Value);
        var at = asOf ?? now.ToDateTimeOffset();
        var conditions = Conditions(filter, at, asOf is not null);
        var moved = await MovedAsync(session, filter, asOf, cancellationToken);
        var extras = moved.Select(m => (Document: m.Document, m.State)).Where(m => Matches(m.State, filter, at)).OrderBy(m => m.State.DueAt)
            .ThenBy(m => m.Document.Commitment, StringComparer.Ordinal).ToList();

        IReadOnlyList<CommitmentDocument> rows;
        long total;
        if (extras.Count == 0)
        {
            var batch = session.CreateBatchQuery();
            var count = Where(batch.Query<CommitmentDocument>(), conditions).Count();
            var page = Where(batch.Query<CommitmentDocument>(), conditions).OrderBy(d => d.DueAt).ThenBy(d => d.Commitment).Skip(skip).Take(take).ToList();
            await batch.Execute(cancellationToken);
            (rows, total) = (await page, await count);
        }
        else
        {
            (rows, total) = await MergedPageAsync(session, conditions, [.. extras.Select(e => (e.Document, e.State.DueAt.ToDateTimeOffset()))],
                skip, take, cancellationToken);
        }
        return new PageOf<CommitmentView>(await ViewsAsync(alliance, rows, asOf, cancellationToken), total);
    }

    /// <summary>
    /// R10: each partner's record at <paramref name="asOf"/> (or at <paramref name="now"/>), counted by the database: counts per status,
    /// keep rate, and the median days late from the late promises' due dates only.
    /// </summary>
    public async Task<IReadOnlyDictionary<PartnerId, PromiseRecord>> RecordsAsync(AllianceId alliance, IReadOnlyCollection<PartnerId> partners,
        DateTimeOffset? asOf, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partners);
        var result = new Dictionary<PartnerId, PromiseRecord>();
        if (partners.Count == 0) return result;
        await using var session = store.Store.QuerySession(alliance.Value);
        var at = asOf ?? now.ToDateTimeOffset();
        var when = Instant.FromDateTimeOffset(at);
        var moved = await MovedAsync(session, new CommitmentFilter(), asOf, cancellationToken);

        var counted = await CountAsync(alliance, partners, at, asOf is not null, cancellationToken);

        foreach (var partner in partners)
        {
            var row = counted.GetValueOrDefault(partner) ?? Counted.None;
            var own = moved.Where(m => m.State.Owner == partner).Select(m => m.State).ToList();
            var perStatus = new Dictionary<CommitmentStatus, int>();
            foreach (var status in AllStatuses)
                perStatus[status] = row.Counts.GetValueOrDefault(status) + own.Count(s => s.StatusAt(when) == status);
            var late = row.DaysLateWhenSettled
                .Concat(row.OverdueDue.Select(d => PromiseKeeping.DaysOverdue(LocalDatePattern.Iso.Parse(d).Value, when)))
                .Concat(own.Select(s => PromiseKeeping.DaysLate(s, when)).OfType<int>())
                .ToList();
            result[partner] = new PromiseRecord(partner, perStatus, PromiseKeeping.KeepRate(perStatus), PromiseKeeping.Median(late));
        }
        return result;
    }

    private sealed record Counted(IReadOnlyDictionary<CommitmentStatus, int> Counts, IReadOnlyList<int> DaysLateWhenSettled, IReadOnlyList<string> OverdueDue)
    {
        public static readonly Counted None = new(new Dictionary<CommitmentStatus, int>(), [], []);
    }

    /// <summary>
    /// Per owner, in one statement over the documents' duplicated columns: how many promises per status at
    /// <paramref name="at"/>, the days late of those kept late, and the due dates of the overdue ones. The same conditions
    /// as <see cref="StatusIs"/> (which the lists use through LINQ); a batch of eight LINQ queries per partner took
    /// ~60 statements and most of the time of "Wie beloofde wat" with 10,000 promises (docs/BENCHMARKS.md).
    /// </summary>
    private async Task<Dictionary<PartnerId, Counted>> CountAsync(
        AllianceId alliance, IReadOnlyCollection<PartnerId> partners, DateTimeOffset at, bool asOf, CancellationToken cancellationToken)
    {
        string Condition(CommitmentStatus status) => (status, asOf) switch
        {
            (CommitmentStatus.Open, false) => "d.settlement is null and d.due_at > $3 and d.overdue_recorded_at is null",
            (CommitmentStatus.Overdue, false) => "d.settlement is null and (d.due_at <= $3 or d.overdue_recorded_at is not null)",
            (_, false) => $"d.settlement = '{Statuses.Kebab(status)}'",
            (CommitmentStatus.Open, true) => "(d.settled_recorded_at is null or d.settled_recorded_at > $3) and d.due_at > $3"
                + " and (d.overdue_recorded_at is null or d.overdue_recorded_at > $3)",
            (CommitmentStatus.Overdue, true) => "(d.settled_recorded_at is null or d.settled_recorded_at > $3) and (d.due_at <= $3 or d.overdue_recorded_at <= $3)",
            (_, true) => $"d.settlement = '{Statuses.Kebab(status)}' and d.settled_recorded_at <= $3",
        };
        var counts = string.Join(",\n", AllStatuses.Select((status, i) => $"count(*) filter (where {Condition(status)}) as c{i}"));
        var sql = $"""
            select d.owner, {counts},
                   coalesce(array_agg((d.data ->> 'daysLateWhenSettled')::int) filter (where {Condition(CommitmentStatus.FulfilledLate)}
                       and d.data ->> 'daysLateWhenSettled' is not null), array[]::int[]),
                   coalesce(array_agg(d.data ->> 'due') filter (where {Condition(CommitmentStatus.Overdue)}), array[]::text[])
              from {store.Store.Options.DatabaseSchemaName}.mt_doc_commitmentdocument d
             where d.tenant_id = $1 and d.owner = any($2)
               and ($4 = false or (d.recorded_at <= $3 and d.due_since <= $3))
             group by d.owner
            """;
        await using var conn = store.Store.Storage.Database.CreateConnection();
        await conn.OpenAsync(cancellationToken);
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        cmd.Parameters.Add(new() { Value = alliance.Value });
        cmd.Parameters.Add(new() { Value = partners.Select(p => p.Value).ToArray() });
        cmd.Parameters.Add(new() { Value = at });
        cmd.Parameters.Add(new() { Value = asOf });
        var result = new Dictionary<PartnerId, Counted>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var perStatus = AllStatuses.Select((status, i) => (status, (int)reader.GetInt64(1 + i))).ToDictionary(x => x.status, x => x.Item2);
            result[PartnerId.Parse(reader.GetString(0))] = new Counted(perStatus,
                reader.GetFieldValue<int[]>(1 + AllStatuses.Length), reader.GetFieldValue<string[]>(2 + AllStatuses.Length));
        }
        return result;
    }

    /// <summary>The partners that had made promises by <paramref name="asOf"/> (or now), including partners that left since.</summary>
    public async Task<IReadOnlySet<PartnerId>> OwnersAsync(AllianceId alliance, DateTimeOffset? asOf, CancellationToken cancellationToken = default)
    {
        await using var session = store.Store.QuerySession(alliance.Value);
        var query = asOf is { } t ? session.Query<CommitmentDocument>().Where(d => d.RecordedAt <= t) : session.Query<CommitmentDocument>();
        var owners = await query.Select(d => d.Owner).Distinct().ToListAsync(cancellationToken);
        return owners.Select(PartnerId.Parse).ToHashSet();
    }

    /// <summary>These promises as they are now (missing ones are left out), for a page that shows a few of them.</summary>
    public async Task<IReadOnlyList<CommitmentView>> GetManyAsync(AllianceId alliance, IEnumerable<CommitmentId> commitments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        var ids = commitments.Select(c => c.StreamId).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0) return [];
        await using var session = store.Store.QuerySession(alliance.Value);
        var documents = await session.LoadManyAsync<CommitmentDocument>(cancellationToken, ids);
        return await ViewsAsync(alliance, [.. documents.OfType<CommitmentDocument>()], null, cancellationToken);
    }

    /// <summary>
    /// The promises made at <paramref name="meeting"/>'s table or in one of <paramref name="proposals"/> (decided there), as they are
    /// now, by due date: what a past meeting's page lists as promised there.
    /// </summary>
    public async Task<IReadOnlyList<CommitmentView>> MadeAtAsync(AllianceId alliance, Domain.Meetings.MeetingId meeting, IReadOnlyCollection<string> proposals,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        await using var session = store.Store.QuerySession(alliance.Value);
        var (slug, references) = (meeting.Value, proposals.ToArray());
        var rows = await session.Query<CommitmentDocument>()
            .Where(d => d.SourceMeeting == slug || (d.SourceReference != null && references.Contains(d.SourceReference)))
            .OrderBy(d => d.DueAt).ThenBy(d => d.Commitment).ToListAsync(cancellationToken);
        return await ViewsAsync(alliance, rows, null, cancellationToken);
    }

    /// <summary>Every promise's id, owner and what, by due date: the choices of a form (no history is read).</summary>
    public async Task<IReadOnlyList<(CommitmentId Id, PartnerId Owner, string What)>> ChoicesAsync(AllianceId alliance, CancellationToken cancellationToken = default)
    {
        await using var session = store.Store.QuerySession(alliance.Value);
        var rows = await session.Query<CommitmentDocument>().OrderBy(d => d.DueAt).ThenBy(d => d.Commitment)
            .Select(d => new Choice(d.Commitment, d.Owner, d.What)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (CommitmentId.Parse(r.Commitment), PartnerId.Parse(r.Owner), r.What))];
    }

    /// <summary>The tenant position a read as of <paramref name="asOf"/> (or now) reflects.</summary>
    public Task<long> PositionAsync(AllianceId alliance, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default) =>
        store.GetTenantPositionAsync(alliance.Value, asOf, cancellationToken);

    /// <summary>The promises as they stood at <paramref name="asOf"/> (or now), with the chain positions of their events.</summary>
    private async Task<IReadOnlyList<CommitmentView>> ViewsAsync(AllianceId alliance, IReadOnlyList<CommitmentDocument> documents, DateTimeOffset? asOf,
        CancellationToken cancellationToken)
    {
        var folded = documents.Select(d => (Document: d, Events: d.Events(asOf))).Where(x => x.Events.Count > 0).ToList();
        var positions = await store.PositionsOfEventsAsync([.. folded.SelectMany(x => x.Events.Select(e => e.Entry.EventId))], cancellationToken);
        return [.. folded.Select(x => CommitmentDocument.StateOf(x.Events) is { } state
                ? new CommitmentView(state.Id, state, x.Events[^1].Entry.Version,
                    [.. x.Events.Select(e => e.Entry.ToEntry(x.Document.Id, positions.GetValueOrDefault(e.Entry.EventId), e.Event))])
                : null)
            .OfType<CommitmentView>()];
    }

    /// <summary>The promises that existed at <paramref name="asOf"/> with a due date changed since (none for "now"), folded as of then.</summary>
    private static async Task<IReadOnlyList<(CommitmentDocument Document, Commitment.State.Made State)>> MovedAsync(
        IQuerySession session, CommitmentFilter filter, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        if (asOf is not { } t) return [];
        var query = session.Query<CommitmentDocument>().Where(d => d.RecordedAt <= t && d.DueSince > t);
        if (filter.Owner is { } owner)
        {
            var o = owner.Value;
            query = query.Where(d => d.Owner == o);
        }
        var documents = await query.ToListAsync(cancellationToken);
        return [.. documents.Select(d => (d, CommitmentDocument.StateOf(d.Events(t))!))];
    }

    private static bool Matches(Commitment.State.Made state, CommitmentFilter filter, DateTimeOffset at) =>
        (filter.Owner is null || state.Owner == filter.Owner)
        && (filter.Status is null || state.StatusAt(Instant.FromDateTimeOffset(at)) == filter.Status)
        && (filter.DueBy is null || state.Due <= filter.DueBy)
        && (filter.DueFrom is null || state.Due >= filter.DueFrom);

    /// <summary>
    /// The filter as conditions on documents. Open and overdue are judged against <paramref name="at"/>; with
    /// <paramref name="asOf"/> only what was recorded by then counts, and promises whose due date moved since are left to
    /// <see cref="MovedAsync"/>. Mirrors <see cref="Commitment.State.Made.StatusAt"/>.
    /// </summary>
    private static List<Expression<Func<CommitmentDocument, bool>>> Conditions(CommitmentFilter filter, DateTimeOffset at, bool asOf)
    {
        var conditions = new List<Expression<Func<CommitmentDocument, bool>>>();
        if (asOf) conditions.Add(d => d.RecordedAt <= at && d.DueSince <= at);
        if (filter.Owner is { } owner)
        {
            var o = owner.Value;
            conditions.Add(d => d.Owner == o);
        }
        if (filter.DueBy is { } by)
        {
            var limit = Commitment.DueAt(by).ToDateTimeOffset();
            conditions.Add(d => d.DueAt <= limit);
        }
        if (filter.DueFrom is { } from)
        {
            // A due date is a whole day: due on or after that day is due at or after that day's end.
            var start = Commitment.DueAt(from).ToDateTimeOffset();
            conditions.Add(d => d.DueAt >= start);
        }
        if (filter.Status is { } status) conditions.Add(StatusIs(status, at, asOf));
        return conditions;
    }

    private static Expression<Func<CommitmentDocument, bool>> StatusIs(CommitmentStatus status, DateTimeOffset at, bool asOf)
    {
        var settled = Statuses.Kebab(status);
        return (status, asOf) switch
        {
            (CommitmentStatus.Open, false) => d => d.Settlement == null && d.DueAt > at && d.OverdueRecordedAt == null,
            (CommitmentStatus.Overdue, false) => d => d.Settlement == null && (d.DueAt <= at || d.OverdueRecordedAt != null),
            (_, false) => d => d.Settlement == settled,
            (CommitmentStatus.Open, true) => d => (d.SettledRecordedAt == null || d.SettledRecordedAt > at) && d.DueAt > at
                && (d.OverdueRecordedAt == null || d.OverdueRecordedAt > at),
            (CommitmentStatus.Overdue, true) => d => (d.SettledRecordedAt == null || d.SettledRecordedAt > at) && (d.DueAt <= at || d.OverdueRecordedAt <= at),
            (_, true) => d => d.Settlement == settled && d.SettledRecordedAt <= at,
        };
    }

    private static IQueryable<CommitmentDocument> Where(IQueryable<CommitmentDocument> query, IEnumerable<Expression<Func<CommitmentDocument, bool>>> conditions) =>
        conditions.Aggregate(query, (q, c) => q.Where(c));

    private static Marten.Services.BatchQuerying.IBatchedQueryable<CommitmentDocument> Where(
        Marten.Services.BatchQuerying.IBatchedQueryable<CommitmentDocument> query, IEnumerable<Expression<Func<CommitmentDocument, bool>>> conditions) =>
        conditions.Aggregate(query, (q, c) => q.Where(c));

    /// <summary>
    /// A page of the database's rows (ordered by due moment and id) merged with <paramref name="extras"/> (already in that order,
    /// each with its due moment as of then): the database counts, for each extra, the rows before it, so only the page's rows are read.
    /// </summary>
    private static async Task<(IReadOnlyList<CommitmentDocument> Rows, long Total)> MergedPageAsync(IQuerySession session,
        List<Expression<Func<CommitmentDocument, bool>>> conditions, List<(CommitmentDocument Document, DateTimeOffset DueAt)> extras,
        int skip, int take, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var count = Where(batch.Query<CommitmentDocument>(), conditions).Count();
        var before = new List<Task<long>>();
        for (var j = 0; j < extras.Count; j++)
        {
            var (dueAt, id) = (extras[j].DueAt, extras[j].Document.Commitment);
            before.Add(Where(batch.Query<CommitmentDocument>(), conditions)
                .Where(d => d.DueAt < dueAt || (d.DueAt == dueAt && d.Commitment.CompareTo(id) < 0)).Count());
        }
        await batch.Execute(cancellationToken);
        var databaseRows = await count;

        // Extra j sits at overall index before[j] + j; the database's rows fill the other places in their own order.
        var at = new Dictionary<long, CommitmentDocument>();
        for (var j = 0; j < extras.Count; j++) at[await before[j] + j] = extras[j].Document;
        var end = Math.Min(skip + (long)take, databaseRows + extras.Count);
        var firstRow = skip - at.Keys.Count(k => k < skip);
        var rowsOnPage = (int)Math.Max(0, end - skip - at.Keys.Count(k => k >= skip && k < end));
        var fromDatabase = rowsOnPage == 0
            ? []
            : await Where(session.Query<CommitmentDocument>(), conditions).OrderBy(d => d.DueAt).ThenBy(d => d.Commitment)
                .Skip((int)firstRow).Take(rowsOnPage).ToListAsync(cancellationToken);
        var page = new List<CommitmentDocument>();
        var next = 0;
        for (var i = (long)skip; i < end; i++)
        {
            if (at.TryGetValue(i, out var extra)) page.Add(extra);
            else if (next < fromDatabase.Count) page.Add(fromDatabase[next++]);
        }
        return (page, databaseRows + extras.Count);
    }

    private sealed record Choice(string Commitment, string Owner, string What);
}
