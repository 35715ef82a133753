using Governance.Domain.Alliances;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;

namespace Governance.Domain.Tests.Alliances;

public class RepresentativeTests
{
    [Fact]
    public void A_representative_with_mandate_is_appointed_for_a_partner() =>
        Founded.Given(Admitted(Ymere))
            .When(new AppointRepresentative(HousingOfficer, Ymere, HasMandate: true, Now))
            .Then(new RepresentativeAppointed(HousingOfficer, Ymere, HasMandate: true))
            .AndThen(state =>
            {
                Assert.Equal(new Alliance.Representation(Ymere, HasMandate: true), AsFounded(state).Representatives[HousingOfficer]);
                Assert.True(AsFounded(state).IsAtTheTable(HousingOfficer));
            });

    [Fact]
    public void A_representative_without_mandate_is_appointed_for_a_partner() =>
        Founded.Given(Admitted(Ymere))
            .When(new AppointRepresentative(HousingOfficer, Ymere, HasMandate: false, Now))
            .Then(new RepresentativeAppointed(HousingOfficer, Ymere, HasMandate: false));

    [Fact]
    public void A_partner_may_have_several_representatives() =>
        AtTheTable
            .When(new AppointRepresentative(Caretaker, Ymere, HasMandate: true, Now))
            .Then(new RepresentativeAppointed(Caretaker, Ymere, HasMandate: true))
            .AndThen(state => Assert.Equal(2, AsFounded(state).RepresentativesOf(Ymere).Count()));

    [Fact]
    public void Appointing_a_representative_for_an_unknown_partner_is_refused() =>
        Founded
            .When(new AppointRepresentative(HousingOfficer, Ymere, HasMandate: true, Now))
            .ThenViolates("partner.unknown");

    [Fact]
    public void Appointing_a_representative_for_a_partner_that_left_is_refused() =>
        Founded.Given(Admitted(Ymere), Left(Ymere))
            .When(new AppointRepresentative(HousingOfficer, Ymere, HasMandate: true, Now))
            .ThenViolates("partner.departed");

    [Fact]
    public void Appointing_a_representative_again_with_the_same_mandate_changes_nothing() =>
        AtTheTable
            .When(new AppointRepresentative(Resident, Bcop, HasMandate: true, Now))
            .ThenNothing();

    [Fact]
    public void Appointing_a_representative_again_with_another_mandate_changes_the_mandate() =>
        AtTheTable
            .When(new AppointRepresentative(HousingOfficer, Ymere, HasMandate: true, Now))
            .Then(new RepresentativeMandateChanged(HousingOfficer, Ymere, HasMandate: true))
            .AndThen(state => Assert.True(AsFounded(state).Representatives[HousingOfficer].HasMandate));

    [Fact]
    public void A_mandate_can_be_taken_away() =>
        AtTheTable
            .When(new AppointRepresentative(Resident, Bcop, HasMandate: false, Now))
            .Then(new RepresentativeMandateChanged(Resident, Bcop, HasMandate: false));

    [Fact]
    public void A_person_who_represents_another_partner_is_refused() =>
        AtTheTable
            .When(new AppointRepresentative(CivilServant, Ymere, HasMandate: true, Now))
            .ThenViolates("representative.represents-other-partner");

    [Theory]
    [InlineData(Office.Chair)]
    [InlineData(Office.Secretary)]
    [InlineData(Office.Confidant)]
    public void A_holder_of_an_independent_office_cannot_represent_a_partner_R13(Office office) =>
        AtTheTable.Given(new OfficerAppointed(office, IndependentChair, null))
            .When(new AppointRepresentative(IndependentChair, Ymere, HasMandate: true, Now))
            .ThenViolates("R13.holds-independent-office");

    [Fact]
    public void A_former_chair_may_represent_a_partner_once_replaced_R13() =>
        AtTheTable.Given(Chair(IndependentChair), Chair(OtherChair, replaces: IndependentChair))
            .When(new AppointRepresentative(IndependentChair, Ymere, HasMandate: true, Now))
            .Then(new RepresentativeAppointed(IndependentChair, Ymere, HasMandate: true));

    [Fact]
    public void A_representative_is_withdrawn_and_leaves_the_table() =>
        AtTheTable
            .When(new WithdrawRepresentative(HousingOfficer, Ymere, Now))
            .Then(new RepresentativeWithdrawn(HousingOfficer, Ymere))
            .AndThen(state =>
            {
                Assert.Empty(AsFounded(state).RepresentativesOf(Ymere));
                Assert.False(AsFounded(state).IsAtTheTable(HousingOfficer));
            });

    [Fact]
    public void Withdrawing_a_representative_twice_is_refused_because_the_ledger_cannot_tell_a_repeat_from_a_mistake() =>
        AtTheTable.Given(new RepresentativeWithdrawn(HousingOfficer, Ymere))
            .When(new WithdrawRepresentative(HousingOfficer, Ymere, Now))
            .ThenViolates("representative.not-appointed");

    [Fact]
    public void Withdrawing_a_person_for_a_partner_they_do_not_represent_is_refused() =>
        AtTheTable
            .When(new WithdrawRepresentative(CivilServant, Ymere, Now))
            .ThenViolates("representative.not-appointed");

    [Fact]
    public void Withdrawing_a_representative_of_an_unknown_partner_is_refused() =>
        AtTheTable
            .When(new WithdrawRepresentative(HousingOfficer, Eigenwijks, Now))
            .ThenViolates("partner.unknown");

    [Fact]
    public void A_withdrawn_representative_may_be_appointed_for_another_partner() =>
        AtTheTable.Given(new RepresentativeWithdrawn(HousingOfficer, Ymere))
            .When(new AppointRepresentative(HousingOfficer, Stadsdeel, HasMandate: false, Now))
            .Then(new RepresentativeAppointed(HousingOfficer, Stadsdeel, HasMandate: false));
}
