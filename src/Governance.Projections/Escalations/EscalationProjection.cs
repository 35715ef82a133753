using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.Proposals;
using Governance.Projections.Commitments;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace Governance.Projections.Escalations;

/// <summary>
/// A dispute (R12) for the lists: its whole history (a row is a fold of it, now or as it stood at a moment), when it was
/// raised (the lists' order), and the title of what it is about, read once when it was raised: a promise's "what" or a
/// proposal's title never changes, and a list should not read other streams per row.
/// </summary>
public sealed class EscalationDocument
{
    /// <summary>The stream id, <c>escalation-…</c>.</summary>
    public string Id { get; set; } = "";

    public string Escalation { get; set; } = "";

    /// <summary>When the dispute was recorded (its first event): before that it did not exist.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>When it was raised (the domain's moment), for the lists' order.</summary>
    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>The promise's "what" or the proposal's title its subject names; null when there is none.</summary>
    public string? SubjectTitle { get; set; }

    public long Version { get; set; }

    public List<StoredEntry> History { get; set; } = [];

    /// <summary>The domain events up to <paramref name="asOf"/> (recorded by then), or all.</summary>
    public IReadOnlyList<(StoredEntry Entry, EscalationEvent Event)> Events(DateTimeOffset? asOf = null) =>
        [.. History.Where(h => asOf is null || h.RecordedAt <= asOf).Select(h => (h, (EscalationEvent)h.Event()))];
}

/// <summary>Keeps one <see cref="EscalationDocument"/> per dispute, inline (a dispute's list shows it right after it is raised).</summary>
public sealed partial class EscalationProjection : SingleStreamProjection<EscalationDocument, string>
{
    public const string ProjectionName = "escalations";

    public EscalationProjection()
    {
        Name = ProjectionName;
        foreach (var e in DomainJson.EventTypes.Where(e => e.Type.IsAssignableTo(typeof(EscalationEvent)))) IncludeType(e.Type);
    }

    public override async ValueTask<EscalationDocument?> EvolveAsync(
        EscalationDocument? snapshot, string id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(e);
        if (e.Data is not EscalationEvent data) return snapshot;
        var document = snapshot ?? new EscalationDocument { Id = id, RecordedAt = StoredEntry.Microseconds(e.Timestamp) };
        document.History.Add(StoredEntry.From(e, document.History.Count + 1));
        document.Version = document.History.Count;
        if (data is EscalationRaised raised)
        {
            document.Escalation = raised.Escalation.Value;
            document.RaisedAt = raised.RaisedAt.ToDateTimeOffset();
            document.SubjectTitle = await TitleOfAsync(session.ForTenant(e.TenantId), raised.Subject, cancellation);
        }
        return document;
    }

    /// <summary>The first event of the promise or proposal the subject names (it exists before a dispute about it is raised).</summary>
    private static async Task<string?> TitleOfAsync(IQuerySession tenant, EscalationSubject subject, CancellationToken cancellation)
    {
        var stream = subject switch
        {
            { Kind: EscalationSubjectKind.OverdueCommitment, Reference: { } r } when CommitmentId.TryParse(r, out var c) => c.StreamId,
            { Kind: EscalationSubjectKind.AdviceWithoutMotivation or EscalationSubjectKind.DecisionNotExecuted, Reference: { } r }
                when ProposalId.TryParse(r, out var p) => p.StreamId,
            _ => null,
        };
        if (stream is null) return null;
        var first = await tenant.Events.FetchStreamAsync(stream, version: 1, token: cancellation);
        return first.Select(x => x.Data).FirstOrDefault() switch
        {
            CommitmentMade m => m.What,
            ProposalTabled t => t.Title,
            _ => null,
        };
    }
}
