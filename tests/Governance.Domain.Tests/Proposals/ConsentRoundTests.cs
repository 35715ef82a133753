using Governance.Domain.Proposals;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Proposals.ProposalFixtures;

namespace Governance.Domain.Tests.Proposals;

public class ConsentRoundTests
{
    private static readonly ObjectionRaised LightNuisance = new(1, Resident, Bcop, "Lichthinder voor de flats aan het pad", 1);

    [Fact]
    public void The_chair_opens_the_consent_round_on_the_current_version_R8() =>
        TabledProposal
            .When(new OpenConsentRound(DuringTheMeeting))
            .Then(new ConsentRoundOpened(1, DuringTheMeeting))
            .AndThen(state => Assert.Equal(ProposalStatus.ConsentRound, AsTabled(state).Status));

    [Fact]
    public void Questions_and_reactions_are_recorded_in_summary_and_numbered_R21() =>
        InConsentRound.Given(new ContributionRecorded(1, ContributionKind.Question, Resident, Bcop, "Hoeveel lampen?", 1))
            .When(new RecordContribution(ContributionKind.Reaction, CivilServant, Stadsdeel, "  Wij willen dit graag  ", DuringTheMeeting))
            .Then(new ContributionRecorded(2, ContributionKind.Reaction, CivilServant, Stadsdeel, "Wij willen dit graag", 1));

    [Fact]
    public void Questions_are_recorded_only_during_the_round() =>
        TabledProposal.When(new RecordContribution(ContributionKind.Question, Resident, Bcop, "Wanneer?", DuringTheMeeting))
            .ThenViolates("consent.not-open");

    [Fact]
    public void An_objection_is_raised_with_reasons_against_the_current_version()
    {
        InConsentRound
            .When(new RaiseObjection(Resident, Bcop, "Lichthinder voor de flats aan het pad", DuringTheMeeting))
            .Then(LightNuisance);
        InConsentRound.When(new RaiseObjection(Resident, Bcop, " ", DuringTheMeeting)).ThenViolates("objection.reasons-required");
    }

    [Fact]
    public void Consent_with_an_objection_integrated_by_amendment_is_adopted_in_version_2_and_the_record_says_so_R8_R21() =>
        InConsentRound.Given(
                LightNuisance,
                new ObjectionTested(1, ObjectionFinding.ValidObjection, "Raakt bewoners direct"),
                new ProposalAmended(2, TextV2, "Bezwaar BCOP verwerkt", DuringTheMeeting),
                new ObjectionResolved(1, ObjectionResolution.Amendment, "Verwerkt", 2, null, null))
            .When(new ReachConsent(DuringTheMeeting))
            .Then(new ConsentReached(2, DuringTheMeeting))
            .AndThen(state =>
            {
                var tabled = AsTabled(state);
                Assert.Equal(ProposalStatus.Adopted, tabled.Status);
                Assert.Equal(DecisionMethod.Consent, tabled.Method);
                Assert.Equal(2, tabled.DecidedVersion);
                Assert.Equal(ObjectionResolution.Amendment, tabled.Objections[1].Resolution);
            });

    [Fact]
    public void A_valid_objection_is_resolved_by_amendment_only_once_the_text_changed() =>
        InConsentRound.Given(LightNuisance, new ObjectionTested(1, ObjectionFinding.ValidObjection, ""))
            .When(new ResolveObjection(1, ObjectionResolution.Amendment, "Verwerkt", null, null, DuringTheMeeting))
            .ThenViolates("objection.not-amended");

    [Fact]
    public void Amending_after_the_objection_resolves_it_in_the_new_version() =>
        InConsentRound.Given(
                LightNuisance,
                new ObjectionTested(1, ObjectionFinding.ValidObjection, ""),
                new ProposalAmended(2, TextV2, "Verwerkt", DuringTheMeeting))
            .When(new ResolveObjection(1, ObjectionResolution.Amendment, "Verwerkt", null, null, DuringTheMeeting))
            .Then(new ObjectionResolved(1, ObjectionResolution.Amendment, "Verwerkt", 2, null, null));

    [Fact]
    public void A_concern_is_recorded_and_does_not_block_consent_R8() =>
        InConsentRound.Given(LightNuisance, new ObjectionTested(1, ObjectionFinding.Concern, "Wordt meegenomen bij de uitvoering"))
            .When(new ReachConsent(DuringTheMeeting))
            .Then(new ConsentReached(1, DuringTheMeeting));

    [Fact]
    public void A_valid_objection_still_standing_blocks_consent_R8() =>
        InConsentRound.Given(LightNuisance, new ObjectionTested(1, ObjectionFinding.ValidObjection, ""))
            .When(new ReachConsent(DuringTheMeeting))
            .ThenViolates("R8.unresolved-objection");

    [Fact]
    public void An_untested_objection_blocks_consent_until_the_round_tests_it() =>
        InConsentRound.Given(LightNuisance).When(new ReachConsent(DuringTheMeeting)).ThenViolates("objection.untested");

    [Fact]
    public void A_valid_objection_deferred_to_an_owner_and_a_date_no_longer_blocks_R8()
    {
        var deferred = new ObjectionResolved(1, ObjectionResolution.Deferral, "Uitzoeken", null, CivilServant, new LocalDate(2026, 6, 9));

        InConsentRound.Given(LightNuisance, new ObjectionTested(1, ObjectionFinding.ValidObjection, ""))
            .When(new ResolveObjection(1, ObjectionResolution.Deferral, "Uitzoeken", CivilServant, new LocalDate(2026, 6, 9), DuringTheMeeting))
            .Then(deferred);
        InConsentRound.Given(LightNuisance, new ObjectionTested(1, ObjectionFinding.ValidObjection, ""), deferred)
            .When(new ReachConsent(DuringTheMeeting))
            .Then(new ConsentReached(1, DuringTheMeeting));
    }

    [Fact]
    public void A_deferral_without_an_owner_or_a_date_is_refused() =>
        InConsentRound.Given(LightNuisance, new ObjectionTested(1, ObjectionFinding.ValidObjection, ""))
            .When(new ResolveObjection(1, ObjectionResolution.Deferral, "Later", CivilServant, null, DuringTheMeeting))
            .ThenViolates("objection.deferral-needs-owner-and-date");

    [Fact]
    public void A_withdrawn_objection_no_longer_blocks_R8() =>
        InConsentRound.Given(
                LightNuisance,
                new ObjectionTested(1, ObjectionFinding.ValidObjection, ""),
                new ObjectionResolved(1, ObjectionResolution.Withdrawal, "BCOP trekt het in", null, null, null))
            .When(new ReachConsent(DuringTheMeeting))
            .Then(new ConsentReached(1, DuringTheMeeting));

    [Fact]
    public void A_concern_is_not_resolved_like_an_objection() =>
        InConsentRound.Given(LightNuisance, new ObjectionTested(1, ObjectionFinding.Concern, ""))
            .When(new ResolveObjection(1, ObjectionResolution.Withdrawal, "", null, null, DuringTheMeeting))
            .ThenViolates("objection.is-a-concern");

    [Fact]
    public void An_objection_is_tested_once_and_the_same_finding_again_decides_nothing()
    {
        var tested = InConsentRound.Given(LightNuisance, new ObjectionTested(1, ObjectionFinding.ValidObjection, ""));

        tested.When(new TestObjection(1, ObjectionFinding.ValidObjection, "", DuringTheMeeting)).ThenNothing();
        tested.When(new TestObjection(1, ObjectionFinding.Concern, "", DuringTheMeeting)).ThenViolates("objection.already-tested");
        tested.When(new TestObjection(2, ObjectionFinding.Concern, "", DuringTheMeeting)).ThenViolates("objection.unknown");
    }

    [Fact]
    public void Consent_is_reached_only_in_a_consent_round() =>
        TabledProposal.When(new ReachConsent(DuringTheMeeting)).ThenViolates("consent.not-open");

    [Fact]
    public void Once_the_vote_is_open_the_round_takes_no_more_objections() =>
        Voting.When(new RaiseObjection(Resident, Bcop, "Toch nog", DuringTheMeeting)).ThenViolates("vote.open");
}
