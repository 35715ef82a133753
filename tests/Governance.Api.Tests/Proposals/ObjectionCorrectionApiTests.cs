using System.Net;
using Governance.Api.Tests.Browser;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Proposals;

/// <summary>
/// Issue 13 over real HTTP on the demo alliance: POST …/proposals/{p}/objections/{n}/correction corrects who objected as a new event
/// (the objection keeps its original speaker in the correction, R21), by the chair or the secretary with a reason; the refusals are
/// problem details. One server for the class; each test corrects an objection of its own.
/// </summary>
public sealed class ObjectionCorrectionApiTests(AllianceServer demo) : IClassFixture<AllianceServer>
{
    private const string Base = AllianceServer.Api;

    [Fact]
    public async Task The_secretary_corrects_who_objected_and_the_proposal_keeps_the_original_speaker_beside_the_correction()
    {
        var (secretary, secretaryPerson) = await demo.ApiClientAsync("projectleider@osdorp.example");
        var (_, ymerePerson) = await demo.ApiClientAsync("ymere@osdorp.example");
        var (_, stadsdeelPerson) = await demo.ApiClientAsync("stadsdeel@osdorp.example");
        const string proposal = $"{Base}/proposals/speelstraat-pieter-calandlaan";
        var body = $$"""{"by":"{{ymerePerson}}","partner":"ymere","reason":"Het bezwaar over de vuilniswagen kwam van Ymere."}""";

        var outcome = await Ok(Post(secretary, $"{proposal}/objections/1/correction", body));
        Assert.Equal(["proposal.objection-corrected"], outcome.GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        using var anonymous = demo.Server.CreateClient();
        var objection = (await Get(anonymous, proposal)).GetProperty("objections").EnumerateArray().First();
        Assert.Equal((ymerePerson, "ymere"), (objection.GetProperty("by").GetString(), objection.GetProperty("partner").GetString()));
        // R21: what was done with it stays as it was; the correction keeps what was recorded at the table.
        Assert.Equal("amendment", objection.GetProperty("resolution").GetString());
        var correction = Assert.Single(objection.GetProperty("corrections").EnumerateArray());
        Assert.Equal((stadsdeelPerson, "stadsdeel-nieuw-west"), (correction.GetProperty("previousBy").GetString(), correction.GetProperty("previousPartner").GetString()));
        Assert.Equal((secretaryPerson, "secretary", "Het bezwaar over de vuilniswagen kwam van Ymere."),
            (correction.GetProperty("correctedBy").GetString(), correction.GetProperty("correctedAs").GetString(), correction.GetProperty("reason").GetString()));

        // The same correction again records nothing.
        var again = await Ok(Post(secretary, $"{proposal}/objections/1/correction", body));
        Assert.Empty(again.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task A_correction_of_an_objection_is_refused_with_a_problem_that_names_the_rule()
    {
        var (chair, _) = await demo.ApiClientAsync("dagvoorzitter@osdorp.example");
        var (ymere, ymerePerson) = await demo.ApiClientAsync("ymere@osdorp.example");
        var (_, stadsdeelPerson) = await demo.ApiClientAsync("stadsdeel@osdorp.example");
        const string objection = $"{Base}/proposals/avondverlichting-tussen-meer/objections/1/correction";

        // Only the chair or the secretary: the objector may not rewrite the record.
        await Problem(Post(ymere, objection, $$"""{"by":"{{ymerePerson}}","reason":"Ik was het"}"""), HttpStatusCode.Forbidden, "forbidden");
        // Who objected and a reason are required, and the shapes are checked per field.
        var shape = await Problem(Post(chair, objection, """{"partner":"Ymere!"}"""), HttpStatusCode.BadRequest, "validation");
        foreach (var field in new[] { "by", "partner", "reason" }) Assert.True(shape.GetProperty("errors").TryGetProperty(field, out _), shape.ToString());
        // As on raising an objection: for a partner only as its representative, and only for a member partner.
        await Problem(Post(chair, objection, $$"""{"by":"{{stadsdeelPerson}}","partner":"ymere","reason":"Fout"}"""),
            HttpStatusCode.Conflict, "person.not-a-representative");
        await Problem(Post(chair, objection, $$"""{"by":"{{stadsdeelPerson}}","partner":"bestaat-niet","reason":"Fout"}"""),
            HttpStatusCode.Conflict, "partner.not-a-member");
        await Problem(Post(chair, $"{Base}/proposals/avondverlichting-tussen-meer/objections/9/correction", $$"""{"by":"{{stadsdeelPerson}}","reason":"Fout"}"""),
            HttpStatusCode.Conflict, "objection.unknown");
        await Problem(Post(chair, $"{Base}/proposals/bestaat-niet/objections/1/correction", $$"""{"by":"{{stadsdeelPerson}}","reason":"Fout"}"""),
            HttpStatusCode.NotFound, "proposal.unknown");
    }
}
