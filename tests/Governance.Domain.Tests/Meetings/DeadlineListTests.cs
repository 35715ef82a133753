using Governance.Domain.Alliances;
using Governance.Domain.Meetings;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Meetings.MeetingFixtures;

namespace Governance.Domain.Tests.Meetings;

public class DeadlineListTests
{
    private static readonly AgendaItemId Greenery = AgendaItemId.Parse("groenplan");

    private static DeadlineList DeadlinesOf(Spec<MeetingCommand, MeetingEvent, Meeting.State> meeting, Instant now) =>
        MeetingDeadlines.Of(meeting.State, now);

    private static Deadline Check(DeadlineList list, string rule, DeadlineSubject subject) =>
        Assert.Single(list.Checks, c => c.Rule == rule && c.Subject == subject);

    /// <summary>
    /// The 12 May meeting as the core group will see it: a late draft agenda, a late decision document, an item
    /// proposed late and deferred, one carried over, one urgent, and a decision item whose document never came.
    /// </summary>
    private static Spec<MeetingCommand, MeetingEvent, Meeting.State> RealisticMeeting => Scheduled.Given(
        Proposed(Traffic, Stadsdeel, AgendaItemKind.Decision, DaysBefore(30)),
        new AgendaItemAccepted(Traffic),
        Proposed(Greenery, Ymere, AgendaItemKind.Decision, DaysBefore(25)),
        new AgendaItemAccepted(Greenery),
        new DraftAgendaPublished(DaysBefore(18)),
        Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(12)),
        Proposed(Playground, Ymere, AgendaItemKind.Discussion, DaysBefore(10)),
        new AgendaItemDeferred(Playground, "Na de termijn van 15 dagen ingediend", June9),
        Shared(TrafficCounts, Traffic, Eigenwijks, DaysBefore(8), DocumentPurpose.InformationOnly),
        Proposed(News, Stadsdeel, AgendaItemKind.Information, DaysBefore(3), carriedOverFrom: April14),
        new AgendaItemAccepted(News),
        Proposed(Flooding, Bcop, AgendaItemKind.Urgent, StartsAt.ToInstant() - Duration.FromHours(50)),
        new AgendaItemAccepted(Flooding),
        Shared(Newsletter, Flooding, Stadsdeel, DaysBefore(1)));

    [Fact]
    public void A_realistic_meeting_has_one_check_per_deadline_per_subject_in_due_order_R1_to_R7()
    {
        var list = DeadlinesOf(RealisticMeeting, MeetingDay);

        Assert.Equal(1, list.AgreementsVersion);
        Assert.Equal(
            [
                ("R1", "meeting", null, Office.Secretary, DeadlineStatus.Late),
                ("R3", "item groenplan", Ymere, null, DeadlineStatus.OnTime),
                ("R3", "item mededelingen", Stadsdeel, null, DeadlineStatus.OnTime), // carried over from 14 April
                ("R3", "item speeltuin", Ymere, null, DeadlineStatus.Late), // deferred: keeps its intake check only
                ("R3", "item verkeersveiligheid", Stadsdeel, null, DeadlineStatus.OnTime),
                ("R2", "document verkeersplan", Stadsdeel, null, DeadlineStatus.Late),
                ("R2", "item groenplan", Ymere, null, DeadlineStatus.Missing), // no document at all
                ("R7", "item groenplan", Ymere, null, DeadlineStatus.Missing),
                ("R7", "item verkeersveiligheid", Stadsdeel, null, DeadlineStatus.Late),
                ("R4", "document verkeerstellingen", Eigenwijks, null, DeadlineStatus.OnTime),
                ("R5", "item wateroverlast", Bcop, null, DeadlineStatus.OnTime), // its newsletter carries no R2/R4 check
            ],
            list.Checks.Select(c => (c.Rule, c.Subject.ToString(), c.ResponsiblePartner, c.ResponsibleOffice, c.Status)));
        Assert.All(list.Checks, c => Assert.Equal(1, c.AgreementsVersion));
    }

    [Fact]
    public void Each_check_carries_its_lead_time_due_moment_and_done_moment()
    {
        var list = DeadlinesOf(RealisticMeeting, MeetingDay);

        Assert.Equal(
            new Deadline("R2", DeadlineSubject.ForDocument(TrafficPlan), Stadsdeel, null, LeadTime.Days(14), 1,
                DaysBefore(14), DaysBefore(14), DaysBefore(12), DeadlineStatus.Late, null, null),
            Check(list, "R2", DeadlineSubject.ForDocument(TrafficPlan)));
        Assert.Equal(
            new Deadline("R1", DeadlineSubject.TheMeeting, null, Office.Secretary, LeadTime.Days(21), 1,
                DaysBefore(21), DaysBefore(21), DaysBefore(18), DeadlineStatus.Late, null, null),
            Check(list, "R1", DeadlineSubject.TheMeeting));
        Assert.Equal(StartsAt.ToInstant() - Duration.FromHours(48), Check(list, "R5", DeadlineSubject.ForItem(Flooding)).DueAt);
        Assert.Equal(DaysBefore(7), Check(list, "R4", DeadlineSubject.ForDocument(TrafficCounts)).DueAt);
        Assert.Equal(DaysBefore(15), Check(list, "R3", DeadlineSubject.ForItem(Playground)).DueAt);
        Assert.Null(Check(list, "R2", DeadlineSubject.ForItem(Greenery)).DoneAt);
    }

    [Fact]
    public void An_undone_deadline_is_pending_up_to_and_at_its_due_moment_and_missing_one_second_later()
    {
        Assert.Equal(DeadlineStatus.Pending, Check(DeadlinesOf(Scheduled, DaysBefore(22)), "R1", DeadlineSubject.TheMeeting).Status);
        Assert.Equal(DeadlineStatus.Pending, Check(DeadlinesOf(Scheduled, DaysBefore(21)), "R1", DeadlineSubject.TheMeeting).Status);
        Assert.Equal(
            DeadlineStatus.Missing,
            Check(DeadlinesOf(Scheduled, DaysBefore(21) + Duration.FromSeconds(1)), "R1", DeadlineSubject.TheMeeting).Status);
    }

    [Fact]
    public void A_done_deadline_keeps_its_status_whatever_the_now()
    {
        var meeting = Scheduled.Given(new DraftAgendaPublished(DaysBefore(25)));

        Assert.Equal(DeadlineStatus.OnTime, Check(DeadlinesOf(meeting, DaysBefore(24)), "R1", DeadlineSubject.TheMeeting).Status);
        Assert.Equal(DeadlineStatus.OnTime, Check(DeadlinesOf(meeting, MeetingDay.Plus(Duration.FromDays(90))), "R1", DeadlineSubject.TheMeeting).Status);
    }

    [Fact]
    public void A_decision_item_without_documents_is_pending_until_its_deadline_R2()
    {
        var list = DeadlinesOf(WithTrafficItem, DaysBefore(16));

        Assert.Equal(DeadlineStatus.Pending, Check(list, "R2", DeadlineSubject.ForItem(Traffic)).Status);
        Assert.Equal(DeadlineStatus.Pending, Check(list, "R7", DeadlineSubject.ForItem(Traffic)).Status);
    }

    [Fact]
    public void Once_a_document_for_decision_is_shared_the_item_level_check_gives_way_to_the_documents_own_R2()
    {
        var list = DeadlinesOf(WithTrafficItem.Given(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(20))), DaysBefore(16));

        Assert.DoesNotContain(list.Checks, c => c.Rule == "R2" && c.Subject == DeadlineSubject.ForItem(Traffic));
        Assert.Equal(DeadlineStatus.OnTime, Check(list, "R2", DeadlineSubject.ForDocument(TrafficPlan)).Status);
        Assert.Equal(DeadlineStatus.OnTime, Check(list, "R7", DeadlineSubject.ForItem(Traffic)).Status);
    }

    [Fact]
    public void A_discussion_item_needs_documents_like_a_decision_item_but_an_information_item_does_not_R2_R4()
    {
        var meeting = Scheduled.Given(
            Proposed(Playground, Ymere, AgendaItemKind.Discussion, DaysBefore(20)),
            Proposed(News, Stadsdeel, AgendaItemKind.Information, DaysBefore(20)));

        var list = DeadlinesOf(meeting, MeetingDay);

        Assert.Equal(DeadlineStatus.Missing, Check(list, "R2", DeadlineSubject.ForItem(Playground)).Status);
        Assert.DoesNotContain(list.Checks, c => c.Subject == DeadlineSubject.ForItem(News) && c.Rule != "R3");
    }

    [Fact]
    public void The_document_check_names_the_partner_that_shared_it_the_item_check_the_partner_that_proposed_it()
    {
        var list = DeadlinesOf(WithTrafficItem.Given(Shared(TrafficCounts, Traffic, Ymere, DaysBefore(9), DocumentPurpose.InformationOnly)), MeetingDay);

        Assert.Equal(Ymere, Check(list, "R4", DeadlineSubject.ForDocument(TrafficCounts)).ResponsiblePartner);
        Assert.Equal(Stadsdeel, Check(list, "R2", DeadlineSubject.ForItem(Traffic)).ResponsiblePartner);
    }

    [Fact]
    public void A_rejected_item_keeps_only_its_intake_check()
    {
        var list = DeadlinesOf(
            WithTrafficItem.Given(Proposed(Playground, Ymere, AgendaItemKind.Decision, DaysBefore(20)), new AgendaItemRejected(Playground, "Nee")),
            MeetingDay);

        Assert.Equal(["R3"], list.Checks.Where(c => c.Subject == DeadlineSubject.ForItem(Playground)).Select(c => c.Rule));
    }

    [Fact]
    public void An_item_carried_over_is_on_time_even_when_entered_the_day_before_R3()
    {
        var list = DeadlinesOf(Scheduled.Given(Proposed(Playground, Ymere, AgendaItemKind.Discussion, DaysBefore(1), carriedOverFrom: April14)), MeetingDay);

        var intake = Check(list, "R3", DeadlineSubject.ForItem(Playground));
        Assert.Equal(DeadlineStatus.OnTime, intake.Status);
        Assert.Equal(DaysBefore(1), intake.DoneAt);
    }

    [Fact]
    public void An_item_proposed_exactly_15_days_ahead_is_on_time_and_one_second_later_is_late_R3()
    {
        var intakeDue = DaysBefore(15);

        Assert.Equal(DeadlineStatus.OnTime, Check(
            DeadlinesOf(Scheduled.Given(Proposed(Traffic, Stadsdeel, AgendaItemKind.Decision, intakeDue)), MeetingDay),
            "R3", DeadlineSubject.ForItem(Traffic)).Status);
        Assert.Equal(DeadlineStatus.Late, Check(
            DeadlinesOf(Scheduled.Given(Proposed(Traffic, Stadsdeel, AgendaItemKind.Decision, intakeDue + Duration.FromSeconds(1))), MeetingDay),
            "R3", DeadlineSubject.ForItem(Traffic)).Status);
    }

    [Fact]
    public void An_information_document_exactly_7_days_ahead_is_on_time_and_one_second_later_is_late_R4()
    {
        static DeadlineStatus StatusWhenSharedAt(Instant at) => Check(
            DeadlinesOf(WithTrafficItem.Given(Shared(TrafficCounts, Traffic, Stadsdeel, at, DocumentPurpose.InformationOnly)), MeetingDay),
            "R4", DeadlineSubject.ForDocument(TrafficCounts)).Status;

        Assert.Equal(DeadlineStatus.OnTime, StatusWhenSharedAt(DaysBefore(7)));
        Assert.Equal(DeadlineStatus.Late, StatusWhenSharedAt(DaysBefore(7) + Duration.FromSeconds(1)));
    }

    [Fact]
    public void A_residents_meeting_has_a_check_per_channel_with_its_own_lead_time_R6()
    {
        var meeting = NewMeeting.Given(
            ScheduledEvent(MeetingKind.ResidentsMeeting),
            new ResidentsMeetingAnnounced(AnnouncementChannel.SocialMedia, DaysBefore(30)),
            new ResidentsMeetingAnnounced(AnnouncementChannel.Flyers, DaysBefore(10)));

        var list = DeadlinesOf(meeting, MeetingDay);

        Assert.Equal(
            [
                ("R6", "channel Mail", DaysBefore(28), DeadlineStatus.Missing),
                ("R6", "channel SocialMedia", DaysBefore(28), DeadlineStatus.OnTime),
                ("R6", "channel Flyers", DaysBefore(14), DeadlineStatus.Late),
            ],
            list.Checks.Select(c => (c.Rule, c.Subject.ToString(), c.DueAt, c.Status)));
        Assert.All(list.Checks, c => Assert.Equal(Office.Secretary, c.ResponsibleOffice));
    }

    [Fact]
    public void Flyers_exactly_14_days_ahead_are_on_time_R6()
    {
        var meeting = NewMeeting.Given(
            ScheduledEvent(MeetingKind.ResidentsMeeting), new ResidentsMeetingAnnounced(AnnouncementChannel.Flyers, DaysBefore(14)));

        Assert.Equal(DeadlineStatus.OnTime, Check(DeadlinesOf(meeting, MeetingDay), "R6", DeadlineSubject.ForChannel(AnnouncementChannel.Flyers)).Status);
    }

    [Fact]
    public void Only_an_alliance_meeting_has_a_draft_agenda_deadline_and_only_a_residents_meeting_announcement_deadlines_R1_R6()
    {
        Assert.DoesNotContain(DeadlinesOf(NewMeeting.Given(ScheduledEvent(MeetingKind.ResidentsMeeting)), MeetingDay).Checks, c => c.Rule == "R1");
        Assert.DoesNotContain(DeadlinesOf(Scheduled, MeetingDay).Checks, c => c.Rule == "R6");
        Assert.Empty(DeadlinesOf(NewMeeting.Given(ScheduledEvent(MeetingKind.CoreGroupMeeting)), MeetingDay).Checks);
    }

    [Fact]
    public void A_waived_information_period_shows_as_waived_with_the_waiver_while_the_late_document_stays_late_R7()
    {
        var waiver = new InformationPeriodWaived(Traffic, Resident, Bcop, "Al besproken op de buurtavond", DaysBefore(5), 1);
        var list = DeadlinesOf(WithTrafficItem.Given(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(12)), waiver), MeetingDay);

        var information = Check(list, "R7", DeadlineSubject.ForItem(Traffic));
        Assert.Equal(DeadlineStatus.Waived, information.Status);
        Assert.Equal(waiver, information.Waiver);
        Assert.Equal(DeadlineStatus.Late, Check(list, "R2", DeadlineSubject.ForDocument(TrafficPlan)).Status);
    }

    [Fact]
    public void The_checks_use_the_numbers_of_the_agreements_the_meeting_applies()
    {
        var terms = MeetingTerms.From(Agreements with { Version = 5, Documents = LeadTime.Days(21), DraftAgenda = LeadTime.Days(28) });
        var list = DeadlinesOf(NewMeeting.Given(ScheduledEvent(terms: terms), Proposed(Traffic, Stadsdeel, AgendaItemKind.Decision, DaysBefore(40))), MeetingDay);

        Assert.Equal(5, list.AgreementsVersion);
        Assert.Equal(DaysBefore(28), Check(list, "R1", DeadlineSubject.TheMeeting).DueAt);
        Assert.Equal(DaysBefore(21), Check(list, "R2", DeadlineSubject.ForItem(Traffic)).DueAt);
        Assert.All(list.Checks, c => Assert.Equal(5, c.AgreementsVersion));
    }

    [Fact]
    public void A_cancelled_meeting_has_no_checks_but_still_names_its_agreements_version()
    {
        var list = DeadlinesOf(RealisticMeeting.Given(new MeetingCancelled("Zaal niet beschikbaar")), MeetingDay);

        Assert.Equal(1, list.AgreementsVersion);
        Assert.Empty(list.Checks);
    }

    [Fact]
    public void A_meeting_that_was_never_scheduled_has_no_checks_and_no_version()
    {
        var list = MeetingDeadlines.Of(Meeting.Initial, MeetingDay);

        Assert.Null(list.AgreementsVersion);
        Assert.Empty(list.Checks);
    }
}
