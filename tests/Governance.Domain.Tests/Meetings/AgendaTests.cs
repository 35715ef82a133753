using Governance.Domain.Meetings;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Meetings.MeetingFixtures;

namespace Governance.Domain.Tests.Meetings;

public class DraftAgendaTests
{
    [Fact]
    public void The_secretary_publishes_the_draft_agenda_at_the_recorded_time_R1() =>
        Scheduled
            .When(new PublishDraftAgenda(DaysBefore(22)))
            .Then(new DraftAgendaPublished(DaysBefore(22)))
            .AndThen(state => Assert.Equal(DaysBefore(22), AsScheduled(state).DraftAgendaPublishedAt));

    [Fact]
    public void Only_the_first_publication_counts_so_a_later_one_decides_nothing_R1() =>
        Scheduled.Given(new DraftAgendaPublished(DaysBefore(18)))
            .When(new PublishDraftAgenda(DaysBefore(2)))
            .ThenNothing();

    [Fact]
    public void A_draft_agenda_after_the_meeting_opened_is_refused() =>
        Open.When(new PublishDraftAgenda(MeetingDay)).ThenViolates("meeting.already-opened");
}

public class ProposingItemsTests
{
    [Fact]
    public void A_partner_proposes_an_item_and_the_proposal_records_when_under_which_agreements_R3() =>
        Scheduled
            .When(Propose(Traffic, Stadsdeel, AgendaItemKind.Decision, DaysBefore(20)))
            .Then(new AgendaItemProposed(Traffic, Stadsdeel, "Verkeersveiligheid Tussen Meer", AgendaItemKind.Decision, null, DaysBefore(20), false, 1))
            .AndThen(state =>
            {
                var item = AsScheduled(state).Items[Traffic];
                Assert.Equal(AgendaItemStatus.Proposed, item.Status);
                Assert.Equal(Stadsdeel, item.Proposer);
            });

    [Fact]
    public void An_item_proposed_after_the_intake_deadline_is_recorded_not_refused_so_its_lateness_shows_R3() =>
        Scheduled
            .When(Propose(Playground, Ymere, AgendaItemKind.Discussion, DaysBefore(10)))
            .Then(Proposed(Playground, Ymere, AgendaItemKind.Discussion, DaysBefore(10)));

    [Fact]
    public void An_item_carried_over_from_the_previous_meeting_names_that_meeting_R3() =>
        Scheduled
            .When(Propose(Playground, Ymere, AgendaItemKind.Discussion, DaysBefore(3), carriedOverFrom: April14))
            .Then(Proposed(Playground, Ymere, AgendaItemKind.Discussion, DaysBefore(3), carriedOverFrom: April14));

    [Fact]
    public void An_urgent_item_is_marked_exceptional_R5() =>
        Scheduled
            .When(Propose(Flooding, Bcop, AgendaItemKind.Urgent, StartsAt.ToInstant() - Duration.FromHours(49)))
            .Then(new AgendaItemProposed(
                Flooding, Bcop, "Wateroverlast na de storm", AgendaItemKind.Urgent, null,
                StartsAt.ToInstant() - Duration.FromHours(49), Exceptional: true, AgreementsVersion: 1));

    [Fact]
    public void An_urgent_item_exactly_48_hours_before_is_still_taken_R5()
    {
        var limit = StartsAt.ToInstant() - Duration.FromHours(48);

        Scheduled
            .When(Propose(Flooding, Bcop, AgendaItemKind.Urgent, limit))
            .Then(Proposed(Flooding, Bcop, AgendaItemKind.Urgent, limit));
    }

    [Fact]
    public void An_urgent_item_one_second_after_the_48_hour_limit_is_refused_R5() =>
        Scheduled
            .When(Propose(Flooding, Bcop, AgendaItemKind.Urgent, StartsAt.ToInstant() - Duration.FromHours(48) + Duration.FromSeconds(1)))
            .ThenViolates("R5.urgent-too-late");

    [Fact]
    public void The_urgent_limit_is_the_one_of_the_agreements_the_meeting_applies_R5()
    {
        var amended = MeetingTerms.From(Agreements with { Version = 2, UrgentItems = LeadTime.Hours(24) });

        NewMeeting.Given(ScheduledEvent(terms: amended))
            .When(Propose(Flooding, Bcop, AgendaItemKind.Urgent, StartsAt.ToInstant() - Duration.FromHours(30)))
            .Then(Proposed(Flooding, Bcop, AgendaItemKind.Urgent, StartsAt.ToInstant() - Duration.FromHours(30)) with { AgreementsVersion = 2 });
    }

    [Fact]
    public void An_urgent_item_cannot_be_carried_over_R5() =>
        Scheduled
            .When(Propose(Flooding, Bcop, AgendaItemKind.Urgent, DaysBefore(5), carriedOverFrom: April14))
            .ThenViolates("item.urgent-carried-over");

    [Fact]
    public void An_item_cannot_be_carried_over_from_its_own_meeting() =>
        Scheduled
            .When(Propose(Playground, Ymere, AgendaItemKind.Discussion, DaysBefore(20), carriedOverFrom: May12))
            .ThenViolates("item.carried-over-from-itself");

    [Fact]
    public void Proposing_the_same_item_again_decides_nothing() =>
        WithTrafficItem.When(Propose(Traffic, Stadsdeel, AgendaItemKind.Decision, DaysBefore(2))).ThenNothing();

    [Fact]
    public void Reusing_an_item_id_for_another_item_is_refused() =>
        WithTrafficItem.When(Propose(Traffic, Ymere, AgendaItemKind.Discussion, DaysBefore(20))).ThenViolates("item.duplicate-id");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_item_without_a_title_is_refused(string title) =>
        Scheduled.When(Propose(Traffic, Stadsdeel, AgendaItemKind.Decision, DaysBefore(20)) with { Title = title })
            .ThenViolates("item.title-required");

    [Fact]
    public void An_item_of_an_unknown_kind_is_refused() =>
        Scheduled.When(Propose(Traffic, Stadsdeel, (AgendaItemKind)7, DaysBefore(20))).ThenViolates("item.kind-unknown");

    [Fact]
    public void Items_are_not_proposed_once_the_meeting_is_open() =>
        Open.When(Propose(Playground, Ymere, AgendaItemKind.Discussion, MeetingDay)).ThenViolates("meeting.already-opened");
}

public class ChairingItemsTests
{
    private static Spec<MeetingCommand, MeetingEvent, Meeting.State> Proposal =>
        Scheduled.Given(Proposed(Playground, Ymere, AgendaItemKind.Discussion, DaysBefore(10)));

    [Fact]
    public void The_chair_accepts_an_item_onto_the_agenda() =>
        Proposal
            .When(new AcceptAgendaItem(Playground, DaysBefore(9)))
            .Then(new AgendaItemAccepted(Playground))
            .AndThen(state => Assert.Equal(AgendaItemStatus.Accepted, AsScheduled(state).Items[Playground].Status));

    [Fact]
    public void Accepting_again_decides_nothing() =>
        Proposal.Given(new AgendaItemAccepted(Playground)).When(new AcceptAgendaItem(Playground, DaysBefore(8))).ThenNothing();

    [Fact]
    public void The_chair_defers_a_late_item_to_the_next_meeting_with_a_reason_R3() =>
        Proposal
            .When(new DeferAgendaItem(Playground, "Na de termijn van 15 dagen ingediend", June9, DaysBefore(9)))
            .Then(new AgendaItemDeferred(Playground, "Na de termijn van 15 dagen ingediend", June9))
            .AndThen(state =>
            {
                var item = AsScheduled(state).Items[Playground];
                Assert.Equal(AgendaItemStatus.Deferred, item.Status);
                Assert.Equal(June9, item.DeferredTo);
            });

    [Fact]
    public void An_accepted_item_can_still_be_deferred() =>
        Proposal.Given(new AgendaItemAccepted(Playground))
            .When(new DeferAgendaItem(Playground, "Bewoners willen meer tijd", null, DaysBefore(3)))
            .Then(new AgendaItemDeferred(Playground, "Bewoners willen meer tijd", null));

    [Fact]
    public void Deferring_again_to_the_same_meeting_decides_nothing() =>
        Proposal.Given(new AgendaItemDeferred(Playground, "Te laat", June9))
            .When(new DeferAgendaItem(Playground, "Te laat", June9, DaysBefore(3)))
            .ThenNothing();

    [Fact]
    public void Deferring_a_deferred_item_elsewhere_is_refused() =>
        Proposal.Given(new AgendaItemDeferred(Playground, "Te laat", June9))
            .When(new DeferAgendaItem(Playground, "Te laat", null, DaysBefore(3)))
            .ThenViolates("item.deferred");

    [Fact]
    public void An_item_cannot_be_deferred_to_its_own_meeting() =>
        Proposal.When(new DeferAgendaItem(Playground, "Later", May12, DaysBefore(3))).ThenViolates("item.deferred-to-same-meeting");

    [Fact]
    public void The_chair_rejects_an_item_with_a_reason() =>
        Proposal
            .When(new RejectAgendaItem(Playground, "Hoort bij de gemeenteraad", DaysBefore(9)))
            .Then(new AgendaItemRejected(Playground, "Hoort bij de gemeenteraad"))
            .AndThen(state => Assert.Equal(AgendaItemStatus.Rejected, AsScheduled(state).Items[Playground].Status));

    [Fact]
    public void Rejecting_again_decides_nothing() =>
        Proposal.Given(new AgendaItemRejected(Playground, "Nee"))
            .When(new RejectAgendaItem(Playground, "Nee", DaysBefore(8)))
            .ThenNothing();

    [Fact]
    public void An_accepted_item_is_deferred_not_rejected() =>
        Proposal.Given(new AgendaItemAccepted(Playground))
            .When(new RejectAgendaItem(Playground, "Toch niet", DaysBefore(3)))
            .ThenViolates("item.already-accepted");

    [Fact]
    public void A_rejected_item_cannot_be_accepted() =>
        Proposal.Given(new AgendaItemRejected(Playground, "Nee"))
            .When(new AcceptAgendaItem(Playground, DaysBefore(3)))
            .ThenViolates("item.rejected");

    [Fact]
    public void A_deferred_item_cannot_be_accepted() =>
        Proposal.Given(new AgendaItemDeferred(Playground, "Later", June9))
            .When(new AcceptAgendaItem(Playground, DaysBefore(3)))
            .ThenViolates("item.deferred");

    [Fact]
    public void A_deferred_item_cannot_be_rejected() =>
        Proposal.Given(new AgendaItemDeferred(Playground, "Later", June9))
            .When(new RejectAgendaItem(Playground, "Nee", DaysBefore(3)))
            .ThenViolates("item.deferred");

    [Fact]
    public void A_rejected_item_cannot_be_deferred() =>
        Proposal.Given(new AgendaItemRejected(Playground, "Nee"))
            .When(new DeferAgendaItem(Playground, "Later", June9, DaysBefore(3)))
            .ThenViolates("item.rejected");

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Deferring_and_rejecting_need_a_reason(string reason)
    {
        Proposal.When(new DeferAgendaItem(Playground, reason, June9, DaysBefore(9))).ThenViolates("item.reason-required");
        Proposal.When(new RejectAgendaItem(Playground, reason, DaysBefore(9))).ThenViolates("item.reason-required");
    }

    [Fact]
    public void Ruling_on_an_unknown_item_is_refused()
    {
        Scheduled.When(new AcceptAgendaItem(Playground, DaysBefore(9))).ThenViolates("item.unknown");
        Scheduled.When(new DeferAgendaItem(Playground, "Later", June9, DaysBefore(9))).ThenViolates("item.unknown");
        Scheduled.When(new RejectAgendaItem(Playground, "Nee", DaysBefore(9))).ThenViolates("item.unknown");
    }

    [Fact]
    public void The_chair_may_still_defer_at_the_open_meeting() =>
        Open.When(new DeferAgendaItem(Traffic, "Bewoners willen meer tijd", June9, MeetingDay))
            .Then(new AgendaItemDeferred(Traffic, "Bewoners willen meer tijd", June9));

    [Fact]
    public void Items_are_not_ruled_on_after_the_meeting_closed() =>
        Open.Given(new MeetingClosed(MeetingDay))
            .When(new DeferAgendaItem(Traffic, "Later", June9, MeetingDay))
            .ThenViolates("meeting.closed");
}
