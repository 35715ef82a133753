using Governance.Domain.Meetings;
using Office = Governance.Domain.Alliances.Office;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Meetings.MeetingFixtures;

namespace Governance.Domain.Tests.Meetings;

public class AnnouncingResidentsMeetingsTests
{
    private static Spec<MeetingCommand, MeetingEvent, Meeting.State> ResidentsMeeting =>
        NewMeeting.Given(ScheduledEvent(MeetingKind.ResidentsMeeting));

    [Theory]
    [InlineData(AnnouncementChannel.SocialMedia)]
    [InlineData(AnnouncementChannel.Mail)]
    [InlineData(AnnouncementChannel.Flyers)]
    public void A_residents_meeting_is_announced_per_channel_at_the_recorded_time_R6(AnnouncementChannel channel) =>
        ResidentsMeeting
            .When(new AnnounceResidentsMeeting(channel, DaysBefore(30)))
            .Then(new ResidentsMeetingAnnounced(channel, DaysBefore(30)))
            .AndThen(state => Assert.Equal(DaysBefore(30), AsScheduled(state).Announcements[channel]));

    [Fact]
    public void Only_the_first_announcement_on_a_channel_counts_R6() =>
        ResidentsMeeting.Given(new ResidentsMeetingAnnounced(AnnouncementChannel.Flyers, DaysBefore(10)))
            .When(new AnnounceResidentsMeeting(AnnouncementChannel.Flyers, DaysBefore(5)))
            .ThenNothing();

    [Fact]
    public void An_alliance_meeting_is_not_announced_as_a_residents_meeting_R6() =>
        Scheduled.When(new AnnounceResidentsMeeting(AnnouncementChannel.Flyers, DaysBefore(20))).ThenViolates("meeting.not-a-residents-meeting");

    [Fact]
    public void An_unknown_channel_is_refused() =>
        ResidentsMeeting.When(new AnnounceResidentsMeeting((AnnouncementChannel)8, DaysBefore(20))).ThenViolates("announcement.channel-unknown");

    [Fact]
    public void A_meeting_is_not_announced_once_it_is_open() =>
        ResidentsMeeting.Given(new MeetingOpened(MeetingDay))
            .When(new AnnounceResidentsMeeting(AnnouncementChannel.Mail, MeetingDay))
            .ThenViolates("meeting.already-opened");
}

public class OpeningAndClosingTests
{
    [Fact]
    public void The_chair_opens_the_meeting_on_its_day() =>
        WithTrafficItem
            .When(new OpenMeeting(MeetingDay))
            .Then(new MeetingOpened(MeetingDay))
            .AndThen(state => Assert.Equal(MeetingPhase.Open, AsScheduled(state).Phase));

    [Fact]
    public void The_meeting_may_be_opened_from_midnight_of_its_day() =>
        Scheduled.When(new OpenMeeting(At(2026, 5, 12, 0, 0))).Then(new MeetingOpened(At(2026, 5, 12, 0, 0)));

    [Fact]
    public void A_meeting_opened_before_its_day_is_refused_since_it_was_in_fact_moved() =>
        Scheduled.When(new OpenMeeting(At(2026, 5, 11, 23, 59, 59))).ThenViolates("meeting.too-early");

    [Fact]
    public void Opening_an_open_meeting_decides_nothing() =>
        Open.When(new OpenMeeting(MeetingDay)).ThenNothing();

    [Fact]
    public void A_closed_meeting_cannot_be_opened_again() =>
        Open.Given(new MeetingClosed(MeetingDay)).When(new OpenMeeting(MeetingDay)).ThenViolates("meeting.closed");

    [Fact]
    public void The_chair_closes_an_open_meeting() =>
        Open
            .When(new CloseMeeting(At(2026, 5, 12, 22, 5)))
            .Then(new MeetingClosed(At(2026, 5, 12, 22, 5)))
            .AndThen(state => Assert.Equal(MeetingPhase.Closed, AsScheduled(state).Phase));

    [Fact]
    public void Closing_a_closed_meeting_decides_nothing() =>
        Open.Given(new MeetingClosed(MeetingDay)).When(new CloseMeeting(MeetingDay)).ThenNothing();

    [Fact]
    public void A_meeting_that_was_never_opened_cannot_be_closed() =>
        Scheduled.When(new CloseMeeting(MeetingDay)).ThenViolates("meeting.not-open");
}

public class MinutesTests
{
    private static Spec<MeetingCommand, MeetingEvent, Meeting.State> Closed => Open.Given(new MeetingClosed(MeetingDay));

    private static readonly NodaTime.Instant Later = At(2026, 5, 19, 12, 0);

    [Fact]
    public void The_secretary_publishes_the_minutes_of_a_closed_meeting() =>
        Closed
            .When(new PublishMinutes(ContentA, 20_480, "osdorp-de-punt/2026-05-12-wijkalliantie/notulen/v1", null, Later))
            .Then(new MinutesPublished(1, ContentA, 20_480, "osdorp-de-punt/2026-05-12-wijkalliantie/notulen/v1", null, Later))
            .AndThen(state => Assert.Equal(1, AsScheduled(state).Minutes!.Version));

    [Fact]
    public void A_revision_of_the_minutes_is_the_next_version_and_says_what_it_corrects() =>
        Closed.Given(new MinutesPublished(1, ContentA, 20_480, "notulen/v1", null, Later))
            .When(new PublishMinutes(ContentB, 20_600, "notulen/v2", "Stemming agendapunt 3 gecorrigeerd", Later))
            .Then(new MinutesPublished(2, ContentB, 20_600, "notulen/v2", "Stemming agendapunt 3 gecorrigeerd", Later));

    [Fact]
    public void A_revision_without_a_reason_is_refused() =>
        Closed.Given(new MinutesPublished(1, ContentA, 20_480, "notulen/v1", null, Later))
            .When(new PublishMinutes(ContentB, 20_600, "notulen/v2", null, Later))
            .ThenViolates("minutes.reason-required");

    [Fact]
    public void Publishing_the_same_minutes_again_decides_nothing() =>
        Closed.Given(new MinutesPublished(1, ContentA, 20_480, "notulen/v1", null, Later))
            .When(new PublishMinutes(ContentA, 20_480, "notulen/v1", null, Later))
            .ThenNothing();

    [Fact]
    public void Minutes_wait_for_the_meeting_to_close() =>
        Open.When(new PublishMinutes(ContentA, 20_480, "notulen/v1", null, MeetingDay)).ThenViolates("meeting.not-closed");

    [Fact]
    public void Empty_minutes_are_refused() =>
        Closed.When(new PublishMinutes(ContentA, 0, "notulen/v1", null, Later)).ThenViolates("document.empty");
}

public class AttendanceTests
{
    private static readonly PersonId Neighbour = PersonId.Parse("p-00000000001a");

    [Fact]
    public void Attendance_records_who_was_present_for_which_partner_and_the_table_it_makes_R15() =>
        Open
            .When(new RecordAttendance(Resident, Bcop, PartnerBody.Residents, MeetingDay))
            .Then(new AttendanceRecorded(Resident, Bcop, PartnerBody.Residents, new TableBalance(1, 0, false), AgreementsVersion: 1))
            .AndThen(state => Assert.Equal(new TableBalance(1, 0, false), AsScheduled(state).Balance));

    [Fact]
    public void Professionals_outnumbering_residents_are_flagged_on_the_arrival_that_tips_the_table_R15() =>
        Open.Given(
                new AttendanceRecorded(Resident, Bcop, PartnerBody.Residents, new TableBalance(1, 0, false), 1),
                new AttendanceRecorded(CivilServant, Stadsdeel, PartnerBody.Professional, new TableBalance(1, 1, false), 1))
            .When(new RecordAttendance(HousingOfficer, Ymere, PartnerBody.Professional, MeetingDay))
            .Then(new AttendanceRecorded(HousingOfficer, Ymere, PartnerBody.Professional, new TableBalance(1, 2, ProfessionalsOutnumberResidents: true), 1))
            .AndThen(state => Assert.True(AsScheduled(state).Balance.ProfessionalsOutnumberResidents));

    [Fact]
    public void As_many_professionals_as_residents_is_not_outnumbering_R15() =>
        Open.Given(new AttendanceRecorded(Resident, Bcop, PartnerBody.Residents, new TableBalance(1, 0, false), 1))
            .When(new RecordAttendance(CivilServant, Stadsdeel, PartnerBody.Professional, MeetingDay))
            .Then(new AttendanceRecorded(CivilServant, Stadsdeel, PartnerBody.Professional, new TableBalance(1, 1, false), 1));

    [Fact]
    public void A_resident_arriving_late_clears_the_flag_R15() =>
        Open.Given(new AttendanceRecorded(CivilServant, Stadsdeel, PartnerBody.Professional, new TableBalance(0, 1, true), 1))
            .When(new RecordAttendance(Resident, Bcop, PartnerBody.Residents, MeetingDay))
            .Then(new AttendanceRecorded(Resident, Bcop, PartnerBody.Residents, new TableBalance(1, 1, false), 1));

    [Fact]
    public void Agreements_that_do_not_ask_for_the_R15_check_never_flag()
    {
        var terms = MeetingTerms.From(Agreements with { Version = 2, ProfessionalsMayNotOutnumberResidents = false });

        NewMeeting.Given(ScheduledEvent(terms: terms), new MeetingOpened(MeetingDay))
            .When(new RecordAttendance(CivilServant, Stadsdeel, PartnerBody.Professional, MeetingDay))
            .Then(new AttendanceRecorded(CivilServant, Stadsdeel, PartnerBody.Professional, new TableBalance(0, 1, false), 2));
    }

    [Fact]
    public void Attendance_may_be_recorded_from_the_sign_in_sheet_after_the_meeting_closed() =>
        Open.Given(new MeetingClosed(MeetingDay))
            .When(new RecordAttendance(Neighbour, Bcop, PartnerBody.Residents, MeetingDay))
            .Then(new AttendanceRecorded(Neighbour, Bcop, PartnerBody.Residents, new TableBalance(1, 0, false), 1));

    [Fact]
    public void Recording_the_same_attendance_again_decides_nothing() =>
        Open.Given(new AttendanceRecorded(Resident, Bcop, PartnerBody.Residents, new TableBalance(1, 0, false), 1))
            .When(new RecordAttendance(Resident, Bcop, PartnerBody.Residents, MeetingDay))
            .ThenNothing();

    [Fact]
    public void A_person_is_present_for_one_partner_only() =>
        Open.Given(new AttendanceRecorded(Resident, Bcop, PartnerBody.Residents, new TableBalance(1, 0, false), 1))
            .When(new RecordAttendance(Resident, Ymere, PartnerBody.Professional, MeetingDay))
            .ThenViolates("attendance.other-partner");

    [Fact]
    public void Attendance_waits_for_the_meeting_to_open() =>
        WithTrafficItem.When(new RecordAttendance(Resident, Bcop, PartnerBody.Residents, DaysBefore(1))).ThenViolates("meeting.not-open");

    [Fact]
    public void An_unknown_body_is_refused() =>
        Open.When(new RecordAttendance(Resident, Bcop, (PartnerBody)4, MeetingDay)).ThenViolates("attendance.body-unknown");

    [Fact]
    public void An_attendance_recorded_by_mistake_is_withdrawn_with_a_reason_and_the_table_it_leaves_R15() =>
        Open.Given(
                new AttendanceRecorded(Resident, Bcop, PartnerBody.Residents, new TableBalance(1, 0, false), 1),
                new AttendanceRecorded(CivilServant, Stadsdeel, PartnerBody.Professional, new TableBalance(1, 1, false), 1))
            .When(new WithdrawAttendance(Resident, "Verkeerd aangevinkt", MeetingDay))
            .Then(new AttendanceWithdrawn(Resident, Bcop, "Verkeerd aangevinkt", new TableBalance(0, 1, true), 1))
            .AndThen(state => Assert.False(AsScheduled(state).Attendance.ContainsKey(Resident)));

    [Fact]
    public void Withdrawing_someone_not_recorded_is_refused() =>
        Open.When(new WithdrawAttendance(Resident, "Verkeerd aangevinkt", MeetingDay)).ThenViolates("attendance.not-recorded");

    [Fact]
    public void Withdrawing_an_attendance_needs_a_reason() =>
        Open.Given(new AttendanceRecorded(Resident, Bcop, PartnerBody.Residents, new TableBalance(1, 0, false), 1))
            .When(new WithdrawAttendance(Resident, "", MeetingDay))
            .ThenViolates("attendance.reason-required");
}

/// <summary>
/// Issue 13: someone recorded as present for the wrong partner is corrected by the chair or the secretary with a reason, as a new
/// event that keeps the partner it replaces and, as every change of the table does, the R15 balance after it.
/// </summary>
public class AttendanceCorrectionTests
{
    private static readonly AttendanceRecorded ResidentForBcop = new(Resident, Bcop, PartnerBody.Residents, new TableBalance(1, 0, false), 1);
    private static readonly AttendanceRecorded OfficerForYmere = new(HousingOfficer, Ymere, PartnerBody.Professional, new TableBalance(1, 1, false), 1);

    private static CorrectAttendance Correct(
        PersonId? person = null, PartnerId? partner = null, PartnerBody body = PartnerBody.Professional, Office? office = Office.Secretary,
        string reason = "Verkeerde partner aangevinkt") =>
        new(person ?? Resident, partner ?? Stadsdeel, body, ProjectLeader, office, reason, MeetingDay);

    [Fact]
    public void The_secretary_corrects_the_partner_and_the_event_carries_the_old_partner_and_the_table_after_it_R15() =>
        Open.Given(ResidentForBcop, OfficerForYmere)
            .When(Correct())
            .Then(new AttendanceCorrected(Resident, Bcop, PartnerBody.Residents, Stadsdeel, PartnerBody.Professional, ProjectLeader,
                Office.Secretary, "Verkeerde partner aangevinkt", new TableBalance(0, 2, ProfessionalsOutnumberResidents: true), 1, MeetingDay))
            .AndThen(state =>
            {
                var s = AsScheduled(state);
                Assert.Equal(new Meeting.Attendee(Stadsdeel, PartnerBody.Professional), s.Attendance[Resident]);
                Assert.Equal(new TableBalance(0, 2, true), s.Balance);
            });

    [Fact]
    public void A_professional_corrected_to_a_residents_body_clears_the_R15_flag() =>
        Open.Given(
                new AttendanceRecorded(CivilServant, Stadsdeel, PartnerBody.Professional, new TableBalance(0, 1, true), 1),
                new AttendanceRecorded(Resident, Ymere, PartnerBody.Professional, new TableBalance(0, 2, true), 1))
            .When(Correct(partner: Bcop, body: PartnerBody.Residents, office: Office.Chair, reason: "Zij is bewoner"))
            .Then(new AttendanceCorrected(Resident, Ymere, PartnerBody.Professional, Bcop, PartnerBody.Residents, ProjectLeader, Office.Chair,
                "Zij is bewoner", new TableBalance(1, 1, false), 1, MeetingDay));

    [Fact]
    public void A_correction_between_two_partners_of_the_same_body_keeps_the_R15_balance() =>
        Open.Given(OfficerForYmere)
            .When(Correct(person: HousingOfficer, partner: Stadsdeel))
            .Then(new AttendanceCorrected(HousingOfficer, Ymere, PartnerBody.Professional, Stadsdeel, PartnerBody.Professional, ProjectLeader,
                Office.Secretary, "Verkeerde partner aangevinkt", new TableBalance(0, 1, true), 1, MeetingDay));

    [Theory]
    [InlineData(null)]
    [InlineData(Office.Confidant)]
    public void Only_the_chair_or_the_secretary_corrects_an_attendance(Office? office) =>
        Open.Given(ResidentForBcop).When(Correct(office: office)).ThenViolates("correction.not-an-officer");

    [Fact]
    public void A_correction_says_why() =>
        Open.Given(ResidentForBcop).When(Correct(reason: "  ")).ThenViolates("correction.reason-required");

    [Fact]
    public void Someone_not_recorded_as_present_cannot_be_corrected() =>
        Open.Given(ResidentForBcop).When(Correct(person: CivilServant)).ThenViolates("attendance.not-recorded");

    [Fact]
    public void A_withdrawn_attendance_cannot_be_corrected() =>
        Open.Given(ResidentForBcop, new AttendanceWithdrawn(Resident, Bcop, "Vergissing", TableBalance.Empty, 1))
            .When(Correct()).ThenViolates("attendance.not-recorded");

    [Fact]
    public void An_unknown_body_is_refused() =>
        Open.Given(ResidentForBcop).When(Correct(body: (PartnerBody)4)).ThenViolates("attendance.body-unknown");

    [Fact]
    public void The_same_partner_again_records_nothing() =>
        Open.Given(ResidentForBcop).When(Correct(partner: Bcop, body: PartnerBody.Residents)).ThenNothing();

    [Fact]
    public void The_attendance_of_a_closed_meeting_may_still_be_corrected() =>
        Open.Given(ResidentForBcop, new MeetingClosed(MeetingDay))
            .When(Correct())
            .Then(new AttendanceCorrected(Resident, Bcop, PartnerBody.Residents, Stadsdeel, PartnerBody.Professional, ProjectLeader,
                Office.Secretary, "Verkeerde partner aangevinkt", new TableBalance(0, 1, true), 1, MeetingDay));
}
