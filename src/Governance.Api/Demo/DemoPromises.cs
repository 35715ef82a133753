using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.YearPlans;
using NodaTime;

namespace Governance.Api.Demo;

/// <summary>
/// Who promised what in the demo (issue 6 §6), made in meetings 1–3:
/// <list type="bullet">
/// <item>Ymere's renovation plan, fulfilled on time;</item>
/// <item>the Stadsdeel's bench repairs, due 20 days ago and overdue (the sweeper recorded it the next morning);</item>
/// <item>the police's evening patrol schedule, promised orally after meeting 3, renegotiated once (R19), open;</item>
/// <item>Eigenwijks' language café, reported as not possible with a motivation (R10).</item>
/// </list>
/// And a dispute (R12) about the Stadsdeel's unanswered advice on the waste containers: steps 1 and 2 passed their
/// deadlines, it is now at step 3 with the programme's escalation contact, who gave unsolicited advice. A year plan
/// with two goals and one dream (R11).
/// </summary>
public sealed class DemoPromises(DemoStory story, DemoCast cast, DemoMeetings meetings)
{
    public static readonly CommitmentId RenovationPlan = CommitmentId.Parse("ymere-renovatieplan");
    public static readonly CommitmentId BenchRepairs = CommitmentId.Parse("stadsdeel-bankjes-repareren");
    public static readonly CommitmentId EveningPatrol = CommitmentId.Parse("politie-avondsurveillance-rooster");
    public static readonly CommitmentId LanguageCafe = CommitmentId.Parse("eigenwijks-taalcafe");
    public static readonly EscalationId UnansweredAdvice = EscalationId.Parse("advies-afvalcontainers");

    public void Tell()
    {
        TellPromises();
        TellDispute();
        TellYearPlan();
    }

    private void TellPromises()
    {
        // Meeting 1: Ymere promises its renovation plan in detail; Eigenwijks a language café.
        Make(-112, "20:30", RenovationPlan, "ymere", "Ymere deelt het uitvoeringsplan van de renovatie met de bewoners, per portiek.",
            -80, CommitmentSource.AtMeeting(meetings.Meeting1, DemoMeetings.Renovation));
        Commitment(-85, "14:00", RenovationPlan, "ymere@", "representative",
            now => new FulfilCommitment("Het plan is per portiek huis aan huis bezorgd en staat op de website.", "https://example.org/renovatieplan-tussen-meer", now));

        Make(-112, "20:50", LanguageCafe, "eigenwijks", "Eigenwijks start een wekelijks taalcafé in de buurtkamer.",
            -60, CommitmentSource.AtMeeting(meetings.Meeting1, DemoMeetings.PlayAreas));
        Commitment(-65, "11:00", LanguageCafe, "eigenwijks@", "representative", now => new ReportCommitmentNotPossible(
            "De vrijwilliger die het taalcafé zou leiden is gestopt. We vinden pas in het voorjaar iemand nieuw.", now));

        // Meeting 2: the Stadsdeel promises to repair the benches on the square; due 20 days ago, so 20 days late today.
        Make(-70, "21:10", BenchRepairs, "stadsdeel-nieuw-west", "Stadsdeel Nieuw-West repareert de kapotte bankjes op het Osdorpplein.",
            -20, CommitmentSource.AtMeeting(meetings.Meeting2, DemoMeetings.TrafficSafety));
        Commitment(-45, "10:00", BenchRepairs, "stadsdeel@", "representative",
            now => new ReportCommitmentProgress("De opdracht is gegeven aan de aannemer.", now));
        // The due moment is the end of the due day; the sweeper finds it passed the next morning.
        story.SweepAt(story.Day(-19, "06:00"), Domain.Commitments.Commitment.Decider, BenchRepairs.StreamId, now => new RecordCommitmentOverdue(now));

        // Meeting 3: the police promise the patrol schedule in the corridor afterwards; the secretary records it the next morning.
        var promisedAt = story.Day(-28, "21:45");
        story.At(story.Day(-27, "09:30"), Domain.Commitments.Commitment.Decider, EveningPatrol.StreamId, cast.Person("projectleider@"), "secretary",
            now => new MakeCommitment(EveningPatrol, DemoCast.Partner("politie-nieuw-west"), cast.Person("politie@"),
                "De politie deelt het rooster van de avondsurveillance rond het winkelcentrum.", story.Today.PlusDays(-10),
                CommitmentSource.Orally("Na afloop van de alliantievergadering, bij de uitgang", cast.Person("dagvoorzitter@"), cast.Person("bewoner@")),
                promisedAt, now));
        // R19: moved once, on the record, with the reason and who agreed.
        Commitment(-12, "16:00", EveningPatrol, "politie@", "representative", now => new RenegotiateDueDate(story.Today.PlusDays(14),
            "Het rooster voor december wordt pas in de tweede week vastgesteld.", cast.Person("dagvoorzitter@"), now));
    }

    private void TellDispute()
    {
        var e = UnansweredAdvice;
        // The advice's motivation was due 42 days ago and recorded overdue 41 days ago; the core group raises it.
        story.At(story.Day(-40, "10:00"), Escalation.Decider, e.StreamId, cast.Person("kerngroep@"), "core-group",
            now => new RaiseEscalation(e, cast.Person("kerngroep@"),
                new EscalationSubject(EscalationSubjectKind.AdviceWithoutMotivation, DemoDecisions.WasteContainers.Value),
                "Het stadsdeel legde het advies over de afvalcontainers naast zich neer en gaf geen motivatie.",
                WorkingAgreements.Default.EscalationLadder, WorkingAgreements.Default.Version, now));
        // Step 1 (talk to each other) and step 2 (steering group) pass their 14 days without an answer; the sweeper moves it up.
        Sweep(-25, "06:00");
        Sweep(-10, "06:00");
        // Step 3: the programme's escalation contact advises without being asked.
        story.At(story.Day(-5, "15:00"), Escalation.Decider, e.StreamId, cast.Person("npsnw@"), "escalation-contact",
            now => new GiveEscalationAdvice(cast.Person("npsnw@"),
                "Stadsdeel, geef binnen twee weken schriftelijk aan waarom de containers niet kunnen worden verplaatst, en wanneer wel.",
                Solicited: false, now));
    }

    private void TellYearPlan()
    {
        var year = story.Today.Year;
        var plan = YearPlanId.Parse($"jaarplan-{year}");
        At(-140, "10:00", plan, now => new StartYearPlan(plan, $"Jaarplan {year} en meerjarenplan", now));
        At(-140, "10:05", plan, now => new SetGoal(GoalId.Parse("speelplek-per-straat"), GoalHorizon.ShortTerm, "Elke straat een veilige speelplek",
            DemoCast.Partner("bcop"), new LocalDate(year, 12, 31), [], now));
        At(-140, "10:10", plan, now => new SetGoal(GoalId.Parse("veilige-looproutes"), GoalHorizon.LongTerm, "Veilige en verlichte looproutes naar school en winkels",
            DemoCast.Partner("stadsdeel-nieuw-west"), new LocalDate(year + 2, 12, 31), [], now));
        At(-140, "10:15", plan, now => new SetGoal(GoalId.Parse("eigen-buurthuis"), GoalHorizon.Dream, "Een eigen buurthuis voor Osdorp de Punt",
            null, null, [], now));
        At(-112, "21:00", plan, now => new LinkGoalCommitment(GoalId.Parse("speelplek-per-straat"), RenovationPlan, now));
    }

    private void Sweep(int day, string time) =>
        story.SweepAt(story.Day(day, time), Escalation.Decider, UnansweredAdvice.StreamId, now => new RecordEscalationStepOverdue(now));

    private void Make(int day, string time, CommitmentId id, string partner, string what, int dueDay, CommitmentSource source)
    {
        var owner = cast.RepresentativeOf(partner);
        Commitment(day, time, id, "projectleider@", "secretary", now => new MakeCommitment(id, DemoCast.Partner(partner), cast.Person(owner),
            what, story.Today.PlusDays(dueDay), source, null, now));
    }

    private void Commitment(int day, string time, CommitmentId id, string actor, string role, Func<Instant, CommitmentCommand> command) =>
        story.At(story.Day(day, time), Domain.Commitments.Commitment.Decider, id.StreamId, cast.Person(actor), role, command);

    private void At(int day, string time, YearPlanId plan, Func<Instant, YearPlanCommand> command) =>
        story.At(story.Day(day, time), YearPlan.Decider, plan.StreamId, cast.Person("projectleider@"), "secretary", command);
}
