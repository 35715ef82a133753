using System.Collections.Immutable;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using NodaTime;

namespace Governance.Domain.Tests.Proposals;

/// <summary>
/// R8/R14 as a property: for many random electorates, agreements and vote histories (votes changed, recusals),
/// the outcome the decider records at close equals a brute-force recount of the last vote per partner,
/// one weight unit at a time.
/// </summary>
public class WeightedOutcomePropertyTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 5, 12, 18, 0);

    [Fact]
    public void The_weighted_outcome_equals_a_brute_force_recount_for_random_electorates_R8_R14()
    {
        var random = new Random(20260512);
        var outcomes = new Dictionary<VoteOutcome, int>();
        for (var run = 0; run < 2000; run++)
        {
            var outcome = OneRandomVote(random, run);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // The generator reaches every outcome, so the property is not satisfied vacuously.
        Assert.All(Enum.GetValues<VoteOutcome>(), o => Assert.True(outcomes.GetValueOrDefault(o) > 50, $"{o}: {outcomes.GetValueOrDefault(o)}"));
    }

    private static VoteOutcome OneRandomVote(Random random, int run)
    {
        var residentsWeight = random.Next(2, 6);
        var professionalWeight = random.Next(1, residentsWeight);
        var majorities = new[] { Majority.Default, new Majority(new Fraction(2, 3), false), new Majority(Fraction.Half, true), new Majority(new Fraction(3, 5), true) };
        var quorums = new[] { Quorum.Default, new Quorum(new Fraction(2, 3), true), new Quorum(new Fraction(1, 3), false) };
        var agreements = WorkingAgreements.Default with
        {
            VoteWeights = new VoteWeights(residentsWeight, professionalWeight),
            Majority = majorities[random.Next(majorities.Length)],
            Quorum = quorums[random.Next(quorums.Length)],
        };

        var partnerCount = random.Next(1, 12);
        var members = Enumerable.Range(0, partnerCount).Select(i => new EligiblePartner(
            PartnerId.Parse($"partner-{i}"),
            i == 0 || random.Next(4) == 0 ? PartnerBody.Residents : PartnerBody.Professional,
            IsResidentsCollective: i == 0,
            Present: random.Next(10) < 8)).ToImmutableArray();
        var representatives = members.Where(m => m.Present).SelectMany((m, i) => Enumerable.Range(0, random.Next(1, 3)).Select(j =>
            new PresentRepresentative(Person(run, i, j), m.Partner, HasMandate: random.Next(5) > 0))).ToImmutableArray();

        var history = new List<ProposalEvent>
        {
            new ProposalTabled(ProposalId.Parse("p"), MeetingId.Parse("m"), AgendaItemId.Parse("i"), "t", "x",
                members[0].Partner, representatives.FirstOrDefault()?.Person ?? Person(run, 0, 0), [], false, 1, At),
            new ConsentRoundOpened(1, At),
        };
        var state = Apply(Proposal.Initial, history);
        state = Decide(state, new OpenVote(VoteGround.ConsentFailed, agreements, members, representatives, [], At));

        // Random steps: votes, changed votes, refused votes and recusals; refusals leave the state as it was.
        for (var step = random.Next(0, 25); step > 0; step--)
        {
            var representative = representatives.IsEmpty ? null : representatives[random.Next(representatives.Length)];
            if (representative is null)
            {
                break;
            }

            ProposalCommand command = random.Next(8) == 0
                ? new DeclareRecusal(representative.Person, "Belang", At)
                : new CastVote(representative.Person, representative.Partner, (VoteChoice)random.Next(3), At);
            try
            {
                state = Decide(state, command);
            }
            catch (RuleViolated)
            {
            }
        }

        var closed = Assert.IsType<VoteClosed>(Assert.Single(Proposal.Decide(new CloseVote(At), state)));
        var tabled = Assert.IsType<Proposal.State.Tabled>(state);

        Assert.Equal(BruteForce(agreements, members, tabled.Ballots), closed.Outcome);
        return closed.Outcome;
    }

    private static VoteOutcome BruteForce(WorkingAgreements agreements, ImmutableArray<EligiblePartner> members, ImmutableDictionary<PartnerId, Ballot> ballots)
    {
        var present = members.Count(m => m.Present);
        var residentsPresent = members.Any(m => m.IsResidentsCollective && m.Present);
        var q = agreements.Quorum;
        var quorum = present > 0 && (residentsPresent || !q.ResidentsCollectiveRequired)
            && present * q.OfMembers.Denominator >= q.OfMembers.Numerator * members.Length;
        if (!quorum)
        {
            return VoteOutcome.Void;
        }

        // Every weight unit is one vote in a hat.
        var hat = new List<VoteChoice>();
        foreach (var member in members)
        {
            if (ballots.TryGetValue(member.Partner, out var ballot))
            {
                var weight = member.Body == PartnerBody.Residents ? agreements.VoteWeights.ResidentsBody : agreements.VoteWeights.ProfessionalBody;
                hat.AddRange(Enumerable.Repeat(ballot.Choice, weight));
            }
        }

        var @for = hat.Count(c => c == VoteChoice.For);
        var counted = hat.Count(c => c != VoteChoice.Abstain || agreements.Majority.AbstentionsCount);
        var m = agreements.Majority.MoreThan;
        return @for * m.Denominator > m.Numerator * counted ? VoteOutcome.Adopted : VoteOutcome.Rejected;
    }

    private static PersonId Person(int run, int partner, int index) => PersonId.Parse($"p-{run:x6}{partner:x4}{index:x2}");

    private static Proposal.State Apply(Proposal.State state, IEnumerable<ProposalEvent> events) => events.Aggregate(state, Proposal.Evolve);

    private static Proposal.State Decide(Proposal.State state, ProposalCommand command) => Apply(state, Proposal.Decide(command, state));
}
