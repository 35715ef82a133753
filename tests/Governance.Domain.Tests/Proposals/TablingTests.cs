using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Meetings.MeetingFixtures;
using static Governance.Domain.Tests.Proposals.ProposalFixtures;

namespace Governance.Domain.Tests.Proposals;

public class TablingTests
{
    [Fact]
    public void A_proposal_is_tabled_as_version_1_with_its_proposer_item_and_the_partners_it_concerns() =>
        NewProposal
            .When(Table(Decidable))
            .Then(Tabled())
            .AndThen(state =>
            {
                var tabled = AsTabled(state);
                Assert.Equal(ProposalStatus.Tabled, tabled.Status);
                Assert.Equal(1, tabled.Version);
                Assert.Equal([Stadsdeel], tabled.Concerns.ToArray());
            });

    [Fact]
    public void A_decision_on_an_item_whose_information_came_too_late_is_refused_R7() =>
        NewProposal
            .When(Table(Open.Given(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(5))).State.IsDecidable(Traffic)))
            .ThenViolates("R7.not-decidable");

    [Fact]
    public void The_same_item_is_decidable_after_a_residents_waiver_and_the_proposal_records_the_waiver_R7()
    {
        var waived = Open.Given(
            Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(5)),
            new InformationPeriodWaived(Traffic, Resident, Bcop, "Al besproken in de kerngroep", DaysBefore(1), 1));

        NewProposal
            .When(Table(waived.State.IsDecidable(Traffic)))
            .Then(Tabled() with { UnderWaiver = true });
    }

    [Fact]
    public void An_item_for_information_only_cannot_carry_a_proposal() =>
        NewProposal
            .When(Table(Decidability.No(Traffic, "item.information-only", "for information", 1)))
            .ThenViolates("item.information-only");

    [Fact]
    public void Tabling_the_same_proposal_again_decides_nothing() =>
        TabledProposal.When(Table(Decidable)).ThenNothing();

    [Fact]
    public void Tabling_another_text_under_the_same_id_is_refused() =>
        TabledProposal.When(Table(Decidable) with { Text = TextV2 }).ThenViolates("proposal.already-tabled");

    [Fact]
    public void A_proposal_needs_a_title_and_a_text()
    {
        NewProposal.When(Table(Decidable) with { Title = " " }).ThenViolates("proposal.title-required");
        NewProposal.When(Table(Decidable) with { Text = "" }).ThenViolates("proposal.text-required");
    }

    [Fact]
    public void Nothing_but_tabling_happens_to_a_proposal_not_yet_tabled() =>
        NewProposal.When(new OpenConsentRound(DuringTheMeeting)).ThenViolates("proposal.not-tabled");

    [Fact]
    public void An_amendment_is_a_new_version_and_the_record_keeps_the_old_one() =>
        InConsentRound
            .When(new AmendProposal(TextV2, "Bezwaar BCOP verwerkt", DuringTheMeeting))
            .Then(new ProposalAmended(2, TextV2, "Bezwaar BCOP verwerkt", DuringTheMeeting))
            .AndThen(state => Assert.Equal((2, TextV2), (AsTabled(state).Version, AsTabled(state).Text)));

    [Fact]
    public void An_amendment_that_changes_nothing_decides_nothing() =>
        InConsentRound.When(new AmendProposal(TextV1, "Geen", DuringTheMeeting)).ThenNothing();

    [Fact]
    public void The_text_cannot_change_while_it_is_being_voted_on() =>
        Voting.When(new AmendProposal(TextV2, "Te laat", DuringTheMeeting)).ThenViolates("vote.open");

    [Fact]
    public void A_withdrawn_proposal_keeps_its_history_and_takes_no_further_steps()
    {
        var withdrawn = InConsentRound.Given(
            new ObjectionRaised(1, HousingOfficer, Ymere, "Te duur", 1),
            new ProposalWithdrawn("De indiener trekt het in", DuringTheMeeting));

        withdrawn.When(new RaiseObjection(Resident, Bcop, "Nog een", DuringTheMeeting)).ThenViolates("proposal.withdrawn");
        withdrawn.When(new WithdrawProposal("Nogmaals", DuringTheMeeting)).ThenNothing();
        Assert.Equal(ProposalStatus.Withdrawn, AsTabled(withdrawn.State).Status);
        Assert.Single(AsTabled(withdrawn.State).Objections);
    }

    [Fact]
    public void A_deferred_proposal_names_the_meeting_it_goes_to_and_cannot_be_voted_on()
    {
        InConsentRound
            .When(new DeferProposal("Meer informatie nodig", June9, DuringTheMeeting))
            .Then(new ProposalDeferred("Meer informatie nodig", June9, DuringTheMeeting))
            .AndThen(state => Assert.Equal(ProposalStatus.Deferred, AsTabled(state).Status));

        InConsentRound.Given(new ProposalDeferred("Later", June9, DuringTheMeeting))
            .When(OpenVote())
            .ThenViolates("proposal.deferred");
    }

    [Fact]
    public void A_proposal_is_not_deferred_to_its_own_meeting() =>
        InConsentRound.When(new DeferProposal("Later", May12, DuringTheMeeting)).ThenViolates("proposal.deferred-to-same-meeting");

    [Fact]
    public void A_proposal_being_voted_on_is_not_withdrawn_before_the_vote_closes() =>
        Voting.When(new WithdrawProposal("Toch niet", DuringTheMeeting)).ThenViolates("vote.open");

    [Fact]
    public void A_decided_proposal_is_not_withdrawn() =>
        InConsentRound.Given(new ConsentReached(1, DuringTheMeeting))
            .When(new WithdrawProposal("Toch niet", DuringTheMeeting + Duration.FromMinutes(5)))
            .ThenViolates("proposal.decided");
}
