using Governance.Domain.Meetings;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Meetings.MeetingFixtures;

namespace Governance.Domain.Tests.Meetings;

/// <summary>
/// Lead times count back in Europe/Amsterdam civil time: 14 days before Tuesday 19:30 is Tuesday 19:30, across DST.
/// In 2026 summer time starts 29 March (02:00 → 03:00) and ends 25 October (03:00 → 02:00).
/// </summary>
public class MeetingLeadTimeTests
{
    private static Spec<MeetingCommand, MeetingEvent, Meeting.State> DecisionMeetingOn(LocalDateTime start, Instant sharedAt) =>
        NewMeeting.Given(
            new MeetingScheduled(May12, MeetingKind.AllianceMeeting, start, start.PlusHours(2), Place, Terms, false),
            Proposed(Traffic, Stadsdeel, AgendaItemKind.Decision, start.PlusDays(-30).InZoneStrictly(Amsterdam).ToInstant()),
            new AgendaItemAccepted(Traffic),
            Shared(TrafficPlan, Traffic, Stadsdeel, sharedAt));

    private static DeadlineStatus DocumentStatus(Spec<MeetingCommand, MeetingEvent, Meeting.State> meeting) =>
        Assert.Single(MeetingDeadlines.Of(meeting.State, MeetingDay.Plus(Duration.FromDays(365))).Checks,
            c => c.Rule == "R2" && c.Subject == DeadlineSubject.ForDocument(TrafficPlan)).Status;

    private static Instant Local(int year, int month, int day, int hour, int minute, int second = 0) =>
        new LocalDateTime(year, month, day, hour, minute, second).InZoneStrictly(Amsterdam).ToInstant();

    [Fact]
    public void A_document_shared_14_days_ahead_to_the_second_is_on_time_and_one_second_later_is_late_R2()
    {
        Assert.Equal(DeadlineStatus.OnTime, DocumentStatus(DecisionMeetingOn(Start, Local(2026, 4, 28, 19, 30, 0))));
        Assert.Equal(DeadlineStatus.Late, DocumentStatus(DecisionMeetingOn(Start, Local(2026, 4, 28, 19, 30, 1))));
    }

    [Fact]
    public void Across_the_March_change_14_days_before_Tuesday_19_30_is_Tuesday_19_30_in_winter_time_R2_R7()
    {
        var april7 = new LocalDateTime(2026, 4, 7, 19, 30);
        var due = Local(2026, 3, 24, 19, 30);

        Assert.Equal(Instant.FromUtc(2026, 3, 24, 18, 30), due);
        Assert.Equal(Duration.FromHours((14 * 24) - 1), april7.InZoneStrictly(Amsterdam).ToInstant() - due);
        Assert.Equal(DeadlineStatus.OnTime, DocumentStatus(DecisionMeetingOn(april7, due)));
        Assert.Equal(DeadlineStatus.Late, DocumentStatus(DecisionMeetingOn(april7, due + Duration.FromSeconds(1))));
        Assert.True(DecisionMeetingOn(april7, due).State.IsDecidable(Traffic).Decidable);
        Assert.False(DecisionMeetingOn(april7, due + Duration.FromSeconds(1)).State.IsDecidable(Traffic).Decidable);
    }

    [Fact]
    public void Across_the_October_change_14_days_before_Tuesday_19_30_is_Tuesday_19_30_in_summer_time_R2_R7()
    {
        var november3 = new LocalDateTime(2026, 11, 3, 19, 30);
        var due = Local(2026, 10, 20, 19, 30);

        Assert.Equal(Instant.FromUtc(2026, 10, 20, 17, 30), due);
        Assert.Equal(Duration.FromHours((14 * 24) + 1), november3.InZoneStrictly(Amsterdam).ToInstant() - due);
        Assert.Equal(DeadlineStatus.OnTime, DocumentStatus(DecisionMeetingOn(november3, due)));
        Assert.Equal(DeadlineStatus.Late, DocumentStatus(DecisionMeetingOn(november3, due + Duration.FromSeconds(1))));
        Assert.True(DecisionMeetingOn(november3, due).State.IsDecidable(Traffic).Decidable);
        Assert.False(DecisionMeetingOn(november3, due + Duration.FromSeconds(1)).State.IsDecidable(Traffic).Decidable);
    }

    [Fact]
    public void Across_the_March_change_the_urgent_limit_is_48_elapsed_hours_so_the_wall_clock_shows_18_30_R5()
    {
        var monday = new LocalDateTime(2026, 3, 30, 19, 30);
        var meeting = NewMeeting.Given(new MeetingScheduled(May12, MeetingKind.AllianceMeeting, monday, monday.PlusHours(2), Place, Terms, false));
        var limit = Local(2026, 3, 28, 18, 30);

        meeting.When(Propose(Flooding, Bcop, AgendaItemKind.Urgent, limit)).Then(Proposed(Flooding, Bcop, AgendaItemKind.Urgent, limit));
        meeting.When(Propose(Flooding, Bcop, AgendaItemKind.Urgent, limit + Duration.FromSeconds(1))).ThenViolates("R5.urgent-too-late");
    }

    [Fact]
    public void Across_the_October_change_the_21_day_draft_agenda_deadline_keeps_the_wall_clock_time_R1()
    {
        var november10 = new LocalDateTime(2026, 11, 10, 19, 30);
        var meeting = NewMeeting.Given(new MeetingScheduled(May12, MeetingKind.AllianceMeeting, november10, november10.PlusHours(2), Place, Terms, false));

        var draftAgenda = Assert.Single(MeetingDeadlines.Of(meeting.State, Local(2026, 10, 1, 12, 0)).Checks, c => c.Rule == "R1");

        Assert.Equal(Local(2026, 10, 20, 19, 30), draftAgenda.DueAt);
    }

    [Fact]
    public void Across_the_March_change_a_residents_meeting_announced_28_days_ahead_keeps_the_wall_clock_time_R6()
    {
        var april14 = new LocalDateTime(2026, 4, 14, 20, 0);
        var meeting = NewMeeting.Given(
            new MeetingScheduled(May12, MeetingKind.ResidentsMeeting, april14, april14.PlusHours(2), Place, Terms, false),
            new ResidentsMeetingAnnounced(AnnouncementChannel.Mail, Local(2026, 3, 17, 20, 0)));

        var mail = Assert.Single(MeetingDeadlines.Of(meeting.State, Local(2026, 4, 14, 12, 0)).Checks,
            c => c.Subject == DeadlineSubject.ForChannel(AnnouncementChannel.Mail));

        Assert.Equal(Local(2026, 3, 17, 20, 0), mail.DueAt);
        Assert.Equal(DeadlineStatus.OnTime, mail.Status);
    }

    [Fact]
    public void A_meeting_moved_earlier_after_documents_were_shared_judges_them_against_the_new_date_R2_R7()
    {
        var sharedOnTime = WithTrafficItem.Given(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(15)));
        var may5 = new LocalDateTime(2026, 5, 5, 19, 30);

        var moved = sharedOnTime.Given(new MeetingRescheduled(Start, may5, may5.PlusHours(2), Place, "Zaal op 12 mei bezet", Terms, false));

        Assert.Equal(DeadlineStatus.OnTime, DocumentStatus(sharedOnTime));
        Assert.Equal(DeadlineStatus.Late, DocumentStatus(moved));
        var check = Assert.Single(MeetingDeadlines.Of(moved.State, MeetingDay).Checks, c => c.Subject == DeadlineSubject.ForDocument(TrafficPlan));
        Assert.Equal(Local(2026, 4, 21, 19, 30), check.DueAt);
        Assert.Equal("R7.not-decidable", moved.State.IsDecidable(Traffic).Refusal);
    }

    [Fact]
    public void A_meeting_moved_later_gives_a_late_document_a_new_chance_R2_R7()
    {
        var sharedLate = WithTrafficItem.Given(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(10)));
        var may26 = new LocalDateTime(2026, 5, 26, 19, 30);

        var moved = sharedLate.Given(new MeetingRescheduled(Start, may26, may26.PlusHours(2), Place, "Bewoners willen meer tijd", Terms, false));

        Assert.Equal(DeadlineStatus.Late, DocumentStatus(sharedLate));
        Assert.Equal(DeadlineStatus.OnTime, DocumentStatus(moved));
        Assert.True(moved.State.IsDecidable(Traffic).Decidable);
    }

    [Fact]
    public void A_reschedule_that_moves_the_deadline_past_an_extension_makes_the_extension_moot_R19()
    {
        var extended = WithTrafficItem.Given(new DeadlineExtended("R2", DeadlineSubject.ForItem(Traffic), DaysBefore(14), DaysBefore(10), "Meer tijd", Resident, 1));
        var may26 = new LocalDateTime(2026, 5, 26, 19, 30);

        var moved = extended.Given(new MeetingRescheduled(Start, may26, may26.PlusHours(2), Place, "Bewoners willen meer tijd", Terms, false));

        var check = Assert.Single(MeetingDeadlines.Of(moved.State, DaysBefore(20)).Checks, c => c.Rule == "R2");
        Assert.Equal(DeadlineStatus.Pending, check.Status);
        Assert.Null(check.Extension);
        Assert.Equal(Local(2026, 5, 12, 19, 30), check.DueAt);
    }

    [Fact]
    public void A_meeting_rescheduled_under_amended_agreements_judges_its_documents_by_the_new_numbers()
    {
        var sharedOnTime = WithTrafficItem.Given(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(15)));
        var amended = MeetingTerms.From(Agreements with { Version = 2, Documents = LeadTime.Days(21) });

        var moved = sharedOnTime.Given(new MeetingRescheduled(Start, Start, End, "Stadsdeelkantoor", "Andere zaal", amended, false));

        Assert.Equal(DeadlineStatus.Late, DocumentStatus(moved));
        Assert.Equal(2, MeetingDeadlines.Of(moved.State, MeetingDay).AgreementsVersion);
    }
}
