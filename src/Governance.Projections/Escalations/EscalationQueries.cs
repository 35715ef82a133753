using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.Proposals;
using Governance.EventStore;
using Governance.Projections.Alliances;
using Governance.Projections.Commitments;
using Marten;
using NodaTime;

namespace Governance.Projections.Escalations;

/// <summary>A step whose response deadline passed unresolved: who (the step) missed what (the deadline).</summary>
public sealed record MissedStep(int Step, string Description, Instant RespondBy);

/// <summary>Another stream a dispute refers to, with its events as they stood at the same moment.</summary>
public sealed record ReferencedStream(string Id, IReadOnlyList<LedgerEntry> Events);

/// <summary>
/// A dispute as its stream folds with <see cref="Escalation.Decider"/>, with its whole timeline, the steps that missed
/// their deadline, and inline every event of the promises it refers to (its subject and what its resolutions settled)
/// and of the proposals it refers to (the decision or advice it is about, or that a resolution settled).
/// </summary>
public sealed record EscalationView(
    AllianceId Alliance,
    EscalationId Id,
    Escalation.State.Raised State,
    EscalationRaised Raised,
    long StreamVersion,
    IReadOnlyList<LedgerEntry> Timeline,
    IReadOnlyList<MissedStep> Missed,
    IReadOnlyList<CommitmentView> Commitments,
    IReadOnlyList<ReferencedStream> Proposals)
{
    public string StepDescription => State.Ladder.Step(State.Step).Description;

    /// <summary>The promise's "what" or the proposal's title the subject names, as read inline; null when there is none.</summary>
    public string? SubjectTitle => State.Subject switch
    {
        { Kind: EscalationSubjectKind.OverdueCommitment, Reference: { } r } => Commitments.FirstOrDefault(c => c.Id.Value == r)?.State.What,
        { Kind: EscalationSubjectKind.Conduct } => null,
        { Reference: { } r } => Proposals.FirstOrDefault(p => p.Id == r)?.Events.Select(e => e.Event).OfType<ProposalTabled>().FirstOrDefault()?.Title,
        _ => null,
    };

    /// <summary>The dispute as a list shows it.</summary>
    public DisputeRow Row => new(Alliance, Id, State, Raised, StreamVersion, Missed, SubjectTitle);
}

/// <summary>A dispute as a list shows it (R12): its step, deadlines, who missed what, and the title of what it is about.</summary>
public sealed record DisputeRow(
    AllianceId Alliance,
    EscalationId Id,
    Escalation.State.Raised State,
    EscalationRaised Raised,
    long StreamVersion,
    IReadOnlyList<MissedStep> Missed,
    string? SubjectTitle)
{
    public string StepDescription => State.Ladder.Step(State.Step).Description;
}

/// <summary>
/// Reads one dispute by folding its stream (live, or as it stood at an instant) with what it refers to; lists read the documents of
/// <see cref="EscalationProjection"/>.
/// </summary>
public sealed class EscalationQueries(Ledger store, CommitmentQueries commitments, AllianceQueries alliances)
{
    public async Task<EscalationView?> GetAsync(AllianceId alliance, EscalationId escalation, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var events = await StreamReads.ReadAsync(store, alliance.Value, escalation.StreamId, asOf, cancellationToken);
        if (events.Count == 0) return null;
        var timeline = events.Select(e => LedgerEntry.From(e, e.Data)).ToList();
        var decided = timeline.Select(t => (EscalationEvent)t.Event).ToList();
        if (Escalation.Decider.Fold(decided) is not Escalation.State.Raised state) return null;

        var (raised, missed) = Steps(decided);

        // The promises it refers to, as they stood at the same moment.
        var references = new List<string>();
        if (raised.Subject is { Kind: EscalationSubjectKind.OverdueCommitment, Reference: { } subject }) references.Add(subject);
        references.AddRange(decided.OfType<EscalationResolved>().SelectMany(r => r.Settles));
        var referred = new List<CommitmentView>();
        foreach (var reference in references.Distinct(StringComparer.Ordinal))
        {
            if (CommitmentId.TryParse(reference, out var id) && await commitments.GetAsync(alliance, id, asOf, cancellationToken) is { } view) referred.Add(view);
        }

        // Decisions and advice live on proposal streams: a decision not executed, or an advice without motivation.
        var proposalReferences = new List<string>();
        if (raised.Subject is { Kind: EscalationSubjectKind.AdviceWithoutMotivation or EscalationSubjectKind.DecisionNotExecuted, Reference: { } about })
            proposalReferences.Add(about);
        proposalReferences.AddRange(decided.OfType<EscalationResolved>().SelectMany(r => r.Settles));
        var proposals = new List<ReferencedStream>();
        foreach (var reference in proposalReferences.Distinct(StringComparer.Ordinal))
        {
            if (!ProposalId.TryParse(reference, out var proposal)) continue;
            var stream = await StreamReads.ReadAsync(store, alliance.Value, proposal.StreamId, asOf, cancellationToken);
            if (stream.Count > 0) proposals.Add(new ReferencedStream(proposal.Value, [.. stream.Select(e => LedgerEntry.From(e, e.Data))]));
        }

        return new EscalationView(alliance, escalation, state, raised, events[^1].StreamVersion, timeline, missed, referred, proposals);
    }

    /// <summary>
    /// One page of an alliance's disputes, in the order they were raised, as they stood at <paramref name="asOf"/> (or now): the
    /// documents <see cref="EscalationProjection"/> keeps, each folded from its own history up to then.
    /// </summary>
    public async Task<PageOf<DisputeRow>> ListAsync(AllianceId alliance, DateTimeOffset? asOf, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var session = store.Store.QuerySession(alliance.Value);
        var batch = session.CreateBatchQuery();
        // Before its first event was recorded, a dispute did not exist.
        Marten.Services.BatchQuerying.IBatchedQueryable<EscalationDocument> Existing() =>
            asOf is { } t ? batch.Query<EscalationDocument>().Where(d => d.RecordedAt <= t) : batch.Query<EscalationDocument>();
        var total = Existing().Count();
        var page = Existing().OrderBy(d => d.RaisedAt).ThenBy(d => d.Escalation).Skip(skip).Take(take).ToList();
        await batch.Execute(cancellationToken);
        return new PageOf<DisputeRow>([.. (await page).Select(d => RowOf(alliance, d, asOf)).OfType<DisputeRow>()], await total);
    }

    /// <summary>How many disputes the alliance had at <paramref name="asOf"/> (or has now).</summary>
    public async Task<long> CountAsync(AllianceId alliance, DateTimeOffset? asOf, CancellationToken cancellationToken = default)
    {
        await using var session = store.Store.QuerySession(alliance.Value);
        return asOf is { } t
            ? await session.Query<EscalationDocument>().CountAsync(d => d.RecordedAt <= t, cancellationToken)
            : await session.Query<EscalationDocument>().CountAsync(cancellationToken);
    }

    /// <summary>
    /// R12: the alliances that assigned <paramref name="contact"/> as their escalation contact (on their own stream, as it
    /// stood at <paramref name="asOf"/>), each with the position read. Never another alliance.
    /// </summary>
    public async Task<IReadOnlyList<(AllianceView Alliance, long Position)>> AlliancesOfContactAsync(
        PersonId contact, DateTimeOffset? asOf, CancellationToken cancellationToken = default)
    {
        var result = new List<(AllianceView, long)>();
        foreach (var current in await alliances.ListAsync(cancellationToken))
        {
            var then = asOf is null ? current : await alliances.GetAsync(current.Id, asOf, cancellationToken);
            if (then is null || !then.EscalationContacts.Contains(contact)) continue;
            result.Add((then, await store.GetTenantPositionAsync(current.Id.Value, asOf, cancellationToken)));
        }
        return result;
    }

    /// <summary>R12: <see cref="AlliancesOfContactAsync"/>, each with one page of its disputes.</summary>
    public async Task<IReadOnlyList<(AllianceView Alliance, long Position, PageOf<DisputeRow> Disputes)>> ForContactAsync(
        PersonId contact, DateTimeOffset? asOf, int skip, int take, CancellationToken cancellationToken = default)
    {
        var result = new List<(AllianceView, long, PageOf<DisputeRow>)>();
        foreach (var (alliance, position) in await AlliancesOfContactAsync(contact, asOf, cancellationToken))
            result.Add((alliance, position, await ListAsync(alliance.Id, asOf, skip, take, cancellationToken)));
        return result;
    }

    /// <summary>A dispute's row from its document, as it stood at <paramref name="asOf"/> (or now); null when it was not raised yet.</summary>
    public static DisputeRow? RowOf(AllianceId alliance, EscalationDocument document, DateTimeOffset? asOf)
    {
        ArgumentNullException.ThrowIfNull(document);
        var events = document.Events(asOf);
        if (events.Count == 0 || Escalation.Decider.Fold(events.Select(e => e.Event)) is not Escalation.State.Raised state) return null;
        var (raised, missed) = Steps(events.Select(e => e.Event));
        return new DisputeRow(alliance, state.Id, state, raised, events[^1].Entry.Version, missed, document.SubjectTitle);
    }

    /// <summary>How it was raised, and every step whose deadline passed unresolved with what that step was.</summary>
    private static (EscalationRaised Raised, IReadOnlyList<MissedStep> Missed) Steps(IEnumerable<EscalationEvent> events)
    {
        EscalationRaised? raised = null;
        var entered = new Dictionary<int, EscalationStepEntered>();
        var missed = new List<MissedStep>();
        foreach (var e in events)
        {
            if (e is EscalationRaised r) raised = r;
            if (e is EscalationStepEntered x) entered[x.Step] = x;
            if (e is EscalationStepDeadlineMissed m) missed.Add(new MissedStep(m.Step, entered[m.Step].Description, m.RespondBy));
        }
        return (raised ?? throw new InvalidOperationException("A dispute starts with EscalationRaised."), missed);
    }
}
