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
/// </summary>
public static class Proposal
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

    private static IReadOnlyList<ProposalEvent> OpenRound(OpenConsentRound c, State.Tabled s)
    {
        if (s.Phase == Phase.ConsentRound)
        {
            return [];
        }

        Undecided(s, allowVoid: false);
        return [new ConsentRoundOpened(s.Version, c.Now)];
    }

    private static IReadOnlyList<ProposalEvent> Contribute(RecordContribution c, State.Tabled s)
    {
        InConsentRound(s);
        if (!Enum.IsDefined(c.Kind))
        {
            throw new RuleViolated("consent.contribution-kind-unknown", $"'{c.Kind}' is neither a question nor a reaction.");
        }

        var summary = Required(c.Summary, "consent.summary-required", "A question or reaction is recorded in summary.");
        return [new ContributionRecorded(s.Contributions + 1, c.Kind, c.By, c.Partner, summary, s.Version)];
    }

    private static IReadOnlyList<ProposalEvent> Object(RaiseObjection c, State.Tabled s)
    {
        InConsentRound(s);
        var reasons = Required(c.Reasons, "objection.reasons-required", "An objection gives its reasons.");
        return [new ObjectionRaised(s.Objections.Count + 1, c.By, c.Partner, reasons, s.Version)];
    }

    /// <summary>
    /// Issue 13: who objected, corrected by the chair or the secretary with a reason. Not bound to the round: the record of who
    /// spoke stays correctable after the decision (R21 shows it), and the speaker decides nothing about the outcome. The same
    /// values again decide nothing (a repeated form).
    /// </summary>
    private static IReadOnlyList<ProposalEvent> Correct(CorrectObjection c, State.Tabled s)
    {
        var office = Corrections.By(c.CorrectedAs);
        var objection = KnownObjection(s, c.Objection);
        if ((c.By, c.Partner) == (objection.By, objection.Partner))
        {
            return [];
        }

        var reason = Corrections.Reason(c.Reason);
        return [new ObjectionCorrected(c.Objection, objection.By, objection.Partner, c.By, c.Partner, c.CorrectedBy, office, reason, c.Now)];
    }

    private static IReadOnlyList<ProposalEvent> Test(TestObjection c, State.Tabled s)
    {
        InConsentRound(s);
        var objection = KnownObjection(s, c.Objection);
        if (!Enum.IsDefined(c.Finding))
        {
            throw new RuleViolated("objection.finding-unknown", $"'{c.Finding}' is neither a valid objection nor a concern.");
        }

        if (objection.Finding is { } finding)
        {
            return finding == c.Finding
                ? []
                : throw new RuleViolated("objection.already-tested", $"Objection {c.Objection} was tested as {finding}.");
        }

        return [new ObjectionTested(c.Objection, c.Finding, c.Note?.Trim() ?? string.Empty)];
    }

    private static IReadOnlyList<ProposalEvent> Resolve(ResolveObjection c, State.Tabled s)
    {
        InConsentRound(s);
        var objection = KnownObjection(s, c.Objection);
        switch (objection.Finding)
        {
            case null:
                throw new RuleViolated("objection.untested", $"Objection {c.Objection} has not been tested yet.");
            case ObjectionFinding.Concern:
                throw new RuleViolated("objection.is-a-concern", $"Objection {c.Objection} is a concern: recorded, it does not block.");
        }

        if (!Enum.IsDefined(c.Resolution))
        {
            throw new RuleViolated("objection.resolution-unknown", $"'{c.Resolution}' is not a way to resolve an objection.");
        }

        if (objection.Resolution is { } done)
        {
            return done == c.Resolution
                ? []
                : throw new RuleViolated("objection.already-resolved", $"Objection {c.Objection} was resolved by {done}.");
        }

        var note = c.Note?.Trim() ?? string.Empty;
        return c.Resolution switch
        {
            // Integrated: the text the round decides on is newer than the one objected to.
            ObjectionResolution.Amendment when s.Version <= objection.Version =>
                throw new RuleViolated("objection.not-amended", $"Objection {c.Objection} was raised against version {objection.Version}; amend the proposal first."),
            ObjectionResolution.Amendment => [new ObjectionResolved(c.Objection, c.Resolution, note, s.Version, null, null)],
            ObjectionResolution.Deferral when c.Owner is null || c.Due is null =>
                throw new RuleViolated("objection.deferral-needs-owner-and-date", "A deferred objection has an owner and a date."),
            ObjectionResolution.Deferral => [new ObjectionResolved(c.Objection, c.Resolution, note, null, c.Owner, c.Due)],
            _ => [new ObjectionResolved(c.Objection, c.Resolution, note, null, null, null)],
        };
    }

    private static IReadOnlyList<ProposalEvent> Consent(ReachConsent c, State.Tabled s)
    {
        InConsentRound(s);
        if (s.Objections.Values.FirstOrDefault(o => o.Finding is null) is { } untested)
        {
            throw new RuleViolated("objection.untested", $"Objection {untested.Number} has not been tested yet.");
        }

        // R8: consent is the absence of a valid objection that still stands; concerns do not block.
        if (s.Objections.Values.FirstOrDefault(o => o.Blocks) is { } standing)
        {
            throw new RuleViolated("R8.unresolved-objection", $"Valid objection {standing.Number} has not been resolved.");
        }

        return [new ConsentReached(s.Version, c.Now)];
    }

    private static IReadOnlyList<ProposalEvent> OpenVote(OpenVote c, State.Tabled s)
    {
        if (s.Phase == Phase.Voting)
        {
            throw new RuleViolated("vote.already-open", "The vote is open already.");
        }

        Undecided(s, allowVoid: true);
        if (!Enum.IsDefined(c.Ground))
        {
            throw new RuleViolated("vote.ground-unknown", $"'{c.Ground}' is not a ground for a vote.");
        }

        // R8: consent first. R13: a deadlock on the agenda, the year planning or a budget goes to the vote straight away.
        if (s.Phase == Phase.Tabled && c.Ground == VoteGround.ConsentFailed)
        {
            throw new RuleViolated("R8.consent-first", "Hold a consent round first; only a deadlock (R13) goes to the vote straight away.");
        }

        if (c.Agreements is null)
        {
            throw new RuleViolated("agreements.incomplete", "A vote applies the working agreements in force.");
        }

        var violations = c.Agreements.Violations();
        if (violations.Count > 0)
        {
            throw new RuleViolated(violations[0], $"The agreements cannot work: {string.Join(", ", violations)}.");
        }

        var members = (c.Members.IsDefault ? [] : c.Members).DistinctBy(m => m.Partner).ToList();
        if (members.Count == 0)
        {
            throw new RuleViolated("vote.no-members", "A vote needs the alliance's member partners.");
        }

        // R14: the weight of each partner's vote under the agreements in force, snapshotted for the whole vote.
        var electors = members.Select(m => new Elector(m.Partner, m.Body, c.Agreements.VoteWeights.For(m.Body), m.IsResidentsCollective, m.Present));
        var memberIds = members.Select(m => m.Partner).ToHashSet();
        var representatives = (c.Representatives.IsDefault ? [] : c.Representatives)
            .Where(r => memberIds.Contains(r.Partner))
            .DistinctBy(r => r.Person)
            .ToImmutableArray();
        var electorate = new Electorate(
            c.Agreements.Version, c.Agreements.Majority, c.Agreements.Quorum, c.Agreements.SecretVotesUntilClose, [.. electors], representatives);

        // R16: a register entry about a partner this proposal concerns recuses its holder, unless it is the partner
        // the person represents (a partner votes on what concerns it: R9 needs its voice, not its silence).
        var declarations = c.Declarations.IsDefault ? [] : c.Declarations;
        var recusals = representatives
            .Where(r => !s.Recused.ContainsKey(r.Person))
            .Select(r => (Representative: r, Declaration: declarations.FirstOrDefault(d =>
                d.Person == r.Person && d.Partner is { } about && about != r.Partner && s.Concerns.Contains(about))))
            .Where(x => x.Declaration is not null)
            .Select(x => new RepresentativeRecused(x.Representative.Person, x.Representative.Partner, RecusalGround.InterestRegister,
                x.Declaration!.Declaration, null, VoidsVote: false));

        return [new VoteOpened(s.Round + 1, c.Ground, s.Version, electorate, c.Now), .. recusals];
    }

    private static IReadOnlyList<ProposalEvent> Cast(CastVote c, State.Tabled s)
    {
        var electorate = VotingOn(s);
        if (!Enum.IsDefined(c.Choice))
        {
            throw new RuleViolated("vote.choice-unknown", $"'{c.Choice}' is not for, against or abstain.");
        }

        if (electorate.ElectorOf(c.Partner) is null)
        {
            throw new RuleViolated("vote.partner-not-eligible", $"'{c.Partner}' was not a member partner when the vote opened.");
        }

        var representative = electorate.RepresentativeOf(c.By)
            ?? throw new RuleViolated("vote.not-present", $"Person '{c.By}' was not present as a representative when the vote opened.");
        if (representative.Partner != c.Partner)
        {
            throw new RuleViolated("vote.other-partner", $"Person '{c.By}' represents '{representative.Partner}'.");
        }

        if (!representative.HasMandate)
        {
            throw new RuleViolated("vote.no-mandate", $"Person '{c.By}' has no mandate to vote for '{c.Partner}'.");
        }

        if (s.Recused.ContainsKey(c.By))
        {
            throw new RuleViolated("R16.recused", $"Person '{c.By}' is recused from this vote.");
        }

        if (s.Ballots.TryGetValue(c.Partner, out var ballot))
        {
            // One vote per partner: the representative who cast it may change it until close; the history keeps both.
            if (ballot.By != c.By)
            {
                throw new RuleViolated("vote.partner-already-voted", $"'{c.Partner}' has voted already, by another representative.");
            }

            return ballot.Choice == c.Choice ? [] : [new VoteCast(c.Partner, c.By, c.Choice, ballot.Choice, c.Now)];
        }

        return [new VoteCast(c.Partner, c.By, c.Choice, null, c.Now)];
    }

    private static IReadOnlyList<ProposalEvent> Recuse(DeclareRecusal c, State.Tabled s)
    {
        var electorate = VotingOn(s);
        var representative = electorate.RepresentativeOf(c.Person)
            ?? throw new RuleViolated("vote.not-present", $"Person '{c.Person}' was not present as a representative when the vote opened.");
        if (s.Recused.ContainsKey(c.Person))
        {
            return [];
        }

        var reason = Required(c.Reason, "R16.reason-required", "A recusal at the table says which interest.");
        var voids = s.Ballots.TryGetValue(representative.Partner, out var ballot) && ballot.By == c.Person;
        return [new RepresentativeRecused(c.Person, representative.Partner, RecusalGround.DeclaredAtTheTable, null, reason, voids)];
    }

    private static IReadOnlyList<ProposalEvent> Close(CloseVote c, State.Tabled s)
    {
        // Closing a closed vote again changes nothing (a void vote cannot be followed by consent, so the last vote is the last word).
        if (s.LastVoteOutcome is not null && s.Phase is Phase.Adopted or Phase.Rejected or Phase.Void)
        {
            return [];
        }

        var electorate = VotingOn(s);
        var tally = s.Tally!;
        return [new VoteClosed(
            s.Round, tally.Outcome, s.Version,
            tally.For.Count, tally.For.Weight, tally.Against.Count, tally.Against.Weight, tally.Abstain.Count, tally.Abstain.Weight,
            tally.Quorum, electorate.AgreementsVersion, c.Now)];
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

    private static IReadOnlyList<ProposalEvent> Decline(DeclineExecution c, State.Tabled s)
    {
        if (s.Phase != Phase.Adopted)
        {
            throw new RuleViolated("R9.not-adopted", "Only an adopted decision can become advice.");
        }

        if (!s.Concerns.Contains(c.Partner))
        {
            throw new RuleViolated("R9.not-concerned", $"The decision does not concern '{c.Partner}'.");
        }

        if (s.Advice.ContainsKey(c.Partner))
        {
            return [];
        }

        var reason = Required(c.Reason, "R9.reason-required", "Declining says why the partner will not or cannot execute it.");
        if (c.Agreements is null)
        {
            throw new RuleViolated("agreements.incomplete", "Advice applies the working agreements in force.");
        }

        // R9: the motivation is due a lead time after the refusal, counted in Amsterdam civil time like every lead time.
        var due = c.Agreements.AdviceMotivation.DueAfter(c.Now.InZone(Meeting.Zone));
        return [new ExecutionDeclined(c.Partner, c.By, reason, c.Now, due, c.Agreements.Version)];
    }

    private static IReadOnlyList<ProposalEvent> Motivate(RecordAdviceMotivation c, State.Tabled s)
    {
        if (!s.Advice.TryGetValue(c.Partner, out var advice))
        {
            throw new RuleViolated("R9.no-advice", $"The decision is no advice to '{c.Partner}'.");
        }

        var motivation = Required(c.Motivation, "R9.motivation-required", "A motivation is written.");
        if (advice.Motivation is { } recorded)
        {
            return (recorded.Motivation, recorded.FollowsAdvice) == (motivation, c.FollowsAdvice)
                ? []
                : throw new RuleViolated("R9.motivation-recorded", $"'{c.Partner}' has given its motivation already.");
        }

        // A late motivation is still the motivation R9 asks for; the record says it was late.
        return [new AdviceMotivationRecorded(c.Partner, c.By, motivation, c.FollowsAdvice, c.Now, Late: c.Now > advice.Due)];
    }

    private static IReadOnlyList<ProposalEvent> Overdue(RecordAdviceMotivationOverdue c, State.Tabled s) =>
        [.. s.Advice.Values
            .Where(a => a.Motivation is null && !a.Overdue && c.Now > a.Due)
            .OrderBy(a => a.Due)
            .ThenBy(a => a.Partner.Value, StringComparer.Ordinal)
            .Select(a => new AdviceMotivationOverdue(a.Partner, a.Due, c.Now))];

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

    private static State.Tabled WithObjection(State.Tabled s, int number, Func<Objection, Objection> change) =>
        s.Objections.TryGetValue(number, out var o) ? s with { Objections = s.Objections.SetItem(number, change(o)) } : s;

    private static Objection KnownObjection(State.Tabled s, int number) =>
        s.Objections.TryGetValue(number, out var o) ? o : throw new RuleViolated("objection.unknown", $"There is no objection {number}.");

    private static void InConsentRound(State.Tabled s)
    {
        if (s.Phase != Phase.ConsentRound)
        {
            Undecided(s, allowVoid: false);
            throw s.Phase == Phase.Voting
                ? new RuleViolated("vote.open", "The round is over: the proposal is being voted on.")
                : new RuleViolated("consent.not-open", "The chair has not opened the consent round.");
        }
    }

    private static Electorate VotingOn(State.Tabled s)
    {
        if (s.Phase == Phase.Voting)
        {
            return s.Electorate!;
        }

        throw s.LastVoteOutcome is not null
            ? new RuleViolated("vote.closed", "The vote has been closed.")
            : new RuleViolated("vote.not-open", "No vote is open on this proposal.");
    }

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
