using Governance.Domain.Proposals;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;
using NodaTime;

namespace Governance.Projections.Proposals;

/// <summary>The proposal slice's read models, registered with one line in <see cref="GovernanceStore.Configure"/>.</summary>
public static class ProposalProjections
{
    public static void Register(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Inline: the chair's page, the tally and the phone vote show a step the moment after it was taken.
        options.Projections.Add<ProposalProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<AdviceProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<ProposalDocument>().Index(d => d.Meeting).Index(d => d.TabledAt).Index(d => d.DecidedAt!);
        options.Schema.For<AdviceDocument>().Index(d => d.Due);
    }
}

/// <summary>One <see cref="ProposalDocument"/> per proposal stream, folded with the decider (<see cref="ProposalDocument.Apply"/>).</summary>
public sealed partial class ProposalProjection : SingleStreamProjection<ProposalDocument, string>
{
    public ProposalProjection()
    {
        Name = "proposals";
        // The concrete proposal events: the daemon's filter matches stored types, so the abstract base would match nothing.
        foreach (var e in DomainJson.EventTypes.Where(e => e.Type.IsAssignableTo(typeof(ProposalEvent)))) IncludeType(e.Type);
    }

    public override ProposalDocument? Evolve(ProposalDocument? snapshot, string id, IEvent e) =>
        e.Data is ProposalEvent p ? ProposalDocument.Apply(snapshot, id, p, e.Version, e.Timestamp) : snapshot;
}

/// <summary>
/// R9: one row per advice (a partner that declined to execute an adopted decision), for the advice list and its status filter,
/// and for "advice awaiting a motivation" as it stood on a day: the envelope times say when each step was recorded.
/// </summary>
public sealed class AdviceDocument
{
    /// <summary><c>proposal-&lt;id&gt;/&lt;partner&gt;</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>The proposal's stream (the id of its <see cref="ProposalDocument"/>).</summary>
    public string Stream { get; set; } = "";

    public string Partner { get; set; } = "";

    public DateTimeOffset Due { get; set; }

    /// <summary>When the refusal, the motivation and the overdue mark were recorded in the ledger (null: not yet).</summary>
    public DateTimeOffset DeclinedRecordedAt { get; set; }

    public DateTimeOffset? MotivationRecordedAt { get; set; }

    public DateTimeOffset? OverdueRecordedAt { get; set; }

    /// <summary>The motivation's own moment, for "newest answered first".</summary>
    public DateTimeOffset? MotivatedAt { get; set; }

    public AdviceView Advice { get; set; } = null!;

    public static string IdOf(string stream, string partner) => $"{stream}/{partner}";
}

/// <summary>One <see cref="AdviceDocument"/> per refusal to execute (R9), grouped by stream and partner.</summary>
public sealed partial class AdviceProjection : MultiStreamProjection<AdviceDocument, string>
{
    public AdviceProjection()
    {
        Name = "advice";
        IncludeType<ExecutionDeclined>();
        IncludeType<AdviceMotivationRecorded>();
        IncludeType<AdviceMotivationOverdue>();
        CustomGrouping((_, events, grouping) =>
        {
            foreach (var e in events)
            {
                if (PartnerOf(e.Data) is { } partner) grouping.AddEvent(AdviceDocument.IdOf(e.StreamKey!, partner), e);
            }
            return Task.CompletedTask;
        });
    }

    private static string? PartnerOf(object data) => data switch
    {
        ExecutionDeclined d => d.Partner.Value,
        AdviceMotivationRecorded m => m.Partner.Value,
        AdviceMotivationOverdue o => o.Partner.Value,
        _ => null,
    };

    public override AdviceDocument? Evolve(AdviceDocument? snapshot, string id, IEvent e)
    {
        var at = ProposalDocument.Microseconds(e.Timestamp);
        switch (e.Data)
        {
            case ExecutionDeclined d:
                return new AdviceDocument
                {
                    Id = id,
                    Stream = e.StreamKey!,
                    Partner = d.Partner.Value,
                    Due = d.MotivationDue.ToDateTimeOffset(),
                    DeclinedRecordedAt = at,
                    Advice = new AdviceView(d.Partner, d.By, d.Reason, d.DeclinedAt, d.MotivationDue, d.AgreementsVersion, null, null),
                };
            case AdviceMotivationRecorded m when snapshot is not null:
                snapshot.MotivationRecordedAt = at;
                snapshot.MotivatedAt = m.RecordedAt.ToDateTimeOffset();
                snapshot.Advice = snapshot.Advice with { Motivation = m };
                return snapshot;
            case AdviceMotivationOverdue o when snapshot is not null:
                snapshot.OverdueRecordedAt = at;
                snapshot.Advice = snapshot.Advice with { OverdueRecordedAt = o.RecordedAt };
                return snapshot;
            default:
                return snapshot;
        }
    }
}

/// <summary>An advice row as the lists show it: the proposal it belongs to and its title.</summary>
public sealed record AdviceRow(ProposalId Proposal, string Title, AdviceView Advice)
{
    public string StatusAt(Instant now) => Advice.StatusAt(now);
}
