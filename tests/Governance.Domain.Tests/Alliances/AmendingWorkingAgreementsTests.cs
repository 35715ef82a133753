using System.Collections.Immutable;
using Governance.Domain.Alliances;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;

namespace Governance.Domain.Tests.Alliances;

public class AmendingWorkingAgreementsTests
{
    private const string Decision = "Besluit wijkalliantie 12 maart 2026, agendapunt 4";

    private static readonly WorkingAgreements Version1 = WorkingAgreements.Default;

    [Fact]
    public void An_amendment_raises_the_version_by_one_and_cites_its_decision()
    {
        var longerDocuments = Version1 with { Documents = LeadTime.Days(21) };

        Founded
            .When(new AmendWorkingAgreements(longerDocuments, Decision, Now))
            .Then(new WorkingAgreementsAmended(longerDocuments with { Version = 2 }, Decision))
            .AndThen(state =>
            {
                Assert.Equal(2, AsFounded(state).Agreements.Version);
                Assert.Equal(LeadTime.Days(21), AsFounded(state).Agreements.Documents);
            });
    }

    [Fact]
    public void A_second_amendment_makes_version_3()
    {
        var version2 = Version1 with { Version = 2, Documents = LeadTime.Days(21) };

        Founded.Given(new WorkingAgreementsAmended(version2, Decision))
            .When(new AmendWorkingAgreements(version2 with { SecretVotesUntilClose = true }, "Besluit 9 april 2026", Now))
            .Then(new WorkingAgreementsAmended(version2 with { Version = 3, SecretVotesUntilClose = true }, "Besluit 9 april 2026"));
    }

    [Fact]
    public void An_amendment_of_the_escalation_ladder_compares_its_steps_by_content()
    {
        var threeSteps = Version1 with
        {
            EscalationLadder = new EscalationLadder([.. Version1.EscalationLadder.Steps.Take(3)]),
        };

        Founded
            .When(new AmendWorkingAgreements(threeSteps, Decision, Now))
            .Then(new WorkingAgreementsAmended(
                threeSteps with { Version = 2, EscalationLadder = new EscalationLadder([.. Version1.EscalationLadder.Steps.Take(3)]) },
                Decision));
    }

    [Fact]
    public void An_amendment_that_changes_nothing_decides_nothing() =>
        Founded
            .When(new AmendWorkingAgreements(Version1 with { EscalationLadder = new EscalationLadder([.. Version1.EscalationLadder.Steps]) }, Decision, Now))
            .ThenNothing();

    [Fact]
    public void A_retried_amendment_that_is_already_in_force_decides_nothing()
    {
        var longerDocuments = Version1 with { Documents = LeadTime.Days(21) };

        Founded.Given(new WorkingAgreementsAmended(longerDocuments with { Version = 2 }, Decision))
            .When(new AmendWorkingAgreements(longerDocuments, Decision, Now))
            .ThenNothing();
    }

    [Fact]
    public void An_amendment_based_on_an_older_version_is_refused_so_it_cannot_undo_the_amendments_since() =>
        Founded.Given(new WorkingAgreementsAmended(Version1 with { Version = 2, Documents = LeadTime.Days(21) }, Decision))
            .When(new AmendWorkingAgreements(Version1 with { SecretVotesUntilClose = true }, "Besluit 9 april 2026", Now))
            .ThenViolates("agreements.version-mismatch");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_amendment_without_a_decision_reference_is_refused(string reference) =>
        Founded
            .When(new AmendWorkingAgreements(Version1 with { SecretVotesUntilClose = true }, reference, Now))
            .ThenViolates("agreements.decision-reference-required");

    public static TheoryData<WorkingAgreements, string> InvalidAgreements => new()
    {
        { Version1 with { VoteWeights = new VoteWeights(2, 0) }, "R14.weight-below-one" },
        { Version1 with { VoteWeights = new VoteWeights(0, 0) }, "R14.weight-below-one" },
        { Version1 with { VoteWeights = new VoteWeights(1, 1) }, "R14.residents-weigh-heavier" },
        { Version1 with { VoteWeights = new VoteWeights(1, 2) }, "R14.residents-weigh-heavier" },
        { Version1 with { Majority = new Majority(new Fraction(1, 3), false) }, "R8.majority-invalid" },
        { Version1 with { Majority = new Majority(new Fraction(1, 1), false) }, "R8.majority-invalid" },
        { Version1 with { Majority = new Majority(new Fraction(1, 0), false) }, "R8.majority-invalid" },
        { Version1 with { EscalationLadder = new EscalationLadder([]) }, "R12.escalation-ladder-empty" },
        { Version1 with { EscalationLadder = new EscalationLadder([new EscalationStep(" ", LeadTime.Days(14))]) }, "R12.escalation-step-incomplete" },
        { Version1 with { OfficeHours = new OfficeHours(new LocalTime(17, 0), new LocalTime(9, 0)) }, "R18.office-hours-invalid" },
        { Version1 with { Cadence = new Cadence(0, 1, 2) }, "R20.cadence-below-one" },
        { Version1 with { Cadence = new Cadence(1, 1, 0) }, "R20.cadence-below-one" },
        { Version1 with { Quorum = new Quorum(new Fraction(0, 2), true) }, "agreements.quorum-invalid" },
        { Version1 with { Quorum = new Quorum(new Fraction(3, 2), true) }, "agreements.quorum-invalid" },
        { Version1 with { Documents = null! }, "agreements.incomplete" },
    };

    [Theory]
    [MemberData(nameof(InvalidAgreements))]
    public void Agreements_with_numbers_that_cannot_work_are_refused(WorkingAgreements agreements, string code) =>
        Founded.When(new AmendWorkingAgreements(agreements, Decision, Now)).ThenViolates(code);

    [Fact]
    public void Residents_weighing_heavier_by_another_amount_is_a_valid_amendment_R14() =>
        Founded
            .When(new AmendWorkingAgreements(Version1 with { VoteWeights = new VoteWeights(3, 2) }, Decision, Now))
            .Then(new WorkingAgreementsAmended(Version1 with { Version = 2, VoteWeights = new VoteWeights(3, 2) }, Decision));

    [Fact]
    public void An_amendment_without_agreements_is_refused() =>
        Founded.When(new AmendWorkingAgreements(null!, Decision, Now)).ThenViolates("agreements.incomplete");

    [Fact]
    public void A_zero_lead_time_cannot_even_be_written_down() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Version1 with { Documents = LeadTime.Days(0) });

    [Fact]
    public void An_escalation_ladder_built_from_a_default_array_has_no_steps() =>
        Assert.Empty(new EscalationLadder(default(ImmutableArray<EscalationStep>)).Steps);
}
