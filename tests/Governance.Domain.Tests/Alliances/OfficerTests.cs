using Governance.Domain.Alliances;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;

namespace Governance.Domain.Tests.Alliances;

public class OfficerTests
{
    [Theory]
    [InlineData(Office.Chair)]
    [InlineData(Office.Secretary)]
    [InlineData(Office.Confidant)]
    public void An_officer_who_declares_no_direct_interest_is_appointed_R13(Office office) =>
        AtTheTable
            .When(new AppointOfficer(office, IndependentChair, DeclaresNoDirectInterest: true, Now))
            .Then(new OfficerAppointed(office, IndependentChair, Replaces: null))
            .AndThen(state =>
            {
                Assert.Equal(IndependentChair, AsFounded(state).HolderOf(office));
                Assert.True(AsFounded(state).IsAtTheTable(IndependentChair));
            });

    [Fact]
    public void A_chair_without_a_no_interest_declaration_is_refused_R13() =>
        AtTheTable
            .When(new AppointOfficer(Office.Chair, IndependentChair, DeclaresNoDirectInterest: false, Now))
            .ThenViolates("R13.direct-interest");

    [Theory]
    [InlineData(Office.Secretary)]
    [InlineData(Office.Confidant)]
    public void A_secretary_or_confidant_without_a_no_interest_declaration_is_refused_R13(Office office) =>
        AtTheTable
            .When(new AppointOfficer(office, ProjectLeader, DeclaresNoDirectInterest: false, Now))
            .ThenViolates("R13.direct-interest");

    [Theory]
    [InlineData(Office.Chair)]
    [InlineData(Office.Secretary)]
    [InlineData(Office.Confidant)]
    public void A_person_who_represents_a_partner_cannot_hold_an_independent_office_R13(Office office) =>
        AtTheTable
            .When(new AppointOfficer(office, CivilServant, DeclaresNoDirectInterest: true, Now))
            .ThenViolates("R13.represents-partner");

    [Fact]
    public void A_representative_who_was_withdrawn_may_become_chair_R13() =>
        AtTheTable.Given(new RepresentativeWithdrawn(CivilServant, Stadsdeel))
            .When(new AppointOfficer(Office.Chair, CivilServant, DeclaresNoDirectInterest: true, Now))
            .Then(new OfficerAppointed(Office.Chair, CivilServant, Replaces: null));

    [Fact]
    public void A_new_chair_ends_the_term_of_the_previous_one() =>
        AtTheTable.Given(Chair(IndependentChair))
            .When(new AppointOfficer(Office.Chair, OtherChair, DeclaresNoDirectInterest: true, Now))
            .Then(new OfficerAppointed(Office.Chair, OtherChair, Replaces: IndependentChair))
            .AndThen(state =>
            {
                Assert.Equal(OtherChair, AsFounded(state).HolderOf(Office.Chair));
                Assert.False(AsFounded(state).IsAtTheTable(IndependentChair));
            });

    [Fact]
    public void Appointing_the_sitting_chair_again_changes_nothing() =>
        AtTheTable.Given(Chair(IndependentChair))
            .When(new AppointOfficer(Office.Chair, IndependentChair, DeclaresNoDirectInterest: true, Now))
            .ThenNothing();

    [Fact]
    public void The_sitting_chair_reappointed_without_the_declaration_is_still_refused_R13() =>
        AtTheTable.Given(Chair(IndependentChair))
            .When(new AppointOfficer(Office.Chair, IndependentChair, DeclaresNoDirectInterest: false, Now))
            .ThenViolates("R13.direct-interest");

    [Fact]
    public void The_chair_may_also_be_the_secretary_since_both_are_independent() =>
        AtTheTable.Given(Chair(IndependentChair))
            .When(new AppointOfficer(Office.Secretary, IndependentChair, DeclaresNoDirectInterest: true, Now))
            .Then(new OfficerAppointed(Office.Secretary, IndependentChair, Replaces: null));

    [Fact]
    public void An_undefined_office_is_refused() =>
        AtTheTable
            .When(new AppointOfficer((Office)9, IndependentChair, DeclaresNoDirectInterest: true, Now))
            .ThenViolates("office.unknown");

    [Fact]
    public void An_office_is_vacated_with_a_reason() =>
        AtTheTable.Given(Secretary(ProjectLeader))
            .When(new VacateOffice(Office.Secretary, "Moved to another alliance", Now))
            .Then(new OfficeVacated(Office.Secretary, ProjectLeader, "Moved to another alliance"))
            .AndThen(state => Assert.Null(AsFounded(state).HolderOf(Office.Secretary)));

    [Fact]
    public void Vacating_an_office_nobody_holds_is_refused() =>
        AtTheTable
            .When(new VacateOffice(Office.Confidant, "Nobody there", Now))
            .ThenViolates("office.vacant");

    [Fact]
    public void Vacating_an_office_without_a_reason_is_refused() =>
        AtTheTable.Given(Secretary(ProjectLeader))
            .When(new VacateOffice(Office.Secretary, "", Now))
            .ThenViolates("office.reason-required");

    [Fact]
    public void Vacating_an_undefined_office_is_refused() =>
        AtTheTable
            .When(new VacateOffice((Office)9, "Typo", Now))
            .ThenViolates("office.unknown");
}
