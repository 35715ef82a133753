using Governance.Domain.Meetings;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Meetings.MeetingFixtures;

namespace Governance.Domain.Tests.Meetings;

public class SharingDocumentsTests
{
    [Fact]
    public void A_partner_shares_a_document_with_its_digest_size_and_storage_key_at_the_recorded_time_R2() =>
        WithTrafficItem
            .When(new ShareDocument(
                TrafficPlan, Traffic, Stadsdeel, "Verkeersplan Tussen Meer", DocumentPurpose.DecisionOrDiscussion,
                ContentA, 48_213, "osdorp-de-punt/2026-05-12-wijkalliantie/verkeersplan/v1", DaysBefore(15)))
            .Then(new DocumentShared(
                TrafficPlan, Traffic, Stadsdeel, "Verkeersplan Tussen Meer", DocumentPurpose.DecisionOrDiscussion,
                ContentA, 48_213, "osdorp-de-punt/2026-05-12-wijkalliantie/verkeersplan/v1", SharedAt: DaysBefore(15)))
            .AndThen(state =>
            {
                var document = AsScheduled(state).Documents[TrafficPlan];
                Assert.Equal(1, document.Version);
                Assert.Equal(DaysBefore(15), document.SharedAt);
            });

    [Fact]
    public void A_document_for_information_only_is_shared_the_same_way_R4() =>
        WithTrafficItem
            .When(Share(TrafficCounts, Traffic, Stadsdeel, DaysBefore(8), DocumentPurpose.InformationOnly))
            .Then(Shared(TrafficCounts, Traffic, Stadsdeel, DaysBefore(8), DocumentPurpose.InformationOnly));

    [Fact]
    public void A_late_document_is_recorded_not_refused_so_its_lateness_shows_R2() =>
        WithTrafficItem
            .When(Share(TrafficPlan, Traffic, Stadsdeel, DaysBefore(12)))
            .Then(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(12)));

    [Fact]
    public void A_document_handed_out_at_the_open_meeting_is_recorded() =>
        Open.When(Share(TrafficPlan, Traffic, Stadsdeel, MeetingDay)).Then(Shared(TrafficPlan, Traffic, Stadsdeel, MeetingDay));

    [Fact]
    public void Sharing_the_same_document_again_decides_nothing_so_its_first_moment_stands() =>
        WithTrafficItem.Given(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(15)))
            .When(Share(TrafficPlan, Traffic, Stadsdeel, DaysBefore(2)))
            .ThenNothing();

    [Fact]
    public void Sharing_other_content_under_an_existing_document_id_is_refused_since_that_is_a_new_version() =>
        WithTrafficItem.Given(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(15)))
            .When(Share(TrafficPlan, Traffic, Stadsdeel, DaysBefore(2), content: ContentB))
            .ThenViolates("document.duplicate-id");

    [Fact]
    public void A_document_for_an_unknown_item_is_refused() =>
        Scheduled.When(Share(TrafficPlan, Traffic, Stadsdeel, DaysBefore(15))).ThenViolates("item.unknown");

    [Fact]
    public void A_document_for_a_rejected_item_is_refused() =>
        WithTrafficItem.Given(Proposed(Playground, Ymere, AgendaItemKind.Discussion, DaysBefore(20)), new AgendaItemRejected(Playground, "Nee"))
            .When(Share(TrafficPlan, Playground, Ymere, DaysBefore(15)))
            .ThenViolates("item.rejected");

    [Fact]
    public void A_document_for_a_deferred_item_is_refused_here_since_it_belongs_to_the_later_meeting() =>
        WithTrafficItem.Given(new AgendaItemDeferred(Traffic, "Later", June9))
            .When(Share(TrafficPlan, Traffic, Stadsdeel, DaysBefore(15)))
            .ThenViolates("item.deferred");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void An_empty_file_is_refused(long size) =>
        WithTrafficItem.When(Share(TrafficPlan, Traffic, Stadsdeel, DaysBefore(15)) with { SizeBytes = size }).ThenViolates("document.empty");

    [Fact]
    public void A_document_without_a_storage_key_is_refused() =>
        WithTrafficItem.When(Share(TrafficPlan, Traffic, Stadsdeel, DaysBefore(15)) with { StorageKey = " " })
            .ThenViolates("document.storage-key-required");

    [Fact]
    public void A_document_without_a_title_is_refused() =>
        WithTrafficItem.When(Share(TrafficPlan, Traffic, Stadsdeel, DaysBefore(15)) with { Title = "" })
            .ThenViolates("document.title-required");

    [Fact]
    public void A_document_of_an_unknown_purpose_is_refused() =>
        WithTrafficItem.When(Share(TrafficPlan, Traffic, Stadsdeel, DaysBefore(15), (DocumentPurpose)5))
            .ThenViolates("document.purpose-unknown");

    [Fact]
    public void Documents_are_not_shared_after_the_meeting_closed() =>
        Open.Given(new MeetingClosed(MeetingDay))
            .When(Share(TrafficPlan, Traffic, Stadsdeel, MeetingDay))
            .ThenViolates("meeting.closed");
}

public class ReplacingDocumentsTests
{
    private static Spec<MeetingCommand, MeetingEvent, Meeting.State> WithPlan =>
        WithTrafficItem.Given(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(15)));

    private static ReplaceDocument Replace(Sha256Digest content, string reason = "Corrected traffic counts", string? title = null) =>
        new(TrafficPlan, title, content, 51_002, StorageKeyOf(TrafficPlan, 2), reason, DaysBefore(10));

    [Fact]
    public void A_replacement_is_the_next_version_with_its_own_digest_reason_and_moment() =>
        WithPlan
            .When(Replace(ContentB))
            .Then(Replaced(TrafficPlan, 2, DaysBefore(10), ContentB))
            .AndThen(state =>
            {
                var document = AsScheduled(state).Documents[TrafficPlan];
                Assert.Equal(2, document.Version);
                Assert.Equal(ContentB, document.Sha256);
                Assert.Equal(DaysBefore(15), document.FirstSharedAt);
                Assert.Equal(DaysBefore(10), document.SharedAt);
            });

    [Fact]
    public void A_third_version_follows_the_second() =>
        WithPlan.Given(Replaced(TrafficPlan, 2, DaysBefore(10), ContentB))
            .When(Replace(ContentC) with { Now = DaysBefore(9) })
            .Then(Replaced(TrafficPlan, 3, DaysBefore(9), ContentC) with { StorageKey = StorageKeyOf(TrafficPlan, 2) });

    [Fact]
    public void A_new_title_may_come_with_a_new_version() =>
        WithPlan
            .When(Replace(ContentB, title: "Verkeersplan Tussen Meer, herzien"))
            .Then(Replaced(TrafficPlan, 2, DaysBefore(10), ContentB) with { Title = "Verkeersplan Tussen Meer, herzien" });

    [Fact]
    public void Replacing_with_the_same_content_and_title_decides_nothing() =>
        WithPlan.When(Replace(ContentA)).ThenNothing();

    [Fact]
    public void A_replacement_says_why() =>
        WithPlan.When(Replace(ContentB, reason: " ")).ThenViolates("document.reason-required");

    [Fact]
    public void Replacing_an_unknown_document_is_refused() =>
        WithTrafficItem.When(Replace(ContentB)).ThenViolates("document.unknown");

    [Fact]
    public void A_replacement_of_an_empty_file_is_refused() =>
        WithPlan.When(Replace(ContentB) with { SizeBytes = 0 }).ThenViolates("document.empty");

    [Fact]
    public void Documents_are_not_replaced_after_the_meeting_closed() =>
        WithPlan.Given(new MeetingOpened(MeetingDay), new MeetingClosed(MeetingDay)).When(Replace(ContentB)).ThenViolates("meeting.closed");
}
