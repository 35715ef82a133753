using Governance.Domain.Meetings;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Meetings.MeetingFixtures;

namespace Governance.Domain.Tests.Meetings;

/// <summary>R19: when residents need more time, the planning moves, on the record, never by a silent edit.</summary>
public class DeadlineExtensionTests
{
    private const string Reason = "Bewoners willen het plan eerst op de buurtavond bespreken";

    private static readonly DeadlineSubject TrafficItem = DeadlineSubject.ForItem(Traffic);

    private static ExtendDeadline Extend(string rule, DeadlineSubject subject, Instant newDue, Instant at, string reason = Reason) =>
        new(rule, subject, newDue, reason, Resident, at);

    private static DeadlineExtended Extended(string rule, DeadlineSubject subject, Instant previousDue, Instant newDue) =>
        new(rule, subject, previousDue, newDue, Reason, Resident, AgreementsVersion: 1);

    private static Deadline Check(Spec<MeetingCommand, MeetingEvent, Meeting.State> meeting, string rule, DeadlineSubject subject, Instant now) =>
        Assert.Single(MeetingDeadlines.Of(meeting.State, now).Checks, c => c.Rule == rule && c.Subject == subject);

    [Fact]
    public void An_extension_records_the_deadline_it_moves_from_where_to_where_why_and_who_agreed_R19() =>
        WithTrafficItem
            .When(Extend("R2", TrafficItem, DaysBefore(10), DaysBefore(16)))
            .Then(Extended("R2", TrafficItem, DaysBefore(14), DaysBefore(10)));

    [Fact]
    public void An_extended_deadline_not_yet_done_shows_as_extended_with_both_due_moments_R19()
    {
        var extended = WithTrafficItem.Given(Extended("R2", TrafficItem, DaysBefore(14), DaysBefore(10)));

        var check = Check(extended, "R2", TrafficItem, DaysBefore(12));

        Assert.Equal(DeadlineStatus.Extended, check.Status);
        Assert.Equal(DaysBefore(14), check.AgreedDueAt);
        Assert.Equal(DaysBefore(10), check.DueAt);
        Assert.Equal(Reason, check.Extension!.Reason);
        Assert.Equal(Resident, check.Extension.AgreedBy);
    }

    [Fact]
    public void A_document_shared_within_the_extension_granted_for_its_item_is_extended_not_late_R19()
    {
        var extended = WithTrafficItem.Given(
            Extended("R2", TrafficItem, DaysBefore(14), DaysBefore(10)),
            Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(11)));

        Assert.Equal(DeadlineStatus.Extended, Check(extended, "R2", DeadlineSubject.ForDocument(TrafficPlan), MeetingDay).Status);
    }

    [Fact]
    public void A_document_shared_after_the_extension_is_late_R19()
    {
        var extended = WithTrafficItem.Given(
            Extended("R2", TrafficItem, DaysBefore(14), DaysBefore(10)),
            Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(10) + Duration.FromSeconds(1)));

        Assert.Equal(DeadlineStatus.Late, Check(extended, "R2", DeadlineSubject.ForDocument(TrafficPlan), MeetingDay).Status);
    }

    [Fact]
    public void A_document_shared_before_the_original_deadline_is_on_time_whatever_the_extension_R19()
    {
        var extended = WithTrafficItem.Given(
            Extended("R2", TrafficItem, DaysBefore(14), DaysBefore(10)),
            Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(15)));

        Assert.Equal(DeadlineStatus.OnTime, Check(extended, "R2", DeadlineSubject.ForDocument(TrafficPlan), MeetingDay).Status);
    }

    [Fact]
    public void An_extended_deadline_that_passes_undone_is_missing_R19()
    {
        var extended = WithTrafficItem.Given(Extended("R2", TrafficItem, DaysBefore(14), DaysBefore(10)));

        Assert.Equal(DeadlineStatus.Extended, Check(extended, "R2", TrafficItem, DaysBefore(10)).Status);
        Assert.Equal(DeadlineStatus.Missing, Check(extended, "R2", TrafficItem, DaysBefore(10) + Duration.FromSeconds(1)).Status);
    }

    [Fact]
    public void An_extension_does_not_lift_R7_so_the_item_still_needs_a_waiver_R19_R7()
    {
        var extended = WithTrafficItem.Given(
            Extended("R2", TrafficItem, DaysBefore(14), DaysBefore(10)),
            Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(11)));

        Assert.Equal("R7.not-decidable", extended.State.IsDecidable(Traffic).Refusal);
        Assert.Equal(DeadlineStatus.Late, Check(extended, "R7", TrafficItem, MeetingDay).Status);
    }

    [Fact]
    public void A_second_extension_moves_on_from_the_first_R19() =>
        WithTrafficItem.Given(Extended("R2", TrafficItem, DaysBefore(14), DaysBefore(10)))
            .When(Extend("R2", TrafficItem, DaysBefore(8), DaysBefore(11)))
            .Then(Extended("R2", TrafficItem, DaysBefore(10), DaysBefore(8)));

    [Fact]
    public void The_draft_agenda_deadline_can_be_extended_R1_R19() =>
        Scheduled
            .When(Extend("R1", DeadlineSubject.TheMeeting, DaysBefore(18), DaysBefore(22)))
            .Then(Extended("R1", DeadlineSubject.TheMeeting, DaysBefore(21), DaysBefore(18)));

    [Fact]
    public void A_channel_deadline_of_a_residents_meeting_can_be_extended_R6_R19()
    {
        var flyers = DeadlineSubject.ForChannel(AnnouncementChannel.Flyers);

        NewMeeting.Given(ScheduledEvent(MeetingKind.ResidentsMeeting))
            .When(Extend("R6", flyers, DaysBefore(10), DaysBefore(20)))
            .Then(Extended("R6", flyers, DaysBefore(14), DaysBefore(10)));
    }

    [Fact]
    public void Repeating_the_same_extension_decides_nothing() =>
        WithTrafficItem.Given(Extended("R2", TrafficItem, DaysBefore(14), DaysBefore(10)))
            .When(Extend("R2", TrafficItem, DaysBefore(10), DaysBefore(12)))
            .ThenNothing();

    [Theory]
    [InlineData("R7")] // lifted only by a waiver
    [InlineData("R3")] // met the moment the item exists
    [InlineData("R4")] // a document's own check exists once it is shared
    [InlineData("R5")]
    [InlineData("R8")]
    [InlineData("r2")]
    [InlineData("")]
    public void Only_the_deadlines_of_R1_R2_and_R6_can_be_extended_R19(string rule) =>
        WithTrafficItem.When(Extend(rule, TrafficItem, DaysBefore(10), DaysBefore(16))).ThenViolates("R19.not-extendable");

    [Fact]
    public void An_extension_says_why_R19() =>
        WithTrafficItem.When(Extend("R2", TrafficItem, DaysBefore(10), DaysBefore(16), reason: " ")).ThenViolates("R19.reason-required");

    [Fact]
    public void A_deadline_the_meeting_does_not_have_cannot_be_extended_R19()
    {
        WithTrafficItem.When(Extend("R2", DeadlineSubject.ForDocument(TrafficPlan), DaysBefore(10), DaysBefore(16))).ThenViolates("R19.deadline-unknown");
        WithTrafficItem.When(Extend("R6", DeadlineSubject.ForChannel(AnnouncementChannel.Mail), DaysBefore(10), DaysBefore(30))).ThenViolates("R19.deadline-unknown");
        WithTrafficItem.When(Extend("R2", null!, DaysBefore(10), DaysBefore(16))).ThenViolates("R19.deadline-unknown");
    }

    [Fact]
    public void Once_a_document_for_decision_arrived_the_items_R2_deadline_gives_way_to_the_documents_and_cannot_be_extended_R19() =>
        WithTrafficItem.Given(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(20)))
            .When(Extend("R2", TrafficItem, DaysBefore(10), DaysBefore(16)))
            .ThenViolates("R19.deadline-unknown");

    [Fact]
    public void A_deadline_that_was_met_is_not_extended_R19() =>
        WithTrafficItem.Given(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(20)))
            .When(Extend("R2", DeadlineSubject.ForDocument(TrafficPlan), DaysBefore(10), DaysBefore(16)))
            .ThenViolates("R19.deadline-met");

    [Fact]
    public void A_deadline_that_has_passed_stays_missed_and_is_not_extended_afterwards_R19() =>
        WithTrafficItem.When(Extend("R2", TrafficItem, DaysBefore(10), DaysBefore(14) + Duration.FromSeconds(1))).ThenViolates("R19.deadline-passed");

    [Fact]
    public void An_extension_moves_a_deadline_later_R19() =>
        WithTrafficItem.When(Extend("R2", TrafficItem, DaysBefore(14), DaysBefore(16))).ThenViolates("R19.not-later");

    [Fact]
    public void Deadlines_are_not_extended_after_the_meeting_closed() =>
        Open.Given(new MeetingClosed(MeetingDay)).When(Extend("R2", TrafficItem, MeetingDay, MeetingDay)).ThenViolates("meeting.closed");
}
