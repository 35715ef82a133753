using Governance.Domain.Proposals;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Proposals.ProposalFixtures;

namespace Governance.Domain.Tests.Proposals;

public class OpeningTheVoteTests
{
    [Fact]
    public void The_chair_opens_the_vote_when_consent_fails_with_the_electorate_snapshotted_R8_R14() =>
        InConsentRound
            .When(OpenVote())
            .Then(Opened(Electorate()))
            .AndThen(state =>
            {
                var tabled = AsTabled(state);
                Assert.Equal(ProposalStatus.Voting, tabled.Status);
                Assert.Equal([2, 1, 1, 1], tabled.Electorate!.Partners.Select(p => p.Weight));
            });

    [Fact]
    public void Weights_come_from_the_agreements_in_force_when_the_vote_opens_R14()
    {
        var amended = WorkingAgreements.Default with { Version = 3, VoteWeights = new VoteWeights(3, 1) };

        InConsentRound
            .When(OpenVote(agreements: amended))
            .Then(Opened(Electorate(amended)))
            .AndThen(state => Assert.Equal(3, AsTabled(state).Electorate!.ElectorOf(Bcop)!.Weight));
    }

    [Fact]
    public void Without_a_consent_round_the_chair_cannot_go_to_the_vote_R8() =>
        TabledProposal.When(OpenVote()).ThenViolates("R8.consent-first");

    [Theory]
    [InlineData(VoteGround.AgendaDeadlock)]
    [InlineData(VoteGround.YearPlanningDeadlock)]
    [InlineData(VoteGround.BudgetDeadlock)]
    public void In_a_deadlock_on_the_agenda_the_year_planning_or_a_budget_the_chair_goes_straight_to_the_vote_R13(VoteGround ground) =>
        TabledProposal.When(OpenVote(ground)).Then(Opened(Electorate(), ground: ground));

    [Fact]
    public void A_vote_cannot_be_opened_twice() =>
        Voting.When(OpenVote()).ThenViolates("vote.already-open");

    [Fact]
    public void A_representative_with_a_registered_interest_in_a_concerned_partner_is_recused_when_the_vote_opens_R16()
    {
        var declaration = new InterestOnRecord(SubsidyDeclaration, HousingOfficer, Stadsdeel, null);

        InConsentRound
            .When(OpenVote(declarations: [declaration]))
            .Then(
                Opened(Electorate()),
                new RepresentativeRecused(HousingOfficer, Ymere, RecusalGround.InterestRegister, SubsidyDeclaration, null, VoidsVote: false));
    }

    [Fact]
    public void A_declaration_about_the_own_partner_or_an_unconcerned_partner_recuses_nobody_R16() =>
        InConsentRound
            .When(OpenVote(declarations:
            [
                new InterestOnRecord(SubsidyDeclaration, CivilServant, Stadsdeel, null),
                new InterestOnRecord(DeclarationId.Parse("d-0002"), HousingOfficer, Eigenwijks, null),
            ]))
            .Then(Opened(Electorate()));
}

public class CastingVotesTests
{
    [Fact]
    public void A_representative_with_mandate_casts_the_partners_vote() =>
        Voting.When(Vote(Resident, Bcop, VoteChoice.For)).Then(Cast(Bcop, Resident, VoteChoice.For));

    [Fact]
    public void A_representative_without_mandate_is_refused() =>
        Voting.When(Vote(Caretaker, Eigenwijks, VoteChoice.For)).ThenViolates("vote.no-mandate");

    [Fact]
    public void Someone_not_present_as_a_representative_is_refused() =>
        Voting.When(Vote(Stranger, Bcop, VoteChoice.For)).ThenViolates("vote.not-present");

    [Fact]
    public void A_representative_votes_only_for_its_own_partner() =>
        Voting.When(Vote(CivilServant, Bcop, VoteChoice.Against)).ThenViolates("vote.other-partner");

    [Fact]
    public void A_partner_that_was_no_member_when_the_vote_opened_does_not_vote() =>
        Voting.When(Vote(Resident, PartnerId.Parse("vve-de-punt"), VoteChoice.For)).ThenViolates("vote.partner-not-eligible");

    [Fact]
    public void A_partner_votes_once_so_its_second_representative_is_refused() =>
        Voting.Given(Cast(Bcop, Resident, VoteChoice.For))
            .When(Vote(Neighbour, Bcop, VoteChoice.Against))
            .ThenViolates("vote.partner-already-voted");

    [Fact]
    public void The_same_vote_again_decides_nothing() =>
        Voting.Given(Cast(Bcop, Resident, VoteChoice.For)).When(Vote(Resident, Bcop, VoteChoice.For)).ThenNothing();

    [Fact]
    public void A_vote_changed_before_close_names_the_earlier_choice_and_the_last_one_counts() =>
        Voting.Given(Cast(Bcop, Resident, VoteChoice.For))
            .When(Vote(Resident, Bcop, VoteChoice.Against))
            .Then(Cast(Bcop, Resident, VoteChoice.Against, replaces: VoteChoice.For))
            .AndThen(state =>
            {
                var tally = AsTabled(state).Tally!;
                Assert.Equal((0, 1, 2), (tally.For.Count, tally.Against.Count, tally.Against.Weight));
            });

    [Fact]
    public void A_vote_after_close_is_refused() =>
        Voting.Given(Cast(Bcop, Resident, VoteChoice.For), Closed(VoteOutcome.Adopted, f: (1, 2)))
            .When(Vote(CivilServant, Stadsdeel, VoteChoice.Against))
            .ThenViolates("vote.closed");

    [Fact]
    public void A_vote_before_the_vote_opened_is_refused() =>
        InConsentRound.When(Vote(Resident, Bcop, VoteChoice.For)).ThenViolates("vote.not-open");

    [Fact]
    public void A_recused_representative_cannot_vote_R16() =>
        Voting.Given(new RepresentativeRecused(HousingOfficer, Ymere, RecusalGround.InterestRegister, SubsidyDeclaration, null, false))
            .When(Vote(HousingOfficer, Ymere, VoteChoice.For))
            .ThenViolates("R16.recused");

    [Fact]
    public void A_partner_whose_only_present_representative_is_recused_does_not_vote_R16()
    {
        var state = AsTabled(Voting.Given(
            new RepresentativeRecused(HousingOfficer, Ymere, RecusalGround.InterestRegister, SubsidyDeclaration, null, false)).State);

        Assert.Contains(Ymere, state.Tally!.CannotVote);
        Assert.DoesNotContain(Ymere, state.Tally.NotYetVoted);
    }

    [Fact]
    public void A_partner_with_another_representative_still_votes_when_one_is_recused_R16() =>
        Voting.Given(new RepresentativeRecused(Resident, Bcop, RecusalGround.DeclaredAtTheTable, null, "Eigen tuin aan het pad", false))
            .When(Vote(Neighbour, Bcop, VoteChoice.For))
            .Then(Cast(Bcop, Neighbour, VoteChoice.For));

    [Fact]
    public void A_recusal_declared_at_the_table_after_voting_voids_that_vote_R16() =>
        Voting.Given(Cast(Bcop, Resident, VoteChoice.For))
            .When(new DeclareRecusal(Resident, "Eigen tuin aan het pad", DuringTheMeeting))
            .Then(new RepresentativeRecused(Resident, Bcop, RecusalGround.DeclaredAtTheTable, null, "Eigen tuin aan het pad", VoidsVote: true))
            .AndThen(state => Assert.Empty(AsTabled(state).Ballots));

    [Fact]
    public void A_recusal_at_the_table_names_the_interest_R16() =>
        Voting.When(new DeclareRecusal(Resident, " ", DuringTheMeeting)).ThenViolates("R16.reason-required");

    internal static VoteClosed Closed(
        VoteOutcome outcome, (int Count, int Weight) f = default, (int Count, int Weight) a = default, (int Count, int Weight) x = default,
        QuorumStatus? quorum = null, int version = 1, int round = 1) =>
        new(round, outcome, version, f.Count, f.Weight, a.Count, a.Weight, x.Count, x.Weight,
            quorum ?? new QuorumStatus(4, 4, true, true), 1, DuringTheMeeting);
}

public class ClosingTheVoteTests
{
    private static readonly CloseVote Close = new(DuringTheMeeting);

    [Fact]
    public void The_residents_weight_decides_a_vote_between_one_partner_for_and_one_against_R8_R14() =>
        Voting.Given(Cast(Bcop, Resident, VoteChoice.For), Cast(Stadsdeel, CivilServant, VoteChoice.Against), Cast(Ymere, HousingOfficer, VoteChoice.Abstain))
            .When(Close)
            .Then(CastingVotesTests.Closed(VoteOutcome.Adopted, f: (1, 2), a: (1, 1), x: (1, 1)))
            .AndThen(state =>
            {
                var tabled = AsTabled(state);
                Assert.Equal(ProposalStatus.Adopted, tabled.Status);
                Assert.Equal(DecisionMethod.Vote, tabled.Method);
                Assert.Equal(1, tabled.DecidedVersion);
            });

    [Fact]
    public void A_tie_is_not_adopted_R8() =>
        Voting.Given(Cast(Bcop, Resident, VoteChoice.Against), Cast(Stadsdeel, CivilServant, VoteChoice.For), Cast(Ymere, HousingOfficer, VoteChoice.For))
            .When(Close)
            .Then(CastingVotesTests.Closed(VoteOutcome.Rejected, f: (2, 2), a: (1, 2)))
            .AndThen(state => Assert.Equal(ProposalStatus.Rejected, AsTabled(state).Status));

    [Fact]
    public void Abstentions_only_adopt_nothing_R8() =>
        Voting.Given(Cast(Bcop, Resident, VoteChoice.Abstain), Cast(Stadsdeel, CivilServant, VoteChoice.Abstain))
            .When(Close)
            .Then(CastingVotesTests.Closed(VoteOutcome.Rejected, x: (2, 3)));

    [Fact]
    public void Abstentions_are_not_counted_so_one_for_against_many_abstentions_is_adopted_R8() =>
        Voting.Given(Cast(Stadsdeel, CivilServant, VoteChoice.For), Cast(Bcop, Resident, VoteChoice.Abstain), Cast(Ymere, HousingOfficer, VoteChoice.Abstain))
            .When(Close)
            .Then(CastingVotesTests.Closed(VoteOutcome.Adopted, f: (1, 1), x: (2, 3)));

    [Fact]
    public void Without_the_residents_collective_present_the_quorum_is_not_met_and_the_vote_is_void() =>
        InConsentRound.Given(Opened(Electorate(members: Members(absent: Bcop))), Cast(Stadsdeel, CivilServant, VoteChoice.For))
            .When(Close)
            .Then(CastingVotesTests.Closed(VoteOutcome.Void, f: (1, 1), quorum: new QuorumStatus(3, 4, false, false)))
            .AndThen(state => Assert.Equal(ProposalStatus.Void, AsTabled(state).Status));

    [Fact]
    public void Fewer_than_half_the_members_present_is_no_quorum() =>
        InConsentRound.Given(Opened(Electorate(members: Members(absent: [Stadsdeel, Ymere, Eigenwijks]))), Cast(Bcop, Resident, VoteChoice.For))
            .When(Close)
            .Then(CastingVotesTests.Closed(VoteOutcome.Void, f: (1, 2), quorum: new QuorumStatus(1, 4, true, false)));

    [Fact]
    public void Exactly_half_the_members_present_with_the_residents_collective_is_a_quorum() =>
        InConsentRound.Given(Opened(Electorate(members: Members(absent: [Ymere, Eigenwijks]))), Cast(Bcop, Resident, VoteChoice.For))
            .When(Close)
            .Then(CastingVotesTests.Closed(VoteOutcome.Adopted, f: (1, 2), quorum: new QuorumStatus(2, 4, true, true)));

    [Fact]
    public void A_void_vote_can_be_held_again_as_round_2()
    {
        var voided = InConsentRound.Given(
            Opened(Electorate(members: Members(absent: Bcop))),
            CastingVotesTests.Closed(VoteOutcome.Void, quorum: new QuorumStatus(3, 4, false, false)));

        voided.When(OpenVote()).Then(Opened(Electorate(), round: 2));
        voided.When(new AmendProposal(TextV2, "Na de stemming", DuringTheMeeting)).ThenViolates("vote.void");
    }

    [Fact]
    public void Closing_a_closed_vote_again_decides_nothing() =>
        Voting.Given(CastingVotesTests.Closed(VoteOutcome.Rejected)).When(Close).ThenNothing();

    [Fact]
    public void Closing_without_an_open_vote_is_refused() =>
        InConsentRound.When(Close).ThenViolates("vote.not-open");

    [Fact]
    public void The_majority_of_the_agreements_applies_R8()
    {
        var twoThirds = WorkingAgreements.Default with { Version = 2, Majority = new Majority(new Fraction(2, 3), AbstentionsCount: false) };

        InConsentRound.Given(Opened(Electorate(twoThirds)), Cast(Bcop, Resident, VoteChoice.For), Cast(Stadsdeel, CivilServant, VoteChoice.Against))
            .When(Close)
            .Then(CastingVotesTests.Closed(VoteOutcome.Rejected, f: (1, 2), a: (1, 1)) with { AgreementsVersion = 2 });
    }

    [Fact]
    public void A_vote_on_the_amended_text_records_that_version_as_decided() =>
        InConsentRound.Given(new ProposalAmended(2, TextV2, "Verwerkt", DuringTheMeeting), Opened(Electorate(), version: 2), Cast(Bcop, Resident, VoteChoice.For))
            .When(Close)
            .Then(CastingVotesTests.Closed(VoteOutcome.Adopted, f: (1, 2), version: 2))
            .AndThen(state => Assert.Equal(2, AsTabled(state).DecidedVersion));
}
