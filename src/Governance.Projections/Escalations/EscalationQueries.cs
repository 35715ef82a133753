using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.Proposals;
using Governance.EventStore;
using Governance.Projections.Alliances;
using Governance.Projections.Commitments;
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
}

/// <summary>Reads disputes by folding their streams (live), optionally as they stood at an instant, like the other queries.</summary>
public sealed class EscalationQueries(Ledger store, CommitmentQueries commitments, AllianceQueries alliances)
{
    public async Task<EscalationView?> GetAsync(AllianceId alliance, EscalationId escalation, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var events = await StreamReads.ReadAsync(store, alliance.Value, escalation.StreamId, asOf, cancellationToken);
        if (events.Count == 0) return null;
        var timeline = events.Select(e => LedgerEntry.From(e, e.Data)).ToList();
        var decided = timeline.Select(t => (EscalationEvent)t.Event).ToList();
        if (Escalation.Decider.Fold(decided) is not Escalation.State.Raised state) return null;

        var raised = decided.OfType<EscalationRaised>().Single();
        var entered = new Dictionary<int, EscalationStepEntered>();
        var missed = new List<MissedStep>();
        foreach (var e in decided)
        {
            if (e is EscalationStepEntered x) entered[x.Step] = x;
            if (e is EscalationStepDeadlineMissed m) missed.Add(new MissedStep(m.Step, entered[m.Step].Description, m.RespondBy));
        }

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

    public async Task<IReadOnlyList<EscalationView>> ListAsync(AllianceId alliance, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var views = new List<EscalationView>();
        foreach (var id in await StreamReads.IdsAsync(store, alliance.Value, "escalation-", cancellationToken))
        {
            if (EscalationId.TryParse(id, out var escalation) && await GetAsync(alliance, escalation, asOf, cancellationToken) is { } view) views.Add(view);
        }
        return [.. views.OrderBy(v => v.Raised.RaisedAt).ThenBy(v => v.Id.Value, StringComparer.Ordinal)];
    }

    /// <summary>
    /// R12: the alliances that assigned <paramref name="contact"/> as their escalation contact (on their own stream, as it
    /// stood at <paramref name="asOf"/>), each with the position read and its disputes. Never another alliance's.
    /// </summary>
    public async Task<IReadOnlyList<(AllianceView Alliance, long Position, IReadOnlyList<EscalationView> Disputes)>> ForContactAsync(
        PersonId contact, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var result = new List<(AllianceView, long, IReadOnlyList<EscalationView>)>();
        foreach (var current in await alliances.ListAsync(cancellationToken))
        {
            var then = asOf is null ? current : await alliances.GetAsync(current.Id, asOf, cancellationToken);
            if (then is null || !then.EscalationContacts.Contains(contact)) continue;
            var disputes = await ListAsync(current.Id, asOf, cancellationToken);
            result.Add((then, await store.GetTenantPositionAsync(current.Id.Value, asOf, cancellationToken), disputes));
        }
        return result;
    }
}
