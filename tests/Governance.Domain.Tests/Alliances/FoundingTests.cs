using Governance.Domain.Alliances;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;

namespace Governance.Domain.Tests.Alliances;

public class FoundingTests
{
    [Fact]
    public void An_alliance_is_founded_and_adopts_the_default_working_agreements_as_version_1() =>
        NewAlliance
            .When(new FoundAlliance(OsdorpDePunt, "Wijkalliantie Osdorp de Punt", "Osdorp de Punt", Now))
            .Then(
                new AllianceFounded(OsdorpDePunt, "Wijkalliantie Osdorp de Punt", "Osdorp de Punt"),
                new WorkingAgreementsAdopted(WorkingAgreements.Default))
            .AndThen(state =>
            {
                var founded = Assert.IsType<Alliance.State.Founded>(state);
                Assert.Equal(OsdorpDePunt, founded.Id);
                Assert.Equal(1, founded.Agreements.Version);
                Assert.Empty(founded.Partners);
            });

    [Fact]
    public void Name_and_neighbourhood_are_stored_without_surrounding_spaces() =>
        NewAlliance
            .When(new FoundAlliance(OsdorpDePunt, "  Wijkalliantie Osdorp de Punt ", " Osdorp de Punt  ", Now))
            .Then(
                new AllianceFounded(OsdorpDePunt, "Wijkalliantie Osdorp de Punt", "Osdorp de Punt"),
                new WorkingAgreementsAdopted(WorkingAgreements.Default));

    [Fact]
    public void Founding_an_alliance_twice_is_refused() =>
        Founded
            .When(new FoundAlliance(OsdorpDePunt, "Wijkalliantie Osdorp de Punt", "Osdorp de Punt", Now))
            .ThenViolates("alliance.already-founded");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_alliance_without_a_name_is_refused(string name) =>
        NewAlliance
            .When(new FoundAlliance(OsdorpDePunt, name, "Osdorp de Punt", Now))
            .ThenViolates("alliance.name-required");

    [Fact]
    public void An_alliance_without_a_neighbourhood_is_refused() =>
        NewAlliance
            .When(new FoundAlliance(OsdorpDePunt, "Wijkalliantie Osdorp de Punt", " ", Now))
            .ThenViolates("alliance.neighbourhood-required");

    public static TheoryData<AllianceCommand> EveryCommandButFounding =>
    [
        new AdmitPartner(Bcop, "Bewonerscollectief Osdorp de Punt", PartnerKind.ResidentsCollective, PartnerBody.Residents, Now),
        new RecordPartnerDeparture(Bcop, "Stopped", Now),
        new AppointRepresentative(Resident, Bcop, true, Now),
        new WithdrawRepresentative(Resident, Bcop, Now),
        new AppointOfficer(Office.Chair, IndependentChair, true, Now),
        new VacateOffice(Office.Chair, "Moved away", Now),
        new AssignEscalationContact(ProgrammeContact, Now),
        new UnassignEscalationContact(ProgrammeContact, Now),
        Declare(SubsidyDeclaration, Resident),
        new EndInterestDeclaration(SubsidyDeclaration, Now),
        new AmendWorkingAgreements(WorkingAgreements.Default with { SecretVotesUntilClose = true }, "Besluit 2026-01", Now),
    ];

    [Theory]
    [MemberData(nameof(EveryCommandButFounding))]
    public void Nothing_happens_to_an_alliance_before_it_is_founded(AllianceCommand command) =>
        NewAlliance.When(command).ThenViolates("alliance.not-founded");
}
