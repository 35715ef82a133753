using Governance.Domain.Commitments;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Commitments.CommitmentFixtures;

namespace Governance.Domain.Tests.Commitments;

/// <summary>R10: promises, oral ones too, have an owner and a due date and are kept or reported back. R19: a new date is never silent.</summary>
public class CommitmentTests
{
    private static readonly Instant BeforeDue = DueAt - Duration.FromMinutes(1);
    private static readonly Instant AtDue = DueAt;

    // ---- made ----

    [Fact]
    public void R10_a_promise_is_made_with_its_owner_what_due_date_and_source() =>
        NewCommitment.When(Make()).Then(MadeEvent());

    [Fact]
    public void R10_an_oral_promise_records_the_occasion_and_witnesses_and_may_be_recorded_after_it_was_made()
    {
        var said = MadeAt - Duration.FromDays(3);
        var oral = CommitmentSource.Orally("Buurtschouw Tussen Meer", Resident, Caretaker);

        NewCommitment.When(Make(source: oral, occurredAt: said))
            .Then(new CommitmentMade(Benches, Stadsdeel, CivilServant, What, June1, oral, said, MadeAt));
    }

    [Fact]
    public void A_promise_from_a_decision_or_an_advice_refers_to_it_by_id()
    {
        NewCommitment.When(Make(source: CommitmentSource.InDecision("p-speeltuin-2026"))).Then(MadeEvent(source: CommitmentSource.InDecision("p-speeltuin-2026")));
        NewCommitment.When(Make(source: CommitmentSource.InAdvice(" advies-12 "))).Then(MadeEvent(source: CommitmentSource.InAdvice("advies-12")));
    }

    [Fact]
    public void Only_an_oral_promise_may_be_backdated() =>
        NewCommitment.When(Make(occurredAt: MadeAt - Duration.FromDays(3))).ThenViolates("commitment.backdated");

    [Fact]
    public void A_promise_is_not_made_in_the_future() =>
        NewCommitment.When(Make(source: CommitmentSource.Orally("Buurtschouw", Resident), occurredAt: MadeAt + Duration.FromHours(1)))
            .ThenViolates("commitment.made-in-future");

    [Fact]
    public void R10_a_promise_cannot_be_due_before_it_was_made() =>
        NewCommitment.When(Make(due: new LocalDate(2026, 5, 11))).ThenViolates("R10.due-before-made");

    [Fact]
    public void A_promise_due_the_day_it_is_made_is_fine() =>
        NewCommitment.When(Make(due: new LocalDate(2026, 5, 12))).Then(MadeEvent(due: new LocalDate(2026, 5, 12)));

    [Fact]
    public void A_promise_says_what_is_promised() =>
        NewCommitment.When(Make(what: "  ")).ThenViolates("commitment.what-required");

    [Theory]
    [InlineData(CommitmentSourceKind.MeetingItem)]
    [InlineData(CommitmentSourceKind.Decision)]
    [InlineData(CommitmentSourceKind.Advice)]
    [InlineData(CommitmentSourceKind.Oral)]
    public void A_source_without_what_its_kind_needs_is_refused(CommitmentSourceKind kind) =>
        NewCommitment.When(Make(source: new CommitmentSource(kind, null, null, " ", "", []))).ThenViolates("commitment.source-incomplete");

    [Fact]
    public void An_oral_promise_without_a_witness_is_refused() =>
        NewCommitment.When(Make(source: CommitmentSource.Orally("Buurtschouw"))).ThenViolates("commitment.source-incomplete");

    [Fact]
    public void An_unknown_source_kind_is_refused() =>
        NewCommitment.When(Make(source: new CommitmentSource((CommitmentSourceKind)42, null, null, "x", null, []))).ThenViolates("commitment.source-unknown");

    [Fact]
    public void Making_the_same_promise_again_changes_nothing_and_another_under_its_id_is_refused()
    {
        Made.When(Make()).ThenNothing();
        Made.When(Make(what: "Iets anders")).ThenViolates("commitment.already-made");
    }

    [Fact]
    public void Nothing_but_making_happens_to_a_promise_not_made() =>
        NewCommitment.When(new ReportCommitmentProgress("Besteld", MadeAt)).ThenViolates("commitment.not-made");

    // ---- progress, renegotiation ----

    [Fact]
    public void Progress_is_reported_with_a_note() =>
        Made.When(new ReportCommitmentProgress(" Onderdelen besteld ", BeforeDue)).Then(new CommitmentProgressReported("Onderdelen besteld", BeforeDue));

    [Fact]
    public void A_progress_report_needs_a_note() =>
        Made.When(new ReportCommitmentProgress("", BeforeDue)).ThenViolates("commitment.note-required");

    [Fact]
    public void R19_a_new_due_date_records_the_old_date_the_reason_and_who_agreed() =>
        Made.When(new RenegotiateDueDate(new LocalDate(2026, 7, 1), "Leverancier kan pas in juni", Resident, BeforeDue))
            .Then(new CommitmentDueDateRenegotiated(June1, new LocalDate(2026, 7, 1), "Leverancier kan pas in juni", Resident, BeforeDue));

    [Fact]
    public void R19_a_new_due_date_needs_a_reason() =>
        Made.When(new RenegotiateDueDate(new LocalDate(2026, 7, 1), " ", Resident, BeforeDue)).ThenViolates("R19.reason-required");

    [Fact]
    public void R19_the_same_due_date_again_changes_nothing() =>
        Made.When(new RenegotiateDueDate(June1, "Toch niet", Resident, BeforeDue)).ThenNothing();

    [Fact]
    public void A_new_due_date_that_has_passed_already_is_refused() =>
        Made.When(new RenegotiateDueDate(new LocalDate(2026, 6, 3), "Te laat", Resident, Instant.FromUtc(2026, 6, 4, 10, 0)))
            .ThenViolates("commitment.due-passed");

    // ---- fulfilled, not possible, withdrawn ----

    [Fact]
    public void A_promise_kept_before_the_end_of_its_due_date_is_fulfilled_on_time() =>
        Made.When(new FulfilCommitment("Bankjes zijn gerepareerd", "https://example.org/foto.jpg", BeforeDue))
            .Then(new CommitmentFulfilled("Bankjes zijn gerepareerd", "https://example.org/foto.jpg", BeforeDue, June1, OnTime: true))
            .AndThen(s => Assert.Equal(CommitmentStatus.Fulfilled, Assert.IsType<Commitment.State.Made>(s).Status));

    [Fact]
    public void A_promise_kept_at_midnight_after_its_due_date_is_fulfilled_late() =>
        Made.When(new FulfilCommitment("Gerepareerd", null, AtDue))
            .Then(new CommitmentFulfilled("Gerepareerd", null, AtDue, June1, OnTime: false))
            .AndThen(s => Assert.Equal(CommitmentStatus.FulfilledLate, Assert.IsType<Commitment.State.Made>(s).Status));

    [Fact]
    public void On_time_is_judged_against_the_renegotiated_date() =>
        Made.Given(new CommitmentDueDateRenegotiated(June1, new LocalDate(2026, 7, 1), "Leverancier", Resident, BeforeDue))
            .When(new FulfilCommitment("Gerepareerd", null, Instant.FromUtc(2026, 6, 20, 10, 0)))
            .Then(new CommitmentFulfilled("Gerepareerd", null, Instant.FromUtc(2026, 6, 20, 10, 0), new LocalDate(2026, 7, 1), OnTime: true));

    [Fact]
    public void Fulfilling_needs_evidence() =>
        Made.When(new FulfilCommitment(" ", "https://example.org", BeforeDue)).ThenViolates("commitment.evidence-required");

    [Fact]
    public void Fulfilling_a_fulfilled_promise_again_changes_nothing() =>
        Made.Given(new CommitmentFulfilled("Gerepareerd", null, BeforeDue, June1, true))
            .When(new FulfilCommitment("Nog eens", null, AtDue)).ThenNothing();

    [Fact]
    public void R10_a_promise_that_cannot_be_kept_is_reported_with_a_motivation() =>
        Made.When(new ReportCommitmentNotPossible("Geen budget meer dit jaar", BeforeDue))
            .Then(new CommitmentReportedNotPossible("Geen budget meer dit jaar", BeforeDue))
            .AndThen(s => Assert.Equal(CommitmentStatus.CannotBeMet, Assert.IsType<Commitment.State.Made>(s).Status));

    [Fact]
    public void R10_reporting_not_possible_without_a_motivation_is_refused() =>
        Made.When(new ReportCommitmentNotPossible("  ", BeforeDue)).ThenViolates("R10.motivation-required");

    [Fact]
    public void A_promise_is_withdrawn_by_agreement_with_a_reason() =>
        Made.When(new WithdrawCommitment("Het plein wordt heringericht", Resident, BeforeDue))
            .Then(new CommitmentWithdrawn("Het plein wordt heringericht", Resident, BeforeDue))
            .AndThen(s => Assert.Equal(CommitmentStatus.Withdrawn, Assert.IsType<Commitment.State.Made>(s).Status));

    [Fact]
    public void Withdrawing_needs_a_reason() =>
        Made.When(new WithdrawCommitment("", Resident, BeforeDue)).ThenViolates("commitment.reason-required");

    [Theory]
    [MemberData(nameof(Settlements))]
    public void A_settled_promise_takes_no_progress_new_date_or_other_settlement(CommitmentEvent settled)
    {
        var spec = Made.Given(settled);
        spec.When(new ReportCommitmentProgress("Nog bezig", AtDue)).ThenViolates("commitment.settled");
        spec.When(new RenegotiateDueDate(new LocalDate(2026, 8, 1), "Later", Resident, BeforeDue)).ThenViolates("commitment.settled");
        if (settled is not CommitmentFulfilled) spec.When(new FulfilCommitment("Toch", null, AtDue)).ThenViolates("commitment.settled");
        if (settled is not CommitmentReportedNotPossible) spec.When(new ReportCommitmentNotPossible("Toch niet", AtDue)).ThenViolates("commitment.settled");
        if (settled is not CommitmentWithdrawn) spec.When(new WithdrawCommitment("Toch niet", Resident, AtDue)).ThenViolates("commitment.settled");
    }

    public static TheoryData<CommitmentEvent> Settlements =>
    [
        new CommitmentFulfilled("Gerepareerd", null, BeforeDue, June1, true),
        new CommitmentReportedNotPossible("Geen budget", BeforeDue),
        new CommitmentWithdrawn("Plein heringericht", Resident, BeforeDue),
    ];

    // ---- overdue, once ----

    [Fact]
    public void The_sweeper_records_a_promise_overdue_once_its_due_date_has_ended() =>
        Made.When(new RecordCommitmentOverdue(AtDue))
            .Then(new CommitmentBecameOverdue(June1, DueAt, AtDue))
            .AndThen(s => Assert.Equal(CommitmentStatus.Overdue, Assert.IsType<Commitment.State.Made>(s).Status));

    [Fact]
    public void Before_the_due_moment_the_sweeper_records_nothing_and_is_not_refused() =>
        Made.When(new RecordCommitmentOverdue(BeforeDue)).ThenNothing();

    [Fact]
    public void The_sweeper_records_overdue_exactly_once() =>
        Made.Given(new CommitmentBecameOverdue(June1, DueAt, AtDue))
            .When(new RecordCommitmentOverdue(AtDue + Duration.FromDays(5))).ThenNothing();

    [Theory]
    [MemberData(nameof(Settlements))]
    public void A_settled_promise_never_becomes_overdue(CommitmentEvent settled) =>
        Made.Given(settled).When(new RecordCommitmentOverdue(AtDue + Duration.FromDays(30))).ThenNothing();

    [Fact]
    public void Renegotiating_an_overdue_promise_to_a_later_date_makes_it_open_again_and_overdue_again_after_that_date()
    {
        var renegotiated = Made.Given(
            new CommitmentBecameOverdue(June1, DueAt, AtDue),
            new CommitmentDueDateRenegotiated(June1, new LocalDate(2026, 7, 1), "Leverancier", Resident, AtDue + Duration.FromDays(2)));

        Assert.Equal(CommitmentStatus.Open, AsMade(renegotiated).Status);
        renegotiated.When(new RecordCommitmentOverdue(Instant.FromUtc(2026, 6, 30, 10, 0))).ThenNothing();
        renegotiated.When(new RecordCommitmentOverdue(Instant.FromUtc(2026, 7, 1, 22, 0)))
            .Then(new CommitmentBecameOverdue(new LocalDate(2026, 7, 1), Instant.FromUtc(2026, 7, 1, 22, 0), Instant.FromUtc(2026, 7, 1, 22, 0)));
    }

    [Fact]
    public void Overdue_is_a_status_the_sweeper_records_but_status_at_a_moment_knows_it_before_the_sweeper_runs()
    {
        var made = AsMade(Made);

        Assert.Equal(CommitmentStatus.Open, made.Status);
        Assert.Equal(CommitmentStatus.Open, made.StatusAt(BeforeDue));
        Assert.Equal(CommitmentStatus.Overdue, made.StatusAt(AtDue));
    }

    [Fact]
    public void The_due_moment_is_the_start_of_the_next_day_in_Amsterdam_winter_or_summer()
    {
        Assert.Equal(Instant.FromUtc(2026, 6, 1, 22, 0), Commitment.DueAt(new LocalDate(2026, 6, 1)));
        Assert.Equal(Instant.FromUtc(2026, 12, 1, 23, 0), Commitment.DueAt(new LocalDate(2026, 12, 1)));
    }
}
