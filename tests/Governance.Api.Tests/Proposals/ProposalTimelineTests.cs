using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.Projections.Timeline;
using NodaTime;

namespace Governance.Api.Tests.Proposals;

/// <summary>The timeline's Dutch sentences for proposal events: one for every event type, linked to the decision page.</summary>
public sealed class ProposalTimelineTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 5, 12, 18, 0);
    private static readonly PersonId Anna = PersonId.Parse("p-00000000aaaa");
    private static readonly PartnerId Bcop = PartnerId.Parse("bcop");
    private static readonly PartnerId Stadsdeel = PartnerId.Parse("stadsdeel-nieuw-west");

    public static TheoryData<ProposalEvent> OneOfEach()
    {
        var electorate = new Electorate(1, Majority.Default, Quorum.Default, true, [new Elector(Bcop, PartnerBody.Residents, 2, true, true)], []);
        return
        [
            new ProposalTabled(ProposalId.Parse("verlichting"), MeetingId.Parse("mei"), AgendaItemId.Parse("licht"), "Avondverlichting", "Licht", Bcop, Anna, [Stadsdeel], true, 1, At),
            new ProposalAmended(2, "Licht, naar beneden", "Bezwaar verwerkt", At),
            new ConsentRoundOpened(1, At),
            new ContributionRecorded(1, ContributionKind.Question, Anna, Bcop, "Hoeveel lampen?", 1),
            new ObjectionRaised(1, Anna, Bcop, "Lichthinder", 1),
            new ObjectionCorrected(1, Anna, null, Anna, Bcop, Anna, Governance.Domain.Alliances.Office.Secretary, "Verkeerd genoteerd", At),
            new ObjectionTested(1, ObjectionFinding.ValidObjection, ""),
            new ObjectionTested(1, ObjectionFinding.Concern, ""),
            new ObjectionResolved(1, ObjectionResolution.Amendment, "", 2, null, null),
            new ObjectionResolved(1, ObjectionResolution.Withdrawal, "", null, null, null),
            new ObjectionResolved(1, ObjectionResolution.Deferral, "", null, Anna, new LocalDate(2026, 6, 9)),
            new ConsentReached(2, At),
            new VoteOpened(1, VoteGround.ConsentFailed, 1, electorate, At),
            new VoteOpened(1, VoteGround.BudgetDeadlock, 1, electorate, At),
            new RepresentativeRecused(Anna, Bcop, RecusalGround.InterestRegister, DeclarationId.Parse("d-1"), null, false),
            new RepresentativeRecused(Anna, Bcop, RecusalGround.DeclaredAtTheTable, null, "Eigen tuin", true),
            new VoteCast(Bcop, Anna, VoteChoice.Against, null, At),
            new VoteCast(Bcop, Anna, VoteChoice.For, VoteChoice.Against, At),
            new VoteClosed(1, VoteOutcome.Adopted, 1, 1, 2, 1, 1, 1, 1, new QuorumStatus(3, 4, true, true), 1, At),
            new VoteClosed(1, VoteOutcome.Rejected, 1, 2, 2, 1, 2, 0, 0, new QuorumStatus(3, 4, true, true), 1, At),
            new VoteClosed(1, VoteOutcome.Void, 1, 0, 0, 0, 0, 0, 0, new QuorumStatus(1, 4, false, false), 1, At),
            new ProposalWithdrawn("Niet meer nodig", At),
            new ProposalDeferred("Meer informatie", MeetingId.Parse("juni"), At),
            new ExecutionDeclined(Stadsdeel, Anna, "Geen budget", At, At + Duration.FromDays(28), 1),
            new AdviceMotivationRecorded(Stadsdeel, Anna, "Het geld gaat naar scholen.", false, At, true),
            new AdviceMotivationOverdue(Stadsdeel, At, At + Duration.FromDays(1)),
        ];
    }

    [Theory]
    [MemberData(nameof(OneOfEach))]
    public void Every_proposal_event_reads_as_its_own_Dutch_sentence_linked_to_the_decision(ProposalEvent e)
    {
        var (sentence, link) = TimelineProjection.Describe("osdorp-de-punt", e, "proposal-verlichting");

        Assert.DoesNotContain("Er is iets vastgelegd", sentence, StringComparison.Ordinal);
        Assert.Equal("/allianties/osdorp-de-punt/besluiten/verlichting", link);
    }

    [Fact]
    public void Every_proposal_event_type_is_in_the_list_above() =>
        Assert.Equal(
            DomainEvents.All.Where(t => t.Type.IsSubclassOf(typeof(ProposalEvent))).Select(t => t.Type).ToHashSet(),
            ((IEnumerable<object[]>)OneOfEach()).Select(row => row[0].GetType()).ToHashSet());

    [Fact]
    public void A_vote_never_tells_the_choice_since_a_vote_may_be_secret_until_close()
    {
        var (sentence, _) = TimelineProjection.Describe("osdorp-de-punt", new VoteCast(Bcop, Anna, VoteChoice.Against, null, At), "proposal-verlichting");

        Assert.Equal("{partner:bcop} heeft gestemd.", sentence);
    }

    [Fact]
    public void A_closed_vote_gives_the_weighted_count_and_the_abstentions() =>
        Assert.Equal(
            "Het voorstel is aangenomen met 2 van de 3 gewogen stemmen. Eén partner onthield zich.",
            TimelineProjection.Describe("osdorp-de-punt", new VoteClosed(1, VoteOutcome.Adopted, 1, 1, 2, 1, 1, 1, 1, new QuorumStatus(3, 4, true, true), 1, At)).Sentence);

    [Fact]
    public void Advice_names_the_partner_and_the_due_date_written_out() =>
        Assert.Equal(
            "{partner:stadsdeel-nieuw-west} kan of wil het besluit niet uitvoeren. Daarom is het nu een advies aan {partner:stadsdeel-nieuw-west} (R9). Reden: Geen budget"
            + " {partner:stadsdeel-nieuw-west} moet uiterlijk dinsdag 9 juni 2026, 20:00 uitleggen waarom.",
            TimelineProjection.Describe("osdorp-de-punt", new ExecutionDeclined(Stadsdeel, Anna, "Geen budget", At, At + Duration.FromDays(28), 1)).Sentence);

    [Fact]
    public void A_corrected_objection_names_the_speaker_it_replaces_and_why() =>
        Assert.Equal(
            "Bezwaar 1 is gecorrigeerd, omdat het verkeerd was vastgelegd. Het kwam van {p-00000000aaaa} ({partner:bcop}), niet van {p-00000000aaaa}."
            + " Reden: Namens BCOP Gecorrigeerd door {p-00000000aaaa} als dagvoorzitter.",
            TimelineProjection.Describe("osdorp-de-punt",
                new ObjectionCorrected(1, Anna, null, Anna, Bcop, Anna, Governance.Domain.Alliances.Office.Chair, "Namens BCOP", At)).Sentence);
}
