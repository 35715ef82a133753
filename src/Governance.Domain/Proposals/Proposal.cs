using System.Collections.Immutable;
using System.Diagnostics;
using Governance.Domain.Meetings;
using NodaTime;

namespace Governance.Domain.Proposals;

/// <summary>What a proposal's record says now; <see cref="Proposal.State.Tabled.Status"/>.</summary>
public enum ProposalStatus
{
    Tabled,
    ConsentRound,
    Voting,
    Adopted,
    Rejected,
    Void,
    Withdrawn,
    Deferred,

    /// <summary>R9: adopted, and at least one concerned partner declined; a motivation is still due.</summary>
    AdvicePending,

    /// <summary>R9: every partner that declined has given its motivation.</summary>
    AdviceAnswered,

    /// <summary>R9: a motivation is overdue and still missing.</summary>
    AdviceOverdue,
}

/// <summary>
/// The decider of one proposal's stream, tied to an agenda item: its text versions, the consent round with every
/// objection and what was done with it (R8, R21), the weighted vote with recusals (R8, R13, R14, R16), and the
/// advice to partners that decline to execute it (R9). Facts from the alliance and the meeting come on the commands.
/// This file holds the state, the dispatch, tabling and the fold; the consent round, the vote and the advice are in
/// Proposal.Consent.cs, Proposal.Vote.cs and Proposal.Advice.cs.
/// </summary>
public static partial class Proposal
{
    public static State Initial { get; } = new State.NotTabled();

    /// <summary>One stream per proposal, with id <see cref="ProposalId.StreamId"/> within the alliance's tenant.</summary>
    public static Decider<ProposalCommand, ProposalEvent, State> Decider { get; } = new(Decide, Evolve, Initial, "proposal");

    public enum Phase
    {
        Tabled,
        ConsentRound,
        Voting,
        Adopted,
        Rejected,

        /// <summary>The last vote missed its quorum; the chair may hold it again, or withdraw or defer the proposal.</summary>
        Void,
        Withdrawn,
        Deferred,
    }

    public abstract record State
    {
        private State()
        {
        }

        public sealed record NotTabled : State;

        public sealed record Tabled(
            ProposalId Id,
            MeetingId Meeting,
            AgendaItemId Item,
            string Title,
            PartnerId ProposerPartner,
            PersonId Proposer,
            ImmutableArray<PartnerId> Concerns,
            bool UnderWaiver,
            int Version,
            string Text,
            Phase Phase,
            int Contributions,
            ImmutableSortedDictionary<int, Objection> Objections,
            int Round,
            Electorate? Electorate,
            ImmutableDictionary<PartnerId, Ballot> Ballots,
            ImmutableDictionary<PersonId, PartnerId> Recused,
            DecisionMethod? Method,
            int? DecidedVersion,
            VoteOutcome? LastVoteOutcome,
            ImmutableDictionary<PartnerId, Advice> Advice) : State
        {
            /// <summary>The status list of the proposal view (issue 5 §3).</summary>
            public ProposalStatus Status => Phase switch
            {
                Phase.Tabled => ProposalStatus.Tabled,
                Phase.ConsentRound => ProposalStatus.ConsentRound,
                Phase.Voting => ProposalStatus.Voting,
                Phase.Rejected => ProposalStatus.Rejected,
                Phase.Void => ProposalStatus.Void,
                Phase.Withdrawn => ProposalStatus.Withdrawn,
                Phase.Deferred => ProposalStatus.Deferred,
                Phase.Adopted when Advice.IsEmpty => ProposalStatus.Adopted,
                Phase.Adopted when Advice.Values.Any(a => a.Overdue && a.Motivation is null) => ProposalStatus.AdviceOverdue,
                Phase.Adopted when Advice.Values.Any(a => a.Motivation is null) => ProposalStatus.AdvicePending,
                Phase.Adopted => ProposalStatus.AdviceAnswered,
                _ => throw new UnreachableException($"No status for phase {Phase}."),
            };

            /// <summary>The count of the current (or last) vote; null before any vote was opened.</summary>
            public Tally? Tally => Electorate is null ? null : Proposals.Tally.Of(Electorate, Ballots, Recused.Keys.ToHashSet());
        }
    }

    /// <summary>An objection and what the round did with it (R21).</summary>
    public sealed record Objection(
        int Number,
        PersonId By,
        PartnerId? Partner,
        string Reasons,
        int Version,
        ObjectionFinding? Finding,
        ObjectionResolution? Resolution)
    {
        public bool Blocks => Finding is null || (Finding == ObjectionFinding.ValidObjection && Resolution is null);
    }

    /// <summary>R9: advice to one partner and its motivation.</summary>
    public sealed record Advice(PartnerId Partner, Instant DeclinedAt, Instant Due, AdviceMotivationRecorded? Motivation, bool Overdue);

    public static IReadOnlyList<ProposalEvent> Decide(ProposalCommand command, State state)
    {
        ArgumentNullException.ThrowIfNull(command);
        return (command, state) switch
        {
            // The sweeper's check never refuses: nothing to record is an answer, not an error.
            (RecordAdviceMotivationOverdue c, State.Tabled s) => Overdue(c, s),
            (RecordAdviceMotivationOverdue, _) => [],
            (TableProposal c, State.NotTabled) => Table(c),
            (TableProposal c, State.Tabled s) => TableAgain(c, s),
            (_, State.Tabled s) => command switch
            {
                AmendProposal c => Amend(c, s),
                OpenConsentRound c => OpenRound(c, s),
                RecordContribution c => Contribute(c, s),
                RaiseObjection c => Object(c, s),
                TestObjection c => Test(c, s),
                ResolveObjection c => Resolve(c, s),
                CorrectObjection c => Correct(c, s),
                ReachConsent c => Consent(c, s),
                OpenVote c => OpenVote(c, s),
                CastVote c => Cast(c, s),
                DeclareRecusal c => Recuse(c, s),
                CloseVote c => Close(c, s),
                WithdrawProposal c => Withdraw(c, s),
                DeferProposal c => Defer(c, s),
                DeclineExecution c => Decline(c, s),
                RecordAdviceMotivation c => Motivate(c, s),
                _ => throw new UnreachableException($"No decision for {command.GetType().Name}."),
            },
            _ => throw new RuleViolated("proposal.not-tabled", "The proposal has not been tabled."),
        };
    }

    private static IReadOnlyList<ProposalEvent> Table(TableProposal c)
    {
        var (title, text) = ValidText(c);

        // R7: no decision on an item whose information residents did not have in time, unless they waived.
        c.Decidability.ThrowIfNotDecidable();
        return [new ProposalTabled(
            c.Proposal, c.Meeting, c.Item, title, text, c.ProposerPartner, c.Proposer, Distinct(c.Concerns),
            c.Decidability.UnderWaiver, c.Decidability.AgreementsVersion ?? 0, c.Now)];
    }

    private static IReadOnlyList<ProposalEvent> TableAgain(TableProposal c, State.Tabled s)
    {
        var (title, text) = ValidText(c);
        return (c.Proposal, c.Meeting, c.Item, title, c.ProposerPartner, c.Proposer) == (s.Id, s.Meeting, s.Item, s.Title, s.ProposerPartner, s.Proposer)
            && s.Version == 1 && s.Text == text && Distinct(c.Concerns).SequenceEqual(s.Concerns)
            ? []
            : throw new RuleViolated("proposal.already-tabled", $"Proposal '{s.Id}' has been tabled already; amend it instead.");
    }

    private static (string Title, string Text) ValidText(TableProposal c)
    {
        if (c.Decidability is null || c.Decidability.Item != c.Item)
        {
            throw new ArgumentException("The host passes the decidability of the proposal's own agenda item.", nameof(c));
        }

        return (Required(c.Title, "proposal.title-required", "A proposal needs a title."),
            Required(c.Text, "proposal.text-required", "A proposal needs a text."));
    }

    private static IReadOnlyList<ProposalEvent> Amend(AmendProposal c, State.Tabled s)
    {
        Undecided(s, allowVoid: false);
        var text = Required(c.Text, "proposal.text-required", "A proposal needs a text.");
        if (text == s.Text)
        {
            return [];
        }

        return [new ProposalAmended(s.Version + 1, text, Required(c.Reason, "proposal.reason-required", "An amendment says why."), c.Now)];
    }

    private static IReadOnlyList<ProposalEvent> Withdraw(WithdrawProposal c, State.Tabled s)
    {
        if (s.Phase == Phase.Withdrawn)
        {
            return [];
        }

        Undecided(s, allowVoid: true);
        return [new ProposalWithdrawn(Required(c.Reason, "proposal.reason-required", "Withdrawing a proposal needs a reason."), c.Now)];
    }

    private static IReadOnlyList<ProposalEvent> Defer(DeferProposal c, State.Tabled s)
    {
        Undecided(s, allowVoid: true, allowDeferred: true);
        if (c.To == s.Meeting)
        {
            throw new RuleViolated("proposal.deferred-to-same-meeting", "A proposal is deferred to another meeting.");
        }

        if (s.Phase == Phase.Deferred)
        {
            return [];
        }

        return [new ProposalDeferred(Required(c.Reason, "proposal.reason-required", "Deferring a proposal needs a reason."), c.To, c.Now)];
    }

    public static State Evolve(State state, ProposalEvent @event) => (state, @event) switch
    {
        (State.NotTabled, ProposalTabled e) => new State.Tabled(
            e.Proposal, e.Meeting, e.Item, e.Title, e.ProposerPartner, e.Proposer, e.Concerns.IsDefault ? [] : e.Concerns, e.UnderWaiver,
            Version: 1, e.Text, Phase.Tabled, Contributions: 0, ImmutableSortedDictionary<int, Objection>.Empty, Round: 0, Electorate: null,
            ImmutableDictionary<PartnerId, Ballot>.Empty, ImmutableDictionary<PersonId, PartnerId>.Empty, Method: null, DecidedVersion: null,
            LastVoteOutcome: null, ImmutableDictionary<PartnerId, Advice>.Empty),
        (State.Tabled s, ProposalAmended e) => s with { Version = e.Version, Text = e.Text },
        (State.Tabled s, ConsentRoundOpened) => s with { Phase = Phase.ConsentRound },
        (State.Tabled s, ContributionRecorded e) => s with { Contributions = e.Number },
        (State.Tabled s, ObjectionRaised e) => s with
        {
            Objections = s.Objections.SetItem(e.Objection, new Objection(e.Objection, e.By, e.Partner, e.Reasons, e.Version, null, null)),
        },
        (State.Tabled s, ObjectionCorrected e) => WithObjection(s, e.Objection, o => o with { By = e.By, Partner = e.Partner }),
        (State.Tabled s, ObjectionTested e) => WithObjection(s, e.Objection, o => o with { Finding = e.Finding }),
        (State.Tabled s, ObjectionResolved e) => WithObjection(s, e.Objection, o => o with { Resolution = e.Resolution }),
        (State.Tabled s, ConsentReached e) => s with { Phase = Phase.Adopted, Method = DecisionMethod.Consent, DecidedVersion = e.Version },
        (State.Tabled s, VoteOpened e) => s with
        {
            Phase = Phase.Voting,
            Round = e.Round,
            Electorate = e.Electorate,
            Ballots = ImmutableDictionary<PartnerId, Ballot>.Empty,
            LastVoteOutcome = null,
        },
        (State.Tabled s, RepresentativeRecused e) => s with
        {
            Recused = s.Recused.SetItem(e.Person, e.Partner),
            Ballots = e.VoidsVote ? s.Ballots.Remove(e.Partner) : s.Ballots,
        },
        (State.Tabled s, VoteCast e) => s with { Ballots = s.Ballots.SetItem(e.Partner, new Ballot(e.By, e.Choice)) },
        (State.Tabled s, VoteClosed e) => s with
        {
            Phase = e.Outcome switch
            {
                VoteOutcome.Adopted => Phase.Adopted,
                VoteOutcome.Rejected => Phase.Rejected,
                _ => Phase.Void,
            },
            Method = e.Outcome == VoteOutcome.Void ? s.Method : DecisionMethod.Vote,
            DecidedVersion = e.Outcome == VoteOutcome.Void ? s.DecidedVersion : e.Version,
            LastVoteOutcome = e.Outcome,
        },
        (State.Tabled s, ProposalWithdrawn) => s with { Phase = Phase.Withdrawn },
        (State.Tabled s, ProposalDeferred) => s with { Phase = Phase.Deferred },
        (State.Tabled s, ExecutionDeclined e) => s with
        {
            Advice = s.Advice.SetItem(e.Partner, new Advice(e.Partner, e.DeclinedAt, e.MotivationDue, null, Overdue: false)),
        },
        (State.Tabled s, AdviceMotivationRecorded e) when s.Advice.TryGetValue(e.Partner, out var a) =>
            s with { Advice = s.Advice.SetItem(e.Partner, a with { Motivation = e }) },
        (State.Tabled s, AdviceMotivationOverdue e) when s.Advice.TryGetValue(e.Partner, out var a) =>
            s with { Advice = s.Advice.SetItem(e.Partner, a with { Overdue = true }) },
        _ => state,
    };

    /// <summary>Refuses what can only happen before a decision: amending, a round, a vote, withdrawing or deferring.</summary>
    private static void Undecided(State.Tabled s, bool allowVoid, bool allowDeferred = false)
    {
        switch (s.Phase)
        {
            case Phase.Tabled or Phase.ConsentRound:
                return;
            case Phase.Void when allowVoid:
                return;
            case Phase.Deferred when allowDeferred:
                return;
            case Phase.Voting:
                throw new RuleViolated("vote.open", "The proposal is being voted on; close the vote first.");
            case Phase.Void:
                throw new RuleViolated("vote.void", "The vote was void; hold it again, or withdraw or defer the proposal.");
            case Phase.Withdrawn:
                throw new RuleViolated("proposal.withdrawn", "The proposal was withdrawn.");
            case Phase.Deferred:
                throw new RuleViolated("proposal.deferred", "The proposal was deferred; table it anew at the later meeting.");
            default:
                throw new RuleViolated("proposal.decided", "The proposal has been decided.");
        }
    }

    private static ImmutableArray<PartnerId> Distinct(ImmutableArray<PartnerId> partners) =>
        partners.IsDefault ? [] : [.. partners.Distinct()];

    private static string Required(string? text, string code, string detail) =>
        string.IsNullOrWhiteSpace(text) ? throw new RuleViolated(code, detail) : text.Trim();
}
