using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.Domain.YearPlans;

namespace Governance.Api.Commands;

/// <summary>A decider with its types erased, so one handler can run any stream's command.</summary>
public interface IDeciderRunner
{
    string StreamType { get; }

    /// <summary>Folds <paramref name="history"/> and decides <paramref name="command"/>: pure, may throw <see cref="RuleViolated"/>.</summary>
    IReadOnlyList<object> Decide(object command, IEnumerable<object> history);
}

/// <summary>Every stream type's decider, by <see cref="Decider{TCommand,TEvent,TState}.StreamType"/>.</summary>
public static class Deciders
{
    private sealed class Runner<TCommand, TEvent, TState>(Decider<TCommand, TEvent, TState> decider) : IDeciderRunner
        where TEvent : class
    {
        public string StreamType => decider.StreamType;

        public IReadOnlyList<object> Decide(object command, IEnumerable<object> history) =>
            [.. decider.Decide((TCommand)command, decider.Fold(history.Cast<TEvent>()))];
    }

    private static readonly Dictionary<string, IDeciderRunner> ByStreamType = new IDeciderRunner[]
    {
        new Runner<AllianceCommand, AllianceEvent, Alliance.State>(Alliance.Decider),
        new Runner<MeetingCommand, MeetingEvent, Meeting.State>(Meeting.Decider),
        new Runner<ProposalCommand, ProposalEvent, Proposal.State>(Proposal.Decider),
        new Runner<CommitmentCommand, CommitmentEvent, Commitment.State>(Commitment.Decider),
        new Runner<YearPlanCommand, YearPlanEvent, YearPlan.State>(YearPlan.Decider),
        new Runner<EscalationCommand, EscalationEvent, Escalation.State>(Escalation.Decider),
    }.ToDictionary(r => r.StreamType, StringComparer.Ordinal);

    public static IDeciderRunner For(string streamType) =>
        ByStreamType.TryGetValue(streamType, out var runner) ? runner : throw new ArgumentException($"No decider for stream type '{streamType}'.", nameof(streamType));
}
