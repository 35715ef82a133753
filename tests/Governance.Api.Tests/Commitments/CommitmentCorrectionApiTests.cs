using System.Net;
using System.Text.Json;
using Governance.Api.Tests.Browser;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Commitments;

/// <summary>
/// Issue 13 over real HTTP on the demo alliance: POST …/commitments/{c}/correction corrects a promise recorded in error as a new
/// event (the original stays in the history), by the chair or the secretary with a reason; the refusals are problem details.
/// One server for the class; each test corrects a promise of its own.
/// </summary>
public sealed class CommitmentCorrectionApiTests(AllianceServer demo) : IClassFixture<AllianceServer>
{
    private const string Base = AllianceServer.Api;

    [Fact]
    public async Task The_secretary_corrects_the_owner_and_person_and_the_history_keeps_the_original_and_the_correction()
    {
        var (secretary, secretaryPerson) = await demo.ApiClientAsync("projectleider@osdorp.example");
        var (_, ymerePerson) = await demo.ApiClientAsync("ymere@osdorp.example");
        var (_, policePerson) = await demo.ApiClientAsync("politie@osdorp.example");
        const string promise = $"{Base}/commitments/politie-avondsurveillance-rooster";

        var outcome = await Ok(Post(secretary, $"{promise}/correction",
            $$"""{"owner":"ymere","ownerPerson":"{{ymerePerson}}","reason":"Het rooster is van Ymere."}"""));
        Assert.Equal(["commitment.corrected"], outcome.GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        using var anonymous = demo.Server.CreateClient();
        var c = (await Get(anonymous, promise)).GetProperty("commitment");
        Assert.Equal(("ymere", ymerePerson), (c.GetProperty("owner").GetString(), c.GetProperty("ownerPerson").GetString()));
        var history = c.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("commitment.made", history[0].GetProperty("type").GetString());
        Assert.Equal("politie-nieuw-west", history[0].GetProperty("data").GetProperty("owner").GetString());
        var correction = history[^1];
        Assert.Equal(("commitment.corrected", "secretary", secretaryPerson),
            (correction.GetProperty("type").GetString(), correction.GetProperty("role").GetString(), correction.GetProperty("actor").GetString()));
        var e = correction.GetProperty("data");
        Assert.Equal(("politie-nieuw-west", policePerson, "ymere"),
            (e.GetProperty("previousOwner").GetString(), e.GetProperty("previousOwnerPerson").GetString(), e.GetProperty("owner").GetString()));
        Assert.Equal(("Het rooster is van Ymere.", "secretary"), (e.GetProperty("reason").GetString(), e.GetProperty("correctedAs").GetString()));

        // The same correction again records nothing.
        var again = await Ok(Post(secretary, $"{promise}/correction",
            $$"""{"owner":"ymere","ownerPerson":"{{ymerePerson}}","reason":"Het rooster is van Ymere."}"""));
        Assert.Empty(again.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task A_correction_is_refused_with_a_problem_that_names_the_rule()
    {
        var (chair, _) = await demo.ApiClientAsync("dagvoorzitter@osdorp.example");
        var (stadsdeel, stadsdeelPerson) = await demo.ApiClientAsync("stadsdeel@osdorp.example");
        const string promise = $"{Base}/commitments/stadsdeel-bankjes-repareren";

        // Only the chair or the secretary: the owner's own representative may not rewrite the record.
        await Problem(Post(stadsdeel, $"{promise}/correction", """{"due":"2030-01-01","reason":"Later"}"""), HttpStatusCode.Forbidden, "forbidden");
        // A reason is required, and the shapes are checked per field.
        var shape = await Problem(Post(chair, $"{promise}/correction", """{"due":"1 juni","owner":"Ymere!"}"""), HttpStatusCode.BadRequest, "validation");
        Assert.True(shape.GetProperty("errors").TryGetProperty("reason", out _), shape.ToString());
        Assert.True(shape.GetProperty("errors").TryGetProperty("due", out _), shape.ToString());
        // Someone who does not represent the partner cannot be made its speaker.
        await Problem(Post(chair, $"{promise}/correction", $$"""{"owner":"ymere","ownerPerson":"{{stadsdeelPerson}}","reason":"Fout"}"""),
            HttpStatusCode.Conflict, "person.not-a-representative");
        await Problem(Post(chair, $"{promise}/correction", """{"owner":"bestaat-niet","reason":"Fout"}"""), HttpStatusCode.Conflict, "partner.not-a-member");
        // R10: a promise cannot be due before it was made.
        await Problem(Post(chair, $"{promise}/correction", """{"due":"2000-01-01","reason":"Fout"}"""), HttpStatusCode.Conflict, "R10.due-before-made");
        // A settled promise keeps the date it was judged against.
        await Problem(Post(chair, $"{Base}/commitments/ymere-renovatieplan/correction", """{"due":"2030-01-01","reason":"Fout"}"""),
            HttpStatusCode.Conflict, "commitment.settled");
        await Problem(Post(chair, $"{Base}/commitments/bestaat-niet/correction", """{"reason":"Fout"}"""), HttpStatusCode.NotFound, "commitment.unknown");
    }

    [Fact]
    public async Task The_correction_endpoint_is_described_in_the_OpenAPI_document()
    {
        using var anonymous = demo.Server.CreateClient();
        var document = await Get(anonymous, "/openapi/v1.json");
        var operation = document.GetProperty("paths").GetProperty("/api/v1/alliances/{alliance}/commitments/{commitment}/correction").GetProperty("post");
        var schema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").ToString();
        Assert.Contains("CorrectCommitmentRequest", schema, StringComparison.Ordinal);
        Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _), operation.ToString());
    }
}
