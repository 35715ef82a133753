using NodaTime;

namespace Governance.Domain.Tests;

public class WorkingAgreementsTests
{
    private static readonly WorkingAgreements Defaults = WorkingAgreements.Default;

    [Fact]
    public void The_defaults_are_version_1_and_valid()
    {
        Assert.Equal(1, Defaults.Version);
        Assert.Empty(Defaults.Violations());
    }

    [Fact]
    public void The_default_lead_times_are_those_of_R1_to_R7()
    {
        Assert.Equal(LeadTime.Days(21), Defaults.DraftAgenda); // R1
        Assert.Equal(LeadTime.Days(14), Defaults.Documents); // R2
        Assert.Equal(LeadTime.Days(15), Defaults.AgendaItemIntake); // R3
        Assert.Equal(LeadTime.Days(7), Defaults.InformationDocuments); // R4
        Assert.Equal(LeadTime.Hours(48), Defaults.UrgentItems); // R5
        Assert.Equal(LeadTime.Days(28), Defaults.ResidentsMeetingAnnouncement); // R6
        Assert.Equal(LeadTime.Days(14), Defaults.ResidentsMeetingFlyers); // R6
        Assert.Equal(LeadTime.Days(14), Defaults.InformationPeriod); // R7
    }

    [Fact]
    public void A_motivation_is_due_28_days_after_advice_by_default_R9() =>
        Assert.Equal(LeadTime.Days(28), Defaults.AdviceMotivation);

    [Fact]
    public void The_default_escalation_ladder_has_four_steps_of_14_days_each_R12()
    {
        var ladder = Defaults.EscalationLadder;

        Assert.Equal(
            ["address each other directly", "steering group with mandate", "escalation contact of the programme (NPSNW)", "alliance board"],
            ladder.Steps.Select(s => s.Description));
        Assert.All(ladder.Steps, s => Assert.Equal(LeadTime.Days(14), s.ResponseTime));
        Assert.Equal("steering group with mandate", ladder.Step(2).Description);
    }

    [Fact]
    public void Residents_bodies_weigh_2_and_professional_bodies_1_by_default_R14()
    {
        Assert.Equal(2, Defaults.VoteWeights.For(PartnerBody.Residents));
        Assert.Equal(1, Defaults.VoteWeights.For(PartnerBody.Professional));
    }

    [Fact]
    public void Professionals_may_not_outnumber_residents_by_default_R15() =>
        Assert.True(Defaults.ProfessionalsMayNotOutnumberResidents);

    [Fact]
    public void The_default_cadence_is_a_residents_meeting_per_quarter_a_core_group_meeting_per_month_and_two_flyer_rounds_a_year_R20() =>
        Assert.Equal(new Cadence(ResidentsMeetingsPerQuarter: 1, CoreGroupMeetingsPerMonth: 1, FlyerRoundsPerYear: 2), Defaults.Cadence);

    [Fact]
    public void Votes_are_open_by_default() => Assert.False(Defaults.SecretVotesUntilClose);

    [Theory]
    [InlineData(6, 5, 0, true)] // more than half
    [InlineData(5, 5, 0, false)] // a tie is not a majority
    [InlineData(3, 2, 10, true)] // abstentions are not counted
    [InlineData(0, 0, 4, false)] // nobody for adopts nothing
    [InlineData(0, 0, 0, false)]
    public void A_proposal_is_adopted_by_more_than_half_of_the_weighted_votes_for_and_against_R8(int @for, int against, int abstaining, bool adopted) =>
        Assert.Equal(adopted, Defaults.Majority.IsAdopted(@for, against, abstaining));

    [Fact]
    public void When_the_alliance_agrees_that_abstentions_count_they_weigh_against_R8()
    {
        var majority = Defaults.Majority with { AbstentionsCount = true };

        Assert.False(majority.IsAdopted(3, 2, 10));
        Assert.True(majority.IsAdopted(8, 2, 5));
    }

    [Theory]
    [InlineData(6, 5, 0, false, 5.5)] // half of the 11 counted
    [InlineData(3, 2, 10, false, 2.5)] // abstentions are not counted
    [InlineData(3, 2, 10, true, 7.5)] // unless the alliance agreed they are
    [InlineData(0, 0, 0, false, 0)]
    public void The_majority_line_is_half_of_the_weighted_votes_counted_and_adopting_means_passing_it_R8(
        int @for, int against, int abstaining, bool abstentionsCount, double line)
    {
        var majority = Defaults.Majority with { AbstentionsCount = abstentionsCount };

        Assert.Equal((decimal)line, majority.Line(@for, against, abstaining));
        Assert.Equal(@for > majority.Line(@for, against, abstaining), majority.IsAdopted(@for, against, abstaining));
    }

    [Fact]
    public void A_two_thirds_majority_draws_its_line_at_two_thirds_of_the_votes_counted_R8() =>
        Assert.Equal(4m, new Majority(new Fraction(2, 3), AbstentionsCount: false).Line(4, 2, 3));

    [Fact]
    public void A_two_thirds_majority_needs_more_than_two_thirds_R8()
    {
        var majority = new Majority(new Fraction(2, 3), AbstentionsCount: false);

        Assert.False(majority.IsAdopted(4, 2, 0));
        Assert.True(majority.IsAdopted(5, 2, 0));
    }

    [Theory]
    [InlineData(4, 8, true, true)] // half, with the residents' collective
    [InlineData(4, 8, false, false)] // without the residents' collective
    [InlineData(3, 8, true, false)] // less than half
    [InlineData(0, 0, false, false)]
    public void A_vote_needs_half_of_the_member_partners_including_the_residents_collective(int present, int members, bool residentsCollective, bool met) =>
        Assert.Equal(met, Defaults.Quorum.IsMet(present, members, residentsCollective));

    [Theory]
    [InlineData(2026, 3, 10, 9, 0, true)] // Tuesday 09:00
    [InlineData(2026, 3, 10, 16, 59, true)]
    [InlineData(2026, 3, 10, 17, 0, false)] // Tuesday 17:00: after work
    [InlineData(2026, 3, 10, 19, 30, false)]
    [InlineData(2026, 3, 10, 8, 59, false)]
    [InlineData(2026, 3, 14, 10, 0, false)] // Saturday
    [InlineData(2026, 3, 15, 10, 0, false)] // Sunday
    public void Office_hours_are_weekdays_from_9_to_17_R18(int year, int month, int day, int hour, int minute, bool during) =>
        Assert.Equal(during, Defaults.OfficeHours.Includes(new LocalDateTime(year, month, day, hour, minute)));

    [Fact]
    public void Agreements_with_the_same_numbers_have_the_same_terms_whatever_their_version()
    {
        var copy = Defaults with
        {
            Version = 7,
            EscalationLadder = new EscalationLadder([.. Defaults.EscalationLadder.Steps]),
            Majority = new Majority(new Fraction(1, 2), false),
        };

        Assert.True(Defaults.HasSameTermsAs(copy));
        Assert.NotEqual(Defaults, copy);
        Assert.False(Defaults.HasSameTermsAs(copy with { UrgentItems = LeadTime.Hours(24) }));
    }

    [Fact]
    public void Escalation_ladders_with_the_same_steps_are_equal_and_hash_alike()
    {
        var copy = new EscalationLadder([.. EscalationLadder.Default.Steps]);

        Assert.Equal(EscalationLadder.Default, copy);
        Assert.Equal(EscalationLadder.Default.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(EscalationLadder.Default, new EscalationLadder([.. copy.Steps.Reverse()]));
    }

    [Fact]
    public void Every_invalid_number_is_reported_not_only_the_first()
    {
        var broken = Defaults with { VoteWeights = new VoteWeights(0, 0), Cadence = new Cadence(0, 0, 0) };

        Assert.Equal(["R14.weight-below-one", "R14.residents-weigh-heavier", "R20.cadence-below-one"], broken.Violations());
    }
}
