using Governance.Domain.Alliances;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;

namespace Governance.Domain.Tests.Alliances;

public class InterestDeclarationTests
{
    private static readonly DeclarationId BoardSeat = DeclarationId.Parse("d-0002");

    [Fact]
    public void A_representative_declares_a_subsidy_flow_from_a_partner_R16() =>
        AtTheTable
            .When(Declare(SubsidyDeclaration, Resident, partner: Stadsdeel))
            .Then(Declared(SubsidyDeclaration, Resident, partner: Stadsdeel))
            .AndThen(state =>
            {
                var declaration = Assert.Single(AsFounded(state).DeclarationsOf(Resident));
                Assert.Equal(InterestKind.SubsidyFlow, declaration.Kind);
                Assert.Equal(Stadsdeel, declaration.Partner);
            });

    [Fact]
    public void A_side_activity_for_an_organisation_outside_the_alliance_is_declared_R16() =>
        AtTheTable
            .When(new DeclareInterest(BoardSeat, HousingOfficer, InterestKind.SideActivity, " Board member ", null, " Stichting Buurtwerk ", Now))
            .Then(new InterestDeclared(BoardSeat, HousingOfficer, InterestKind.SideActivity, "Board member", null, "Stichting Buurtwerk"));

    [Fact]
    public void A_declaration_with_a_blank_organisation_names_none_R16() =>
        AtTheTable
            .When(new DeclareInterest(BoardSeat, HousingOfficer, InterestKind.Interest, "Owns a flat in the neighbourhood", null, "  ", Now))
            .Then(new InterestDeclared(BoardSeat, HousingOfficer, InterestKind.Interest, "Owns a flat in the neighbourhood", null, null));

    [Fact]
    public void The_chair_and_an_escalation_contact_are_at_the_table_and_declare_too_R16() =>
        AtTheTable.Given(Chair(IndependentChair), new EscalationContactAssigned(ProgrammeContact))
            .When(Declare(BoardSeat, ProgrammeContact))
            .Then(Declared(BoardSeat, ProgrammeContact));

    [Fact]
    public void A_chair_declares_an_interest_R16() =>
        AtTheTable.Given(Chair(IndependentChair))
            .When(Declare(BoardSeat, IndependentChair))
            .Then(Declared(BoardSeat, IndependentChair));

    [Fact]
    public void A_person_who_is_not_at_the_table_cannot_declare_R16() =>
        AtTheTable
            .When(Declare(SubsidyDeclaration, Stranger))
            .ThenViolates("declaration.not-at-the-table");

    [Fact]
    public void A_declaration_without_a_description_is_refused_R16() =>
        AtTheTable
            .When(Declare(SubsidyDeclaration, Resident) with { Description = " " })
            .ThenViolates("declaration.description-required");

    [Fact]
    public void A_declaration_of_an_undefined_kind_is_refused_R16() =>
        AtTheTable
            .When(Declare(SubsidyDeclaration, Resident) with { Kind = (InterestKind)5 })
            .ThenViolates("declaration.kind-unknown");

    [Fact]
    public void A_declaration_about_an_unknown_partner_is_refused_R16() =>
        AtTheTable
            .When(Declare(SubsidyDeclaration, Resident, partner: Eigenwijks))
            .ThenViolates("partner.unknown");

    [Fact]
    public void A_declaration_about_a_partner_that_left_is_accepted_R16() =>
        AtTheTable.Given(new RepresentativeWithdrawn(HousingOfficer, Ymere), Left(Ymere))
            .When(Declare(SubsidyDeclaration, Resident, partner: Ymere))
            .Then(Declared(SubsidyDeclaration, Resident, partner: Ymere));

    [Fact]
    public void Declaring_the_same_entry_again_changes_nothing_R16() =>
        AtTheTable.Given(Declared(SubsidyDeclaration, Resident))
            .When(Declare(SubsidyDeclaration, Resident))
            .ThenNothing();

    [Fact]
    public void Reusing_the_id_of_an_active_declaration_for_another_entry_is_refused_R16() =>
        AtTheTable.Given(Declared(SubsidyDeclaration, Resident))
            .When(Declare(SubsidyDeclaration, CivilServant))
            .ThenViolates("declaration.duplicate-id");

    [Fact]
    public void Reusing_the_id_of_an_ended_declaration_is_refused_R16() =>
        AtTheTable.Given(Declared(SubsidyDeclaration, Resident), new InterestDeclarationEnded(SubsidyDeclaration, Resident))
            .When(Declare(SubsidyDeclaration, Resident))
            .ThenViolates("declaration.duplicate-id");

    [Fact]
    public void A_person_keeps_several_active_declarations_R16()
    {
        var alliance = AsFounded(AtTheTable.Given(Declared(SubsidyDeclaration, Resident), Declared(BoardSeat, Resident)).State);

        Assert.Equal(2, alliance.DeclarationsOf(Resident).Count());
        Assert.Empty(alliance.DeclarationsOf(CivilServant));
    }

    [Fact]
    public void A_declaration_is_ended_R16() =>
        AtTheTable.Given(Declared(SubsidyDeclaration, Resident))
            .When(new EndInterestDeclaration(SubsidyDeclaration, Now))
            .Then(new InterestDeclarationEnded(SubsidyDeclaration, Resident))
            .AndThen(state => Assert.Empty(AsFounded(state).DeclarationsOf(Resident)));

    [Fact]
    public void A_declaration_of_someone_who_left_the_table_can_still_be_ended_R16() =>
        AtTheTable.Given(Declared(SubsidyDeclaration, HousingOfficer), new RepresentativeWithdrawn(HousingOfficer, Ymere))
            .When(new EndInterestDeclaration(SubsidyDeclaration, Now))
            .Then(new InterestDeclarationEnded(SubsidyDeclaration, HousingOfficer));

    [Fact]
    public void Ending_a_declaration_that_has_ended_changes_nothing_R16() =>
        AtTheTable.Given(Declared(SubsidyDeclaration, Resident), new InterestDeclarationEnded(SubsidyDeclaration, Resident))
            .When(new EndInterestDeclaration(SubsidyDeclaration, Now))
            .ThenNothing();

    [Fact]
    public void Ending_an_unknown_declaration_is_refused_R16() =>
        AtTheTable
            .When(new EndInterestDeclaration(SubsidyDeclaration, Now))
            .ThenViolates("declaration.unknown");
}
