using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Api.Tests.Auth;
using Governance.Api.Tests.Commands;
using Governance.Api.Tests.Commitments;
using Governance.Domain;
using static Governance.Api.Tests.Commands.Keyed;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Http;

/// <summary>
/// Issue 12 §1, §3 and §10 over real HTTP: text PostgreSQL cannot store (NUL, other control characters, lone surrogates)
/// and instants out of range are refused at the edge with 400 problem+json naming the field, nothing is recorded, and
/// every problem answer carries its code.
/// </summary>
public sealed class InputEdgeTests(PromiseWorldFixture fixture) : IClassFixture<PromiseWorldFixture>
{
    private PromiseWorld World => fixture.World;

    private string Base => World.Base;

    private AllianceId Osdorp => World.Osdorp;

    private async Task<string> RaiseConductDisputeAsync()
    {
        var id = $"gedrag-{Guid.NewGuid():N}"[..20];
        await Ok(Post(World.CoreGroup, $"{Base}/escalations", $$"""{"id":"{{id}}","subject":{"kind":"conduct"},"reason":"Toon in de vergadering"}"""));
        return id;
    }

    private static async Task<JsonElement> InvalidText(Task<HttpResponseMessage> call, string field)
    {
        var problem = await Problem(call, HttpStatusCode.BadRequest, "invalid-text");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors do not name '{field}': {problem}");
        return problem;
    }

    [Fact]
    public async Task A_NUL_in_a_dispute_response_is_400_invalid_text_naming_the_field_and_records_nothing()
    {
        var id = await RaiseConductDisputeAsync();

        await InvalidText(Post(World.CoreGroup, $"{Base}/escalations/{id}/responses", """{"response":"a\u0000b"}"""), "response");

        Assert.Equal(0, await CountAsync(World.Server, $"escalation-{id}", "escalation.response-recorded"));
        // The next clean answer is recorded as usual.
        await Ok(Post(World.CoreGroup, $"{Base}/escalations/{id}/responses", """{"response":"Wij praten erover"}"""));
        Assert.Equal(1, await CountAsync(World.Server, $"escalation-{id}", "escalation.response-recorded"));
    }

    [Theory]
    [InlineData("""{"reason":"bel\u0007"}""")]
    [InlineData("""{"reason":"half \ud800 teken"}""")]
    [InlineData("""{"reason":"\udc00"}""")]
    [InlineData("""{"reason":"escape \u001b[31m"}""")]
    [InlineData("""{"reason":"c1 \u0085"}""")]
    public async Task Control_characters_and_lone_surrogates_in_JSON_are_400_invalid_text_naming_the_field(string body)
    {
        var id = await RaiseConductDisputeAsync();
        await InvalidText(Post(World.CoreGroup, $"{Base}/escalations/{id}/next-step", body), "reason");
        Assert.Equal(0, await CountAsync(World.Server, $"escalation-{id}", "escalation.moved-to-next-step"));
    }

    [Fact]
    public async Task A_nested_field_is_named_by_its_JSON_path()
    {
        await InvalidText(Post(World.CoreGroup, $"{Base}/escalations",
            """{"id":"genest","subject":{"kind":"conduct","reference":"x\u0000"},"reason":"Toon"}"""), "subject.reference");
    }

    [Fact]
    public async Task Tab_newline_carriage_return_and_a_surrogate_pair_are_kept()
    {
        var id = await RaiseConductDisputeAsync();
        await Ok(Post(World.CoreGroup, $"{Base}/escalations/{id}/responses", """{"response":"regel 1\r\n\tregel 2 \ud83d\ude00"}"""));
        var detail = await Get(World.CoreGroup, $"{Base}/escalations/{id}");
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(),
            e => e.GetProperty("data").TryGetProperty("response", out var r) && r.GetString() == "regel 1\r\n\tregel 2 \U0001F600");
    }

    [Fact]
    public async Task A_NUL_in_the_email_of_a_token_request_is_400_invalid_text_naming_email()
    {
        await InvalidText(Post(World.Anonymous, "/api/v1/auth/token", """{"email":"\u0000","password":"x","name":"t"}"""), "email");
    }

    [Fact]
    public async Task A_string_longer_than_the_limit_is_400_validation_naming_the_field()
    {
        var id = await RaiseConductDisputeAsync();
        var problem = await Problem(Post(World.CoreGroup, $"{Base}/escalations/{id}/responses", $$"""{"response":"{{new string('x', 20_001)}}"}"""),
            HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("response", out _));
        // The validator's own limit for this field (2,000) also names it.
        problem = await Problem(Post(World.CoreGroup, $"{Base}/escalations/{id}/responses", $$"""{"response":"{{new string('x', 2_001)}}"}"""),
            HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("response", out _));
    }

    [Fact]
    public async Task A_NUL_in_a_query_string_or_a_route_value_is_400_invalid_text_naming_the_parameter()
    {
        await InvalidText(World.Anonymous.GetAsync(new Uri($"{Base}/commitments?partner=a%00b", UriKind.Relative)), "partner");
        await InvalidText(World.Anonymous.GetAsync(new Uri("/api/v1/alliances/osdorp%01de-punt", UriKind.Relative)), "alliance");
        var tooLong = await Problem(World.Anonymous.GetAsync(new Uri($"{Base}/commitments?partner={new string('a', 201)}", UriKind.Relative)),
            HttpStatusCode.BadRequest, "validation");
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("partner", out _));
    }

    [Fact]
    public async Task A_control_character_in_a_page_form_shows_a_Dutch_field_error_and_records_nothing()
    {
        var id = await RaiseConductDisputeAsync();
        using var browser = await CoreGroupBrowserAsync();

        using var response = await browser.PostFormAsync($"/allianties/osdorp-de-punt/geschillen/{id}",
            new() { ["response"] = "a\u0001b", ["__IdempotencyKey"] = Guid.NewGuid().ToString() }, "Antwoord");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(TextInput.DutchMessage, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(World.Server, $"escalation-{id}", "escalation.response-recorded"));
    }

    [Fact]
    public async Task A_NUL_in_a_page_form_which_the_form_reader_refuses_gives_the_Dutch_400_page_saying_why_and_records_nothing()
    {
        var id = await RaiseConductDisputeAsync();
        using var browser = await CoreGroupBrowserAsync();

        using var response = await browser.PostFormAsync($"/allianties/osdorp-de-punt/geschillen/{id}",
            new() { ["response"] = "a\0b", ["__IdempotencyKey"] = Guid.NewGuid().ToString() }, "Antwoord");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Het formulier kon niet worden verstuurd", html, StringComparison.Ordinal);
        Assert.Contains(TextInput.DutchFormMessage, html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(World.Server, $"escalation-{id}", "escalation.response-recorded"));
    }

    private async Task<HttpClient> CoreGroupBrowserAsync()
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        await World.Server.CreateAccountAsync(email, new RoleGrant(Osdorp, Role.CoreGroup));
        return await World.Server.CreateSignedInBrowserAsync(email);
    }

    [Fact]
    public async Task A_control_character_in_the_sign_in_form_shows_a_Dutch_field_error()
    {
        using var browser = World.Server.CreateBrowserClient();
        using var response = await browser.PostFormAsync("/inloggen", new() { ["Email"] = "a\u0001@example.org", ["Password"] = "x" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(TextInput.DutchMessage, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_gives_every_string_of_a_request_body_a_maxLength()
    {
        var document = await World.Anonymous.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(2000, schemas.GetProperty("EscalationResponseRequest").GetProperty("properties").GetProperty("response").GetProperty("maxLength").GetInt32());
        var missing = new List<string>();
        foreach (var schema in schemas.EnumerateObject().Where(s => s.Name.EndsWith("Request", StringComparison.Ordinal)))
        {
            if (!schema.Value.TryGetProperty("properties", out var properties)) continue;
            foreach (var property in properties.EnumerateObject())
                if (IsString(property.Value) && !property.Value.TryGetProperty("maxLength", out _)) missing.Add($"{schema.Name}.{property.Name}");
        }
        Assert.True(missing.Count == 0, "no maxLength: " + string.Join(", ", missing));
    }

    private static bool IsString(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) && !schema.TryGetProperty("format", out _)
        && (type.ValueKind == JsonValueKind.String ? type.GetString() == "string" : type.EnumerateArray().Any(t => t.GetString() == "string"));

    // ---- issue 12 §3: instants out of range ----

    [Theory]
    [InlineData("/partners/ymere/punctuality?to=0001-01-01", "to")]
    [InlineData("/partners/ymere/punctuality?from=9999-12-31T23:59:59Z", "from")]
    [InlineData("/commitments?asOf=0001-01-01T00:00:00Z", "asOf")]
    [InlineData("?asOf=9999-12-31", "asOf")]
    public async Task An_instant_outside_the_supported_range_is_400_validation_naming_the_parameter(string path, string field)
    {
        var problem = await Problem(World.Anonymous.GetAsync(new Uri(Base + path, UriKind.Relative)), HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_instant_inside_the_range_is_answered()
    {
        await Ok(World.Anonymous.GetAsync(new Uri($"{Base}/partners/ymere/punctuality?from=1900-01-01&to=2999-12-31", UriKind.Relative)));
        await Ok(World.Anonymous.GetAsync(new Uri($"{Base}/commitments?asOf=1900-01-01T00:00:00Z", UriKind.Relative)));
    }

    // ---- issue 12 §10: every problem answer carries its code ----

    [Fact]
    public async Task A_413_carries_the_code_too_large()
    {
        var body = $$"""{"response":"{{new string('x', 1024 * 1024)}}"}""";
        await Problem(LargeBody.PostJsonAsync(World.CoreGroup, $"{Base}/escalations/iets/responses", body), HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    [Fact]
    public async Task A_415_a_malformed_body_an_unknown_path_and_a_wrong_method_carry_their_codes()
    {
        using var form = new StringContent("id=x", Encoding.UTF8, "application/x-www-form-urlencoded");
        await Problem(World.CoreGroup.PostAsync(new Uri($"{Base}/escalations", UriKind.Relative), form), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await Problem(Post(World.CoreGroup, $"{Base}/escalations", "{not json"), HttpStatusCode.BadRequest, "bad-request");
        await Problem(World.Anonymous.GetAsync(new Uri("/api/v1/nergens", UriKind.Relative)), HttpStatusCode.NotFound, "not-found");
        await Problem(World.Anonymous.DeleteAsync(new Uri("/api/v1/alliances", UriKind.Relative)), HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        await Problem(World.Anonymous.GetAsync(new Uri($"{Base}/commitments?page=abc", UriKind.Relative)), HttpStatusCode.BadRequest, "bad-request");
    }
}
