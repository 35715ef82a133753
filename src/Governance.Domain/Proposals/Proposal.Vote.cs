using System.Collections.Immutable;

namespace Governance.Domain.Proposals;

/// <summary>The vote when consent fails (R8, R16): opened on its ground, cast by the representatives present with mandate, recusals, closed.</summary>
public static partial class Proposal
{
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
}
