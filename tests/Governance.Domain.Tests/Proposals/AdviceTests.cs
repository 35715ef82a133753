using Governance.Domain.Proposals;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Meetings.MeetingFixtures;
using static Governance.Domain.Tests.Proposals.ProposalFixtures;

namespace Governance.Domain.Tests.Proposals;

public class AdviceTests
{
    // Thursday 8 October 2026, 21:00 summer time; 28 civil days later is Thursday 5 November 21:00 winter time.
    private static readonly Instant DeclinedAt = At(2026, 10, 8, 21, 0);
    private static readonly Instant Due = At(2026, 11, 5, 21, 0);

    private static Spec<ProposalCommand, ProposalEvent, Proposal.State> Adopted =>
        InConsentRound.Given(new ConsentReached(1, DuringTheMeeting));

    private static readonly ExecutionDeclined Declined =
        new(Stadsdeel, CivilServant, "Geen budget voor verplaatsen", DeclinedAt, Due, 1);

    private static Spec<ProposalCommand, ProposalEvent, Proposal.State> Advice => Adopted.Given(Declined);

    [Fact]
    public void A_concerned_partner_declining_an_adopted_decision_turns_it_into_advice_with_a_motivation_due_28_civil_days_later_R9() =>
        Adopted
            .When(new DeclineExecution(Stadsdeel, CivilServant, "Geen budget voor verplaatsen", WorkingAgreements.Default, DeclinedAt))
            .Then(Declined)
            .AndThen(state => Assert.Equal(ProposalStatus.AdvicePending, AsTabled(state).Status));

    [Fact]
    public void The_due_date_counts_civil_days_across_the_end_of_summer_time_R9() =>
        Assert.Equal(Duration.FromDays(28) + Duration.FromHours(1), Due - DeclinedAt);

    [Fact]
    public void The_motivation_period_is_the_one_of_the_agreements_in_force_R9() =>
        Adopted
            .When(new DeclineExecution(Stadsdeel, CivilServant, "Geen budget", WorkingAgreements.Default with { Version = 4, AdviceMotivation = LeadTime.Days(14) }, DeclinedAt))
            .Then(new ExecutionDeclined(Stadsdeel, CivilServant, "Geen budget", DeclinedAt, At(2026, 10, 22, 21, 0), 4));

    [Fact]
    public void A_partner_the_decision_does_not_concern_cannot_decline_it_R9() =>
        Adopted.When(new DeclineExecution(Ymere, HousingOfficer, "Niet ons werk", WorkingAgreements.Default, DeclinedAt))
            .ThenViolates("R9.not-concerned");

    [Fact]
    public void Only_an_adopted_decision_becomes_advice_R9()
    {
        InConsentRound.When(new DeclineExecution(Stadsdeel, CivilServant, "Nee", WorkingAgreements.Default, DeclinedAt))
            .ThenViolates("R9.not-adopted");
        Voting.Given(CastingVotesTests.Closed(VoteOutcome.Rejected))
            .When(new DeclineExecution(Stadsdeel, CivilServant, "Nee", WorkingAgreements.Default, DeclinedAt))
            .ThenViolates("R9.not-adopted");
    }

    [Fact]
    public void Declining_again_decides_nothing() =>
        Advice.When(new DeclineExecution(Stadsdeel, CivilServant, "Nog steeds niet", WorkingAgreements.Default, Due)).ThenNothing();

    [Fact]
    public void The_partner_records_its_motivation_and_whether_it_follows_the_advice_after_all_R9() =>
        Advice
            .When(new RecordAdviceMotivation(Stadsdeel, CivilServant, "Containers blijven staan vanwege de ondergrondse leidingen", false, DeclinedAt + Duration.FromDays(10)))
            .Then(new AdviceMotivationRecorded(
                Stadsdeel, CivilServant, "Containers blijven staan vanwege de ondergrondse leidingen", false, DeclinedAt + Duration.FromDays(10), Late: false))
            .AndThen(state => Assert.Equal(ProposalStatus.AdviceAnswered, AsTabled(state).Status));

    [Fact]
    public void A_motivation_is_needed_where_there_is_advice_and_must_say_something_R9()
    {
        Adopted.When(new RecordAdviceMotivation(Stadsdeel, CivilServant, "Tekst", true, Due)).ThenViolates("R9.no-advice");
        Advice.When(new RecordAdviceMotivation(Stadsdeel, CivilServant, "  ", true, Due)).ThenViolates("R9.motivation-required");
    }

    [Fact]
    public void A_second_different_motivation_is_refused() =>
        Advice.Given(new AdviceMotivationRecorded(Stadsdeel, CivilServant, "Eerste", false, Due, false))
            .When(new RecordAdviceMotivation(Stadsdeel, CivilServant, "Tweede", true, Due))
            .ThenViolates("R9.motivation-recorded");

    [Fact]
    public void The_sweeper_records_a_missing_motivation_once_the_due_moment_has_passed_R9() =>
        Advice
            .When(new RecordAdviceMotivationOverdue(Due + Duration.FromSeconds(1)))
            .Then(new AdviceMotivationOverdue(Stadsdeel, Due, Due + Duration.FromSeconds(1)))
            .AndThen(state => Assert.Equal(ProposalStatus.AdviceOverdue, AsTabled(state).Status));

    [Fact]
    public void At_the_due_moment_itself_the_motivation_is_not_overdue_yet_R9() =>
        Advice.When(new RecordAdviceMotivationOverdue(Due)).ThenNothing();

    [Fact]
    public void The_overdue_fact_is_recorded_only_once_however_often_the_sweeper_looks_R9() =>
        Advice.Given(new AdviceMotivationOverdue(Stadsdeel, Due, Due + Duration.FromMinutes(1)))
            .When(new RecordAdviceMotivationOverdue(Due + Duration.FromDays(3)))
            .ThenNothing();

    [Fact]
    public void An_answered_advice_is_never_overdue_R9() =>
        Advice.Given(new AdviceMotivationRecorded(Stadsdeel, CivilServant, "Gemotiveerd", true, Due - Duration.FromDays(1), false))
            .When(new RecordAdviceMotivationOverdue(Due + Duration.FromDays(3)))
            .ThenNothing();

    [Fact]
    public void The_sweeper_gets_no_refusal_from_a_proposal_without_advice_or_without_a_stream()
    {
        Adopted.When(new RecordAdviceMotivationOverdue(Due)).ThenNothing();
        NewProposal.When(new RecordAdviceMotivationOverdue(Due)).ThenNothing();
        InConsentRound.Given(new ProposalWithdrawn("Weg", DuringTheMeeting)).When(new RecordAdviceMotivationOverdue(Due)).ThenNothing();
    }

    [Fact]
    public void A_late_motivation_is_still_recorded_and_says_it_was_late_R9() =>
        Advice.Given(new AdviceMotivationOverdue(Stadsdeel, Due, Due + Duration.FromMinutes(1)))
            .When(new RecordAdviceMotivation(Stadsdeel, CivilServant, "Alsnog", true, Due + Duration.FromDays(2)))
            .Then(new AdviceMotivationRecorded(Stadsdeel, CivilServant, "Alsnog", true, Due + Duration.FromDays(2), Late: true))
            .AndThen(state => Assert.Equal(ProposalStatus.AdviceAnswered, AsTabled(state).Status));

    [Fact]
    public void With_two_declining_partners_the_advice_is_pending_until_both_answered_R9()
    {
        var two = NewProposal.Given(Tabled(Stadsdeel, Ymere), new ConsentRoundOpened(1, DuringTheMeeting), new ConsentReached(1, DuringTheMeeting),
            Declined, new ExecutionDeclined(Ymere, HousingOfficer, "Geen plek", DeclinedAt, Due, 1),
            new AdviceMotivationRecorded(Ymere, HousingOfficer, "Toch gedaan", true, DeclinedAt, false));

        Assert.Equal(ProposalStatus.AdvicePending, AsTabled(two.State).Status);
        two.When(new RecordAdviceMotivationOverdue(Due + Duration.FromHours(1)))
            .Then(new AdviceMotivationOverdue(Stadsdeel, Due, Due + Duration.FromHours(1)));
    }
}
