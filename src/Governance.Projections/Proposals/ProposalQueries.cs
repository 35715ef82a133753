using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.EventStore;
using Marten;
using NodaTime;

namespace Governance.Projections.Proposals;

/// <summary>One version of a proposal's text; version 1 has no reason.</summary>
public sealed record TextVersionView(int Version, string Text, string? Reason, Instant At);

public sealed record ContributionView(int Number, ContributionKind Kind, PersonId? By, PartnerId? Partner, string Summary, int Version, Instant RecordedAt);

/// <summary>An objection and everything the round did with it (R21).</summary>
public sealed record ObjectionView(
    int Number,
    PersonId By,
    PartnerId? Partner,
    string Reasons,
    int Version,
    Instant RaisedAt,
    ObjectionFinding? Finding,
    string? TestNote,
    ObjectionResolution? Resolution,
    string? ResolutionNote,
    int? IntegratedInVersion,
    PersonId? Owner,
    LocalDate? Due)
{
    /// <summary>
    /// Issue 13: corrections of who objected, oldest first. <see cref="By"/> and <see cref="Partner"/> are the corrected values; each
    /// correction keeps the values it replaced, so the first one's <c>PreviousBy</c> is what was recorded at the table.
    /// </summary>
    public IReadOnlyList<ObjectionCorrected> Corrections { get; init; } = [];
}

/// <summary>One vote as cast (a change is a new line with the choice it replaces), in the round it belongs to.</summary>
public sealed record CastView(int Round, PartnerId Partner, PersonId By, VoteChoice Choice, VoteChoice? Replaces, Instant CastAt);

public sealed record RecusalView(int Round, PersonId Person, PartnerId Partner, RecusalGround Ground, DeclarationId? Declaration, string? Reason, bool VoidsVote, Instant RecordedAt);

/// <summary>One vote (a void vote can be held again): its snapshot and, once closed, its count.</summary>
public sealed record VoteRoundView(int Round, VoteGround Ground, int Version, Electorate Electorate, Instant OpenedAt, VoteClosed? Closed);

/// <summary>R9: advice to one partner. Its status is judged at read time, like every deadline.</summary>
public sealed record AdviceView(
    PartnerId Partner,
    PersonId By,
    string Reason,
    Instant DeclinedAt,
    Instant Due,
    int AgreementsVersion,
    AdviceMotivationRecorded? Motivation,
    Instant? OverdueRecordedAt)
{
    /// <summary><c>answered</c>, <c>overdue</c> (due passed without a motivation, whether or not the sweeper has recorded it yet) or <c>pending</c>.</summary>
    public string StatusAt(Instant now) => Motivation is not null ? "answered" : OverdueRecordedAt is not null || now > Due ? "overdue" : "pending";
}

/// <summary>A proposal as its stream folds with <see cref="Proposal.Decider"/>, plus the history the state keeps only in its latest form.</summary>
public sealed record ProposalView(
    ProposalId Id,
    Proposal.State.Tabled State,
    long StreamVersion,
    Instant TabledAt,
    IReadOnlyList<TextVersionView> Versions,
    IReadOnlyList<ContributionView> Contributions,
    IReadOnlyList<ObjectionView> Objections,
    IReadOnlyList<VoteRoundView> Rounds,
    IReadOnlyList<CastView> Casts,
    IReadOnlyList<RecusalView> Recusals,
    IReadOnlyList<AdviceView> Advice,
    Instant? DecidedAt,
    ProposalWithdrawn? Withdrawn,
    ProposalDeferred? Deferred)
{
    public VoteRoundView? LastRound => Rounds.Count == 0 ? null : Rounds[^1];

    public string? DecidedText => State.DecidedVersion is { } v ? Versions.FirstOrDefault(t => t.Version == v)?.Text : null;
}

/// <summary>
/// Reads proposals: the lists and a proposal as it stands now from the documents <see cref="ProposalProjection"/> and
/// <see cref="AdviceProjection"/> keep inline (so they show a step the moment after it was taken); a proposal as it stood at an
/// instant by folding its stream up to then. Lists come a page at a time (<c>page</c> from 1), with the total.
/// </summary>
public sealed class ProposalQueries(Ledger store)
{
    private IDocumentStore Documents => store.Store;

    /// <summary>The proposal now (its document), or as it stood at <paramref name="asOf"/> (its stream folded up to then).</summary>
    public async Task<ProposalView?> GetAsync(AllianceId alliance, ProposalId proposal, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        if (asOf is not null)
        {
            var events = await store.ReadStreamAsync(alliance.Value, proposal.StreamId, asOf, cancellationToken);
            return Fold(proposal, events.Select(e => (e, (ProposalEvent)e.Data)));
        }
        await using var session = Documents.QuerySession(alliance.Value);
        return (await session.LoadAsync<ProposalDocument>(proposal.StreamId, cancellationToken))?.ToView();
    }

    /// <summary>Every proposal, in the order they were tabled.</summary>
    public Task<(IReadOnlyList<ProposalView> Items, long Total)> ListAsync(AllianceId alliance, int page, int pageSize, CancellationToken cancellationToken = default) =>
        PageAsync(alliance, q => q.OrderBy(d => d.TabledAt).ThenBy(d => d.Id), page, pageSize, cancellationToken);

    /// <summary>The decision register: adopted (also when it became advice) and rejected proposals, newest decision first or in tabling order.</summary>
    public Task<(IReadOnlyList<ProposalView> Items, long Total)> DecisionsAsync(
        AllianceId alliance, int page, int pageSize, bool newestFirst, CancellationToken cancellationToken = default) =>
        PageAsync(alliance, q => newestFirst
            ? q.Where(d => d.Decided).OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id)
            : q.Where(d => d.Decided).OrderBy(d => d.TabledAt).ThenBy(d => d.Id), page, pageSize, cancellationToken);

    /// <summary>Proposals without a decision (under way, void, withdrawn or deferred), newest tabled first.</summary>
    public Task<(IReadOnlyList<ProposalView> Items, long Total)> UndecidedAsync(AllianceId alliance, int page, int pageSize, CancellationToken cancellationToken = default) =>
        PageAsync(alliance, q => q.Where(d => !d.Decided).OrderByDescending(d => d.TabledAt).ThenByDescending(d => d.Id), page, pageSize, cancellationToken);

    /// <summary>The proposals of one meeting (the chair's page), in the order they were tabled.</summary>
    public async Task<IReadOnlyList<ProposalView>> ForMeetingAsync(AllianceId alliance, MeetingId meeting, CancellationToken cancellationToken = default)
    {
        await using var session = Documents.QuerySession(alliance.Value);
        var docs = await session.Query<ProposalDocument>().Where(d => d.Meeting == meeting.Value)
            .OrderBy(d => d.TabledAt).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        return [.. docs.Select(d => d.ToView())];
    }

    /// <summary>
    /// R9: advice rows with status <paramref name="status"/> (<c>pending</c>, <c>overdue</c>, <c>answered</c>; null for all) judged at
    /// <paramref name="now"/>, by due date, or the newest motivation first.
    /// </summary>
    public async Task<(IReadOnlyList<AdviceRow> Items, long Total)> AdviceAsync(
        AllianceId alliance, string? status, Instant now, int page, int pageSize, bool newestAnswerFirst = false, CancellationToken cancellationToken = default)
    {
        await using var session = Documents.QuerySession(alliance.Value);
        var at = now.ToDateTimeOffset();
        IQueryable<AdviceDocument> Query()
        {
            IQueryable<AdviceDocument> query = session.Query<AdviceDocument>();
            query = status switch
            {
                null => query,
                "answered" => query.Where(a => a.MotivationRecordedAt != null),
                "overdue" => query.Where(a => a.MotivationRecordedAt == null && (a.OverdueRecordedAt != null || a.Due < at)),
                "pending" => query.Where(a => a.MotivationRecordedAt == null && a.OverdueRecordedAt == null && a.Due >= at),
                _ => throw new ArgumentOutOfRangeException(nameof(status), status, "pending, overdue or answered"),
            };
            return newestAnswerFirst
                ? query.OrderByDescending(a => a.MotivatedAt).ThenBy(a => a.Due).ThenBy(a => a.Id)
                : query.OrderBy(a => a.Due).ThenBy(a => a.Id);
        }
        var (docs, total) = await PagedQuery.ToPageAsync(Query, page, pageSize, cancellationToken);
        var titles = await TitlesAsync(session, docs.Select(d => d.Stream), cancellationToken);
        return ([.. docs.Select(d => Row(d, d.Advice, titles))], total);
    }

    /// <summary>
    /// R9: the advice that waits for its partner's motivation (pending or overdue), now or as it stood at <paramref name="asOf"/> (the
    /// refusals recorded by then without a motivation recorded by then), by due date. Judge each row with <see cref="AdviceRow.StatusAt"/>.
    /// </summary>
    public async Task<IReadOnlyList<AdviceRow>> AwaitingMotivationAsync(AllianceId alliance, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        await using var session = Documents.QuerySession(alliance.Value);
        IQueryable<AdviceDocument> query = session.Query<AdviceDocument>();
        query = asOf is { } at
            ? query.Where(a => a.DeclinedRecordedAt <= at && (a.MotivationRecordedAt == null || a.MotivationRecordedAt > at))
            : query.Where(a => a.MotivationRecordedAt == null);
        var docs = await query.OrderBy(a => a.Due).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var titles = await TitlesAsync(session, docs.Select(d => d.Stream), cancellationToken);
        // As of a moment, the advice reads as it stood then: no motivation yet, and an overdue mark only if it was recorded by then.
        return [.. docs.Select(d => Row(d, asOf is not { } then ? d.Advice
            : d.Advice with { Motivation = null, OverdueRecordedAt = d.OverdueRecordedAt <= then ? d.Advice.OverdueRecordedAt : null }, titles))];
    }

    private async Task<(IReadOnlyList<ProposalView> Items, long Total)> PageAsync(AllianceId alliance,
        Func<IQueryable<ProposalDocument>, IQueryable<ProposalDocument>> shape, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var session = Documents.QuerySession(alliance.Value);
        var (docs, total) = await PagedQuery.ToPageAsync(() => shape(session.Query<ProposalDocument>()), page, pageSize, cancellationToken);
        return ([.. docs.Select(d => d.ToView())], total);
    }

    private static async Task<Dictionary<string, string>> TitlesAsync(IQuerySession session, IEnumerable<string> streams, CancellationToken cancellationToken)
    {
        var ids = streams.Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0) return new(StringComparer.Ordinal);
        var rows = await session.Query<ProposalDocument>().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Title }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Title, StringComparer.Ordinal);
    }

    private static AdviceRow Row(AdviceDocument d, AdviceView advice, Dictionary<string, string> titles) =>
        new(ProposalId.Parse(d.Stream["proposal-".Length..]), titles.GetValueOrDefault(d.Stream, ""), advice);

    /// <summary>Folds one proposal stream (live, or up to an instant); null when it holds no tabling.</summary>
    public static ProposalView? Fold(ProposalId id, IEnumerable<(RecordedEvent Envelope, ProposalEvent Event)> stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ProposalDocument? document = null;
        foreach (var (envelope, e) in stream) document = ProposalDocument.Apply(document, id.StreamId, e, envelope.StreamVersion, envelope.RecordedAt);
        return document?.ToView();
    }
}
