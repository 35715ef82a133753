using Governance.Domain.Meetings;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Meetings.MeetingFixtures;

namespace Governance.Domain.Tests.Meetings;

/// <summary>R1–R4, R6: a meeting deadline that passes unmet is recorded once, at the moment it is noticed.</summary>
public class MissedDeadlineTests
{
    private static readonly DeadlineSubject TrafficItem = DeadlineSubject.ForItem(Traffic);

    private static IReadOnlyList<MeetingEvent> Missed(Spec<MeetingCommand, MeetingEvent, Meeting.State> meeting, Instant now) =>
        Meeting.Decide(new RecordMissedDeadlines(now), meeting.State);

    [Fact]
    public void Before_any_due_moment_nothing_is_missed_R1_R2() =>
        WithTrafficItem.When(new RecordMissedDeadlines(DaysBefore(22))).ThenNothing();

    [Fact]
    public void The_draft_agenda_not_published_21_days_ahead_is_recorded_missed_for_the_secretary_R1()
    {
        var missed = Assert.Single(Missed(WithTrafficItem, DaysBefore(20)));
        var m = Assert.IsType<MeetingDeadlineMissed>(missed);
        Assert.Equal("R1", m.Rule);
        Assert.Equal(Governance.Domain.Alliances.Office.Secretary, m.ResponsibleOffice);
        Assert.Equal(DaysBefore(21), m.DueAt);
        Assert.Equal(DaysBefore(20), m.RecordedAt);
    }

    [Fact]
    public void The_missing_document_for_a_decision_item_is_recorded_against_its_partner_R2()
    {
        var missed = Missed(WithTrafficItem, DaysBefore(13)).Cast<MeetingDeadlineMissed>().ToList();
        var r2 = Assert.Single(missed, m => m.Rule == "R2");
        Assert.Equal((TrafficItem, Stadsdeel), (r2.Subject, r2.ResponsiblePartner!.Value));
        Assert.DoesNotContain(missed, m => m.Rule == "R7");   // R7 is judged at the table, not by a clock
    }

    [Fact]
    public void A_missed_deadline_is_recorded_once_whoever_asks_again()
    {
        var once = WithTrafficItem.Given(Missed(WithTrafficItem, DaysBefore(13)));
        once.When(new RecordMissedDeadlines(DaysBefore(12))).ThenNothing();
        once.When(new RecordMissedDeadlines(MeetingDay)).ThenNothing();
    }

    [Fact]
    public void A_deadline_met_in_time_is_not_missed_R2() =>
        WithTrafficItem.Given(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(15)), new DraftAgendaPublished(DaysBefore(22)))
            .When(new RecordMissedDeadlines(DaysBefore(13))).ThenNothing();

    [Fact]
    public void An_extension_moves_the_moment_a_deadline_is_missed_R19()
    {
        var extended = WithTrafficItem.Given(
            new DraftAgendaPublished(DaysBefore(22)),
            new DeadlineExtended("R2", TrafficItem, DaysBefore(14), DaysBefore(10), "Meer tijd", Resident, AgreementsVersion: 1));
        extended.When(new RecordMissedDeadlines(DaysBefore(12))).ThenNothing();
        var missed = Assert.IsType<MeetingDeadlineMissed>(Assert.Single(Missed(extended, DaysBefore(9))));
        Assert.Equal(("R2", DaysBefore(10)), (missed.Rule, missed.DueAt));
    }

    [Fact]
    public void A_cancelled_meeting_misses_nothing() =>
        WithTrafficItem.Given(new MeetingCancelled("Zaal bezet"))
            .When(new RecordMissedDeadlines(MeetingDay)).ThenNothing();
}
