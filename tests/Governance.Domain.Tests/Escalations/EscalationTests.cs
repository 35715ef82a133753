using System.Collections.Immutable;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;

namespace Governance.Domain.Tests.Escalations;

/// <summary>R12: the escalation ladder is agreed in advance; each step has a response time; the programme's contact may advise.</summary>
public class EscalationTests
{
    private static readonly EscalationId Dispute = EscalationId.Parse("bankjes-advies");
    private static readonly EscalationSubject AboutBenches = new(EscalationSubjectKind.OverdueCommitment, "bankjes-repareren");
    private const string Reason = "De bankjes zijn na drie weken nog steeds kapot";
    private static readonly EscalationLadder Ladder = EscalationLadder.Default;

    /// <summary>Raised Tuesday 2 June 2026 at 20:00 Amsterdam; step 1 is answerable until Tuesday 16 June, 20:00.</summary>
    private static readonly Instant RaisedAt = Instant.FromUtc(2026, 6, 2, 18, 0);

    private static Instant Amsterdam(int month, int day, int hour = 20) =>
        new LocalDateTime(2026, month, day, hour, 0).InZoneStrictly(Escalation.Zone).ToInstant();

    private static Spec<EscalationCommand, EscalationEvent, Escalation.State> NewDispute =>
        Spec.For<EscalationCommand, EscalationEvent, Escalation.State>(Escalation.Decide, Escalation.Evolve, Escalation.Initial);

    private static Spec<EscalationCommand, EscalationEvent, Escalation.State> Raised => NewDispute.Given(
        new EscalationRaised(Dispute, Resident, AboutBenches, Reason, Ladder, 1, RaisedAt),
        Step(1, RaisedAt, Amsterdam(6, 16)));

    private static EscalationStepEntered Step(int step, Instant entered, Instant respondBy) =>
        new(step, Ladder.Step(step).Description, LeadTime.Days(14), entered, respondBy);

    private static RaiseEscalation Raise(EscalationSubject? subject = null, string reason = Reason, EscalationLadder? ladder = null) =>
        new(Dispute, Resident, subject ?? AboutBenches, reason, ladder ?? Ladder, 1, RaisedAt);

    private static Escalation.State.Raised AsRaised(Escalation.State s) => Assert.IsType<Escalation.State.Raised>(s);

    // ---- raised ----

    [Fact]
    public void R12_a_dispute_is_raised_with_the_ladder_in_force_and_enters_step_one_with_its_response_deadline() =>
        NewDispute.When(Raise())
            .Then(new EscalationRaised(Dispute, Resident, AboutBenches, Reason, Ladder, 1, RaisedAt), Step(1, RaisedAt, Amsterdam(6, 16)));

    [Fact]
    public void R12_the_response_time_counts_civil_days_in_Amsterdam_across_the_change_to_winter_time()
    {
        var raised = new LocalDateTime(2026, 10, 20, 20, 0).InZoneStrictly(Escalation.Zone).ToInstant();

        var entered = Escalation.Enter(Ladder, 1, raised);

        Assert.Equal(new LocalDateTime(2026, 11, 3, 20, 0), entered.RespondBy.InZone(Escalation.Zone).LocalDateTime);
    }

    [Fact]
    public void R12_the_dispute_keeps_the_ladder_it_was_raised_with_including_its_own_response_times()
    {
        var ladder = new EscalationLadder([new EscalationStep("elkaar aanspreken", LeadTime.Days(7)), new EscalationStep("stuurgroep", LeadTime.Days(21))]);

        NewDispute.When(Raise(ladder: ladder)).Then(
            new EscalationRaised(Dispute, Resident, AboutBenches, Reason, ladder, 1, RaisedAt),
            new EscalationStepEntered(1, "elkaar aanspreken", LeadTime.Days(7), RaisedAt, Amsterdam(6, 9)));
    }

    [Fact]
    public void R12_a_dispute_cannot_be_raised_without_a_ladder() =>
        NewDispute.When(Raise(ladder: new EscalationLadder(ImmutableArray<EscalationStep>.Empty))).ThenViolates("R12.escalation-ladder-empty");

    [Fact]
    public void A_dispute_needs_a_reason_and_a_reference_except_about_conduct()
    {
        NewDispute.When(Raise(reason: " ")).ThenViolates("escalation.reason-required");
        NewDispute.When(Raise(subject: new EscalationSubject(EscalationSubjectKind.AdviceWithoutMotivation, " "))).ThenViolates("escalation.reference-required");
        NewDispute.When(Raise(subject: new EscalationSubject(EscalationSubjectKind.Conduct, null)))
            .Then(new EscalationRaised(Dispute, Resident, new EscalationSubject(EscalationSubjectKind.Conduct, null), Reason, Ladder, 1, RaisedAt), Step(1, RaisedAt, Amsterdam(6, 16)));
        NewDispute.When(Raise(subject: new EscalationSubject((EscalationSubjectKind)7, "x"))).ThenViolates("escalation.subject-unknown");
    }

    [Fact]
    public void Raising_the_same_dispute_again_changes_nothing_and_another_under_its_id_is_refused()
    {
        Raised.When(Raise()).ThenNothing();
        Raised.When(Raise(subject: new EscalationSubject(EscalationSubjectKind.DecisionNotExecuted, "speeltuin"))).ThenViolates("escalation.already-raised");
    }

    [Fact]
    public void Nothing_happens_to_a_dispute_not_raised() =>
        NewDispute.When(new RecordEscalationStepOverdue(RaisedAt)).ThenViolates("escalation.not-raised");

    // ---- responses and advice ----

    [Fact]
    public void A_response_is_recorded_at_the_current_step()
    {
        Raised.When(new RecordEscalationResponse(CivilServant, "Wij plannen het in week 25", Amsterdam(6, 5)))
            .Then(new EscalationResponseRecorded(1, CivilServant, "Wij plannen het in week 25", Amsterdam(6, 5)));
        Raised.When(new RecordEscalationResponse(CivilServant, "", Amsterdam(6, 5))).ThenViolates("escalation.response-required");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void R12_the_escalation_contact_advises_solicited_or_unsolicited(bool solicited) =>
        Raised.When(new GiveEscalationAdvice(ProgrammeContact, "Spreek een datum af", solicited, Amsterdam(6, 5)))
            .Then(new EscalationAdviceGiven(1, ProgrammeContact, "Spreek een datum af", solicited, Amsterdam(6, 5)));

    [Fact]
    public void Advice_needs_a_text() =>
        Raised.When(new GiveEscalationAdvice(ProgrammeContact, " ", false, Amsterdam(6, 5))).ThenViolates("escalation.advice-required");

    // ---- moving up ----

    [Fact]
    public void R12_on_request_the_dispute_moves_to_the_next_step_with_a_fresh_response_deadline() =>
        Raised.When(new MoveEscalationToNextStep(Resident, "Geen reactie op mails", Amsterdam(6, 10)))
            .Then(
                new EscalationMovedToNextStep(1, 2, Resident, "Geen reactie op mails", DeadlinePassed: false, Amsterdam(6, 10)),
                Step(2, Amsterdam(6, 10), Amsterdam(6, 24)));

    [Fact]
    public void R12_there_is_no_step_after_the_last() =>
        NewDispute.Given(new EscalationRaised(Dispute, Resident, AboutBenches, Reason, Ladder, 1, RaisedAt), Step(4, RaisedAt, Amsterdam(6, 16)))
            .When(new MoveEscalationToNextStep(Resident, "Verder", Amsterdam(6, 10))).ThenViolates("R12.no-further-step");

    [Fact]
    public void Before_the_deadline_the_sweeper_records_nothing_and_is_not_refused() =>
        Raised.When(new RecordEscalationStepOverdue(Amsterdam(6, 16) - Duration.FromSeconds(1))).ThenNothing();

    [Fact]
    public void R12_a_missed_deadline_is_recorded_and_the_dispute_moves_up_counting_the_next_step_from_the_missed_deadline() =>
        Raised.When(new RecordEscalationStepOverdue(Amsterdam(6, 17, 3)))
            .Then(
                new EscalationStepDeadlineMissed(1, Amsterdam(6, 16), Amsterdam(6, 17, 3)),
                new EscalationMovedToNextStep(1, 2, null, "The response time passed without a resolution.", DeadlinePassed: true, Amsterdam(6, 17, 3)),
                Step(2, Amsterdam(6, 16), Amsterdam(6, 30)));

    [Fact]
    public void R12_a_missed_deadline_is_recorded_exactly_once_per_step()
    {
        var swept = Raised.Given(Escalation.Decide(new RecordEscalationStepOverdue(Amsterdam(6, 17)), Raised.State));

        swept.When(new RecordEscalationStepOverdue(Amsterdam(6, 17))).ThenNothing();
        swept.When(new RecordEscalationStepOverdue(Amsterdam(6, 29))).ThenNothing();
        Assert.Equal(2, AsRaised(swept.State).Step);
    }

    [Fact]
    public void A_sweeper_that_was_down_catches_up_through_every_step_whose_deadline_passed_and_stops_at_the_last()
    {
        var decided = Escalation.Decide(new RecordEscalationStepOverdue(Amsterdam(9, 1)), Raised.State);

        Assert.Equal([1, 2, 3, 4], decided.OfType<EscalationStepDeadlineMissed>().Select(m => m.Step));
        Assert.Equal([2, 3, 4], decided.OfType<EscalationStepEntered>().Select(m => m.Step));
        var after = Raised.Given(decided);
        Assert.Equal(4, AsRaised(after.State).Step);
        after.When(new RecordEscalationStepOverdue(Amsterdam(12, 1))).ThenNothing();
    }

    [Fact]
    public void The_escalations_step_clock_runs_from_the_step_it_entered_whatever_happens_to_the_promise_it_is_about()
    {
        // The promise was renegotiated to 1 July in its own stream; the dispute's clock is its own, so on 17 June it
        // still moves up (resolving it is a decision of the people involved, recorded with ResolveEscalation).
        Raised.When(new RecordEscalationStepOverdue(Amsterdam(6, 17)))
            .AndThen(s => Assert.Equal((2, Amsterdam(6, 30)), (AsRaised(s).Step, AsRaised(s).RespondBy)));
    }

    // ---- resolved, reopened ----

    [Fact]
    public void A_dispute_is_resolved_with_its_outcome_and_what_it_settled() =>
        Raised.When(new ResolveEscalation("Nieuwe datum afgesproken", ["bankjes-repareren", " bankjes-repareren ", ""], Amsterdam(6, 12)))
            .Then(new EscalationResolved(1, "Nieuwe datum afgesproken", ["bankjes-repareren"], Amsterdam(6, 12)));

    [Fact]
    public void Resolving_needs_an_outcome() =>
        Raised.When(new ResolveEscalation(" ", [], Amsterdam(6, 12))).ThenViolates("escalation.outcome-required");

    [Fact]
    public void A_resolved_dispute_takes_nothing_but_a_reopening_and_its_deadline_no_longer_runs()
    {
        var resolved = Raised.Given(new EscalationResolved(1, "Opgelost", [], Amsterdam(6, 12)));

        resolved.When(new RecordEscalationStepOverdue(Amsterdam(7, 1))).ThenNothing();
        resolved.When(new RecordEscalationResponse(CivilServant, "Nog iets", Amsterdam(6, 13))).ThenViolates("escalation.resolved");
        resolved.When(new MoveEscalationToNextStep(Resident, "Verder", Amsterdam(6, 13))).ThenViolates("escalation.resolved");
        resolved.When(new ResolveEscalation("Nog eens", [], Amsterdam(6, 13))).ThenViolates("escalation.resolved");
    }

    [Fact]
    public void A_reopened_dispute_resumes_at_its_step_with_a_new_deadline() =>
        Raised.Given(new EscalationResolved(1, "Opgelost", [], Amsterdam(6, 12)))
            .When(new ReopenEscalation(Resident, "De bankjes zijn weer kapot", Amsterdam(7, 1)))
            .Then(new EscalationReopened(1, Resident, "De bankjes zijn weer kapot", Amsterdam(7, 1)), Step(1, Amsterdam(7, 1), Amsterdam(7, 15)));

    [Fact]
    public void Only_a_resolved_dispute_is_reopened_and_with_a_reason()
    {
        Raised.When(new ReopenEscalation(Resident, "Weer kapot", Amsterdam(7, 1))).ThenViolates("escalation.not-resolved");
        Raised.Given(new EscalationResolved(1, "Opgelost", [], Amsterdam(6, 12)))
            .When(new ReopenEscalation(Resident, "", Amsterdam(7, 1))).ThenViolates("escalation.reason-required");
    }
}
