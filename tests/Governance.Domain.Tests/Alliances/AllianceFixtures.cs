using Governance.Domain.Alliances;
using NodaTime;

namespace Governance.Domain.Tests.Alliances;

/// <summary>The cast of Osdorp de Punt and builders that keep test histories short.</summary>
internal static class AllianceFixtures
{
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 10, 0);

    public static readonly AllianceId OsdorpDePunt = AllianceId.Parse("osdorp-de-punt");

    public static readonly PartnerId Bcop = PartnerId.Parse("bcop");
    public static readonly PartnerId Stadsdeel = PartnerId.Parse("stadsdeel-nieuw-west");
    public static readonly PartnerId Ymere = PartnerId.Parse("ymere");
    public static readonly PartnerId Eigenwijks = PartnerId.Parse("eigenwijks");

    public static readonly PersonId Resident = PersonId.Parse("p-00000000000a");
    public static readonly PersonId CivilServant = PersonId.Parse("p-00000000000b");
    public static readonly PersonId HousingOfficer = PersonId.Parse("p-00000000000c");
    public static readonly PersonId Caretaker = PersonId.Parse("p-00000000000d");
    public static readonly PersonId IndependentChair = PersonId.Parse("p-0000000000c1");
    public static readonly PersonId OtherChair = PersonId.Parse("p-0000000000c2");
    public static readonly PersonId ProjectLeader = PersonId.Parse("p-0000000000d1");
    public static readonly PersonId ProgrammeContact = PersonId.Parse("p-0000000000e1");
    public static readonly PersonId Stranger = PersonId.Parse("p-0000000000ff");

    public static readonly DeclarationId SubsidyDeclaration = DeclarationId.Parse("d-0001");

    public static Spec<AllianceCommand, AllianceEvent, Alliance.State> NewAlliance =>
        Spec.For<AllianceCommand, AllianceEvent, Alliance.State>(Alliance.Decide, Alliance.Evolve, Alliance.Initial);

    public static Spec<AllianceCommand, AllianceEvent, Alliance.State> Founded => NewAlliance.Given(Founding);

    /// <summary>Founded, with the residents' collective, the municipality and Ymere at the table, one representative each.</summary>
    public static Spec<AllianceCommand, AllianceEvent, Alliance.State> AtTheTable => Founded.Given(
        Admitted(Bcop),
        Admitted(Stadsdeel),
        Admitted(Ymere),
        Appointed(Resident, Bcop),
        Appointed(CivilServant, Stadsdeel),
        Appointed(HousingOfficer, Ymere, hasMandate: false));

    public static Alliance.State.Founded AsFounded(Alliance.State state) => Assert.IsType<Alliance.State.Founded>(state);

    public static AllianceEvent[] Founding =>
    [
        new AllianceFounded(OsdorpDePunt, "Wijkalliantie Osdorp de Punt", "Osdorp de Punt"),
        new WorkingAgreementsAdopted(WorkingAgreements.Default),
    ];

    public static PartnerAdmitted Admitted(PartnerId partner) => partner.Value switch
    {
        "bcop" => new PartnerAdmitted(partner, "Bewonerscollectief Osdorp de Punt", PartnerKind.ResidentsCollective, PartnerBody.Residents),
        "stadsdeel-nieuw-west" => new PartnerAdmitted(partner, "Stadsdeel Nieuw-West", PartnerKind.Municipality, PartnerBody.Professional),
        "ymere" => new PartnerAdmitted(partner, "Ymere", PartnerKind.HousingCorporation, PartnerBody.Professional),
        "eigenwijks" => new PartnerAdmitted(partner, "Eigenwijks", PartnerKind.Welfare, PartnerBody.Professional),
        _ => new PartnerAdmitted(partner, partner.Value, PartnerKind.Other, PartnerBody.Professional),
    };

    public static PartnerLeft Left(PartnerId partner) => new(partner, "Project finished");

    public static RepresentativeAppointed Appointed(PersonId person, PartnerId partner, bool hasMandate = true) =>
        new(person, partner, hasMandate);

    public static OfficerAppointed Chair(PersonId person, PersonId? replaces = null) => new(Office.Chair, person, replaces);

    public static OfficerAppointed Secretary(PersonId person) => new(Office.Secretary, person, null);

    public static InterestDeclared Declared(DeclarationId id, PersonId person, PartnerId? partner = null) =>
        new(id, person, InterestKind.SubsidyFlow, "Receives a subsidy for the neighbourhood garden", partner, null);

    public static DeclareInterest Declare(DeclarationId id, PersonId person, PartnerId? partner = null) =>
        new(id, person, InterestKind.SubsidyFlow, "Receives a subsidy for the neighbourhood garden", partner, null, Now);
}
