using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Projections.Timeline;
using NodaTime;

namespace Governance.Api.Tests.Meetings;

/// <summary>The timeline's Dutch sentences for meeting events, and their link to the meeting page.</summary>
public sealed class MeetingTimelineTests
{
    [Fact]
    public void A_scheduled_meeting_reads_as_a_Dutch_sentence_with_the_date_written_out()
    {
        var terms = MeetingTerms.From(WorkingAgreements.Default);
        var scheduled = new MeetingScheduled(MeetingId.Parse("2026-03-10-wijkalliantie"), MeetingKind.AllianceMeeting,
            new LocalDateTime(2026, 3, 10, 19, 30), new LocalDateTime(2026, 3, 10, 21, 30), "Buurthuis De Tump", terms, false);
        var (sentence, link) = TimelineProjection.Describe("osdorp-de-punt", scheduled, "meeting-2026-03-10-wijkalliantie");
        Assert.Equal("De vergadering van dinsdag 10 maart 2026, 19:30 is gepland in Buurthuis De Tump.", sentence);
        Assert.Equal("/allianties/osdorp-de-punt/vergaderingen/2026-03-10-wijkalliantie", link);
    }

    [Fact]
    public void Meeting_events_link_to_their_meeting_from_the_stream_and_name_people_by_placeholder()
    {
        var person = PersonId.Parse("p-00000000aaaa");
        var (sentence, link) = TimelineProjection.Describe("osdorp-de-punt",
            new AttendanceRecorded(person, PartnerId.Parse("ymere"), PartnerBody.Professional, new TableBalance(0, 1, true), 1), "meeting-jan");
        Assert.Equal("{p-00000000aaaa} is aanwezig namens {partner:ymere}. Er zitten nu meer professionals dan bewoners aan tafel (R15).", sentence);
        Assert.Equal("/allianties/osdorp-de-punt/vergaderingen/jan", link);
        Assert.DoesNotContain("Er is iets vastgelegd", TimelineProjection.Describe("osdorp-de-punt", new MeetingOpened(Instant.FromUnixTimeSeconds(0)), "meeting-jan").Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void R15_a_corrected_attendance_names_the_partner_it_replaces_the_table_after_it_and_why()
    {
        var person = PersonId.Parse("p-00000000aaaa");
        var corrected = new AttendanceCorrected(person, PartnerId.Parse("ymere"), PartnerBody.Professional, PartnerId.Parse("bcop"), PartnerBody.Residents,
            PersonId.Parse("p-00000000bbbb"), Governance.Domain.Alliances.Office.Secretary, "Verkeerd aangevinkt", new TableBalance(2, 5, true), 1,
            Instant.FromUnixTimeSeconds(0));
        var (sentence, link) = TimelineProjection.Describe("osdorp-de-punt", corrected, "meeting-jan");
        Assert.Equal("De presentielijst is gecorrigeerd: {p-00000000aaaa} was aanwezig namens {partner:bcop}, niet namens {partner:ymere}."
            + " Er zitten nu meer professionals dan bewoners aan tafel (R15). Reden: Verkeerd aangevinkt Gecorrigeerd door {p-00000000bbbb} als projectleider (secretaris).",
            sentence);
        Assert.Equal("/allianties/osdorp-de-punt/vergaderingen/jan", link);
    }
}
