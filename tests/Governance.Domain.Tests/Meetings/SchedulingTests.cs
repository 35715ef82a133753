using Governance.Domain.Meetings;
using NodaTime;
using static Governance.Domain.Tests.Meetings.MeetingFixtures;

namespace Governance.Domain.Tests.Meetings;

public class SchedulingTests
{
    [Fact]
    public void An_alliance_meeting_goes_into_the_year_planning_with_its_kind_time_place_and_the_agreements_it_applies_R17() =>
        NewMeeting
            .When(Schedule())
            .Then(new MeetingScheduled(May12, MeetingKind.AllianceMeeting, Start, End, Place, Terms, DuringOfficeHours: false))
            .AndThen(state =>
            {
                var s = AsScheduled(state);
                Assert.Equal(MeetingPhase.Planned, s.Phase);
                Assert.Equal(1, s.Terms.AgreementsVersion);
                Assert.Equal(Instant.FromUtc(2026, 5, 12, 17, 30), s.StartsAt.ToInstant());
            });

    [Fact]
    public void A_meeting_records_the_numbers_of_the_agreements_version_in_force_not_just_its_number()
    {
        var amended = Agreements with { Version = 3, Documents = LeadTime.Days(21) };

        NewMeeting
            .When(Schedule(agreements: amended))
            .Then(new MeetingScheduled(May12, MeetingKind.AllianceMeeting, Start, End, Place, MeetingTerms.From(amended), false))
            .AndThen(state =>
            {
                Assert.Equal(3, AsScheduled(state).Terms.AgreementsVersion);
                Assert.Equal(LeadTime.Days(21), AsScheduled(state).Terms.Documents);
            });
    }

    [Fact]
    public void The_place_is_trimmed() =>
        NewMeeting
            .When(Schedule(place: "  " + Place + " "))
            .Then(new MeetingScheduled(May12, MeetingKind.AllianceMeeting, Start, End, Place, Terms, false));

    [Theory]
    [InlineData(MeetingKind.ResidentsMeeting)]
    [InlineData(MeetingKind.CoreGroupMeeting)]
    public void Residents_and_core_group_meetings_are_scheduled_too_R17_R20(MeetingKind kind) =>
        NewMeeting
            .When(Schedule(kind))
            .Then(new MeetingScheduled(May12, kind, Start, End, Place, Terms, false));

    [Theory]
    [InlineData(2026, 5, 12, 10, 0, 12, 0, true)] // Tuesday morning
    [InlineData(2026, 5, 12, 16, 0, 18, 0, true)] // ends in the evening, but starts at the office
    [InlineData(2026, 5, 12, 8, 0, 9, 1, true)] // one minute into office hours
    [InlineData(2026, 5, 12, 8, 0, 9, 0, false)] // ends as the office opens
    [InlineData(2026, 5, 12, 17, 0, 19, 0, false)] // starts as the office closes
    [InlineData(2026, 5, 12, 19, 30, 22, 0, false)] // Tuesday evening
    [InlineData(2026, 5, 16, 10, 0, 12, 0, false)] // Saturday morning
    [InlineData(2026, 5, 17, 14, 0, 16, 0, false)] // Sunday afternoon
    public void An_alliance_meeting_during_weekday_office_hours_is_recorded_with_a_warning_R18(
        int year, int month, int day, int fromHour, int fromMinute, int untilHour, int untilMinute, bool warned)
    {
        var start = new LocalDateTime(year, month, day, fromHour, fromMinute);
        var end = new LocalDateTime(year, month, day, untilHour, untilMinute);

        NewMeeting
            .When(Schedule(start: start, end: end))
            .Then(new MeetingScheduled(May12, MeetingKind.AllianceMeeting, start, end, Place, Terms, DuringOfficeHours: warned));
    }

    [Fact]
    public void A_residents_meeting_on_a_weekday_afternoon_is_warned_about_R18()
    {
        var start = new LocalDateTime(2026, 5, 13, 14, 0);

        NewMeeting
            .When(Schedule(MeetingKind.ResidentsMeeting, start, start.PlusHours(2)))
            .Then(new MeetingScheduled(May12, MeetingKind.ResidentsMeeting, start, start.PlusHours(2), Place, Terms, DuringOfficeHours: true));
    }

    [Fact]
    public void A_core_group_meeting_is_not_judged_by_R18_since_its_members_set_their_own_time()
    {
        var start = new LocalDateTime(2026, 5, 13, 14, 0);

        NewMeeting
            .When(Schedule(MeetingKind.CoreGroupMeeting, start, start.PlusHours(2)))
            .Then(new MeetingScheduled(May12, MeetingKind.CoreGroupMeeting, start, start.PlusHours(2), Place, Terms, DuringOfficeHours: false));
    }

    [Fact]
    public void The_R18_warning_uses_the_office_hours_of_the_agreements_in_force()
    {
        var amended = Agreements with { Version = 2, OfficeHours = new OfficeHours(new LocalTime(8, 0), new LocalTime(20, 0)) };

        NewMeeting
            .When(Schedule(agreements: amended))
            .Then(new MeetingScheduled(May12, MeetingKind.AllianceMeeting, Start, End, Place, MeetingTerms.From(amended), DuringOfficeHours: true));
    }

    [Fact]
    public void A_meeting_spanning_a_week_is_warned_about_R18() =>
        NewMeeting
            .When(Schedule(start: new LocalDateTime(2026, 5, 16, 19, 0), end: new LocalDateTime(2026, 5, 23, 19, 0)))
            .Then(new MeetingScheduled(
                May12, MeetingKind.AllianceMeeting, new LocalDateTime(2026, 5, 16, 19, 0), new LocalDateTime(2026, 5, 23, 19, 0), Place, Terms, true));

    [Fact]
    public void Scheduling_the_same_meeting_again_decides_nothing() =>
        Scheduled.When(Schedule()).ThenNothing();

    [Fact]
    public void Scheduling_a_scheduled_meeting_differently_is_refused() =>
        Scheduled.When(Schedule(place: "Stadsdeelkantoor")).ThenViolates("meeting.already-scheduled");

    [Fact]
    public void A_cancelled_meeting_cannot_be_scheduled_again() =>
        Scheduled.Given(new MeetingCancelled("Zaal niet beschikbaar")).When(Schedule()).ThenViolates("meeting.cancelled");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_meeting_without_a_place_is_refused(string place) =>
        NewMeeting.When(Schedule(place: place)).ThenViolates("meeting.place-required");

    [Fact]
    public void A_meeting_that_ends_before_it_starts_is_refused() =>
        NewMeeting.When(Schedule(end: Start)).ThenViolates("meeting.ends-before-it-starts");

    [Fact]
    public void A_meeting_of_an_unknown_kind_is_refused() =>
        NewMeeting.When(Schedule((MeetingKind)9)).ThenViolates("meeting.kind-unknown");

    [Fact]
    public void A_meeting_starting_in_the_hour_that_summer_time_skips_is_refused() =>
        NewMeeting
            .When(Schedule(start: new LocalDateTime(2026, 3, 29, 2, 30), end: new LocalDateTime(2026, 3, 29, 4, 0)))
            .ThenViolates("meeting.time-ambiguous");

    [Fact]
    public void A_meeting_ending_in_the_hour_that_winter_time_repeats_is_refused() =>
        NewMeeting
            .When(Schedule(start: new LocalDateTime(2026, 10, 24, 23, 0), end: new LocalDateTime(2026, 10, 25, 2, 30)))
            .ThenViolates("meeting.time-ambiguous");

    [Fact]
    public void A_meeting_without_the_agreements_in_force_is_refused() =>
        NewMeeting.When(Schedule() with { Agreements = null! }).ThenViolates("agreements.incomplete");

    [Fact]
    public void A_meeting_under_agreements_that_cannot_work_is_refused() =>
        NewMeeting
            .When(Schedule(agreements: Agreements with { OfficeHours = new OfficeHours(new LocalTime(17, 0), new LocalTime(9, 0)) }))
            .ThenViolates("R18.office-hours-invalid");

    [Fact]
    public void Every_command_but_scheduling_is_refused_before_the_meeting_is_scheduled() =>
        NewMeeting.When(new PublishDraftAgenda(PlannedAt)).ThenViolates("meeting.not-scheduled");

    [Fact]
    public void The_meeting_stream_type_is_meeting_and_its_stream_id_is_prefixed()
    {
        Assert.Equal("meeting", Meeting.Decider.StreamType);
        Assert.Equal("meeting-2026-05-12-wijkalliantie", May12.StreamId);
        Assert.Same(Meeting.Initial, Meeting.Decider.Initial);
    }
}

public class ReschedulingTests
{
    private static readonly LocalDateTime May19 = new(2026, 5, 19, 19, 30);

    [Fact]
    public void A_rescheduled_meeting_records_where_it_moved_from_why_and_the_agreements_it_now_applies() =>
        Scheduled
            .When(new RescheduleMeeting(May19, May19.PlusHours(2), Place, "Hemelvaart week", Agreements, PlannedAt))
            .Then(new MeetingRescheduled(Start, May19, May19.PlusHours(2), Place, "Hemelvaart week", Terms, DuringOfficeHours: false))
            .AndThen(state => Assert.Equal(May19, AsScheduled(state).Start));

    [Fact]
    public void Rescheduling_into_office_hours_is_warned_about_R18()
    {
        var friday = new LocalDateTime(2026, 5, 15, 13, 0);

        Scheduled
            .When(new RescheduleMeeting(friday, friday.PlusHours(2), Place, "Zaal 's avonds bezet", Agreements, PlannedAt))
            .Then(new MeetingRescheduled(Start, friday, friday.PlusHours(2), Place, "Zaal 's avonds bezet", Terms, DuringOfficeHours: true));
    }

    [Fact]
    public void Rescheduling_applies_the_agreements_in_force_then()
    {
        var amended = Agreements with { Version = 2, Documents = LeadTime.Days(21) };

        Scheduled
            .When(new RescheduleMeeting(May19, May19.PlusHours(2), Place, "Hemelvaart week", amended, PlannedAt))
            .Then(new MeetingRescheduled(Start, May19, May19.PlusHours(2), Place, "Hemelvaart week", MeetingTerms.From(amended), false))
            .AndThen(state => Assert.Equal(2, AsScheduled(state).Terms.AgreementsVersion));
    }

    [Fact]
    public void Rescheduling_to_the_same_slot_under_the_same_agreements_decides_nothing() =>
        Scheduled.When(new RescheduleMeeting(Start, End, Place, "", Agreements, PlannedAt)).ThenNothing();

    [Fact]
    public void Rescheduling_needs_a_reason() =>
        Scheduled.When(new RescheduleMeeting(May19, May19.PlusHours(2), Place, " ", Agreements, PlannedAt)).ThenViolates("meeting.reason-required");

    [Fact]
    public void An_opened_meeting_cannot_be_rescheduled() =>
        Open.When(new RescheduleMeeting(May19, May19.PlusHours(2), Place, "Te laat", Agreements, MeetingDay)).ThenViolates("meeting.already-opened");

    [Fact]
    public void A_rescheduled_slot_is_validated_like_a_new_one() =>
        Scheduled.When(new RescheduleMeeting(May19, May19, Place, "Kort", Agreements, PlannedAt)).ThenViolates("meeting.ends-before-it-starts");

    [Fact]
    public void A_cancelled_meeting_cannot_be_rescheduled() =>
        Scheduled.Given(new MeetingCancelled("Zaal niet beschikbaar"))
            .When(new RescheduleMeeting(May19, May19.PlusHours(2), Place, "Toch", Agreements, PlannedAt))
            .ThenViolates("meeting.cancelled");
}

public class CancellingTests
{
    [Fact]
    public void A_cancelled_meeting_records_why_and_refuses_everything_after() =>
        Scheduled
            .When(new CancelMeeting("Zaal niet beschikbaar", PlannedAt))
            .Then(new MeetingCancelled("Zaal niet beschikbaar"))
            .AndThen(state => Assert.Equal("Zaal niet beschikbaar", Assert.IsType<Meeting.State.Cancelled>(state).Reason));

    [Fact]
    public void Cancelling_again_decides_nothing() =>
        Scheduled.Given(new MeetingCancelled("Zaal niet beschikbaar")).When(new CancelMeeting("Nog eens", PlannedAt)).ThenNothing();

    [Fact]
    public void Commands_on_a_cancelled_meeting_are_refused() =>
        Scheduled.Given(new MeetingCancelled("Zaal niet beschikbaar"))
            .When(Propose(Traffic, Alliances.AllianceFixtures.Stadsdeel, AgendaItemKind.Decision, PlannedAt))
            .ThenViolates("meeting.cancelled");

    [Fact]
    public void Cancelling_needs_a_reason() =>
        Scheduled.When(new CancelMeeting("", PlannedAt)).ThenViolates("meeting.reason-required");

    [Fact]
    public void A_meeting_that_has_been_opened_cannot_be_cancelled() =>
        Open.When(new CancelMeeting("Toch niet", MeetingDay)).ThenViolates("meeting.already-opened");

    [Fact]
    public void Cancelling_before_scheduling_is_refused() =>
        NewMeeting.When(new CancelMeeting("Nooit gepland", PlannedAt)).ThenViolates("meeting.not-scheduled");
}
