using Governance.Domain.Alliances;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;

namespace Governance.Domain.Tests.Alliances;

public class PartnerTests
{
    [Fact]
    public void A_partner_joins_the_alliance() =>
        Founded
            .When(new AdmitPartner(Ymere, "Ymere", PartnerKind.HousingCorporation, PartnerBody.Professional, Now))
            .Then(new PartnerAdmitted(Ymere, "Ymere", PartnerKind.HousingCorporation, PartnerBody.Professional))
            .AndThen(state => Assert.True(AsFounded(state).IsMember(Ymere)));

    [Fact]
    public void A_residents_collective_joins_as_a_residents_body() =>
        Founded
            .When(new AdmitPartner(Bcop, "Bewonerscollectief Osdorp de Punt", PartnerKind.ResidentsCollective, PartnerBody.Residents, Now))
            .Then(Admitted(Bcop));

    [Fact]
    public void A_residents_collective_registered_as_a_professional_body_is_refused_because_it_would_lose_its_R14_weight() =>
        Founded
            .When(new AdmitPartner(Bcop, "Bewonerscollectief Osdorp de Punt", PartnerKind.ResidentsCollective, PartnerBody.Professional, Now))
            .ThenViolates("partner.residents-collective-is-residents-body");

    [Fact]
    public void A_tenants_association_may_join_as_a_residents_body()
    {
        var tenants = PartnerId.Parse("huurders-de-punt");

        Founded
            .When(new AdmitPartner(tenants, "Huurdersvereniging De Punt", PartnerKind.OwnersOrTenantsAssociation, PartnerBody.Residents, Now))
            .Then(new PartnerAdmitted(tenants, "Huurdersvereniging De Punt", PartnerKind.OwnersOrTenantsAssociation, PartnerBody.Residents));
    }

    [Fact]
    public void A_partner_that_is_already_a_member_is_refused() =>
        Founded.Given(Admitted(Ymere))
            .When(new AdmitPartner(Ymere, "Ymere Amsterdam", PartnerKind.HousingCorporation, PartnerBody.Professional, Now))
            .ThenViolates("partner.already-member");

    [Fact]
    public void A_partner_with_the_name_of_a_member_is_refused() =>
        Founded.Given(Admitted(Ymere))
            .When(new AdmitPartner(Eigenwijks, " YMERE ", PartnerKind.HousingCorporation, PartnerBody.Professional, Now))
            .ThenViolates("partner.name-taken");

    [Fact]
    public void A_partner_without_a_name_is_refused() =>
        Founded
            .When(new AdmitPartner(Ymere, "", PartnerKind.HousingCorporation, PartnerBody.Professional, Now))
            .ThenViolates("partner.name-required");

    [Fact]
    public void A_partner_of_an_undefined_kind_is_refused() =>
        Founded
            .When(new AdmitPartner(Ymere, "Ymere", (PartnerKind)99, PartnerBody.Professional, Now))
            .ThenViolates("partner.kind-unknown");

    [Fact]
    public void A_partner_of_an_undefined_body_is_refused() =>
        Founded
            .When(new AdmitPartner(Ymere, "Ymere", PartnerKind.HousingCorporation, (PartnerBody)7, Now))
            .ThenViolates("partner.body-unknown");

    [Fact]
    public void A_partner_leaves_with_a_reason_and_its_representatives_leave_the_table_with_it() =>
        AtTheTable.Given(Appointed(Caretaker, Ymere))
            .When(new RecordPartnerDeparture(Ymere, "Project finished", Now))
            .Then(
                new RepresentativeWithdrawn(HousingOfficer, Ymere),
                new RepresentativeWithdrawn(Caretaker, Ymere),
                new PartnerLeft(Ymere, "Project finished"))
            .AndThen(state =>
            {
                var alliance = AsFounded(state);
                Assert.False(alliance.IsMember(Ymere));
                Assert.Empty(alliance.RepresentativesOf(Ymere));
                Assert.False(alliance.IsAtTheTable(HousingOfficer));
                Assert.True(alliance.IsAtTheTable(Resident));
            });

    [Fact]
    public void A_partner_without_representatives_just_leaves() =>
        Founded.Given(Admitted(Eigenwijks))
            .When(new RecordPartnerDeparture(Eigenwijks, "Merged", Now))
            .Then(new PartnerLeft(Eigenwijks, "Merged"));

    [Fact]
    public void Leaving_without_a_reason_is_refused() =>
        AtTheTable
            .When(new RecordPartnerDeparture(Ymere, " ", Now))
            .ThenViolates("partner.reason-required");

    [Fact]
    public void A_partner_that_never_joined_cannot_leave() =>
        AtTheTable
            .When(new RecordPartnerDeparture(Eigenwijks, "Never here", Now))
            .ThenViolates("partner.unknown");

    [Fact]
    public void A_partner_that_left_already_leaving_again_changes_nothing() =>
        AtTheTable.Given(new RepresentativeWithdrawn(HousingOfficer, Ymere), Left(Ymere))
            .When(new RecordPartnerDeparture(Ymere, "Project finished", Now))
            .ThenNothing();

    [Fact]
    public void A_partner_that_left_may_join_again_without_its_former_representatives() =>
        AtTheTable.Given(new RepresentativeWithdrawn(HousingOfficer, Ymere), Left(Ymere))
            .When(new AdmitPartner(Ymere, "Ymere", PartnerKind.HousingCorporation, PartnerBody.Professional, Now))
            .Then(Admitted(Ymere))
            .AndThen(state =>
            {
                Assert.True(AsFounded(state).IsMember(Ymere));
                Assert.Empty(AsFounded(state).RepresentativesOf(Ymere));
            });

    [Fact]
    public void The_name_of_a_partner_that_left_may_be_taken_by_a_new_partner() =>
        AtTheTable.Given(Left(Ymere))
            .When(new AdmitPartner(Eigenwijks, "Ymere", PartnerKind.HousingCorporation, PartnerBody.Professional, Now))
            .Then(new PartnerAdmitted(Eigenwijks, "Ymere", PartnerKind.HousingCorporation, PartnerBody.Professional));

    [Fact]
    public void Representatives_leave_the_table_when_their_partner_leaves_even_without_withdrawal_events() =>
        Assert.Empty(AsFounded(AtTheTable.Given(Left(Ymere)).State).RepresentativesOf(Ymere));

    [Fact]
    public void Residents_bodies_vote_with_weight_2_and_professional_bodies_with_weight_1_R14()
    {
        var alliance = AsFounded(AtTheTable.State);

        Assert.Equal(2, alliance.VoteWeightOf(Bcop));
        Assert.Equal(1, alliance.VoteWeightOf(Stadsdeel));
        Assert.Equal(1, alliance.VoteWeightOf(Ymere));
    }

    [Fact]
    public void Vote_weights_follow_the_amended_agreements_R14()
    {
        var amended = WorkingAgreements.Default with { Version = 2, VoteWeights = new VoteWeights(3, 1) };

        var alliance = AsFounded(AtTheTable.Given(new WorkingAgreementsAmended(amended, "Besluit 2026-07")).State);

        Assert.Equal(3, alliance.VoteWeightOf(Bcop));
        Assert.Equal(1, alliance.VoteWeightOf(Ymere));
    }
}
