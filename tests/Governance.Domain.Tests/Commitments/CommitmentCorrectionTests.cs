using Governance.Domain.Alliances;
using Governance.Domain.Commitments;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Commitments.CommitmentFixtures;

namespace Governance.Domain.Tests.Commitments;

/// <summary>
/// Issue 13: a promise recorded in error (the wrong partner, the wrong person, the wrong date) is corrected by the chair or the
/// secretary with a reason, as a new event that keeps the values it replaces; the original stays on record.
/// </summary>
public class CommitmentCorrectionTests
{
    private static readonly Instant Later = MadeAt + Duration.FromDays(2);

    private static CorrectCommitment Correct(
        PartnerId? owner = null, PersonId? person = null, LocalDate? due = null, Office? office = Office.Secretary, string reason = "Verkeerd genoteerd") =>
        new(owner ?? Stadsdeel, person ?? CivilServant, due ?? June1, ProjectLeader, office, reason, Later);

    [Fact]
    public void The_secretary_corrects_the_wrong_partner_and_person_and_the_original_values_stay_in_the_event() =>
        Made.When(Correct(owner: Ymere, person: HousingOfficer, reason: " Het was Ymere, niet het stadsdeel. "))
            .Then(new CommitmentCorrected(Stadsdeel, CivilServant, June1, Ymere, HousingOfficer, June1, ProjectLeader, Office.Secretary,
                "Het was Ymere, niet het stadsdeel.", Later))
            .AndThen(s =>
            {
                var made = Assert.IsType<Commitment.State.Made>(s);
                Assert.Equal((Ymere, HousingOfficer), (made.Owner, made.OwnerPerson));
            });

    [Fact]
    public void The_chair_corrects_a_wrongly_recorded_due_date() =>
        Made.When(Correct(due: June1.PlusDays(14), office: Office.Chair))
            .Then(new CommitmentCorrected(Stadsdeel, CivilServant, June1, Stadsdeel, CivilServant, June1.PlusDays(14), ProjectLeader, Office.Chair,
                "Verkeerd genoteerd", Later))
            .AndThen(s => Assert.Equal(June1.PlusDays(14), Assert.IsType<Commitment.State.Made>(s).Due));

    [Theory]
    [InlineData(null)]
    [InlineData(Office.Confidant)]
    public void Only_the_chair_or_the_secretary_corrects_a_promise(Office? office) =>
        Made.When(Correct(owner: Ymere, office: office)).ThenViolates("correction.not-an-officer");

    [Fact]
    public void A_correction_says_why() =>
        Made.When(Correct(owner: Ymere, reason: "  ")).ThenViolates("correction.reason-required");

    [Fact]
    public void A_correction_that_changes_nothing_records_nothing() =>
        Made.When(Correct()).ThenNothing();

    [Fact]
    public void The_same_correction_sent_again_records_nothing() =>
        Made.Given(new CommitmentCorrected(Stadsdeel, CivilServant, June1, Ymere, HousingOfficer, June1, ProjectLeader, Office.Secretary, "Verkeerd", Later))
            .When(Correct(owner: Ymere, person: HousingOfficer)).ThenNothing();

    [Fact]
    public void R10_a_corrected_due_date_cannot_lie_before_the_promise_was_made() =>
        Made.When(Correct(due: new LocalDate(2026, 5, 11))).ThenViolates("R10.due-before-made");

    [Fact]
    public void A_settled_promise_keeps_the_due_date_it_was_judged_against_but_its_owner_can_still_be_corrected()
    {
        var kept = Made.Given(new CommitmentFulfilled("Gerepareerd", null, Later, June1, true));
        kept.When(Correct(due: June1.PlusDays(7))).ThenViolates("commitment.settled");
        kept.When(Correct(owner: Ymere, person: HousingOfficer)).Then(
            new CommitmentCorrected(Stadsdeel, CivilServant, June1, Ymere, HousingOfficer, June1, ProjectLeader, Office.Secretary, "Verkeerd genoteerd", Later));
    }

    [Fact]
    public void A_promise_that_was_never_made_cannot_be_corrected() =>
        NewCommitment.When(Correct(owner: Ymere)).ThenViolates("commitment.not-made");

    [Fact]
    public void After_a_corrected_due_date_the_promise_is_open_again_until_the_new_date_passes()
    {
        var overdue = Made.Given(new CommitmentBecameOverdue(June1, DueAt, DueAt));
        overdue.When(new CorrectCommitment(Stadsdeel, CivilServant, June1.PlusDays(30), ProjectLeader, Office.Chair, "Het was 1 juli", DueAt))
            .Then(new CommitmentCorrected(Stadsdeel, CivilServant, June1, Stadsdeel, CivilServant, June1.PlusDays(30), ProjectLeader, Office.Chair, "Het was 1 juli", DueAt))
            .AndThen(s => Assert.Equal(CommitmentStatus.Open, Assert.IsType<Commitment.State.Made>(s).Status));
    }
}
