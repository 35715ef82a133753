using Governance.Domain.Meetings;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Meetings.MeetingFixtures;

namespace Governance.Domain.Tests.Meetings;

/// <summary>R7: no discussion or decision without 14 days of information, unless residents waive it, on the record.</summary>
public class InformationPeriodTests
{
    private static readonly Instant InformationDue = DaysBefore(14);

    private static Spec<MeetingCommand, MeetingEvent, Meeting.State> SharedInTime =>
        WithTrafficItem.Given(Shared(TrafficPlan, Traffic, Stadsdeel, InformationDue));

    private static Spec<MeetingCommand, MeetingEvent, Meeting.State> SharedLate =>
        WithTrafficItem.Given(Shared(TrafficPlan, Traffic, Stadsdeel, InformationDue + Duration.FromSeconds(1)));

    private static WaiveInformationPeriod Waive(Instant at, PartnerBody body = PartnerBody.Residents, PartnerId? partner = null) =>
        new(Traffic, Resident, partner ?? Bcop, body, "Bewoners hebben het plan al op de buurtavond besproken", at);

    private static InformationPeriodWaived Waived(Instant at) =>
        new(Traffic, Resident, Bcop, "Bewoners hebben het plan al op de buurtavond besproken", at, AgreementsVersion: 1);

    [Fact]
    public void An_item_whose_documents_were_shared_exactly_14_days_ahead_is_decidable_R7() =>
        Assert.Equal(Decidability.Yes(Traffic, underWaiver: false, 1), SharedInTime.State.IsDecidable(Traffic));

    [Fact]
    public void An_item_whose_document_came_one_second_too_late_is_not_decidable_R7()
    {
        var decidability = SharedLate.State.IsDecidable(Traffic);

        Assert.False(decidability.Decidable);
        Assert.Equal("R7.not-decidable", decidability.Refusal);
        Assert.Equal(1, decidability.AgreementsVersion);
        Assert.Throws<RuleViolated>(decidability.ThrowIfNotDecidable);
    }

    [Fact]
    public void An_item_without_any_document_for_decision_is_not_decidable_R7()
    {
        var withOnlyInformation = WithTrafficItem.Given(
            Shared(TrafficCounts, Traffic, Stadsdeel, DaysBefore(30), DocumentPurpose.InformationOnly));

        Assert.Equal("R7.not-decidable", withOnlyInformation.State.IsDecidable(Traffic).Refusal);
    }

    [Fact]
    public void One_late_document_among_timely_ones_makes_the_item_not_decidable_R7()
    {
        var oneLate = SharedInTime.Given(Shared(TrafficCounts, Traffic, Stadsdeel, DaysBefore(10)));

        Assert.Equal("R7.not-decidable", oneLate.State.IsDecidable(Traffic).Refusal);
    }

    [Fact]
    public void A_new_version_shared_late_makes_a_timely_item_not_decidable_since_the_discussed_version_counts_R7()
    {
        var replacedLate = SharedInTime.Given(Replaced(TrafficPlan, 2, DaysBefore(5), ContentB));

        Assert.Equal("R7.not-decidable", replacedLate.State.IsDecidable(Traffic).Refusal);
    }

    [Fact]
    public void The_information_period_is_the_one_of_the_agreements_the_meeting_applies_R7()
    {
        var terms = MeetingTerms.From(Agreements with { Version = 4, InformationPeriod = LeadTime.Days(10) });
        var meeting = NewMeeting.Given(
            ScheduledEvent(terms: terms),
            Proposed(Traffic, Stadsdeel, AgendaItemKind.Decision, DaysBefore(30)),
            new AgendaItemAccepted(Traffic),
            Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(10)));

        Assert.Equal(Decidability.Yes(Traffic, false, 4), meeting.State.IsDecidable(Traffic));
    }

    public static TheoryData<string, string> NotDecidableForOtherReasons => new()
    {
        { "proposed", "item.not-accepted" },
        { "deferred", "item.deferred" },
        { "rejected", "item.rejected" },
        { "information", "item.information-only" },
        { "unknown", "item.unknown" },
    };

    [Theory]
    [MemberData(nameof(NotDecidableForOtherReasons))]
    public void Only_an_accepted_decision_or_discussion_item_can_be_decidable(string situation, string refusal)
    {
        var meeting = Scheduled.Given(situation switch
        {
            "proposed" => [Proposed(Traffic, Stadsdeel, AgendaItemKind.Decision, DaysBefore(30))],
            "deferred" => [Proposed(Traffic, Stadsdeel, AgendaItemKind.Decision, DaysBefore(30)), new AgendaItemDeferred(Traffic, "Later", June9)],
            "rejected" => [Proposed(Traffic, Stadsdeel, AgendaItemKind.Decision, DaysBefore(30)), new AgendaItemRejected(Traffic, "Nee")],
            "information" => [Proposed(Traffic, Stadsdeel, AgendaItemKind.Information, DaysBefore(30)), new AgendaItemAccepted(Traffic)],
            _ => Array.Empty<MeetingEvent>(),
        });

        Assert.Equal(refusal, meeting.State.IsDecidable(Traffic).Refusal);
    }

    [Fact]
    public void Nothing_is_decidable_on_a_meeting_that_is_not_scheduled_or_was_cancelled()
    {
        Assert.Equal("meeting.not-scheduled", Meeting.Initial.IsDecidable(Traffic).Refusal);
        Assert.Equal("meeting.cancelled", SharedInTime.Given(new MeetingCancelled("Zaal")).State.IsDecidable(Traffic).Refusal);
    }

    [Fact]
    public void A_residents_representative_waives_the_information_period_on_the_record_R7() =>
        SharedLate
            .When(Waive(DaysBefore(5)))
            .Then(Waived(DaysBefore(5)))
            .AndThen(state => Assert.Equal(Decidability.Yes(Traffic, underWaiver: true, 1), state.IsDecidable(Traffic)));

    [Fact]
    public void A_representative_of_a_professional_body_cannot_waive_R7() =>
        SharedLate.When(Waive(DaysBefore(5), PartnerBody.Professional, Stadsdeel)).ThenViolates("R7.waiver-not-by-residents");

    [Fact]
    public void A_waiver_says_why_R7() =>
        SharedLate.When(Waive(DaysBefore(5)) with { Reason = " " }).ThenViolates("R7.waiver-reason-required");

    [Fact]
    public void A_waiver_is_not_needed_when_residents_had_the_information_in_time_R7() =>
        SharedInTime.When(Waive(DaysBefore(5))).ThenViolates("R7.waiver-not-needed");

    [Fact]
    public void A_waiver_may_be_given_before_the_documents_arrive_R7() =>
        WithTrafficItem.When(Waive(DaysBefore(16))).Then(Waived(DaysBefore(16)));

    [Fact]
    public void Waiving_again_decides_nothing() =>
        SharedLate.Given(Waived(DaysBefore(5))).When(Waive(DaysBefore(4))).ThenNothing();

    [Fact]
    public void A_document_version_shared_after_the_waiver_is_not_covered_by_it_R7()
    {
        var changed = SharedLate.Given(Waived(DaysBefore(5)), Replaced(TrafficPlan, 2, DaysBefore(2), ContentB));

        Assert.Equal("R7.changed-after-waiver", changed.State.IsDecidable(Traffic).Refusal);
        changed.When(Waive(DaysBefore(1))).Then(Waived(DaysBefore(1)));
    }

    [Fact]
    public void Information_items_need_no_waiver() =>
        Scheduled.Given(Proposed(News, Stadsdeel, AgendaItemKind.Information, DaysBefore(20)), new AgendaItemAccepted(News))
            .When(Waive(DaysBefore(5)) with { Item = News })
            .ThenViolates("item.information-only");

    [Fact]
    public void Waiving_for_an_unknown_or_deferred_item_is_refused()
    {
        Scheduled.When(Waive(DaysBefore(5))).ThenViolates("item.unknown");
        SharedLate.Given(new AgendaItemDeferred(Traffic, "Later", June9)).When(Waive(DaysBefore(5))).ThenViolates("item.deferred");
    }

    [Fact]
    public void The_chair_may_waive_at_the_open_meeting_but_not_after_it_closed()
    {
        SharedLate.Given(new MeetingOpened(MeetingDay)).When(Waive(MeetingDay)).Then(Waived(MeetingDay));
        SharedLate.Given(new MeetingOpened(MeetingDay), new MeetingClosed(MeetingDay)).When(Waive(MeetingDay)).ThenViolates("meeting.closed");
    }

    [Fact]
    public void An_urgent_item_can_only_be_decided_under_a_waiver_R5_R7()
    {
        var urgent = Scheduled.Given(
            Proposed(Flooding, Bcop, AgendaItemKind.Urgent, DaysBefore(3)),
            new AgendaItemAccepted(Flooding),
            Shared(Newsletter, Flooding, Stadsdeel, DaysBefore(2)));

        Assert.Equal("R7.not-decidable", urgent.State.IsDecidable(Flooding).Refusal);
        Assert.True(urgent.Given(Waived(DaysBefore(1)) with { Item = Flooding }).State.IsDecidable(Flooding).UnderWaiver);
    }
}

public class TakingUpItemsTests
{
    private static Spec<MeetingCommand, MeetingEvent, Meeting.State> OpenWith(params MeetingEvent[] events) =>
        WithTrafficItem.Given(events).Given(new MeetingOpened(MeetingDay));

    [Fact]
    public void The_chair_takes_up_an_item_whose_information_was_there_in_time_R7() =>
        OpenWith(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(14)))
            .When(new TakeUpAgendaItem(Traffic, MeetingDay))
            .Then(new AgendaItemTakenUp(Traffic, UnderWaiver: false, AgreementsVersion: 1))
            .AndThen(state => Assert.True(AsScheduled(state).Items[Traffic].TakenUp));

    [Fact]
    public void The_chair_may_not_proceed_with_an_item_whose_information_came_too_late_R7() =>
        OpenWith(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(12)))
            .When(new TakeUpAgendaItem(Traffic, MeetingDay))
            .ThenViolates("R7.not-decidable");

    [Fact]
    public void The_chair_may_proceed_after_a_recorded_waiver_and_the_record_says_so_R7() =>
        OpenWith(
                Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(12)),
                new InformationPeriodWaived(Traffic, Resident, Bcop, "Al besproken", DaysBefore(1), 1))
            .When(new TakeUpAgendaItem(Traffic, MeetingDay))
            .Then(new AgendaItemTakenUp(Traffic, UnderWaiver: true, AgreementsVersion: 1));

    [Fact]
    public void Taking_up_an_item_again_decides_nothing() =>
        OpenWith(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(14)), new AgendaItemTakenUp(Traffic, false, 1))
            .When(new TakeUpAgendaItem(Traffic, MeetingDay))
            .ThenNothing();

    [Fact]
    public void An_accepted_information_item_is_taken_up_without_R7() =>
        OpenWith(Proposed(News, Stadsdeel, AgendaItemKind.Information, DaysBefore(20)), new AgendaItemAccepted(News))
            .When(new TakeUpAgendaItem(News, MeetingDay))
            .Then(new AgendaItemTakenUp(News, false, 1));

    [Fact]
    public void An_information_item_that_was_not_accepted_is_not_taken_up()
    {
        OpenWith(Proposed(News, Stadsdeel, AgendaItemKind.Information, DaysBefore(20)))
            .When(new TakeUpAgendaItem(News, MeetingDay))
            .ThenViolates("item.not-accepted");
        OpenWith(Proposed(News, Stadsdeel, AgendaItemKind.Information, DaysBefore(20)), new AgendaItemRejected(News, "Nee"))
            .When(new TakeUpAgendaItem(News, MeetingDay))
            .ThenViolates("item.rejected");
    }

    [Fact]
    public void Items_are_taken_up_only_at_the_open_meeting()
    {
        WithTrafficItem.When(new TakeUpAgendaItem(Traffic, DaysBefore(1))).ThenViolates("meeting.not-open");
        OpenWith().Given(new MeetingClosed(MeetingDay)).When(new TakeUpAgendaItem(Traffic, MeetingDay)).ThenViolates("meeting.closed");
    }

    [Fact]
    public void Taking_up_an_unknown_item_is_refused() =>
        OpenWith().When(new TakeUpAgendaItem(Playground, MeetingDay)).ThenViolates("item.unknown");
}
