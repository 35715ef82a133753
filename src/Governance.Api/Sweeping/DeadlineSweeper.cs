using Governance.Api.Http;
using Governance.Domain;
using Governance.EventStore;
using NodaTime;

namespace Governance.Api.Sweeping;

/// <summary>
/// One kind of deadline the sweeper watches: for every stream of <see cref="StreamType"/>, ask its decider whether a
/// deadline has passed at <c>now</c>. The command must be idempotent in the domain: it yields the "…Overdue" event
/// the first time and no events after that.
/// </summary>
public interface IDeadlineSweep
{
    string Name { get; }

    string StreamType { get; }

    /// <summary>Decides on one stream through the pipeline; returns how many events that recorded.</summary>
    Task<int> SweepAsync(CommandPipeline pipeline, string tenant, string stream, CancellationToken cancellationToken);
}

/// <summary>A sweep over one decider's streams with one command.</summary>
public sealed class DeadlineSweep<TCommand, TEvent, TState>(string name, Decider<TCommand, TEvent, TState> decider, Func<Instant, TCommand> command)
    : IDeadlineSweep
    where TEvent : class
{
    public string Name => name;

    public string StreamType => decider.StreamType;

    public async Task<int> SweepAsync(CommandPipeline pipeline, string tenant, string stream, CancellationToken cancellationToken) =>
        (await pipeline.HandleAsync(decider, tenant, stream, command, Sweeper.Metadata, ifMatch: null, cancellationToken)).Events.Count;
}

/// <summary>What one pass recorded: events per sweep (a missed dispute step is two: the miss and the next step).</summary>
public sealed record SweepReport(IReadOnlyDictionary<string, int> Recorded, int StreamsChecked)
{
    public int Total => Recorded.Values.Sum();
}

/// <summary>
/// Records every passed deadline once (issue 6 §4). Idempotent and safe with several nodes: each decision is taken on
/// the stream's latest state and appended with its exact version, so when two nodes race, the loser's append conflicts,
/// the pipeline decides again on the new state, and the domain then finds nothing left to record.
/// </summary>
public sealed class Sweeper(CommandPipeline pipeline, Ledger store, IEnumerable<IDeadlineSweep> sweeps)
{
    /// <summary>The sweeper records as the system, not as a person.</summary>
    public static EventMetadata Metadata { get; } = new(ActorId: null, Role: "sweeper", CorrelationId: "sweep", CausationId: null, CommandId: null);

    public IReadOnlyList<IDeadlineSweep> Sweeps { get; } = [.. sweeps];

    public async Task<SweepReport> SweepAllAsync(CancellationToken cancellationToken)
    {
        var recorded = Sweeps.ToDictionary(s => s.Name, _ => 0, StringComparer.Ordinal);
        var checkedStreams = 0;
        foreach (var tenant in await store.GetTenantHeadsAsync(cancellationToken))
        {
            foreach (var sweep in Sweeps)
            {
                foreach (var stream in await store.ListStreamsAsync(tenant.TenantId, sweep.StreamType + "-", cancellationToken))
                {
                    recorded[sweep.Name] += await sweep.SweepAsync(pipeline, tenant.TenantId, stream, cancellationToken);
                    checkedStreams++;
                }
            }
        }

        return new SweepReport(recorded, checkedStreams);
    }
}
