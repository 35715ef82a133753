using System.Net;
using Governance.Api.Tests.Browser;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Meetings;

/// <summary>
/// Issue 13 over real HTTP on the demo alliance: POST …/meetings/{m}/attendance/{person}/correction corrects the partner someone was
/// recorded present for, as a new event with the R15 balance after it (the original stays on record), by the chair or the secretary
/// with a reason; the refusals are problem details. One server for the class; each test holds a meeting of its own (MeetingsToday).
/// </summary>
public sealed class AttendanceCorrectionApiTests(AllianceServer demo) : IClassFixture<AllianceServer>
{
    private const string Base = AllianceServer.Api;

    [Fact]
    public async Task R15_the_secretary_corrects_a_resident_recorded_for_Ymere_and_the_table_is_judged_again()
    {
        var meeting = await MeetingsToday.OpenAsync(demo, "correctie-aanwezig-api");
        var (secretary, secretaryPerson) = await demo.ApiClientAsync("projectleider@osdorp.example");
        var (_, anouk) = await demo.ApiClientAsync("bewoner2@osdorp.example");
        var path = $"{Base}/meetings/{meeting.Value}";
        // Anouk de Vries (BCOP) ticked for Ymere by mistake: one resident against six professionals.
        await Ok(Post(secretary, $"{path}/attendance", $$"""{"person":"{{anouk}}","partner":"ymere"}"""));

        var outcome = await Ok(Post(secretary, $"{path}/attendance/{anouk}/correction", """{"partner":"bcop","reason":"Anouk zit voor het BCOP aan tafel."}"""));
        Assert.Equal(["meeting.attendance-corrected"], outcome.GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        using var anonymous = demo.Server.CreateClient();
        var view = await Get(anonymous, path);
        var balance = view.GetProperty("balance");
        Assert.Equal((2, 5, true), (balance.GetProperty("residents").GetInt32(), balance.GetProperty("professionals").GetInt32(),
            balance.GetProperty("professionalsOutnumberResidents").GetBoolean()));
        var attendee = view.GetProperty("attendance").EnumerateArray().Single(a => a.GetProperty("person").GetString() == anouk);
        Assert.Equal(("bcop", "residents"), (attendee.GetProperty("partner").GetString(), attendee.GetProperty("body").GetString()));
        var correction = Assert.Single(attendee.GetProperty("corrections").EnumerateArray());
        Assert.Equal(("ymere", "bcop", secretaryPerson, "secretary"), (correction.GetProperty("previousPartner").GetString(),
            correction.GetProperty("partner").GetString(), correction.GetProperty("correctedBy").GetString(), correction.GetProperty("correctedAs").GetString()));

        // The same correction again records nothing.
        var again = await Ok(Post(secretary, $"{path}/attendance/{anouk}/correction", """{"partner":"bcop","reason":"Anouk zit voor het BCOP aan tafel."}"""));
        Assert.Empty(again.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task A_correction_of_an_attendance_is_refused_with_a_problem_that_names_the_rule()
    {
        var meeting = await MeetingsToday.OpenAsync(demo, "correctie-aanwezig-weigering");
        var (chair, _) = await demo.ApiClientAsync("dagvoorzitter@osdorp.example");
        var (ymere, _) = await demo.ApiClientAsync("ymere@osdorp.example");
        var (_, fatima) = await demo.ApiClientAsync("bewoner@osdorp.example");
        var (_, anouk) = await demo.ApiClientAsync("bewoner2@osdorp.example");
        var path = $"{Base}/meetings/{meeting.Value}/attendance";

        // Only the chair or the secretary keeps the record of the table.
        await Problem(Post(ymere, $"{path}/{fatima}/correction", """{"partner":"ymere","reason":"Fout"}"""), HttpStatusCode.Forbidden, "forbidden");
        var shape = await Problem(Post(chair, $"{path}/{fatima}/correction", "{}"), HttpStatusCode.BadRequest, "validation");
        Assert.True(shape.GetProperty("errors").TryGetProperty("partner", out _), shape.ToString());
        Assert.True(shape.GetProperty("errors").TryGetProperty("reason", out _), shape.ToString());
        await Problem(Post(chair, $"{path}/niemand/correction", """{"partner":"bcop","reason":"Fout"}"""), HttpStatusCode.BadRequest, "invalid-id");
        // R15 counts a member partner's body; a representative sits for a partner they represent.
        await Problem(Post(chair, $"{path}/{fatima}/correction", """{"partner":"bestaat-niet","reason":"Fout"}"""), HttpStatusCode.Conflict, "partner.not-a-member");
        await Problem(Post(chair, $"{path}/{fatima}/correction", """{"partner":"ymere","reason":"Fout"}"""), HttpStatusCode.Conflict, "person.not-a-representative");
        // Someone not recorded as present has nothing to correct.
        await Problem(Post(chair, $"{path}/{anouk}/correction", """{"partner":"bcop","reason":"Fout"}"""), HttpStatusCode.Conflict, "attendance.not-recorded");
        await Problem(Post(chair, $"{Base}/meetings/bestaat-niet/attendance/{fatima}/correction", """{"partner":"bcop","reason":"Fout"}"""),
            HttpStatusCode.NotFound, "meeting.unknown");
    }
}
