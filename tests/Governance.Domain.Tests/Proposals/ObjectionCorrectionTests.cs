using Governance.Domain.Alliances;
using Governance.Domain.Proposals;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Proposals.ProposalFixtures;

namespace Governance.Domain.Tests.Proposals;

/// <summary>
/// Issue 13: an objection recorded with the wrong speaker (the wrong person, the wrong partner) is corrected by the chair or the
/// secretary with a reason, as a new event that keeps the values it replaces; the original stays on record (R21 shows who objected).
/// </summary>
public class ObjectionCorrectionTests
{
    private static readonly ObjectionRaised LightNuisance = new(1, Resident, Bcop, "Lichthinder voor de flats aan het pad", 1);
    private static readonly Instant Later = DuringTheMeeting + Duration.FromMinutes(10);

    private static CorrectObjection Correct(
        int objection = 1, PersonId? by = null, PartnerId? partner = null, Office? office = Office.Secretary, string reason = "Verkeerd genoteerd") =>
        new(objection, by ?? HousingOfficer, partner ?? Ymere, ProjectLeader, office, reason, Later);

    [Fact]
    public void The_secretary_corrects_the_speaker_and_the_original_values_stay_in_the_event() =>
        InConsentRound.Given(LightNuisance)
            .When(Correct(reason: " Het bezwaar kwam van Ymere. "))
            .Then(new ObjectionCorrected(1, Resident, Bcop, HousingOfficer, Ymere, ProjectLeader, Office.Secretary, "Het bezwaar kwam van Ymere.", Later))
            .AndThen(s =>
            {
                var objection = AsTabled(s).Objections[1];
                Assert.Equal((HousingOfficer, (PartnerId?)Ymere), (objection.By, objection.Partner));
                Assert.Equal("Lichthinder voor de flats aan het pad", objection.Reasons);
            });

    [Fact]
    public void The_chair_corrects_an_objection_made_in_ones_own_name_into_one_for_a_partner() =>
        InConsentRound.Given(LightNuisance with { Partner = null })
            .When(Correct(by: Resident, partner: Bcop, office: Office.Chair))
            .Then(new ObjectionCorrected(1, Resident, null, Resident, Bcop, ProjectLeader, Office.Chair, "Verkeerd genoteerd", Later));

    [Theory]
    [InlineData(null)]
    [InlineData(Office.Confidant)]
    public void Only_the_chair_or_the_secretary_corrects_an_objection(Office? office) =>
        InConsentRound.Given(LightNuisance).When(Correct(office: office)).ThenViolates("correction.not-an-officer");

    [Fact]
    public void A_correction_says_why() =>
        InConsentRound.Given(LightNuisance).When(Correct(reason: " ")).ThenViolates("correction.reason-required");

    [Fact]
    public void An_objection_that_was_never_raised_cannot_be_corrected() =>
        InConsentRound.Given(LightNuisance).When(Correct(objection: 2)).ThenViolates("objection.unknown");

    [Fact]
    public void A_correction_that_changes_nothing_records_nothing() =>
        InConsentRound.Given(LightNuisance).When(Correct(by: Resident, partner: Bcop)).ThenNothing();

    [Fact]
    public void The_same_correction_sent_again_records_nothing() =>
        InConsentRound.Given(LightNuisance, new ObjectionCorrected(1, Resident, Bcop, HousingOfficer, Ymere, ProjectLeader, Office.Secretary, "Verkeerd", Later))
            .When(Correct()).ThenNothing();

    [Fact]
    public void R21_who_objected_stays_correctable_after_the_decision_and_what_was_done_with_it_stays() =>
        InConsentRound.Given(
                LightNuisance,
                new ObjectionTested(1, ObjectionFinding.ValidObjection, "Raakt bewoners"),
                new ProposalAmended(2, "Lampen met kap", "Bezwaar verwerkt", DuringTheMeeting),
                new ObjectionResolved(1, ObjectionResolution.Amendment, "Verwerkt", 2, null, null),
                new ConsentReached(2, DuringTheMeeting))
            .When(Correct())
            .Then(new ObjectionCorrected(1, Resident, Bcop, HousingOfficer, Ymere, ProjectLeader, Office.Secretary, "Verkeerd genoteerd", Later))
            .AndThen(s =>
            {
                var objection = AsTabled(s).Objections[1];
                Assert.Equal((ObjectionFinding.ValidObjection, ObjectionResolution.Amendment), (objection.Finding, objection.Resolution));
                Assert.Equal(ProposalStatus.Adopted, AsTabled(s).Status);
            });

    [Fact]
    public void A_proposal_that_was_never_tabled_has_no_objection_to_correct() =>
        NewProposal.When(Correct()).ThenViolates("proposal.not-tabled");
}
