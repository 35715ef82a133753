using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.YearPlans;
using Governance.Projections.Timeline;
using NodaTime;

namespace Governance.Api.Tests.Commitments;

/// <summary>The timeline's Dutch sentences for promises, plans and disputes, and their links.</summary>
public sealed class PromiseTimelineTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 6, 2, 18, 0);
    private static readonly PersonId Person = PersonId.Parse("p-00000000aaaa");
    private static readonly PartnerId Stadsdeel = PartnerId.Parse("stadsdeel-nieuw-west");
    private static readonly LocalDate June1 = new(2026, 6, 1);

    public static TheoryData<object, string, string> EveryEvent => new()
    {
        { new CommitmentMade(CommitmentId.Parse("bankjes"), Stadsdeel, Person, "Bankjes repareren", June1, CommitmentSource.Orally("Buurtschouw", Person), At, At), "commitment-bankjes", "/beloftes/bankjes" },
        { new CommitmentProgressReported("Besteld", At), "commitment-bankjes", "/beloftes/bankjes" },
        { new CommitmentDueDateRenegotiated(June1, June1.PlusDays(30), "Leverancier", Person, At), "commitment-bankjes", "/beloftes/bankjes" },
        { new CommitmentFulfilled("Gerepareerd", null, At, June1, true), "commitment-bankjes", "/beloftes/bankjes" },
        { new CommitmentReportedNotPossible("Geen budget", At), "commitment-bankjes", "/beloftes/bankjes" },
        { new CommitmentWithdrawn("Plein heringericht", Person, At), "commitment-bankjes", "/beloftes/bankjes" },
        { new CommitmentBecameOverdue(June1, At, At), "commitment-bankjes", "/beloftes/bankjes" },
        { new CommitmentCorrected(Stadsdeel, Person, June1, PartnerId.Parse("ymere"), Person, June1.PlusDays(7), Person, Governance.Domain.Alliances.Office.Secretary, "Verkeerd", At),
            "commitment-bankjes", "/beloftes/bankjes" },
        { new YearPlanStarted(YearPlanId.Parse("2026"), "Jaarplan 2026", At), "yearplan-2026", "/jaarplan/2026" },
        { new GoalSet(GoalId.Parse("veilig"), GoalHorizon.ShortTerm, "Veilig spelen", Stadsdeel, June1, [], At), "yearplan-2026", "/jaarplan/2026" },
        { new GoalSet(GoalId.Parse("zwembad"), GoalHorizon.Dream, "Zwembad", null, null, [], At), "yearplan-2026", "/jaarplan/2026" },
        { new GoalProgressReported(GoalId.Parse("veilig"), "Hekje", At), "yearplan-2026", "/jaarplan/2026" },
        { new GoalCommitmentLinked(GoalId.Parse("veilig"), CommitmentId.Parse("bankjes")), "yearplan-2026", "/jaarplan/2026" },
        { new GoalAchieved(GoalId.Parse("veilig"), "Klaar", At), "yearplan-2026", "/jaarplan/2026" },
        { new EscalationRaised(EscalationId.Parse("bankjes"), Person, new EscalationSubject(EscalationSubjectKind.OverdueCommitment, "bankjes"), "Kapot", EscalationLadder.Default, 1, At), "escalation-bankjes", "/geschillen/bankjes" },
        { Escalation.Enter(EscalationLadder.Default, 1, At), "escalation-bankjes", "/geschillen/bankjes" },
        { new EscalationResponseRecorded(1, Person, "Week 25", At), "escalation-bankjes", "/geschillen/bankjes" },
        { new EscalationAdviceGiven(3, Person, "Spreek af", false, At), "escalation-bankjes", "/geschillen/bankjes" },
        { new EscalationStepDeadlineMissed(1, At, At), "escalation-bankjes", "/geschillen/bankjes" },
        { new EscalationMovedToNextStep(1, 2, null, "Termijn", true, At), "escalation-bankjes", "/geschillen/bankjes" },
        { new EscalationResolved(2, "Afgesproken", ["bankjes"], At), "escalation-bankjes", "/geschillen/bankjes" },
        { new EscalationReopened(2, Person, "Weer kapot", At), "escalation-bankjes", "/geschillen/bankjes" },
    };

    [Theory]
    [MemberData(nameof(EveryEvent))]
    public void Every_promise_plan_and_dispute_event_has_its_own_sentence_and_links_to_its_page(object e, string stream, string link)
    {
        var (sentence, href) = TimelineProjection.Describe("osdorp-de-punt", e, stream);

        Assert.DoesNotContain("Er is iets vastgelegd", sentence, StringComparison.Ordinal);
        Assert.Equal("/allianties/osdorp-de-punt" + link, href);
    }

    [Fact]
    public void Every_event_type_of_these_streams_is_in_the_list_above()
    {
        var listed = EveryEvent.Select(row => row[0].GetType()).ToHashSet();
        var types = DomainEvents.All.Select(e => e.Type)
            .Where(t => t.IsSubclassOf(typeof(CommitmentEvent)) || t.IsSubclassOf(typeof(YearPlanEvent)) || t.IsSubclassOf(typeof(EscalationEvent)));
        Assert.All(types, t => Assert.Contains(t, listed));
    }

    [Fact]
    public void An_oral_promise_and_a_missed_deadline_read_as_Dutch_sentences_with_dates_written_out()
    {
        var made = new CommitmentMade(CommitmentId.Parse("bankjes"), Stadsdeel, Person, "De bankjes repareren", June1, CommitmentSource.Orally("Buurtschouw", Person), At, At);
        Assert.Equal("{partner:stadsdeel-nieuw-west} belooft: De bankjes repareren. Dit moet klaar zijn op maandag 1 juni 2026. Verantwoordelijk: {p-00000000aaaa}."
            + " Mondeling beloofd (Buurtschouw), gehoord door {p-00000000aaaa}.", TimelineProjection.Describe("osdorp-de-punt", made).Sentence);
        Assert.Equal("Bij stap 1 kwam er geen oplossing op tijd (vóór dinsdag 2 juni 2026, 20:00).",
            TimelineProjection.Describe("osdorp-de-punt", new EscalationStepDeadlineMissed(1, At, At), "escalation-bankjes").Sentence);
    }
}
