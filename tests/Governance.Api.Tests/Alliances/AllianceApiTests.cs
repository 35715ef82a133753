using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Domain;
using Governance.EventStore;

namespace Governance.Api.Tests.Alliances;

public sealed class AllianceApiTests(SharedServer shared) : IClassFixture<SharedServer>, IAsyncLifetime
{
    // One server for the class (issue 16 §4); each test founds an alliance of its own.
    private readonly string _alliance = TestIds.NewAlliance("osdorp");
    private GovernanceServer _server => shared.Server;
    private HttpClient _admin = null!;
    private PersonId _adminPerson;
    private AllianceId Osdorp => AllianceId.Parse(_alliance);

    public async Task InitializeAsync() => (_admin, _adminPerson) = await _server.SystemAdminAsync();

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", text, StringComparison.Ordinal);
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task Found()
    {
        using var r = await _admin.PostAsync(new Uri("/api/v1/alliances", UriKind.Relative),
            Json($$"""{"id":"{{_alliance}}","name":"Wijkalliantie Osdorp de Punt","neighbourhood":"Osdorp de Punt"}"""));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        Assert.Equal($"/api/v1/alliances/{_alliance}", r.Headers.Location?.OriginalString);
    }

    private async Task<HttpResponseMessage> Post(string path, string json, HttpClient? client = null) =>
        await (client ?? _admin).PostAsync(new Uri(path, UriKind.Relative), Json(json));

    [Fact]
    public async Task A_founded_alliance_is_listed_and_shows_the_default_agreements_as_version_1()
    {
        await Found();
        using var anonymous = _server.CreateClient();

        var list = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/alliances", UriKind.Relative));
        // The class's other tests found alliances of their own on the same server.
        var summary = Assert.Single(list.GetProperty("alliances").EnumerateArray(), a => a.GetProperty("id").GetString() == _alliance);
        Assert.Equal(list.GetProperty("alliances").GetArrayLength(), list.GetProperty("page").GetProperty("total").GetInt64());   // one page holds them all
        Assert.Equal(_alliance, summary.GetProperty("id").GetString());
        Assert.Equal(1, summary.GetProperty("agreementsVersion").GetInt32());

        var detail = await anonymous.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/alliances/{_alliance}", UriKind.Relative));
        Assert.Equal("Wijkalliantie Osdorp de Punt", detail.GetProperty("name").GetString());
        var agreements = detail.GetProperty("agreements");
        Assert.Equal(14, agreements.GetProperty("documents").GetProperty("amount").GetInt32());   // R2
        Assert.Equal("days", agreements.GetProperty("documents").GetProperty("unit").GetString());
        Assert.Equal(2, agreements.GetProperty("voteWeights").GetProperty("residentsBody").GetInt32());   // R14
    }

    [Fact]
    public async Task Partners_representatives_officers_and_declarations_show_in_the_alliance_and_the_public_register()
    {
        await Found();
        var (_, anna) = await _server.ClientWithRolesAsync("Anna de Vries", new RoleGrant(Osdorp, Role.Representative, PartnerId.Parse("bcop")));
        var (_, chair) = await _server.ClientWithRolesAsync("Dagvoorzitter Jansen", new RoleGrant(Osdorp, Role.Chair));

        (await Post($"/api/v1/alliances/{_alliance}/partners", """{"id":"bcop","name":"BCOP","kind":"residents-collective","body":"residents"}""")).EnsureSuccessStatusCode();
        (await Post($"/api/v1/alliances/{_alliance}/partners", """{"id":"ymere","name":"Ymere","kind":"housing-corporation","body":"professional"}""")).EnsureSuccessStatusCode();
        (await Post($"/api/v1/alliances/{_alliance}/representatives", $$"""{"person":"{{anna}}","partner":"bcop","hasMandate":true}""")).EnsureSuccessStatusCode();
        (await Post($"/api/v1/alliances/{_alliance}/officers", $$"""{"office":"chair","person":"{{chair}}","declaresNoDirectInterest":true}""")).EnsureSuccessStatusCode();
        using var declared = await Post($"/api/v1/alliances/{_alliance}/interest-declarations",
            $$"""{"person":"{{anna}}","kind":"side-activity","description":"Vrijwilliger bij de buurtkamer","organisation":"Buurtkamer De Punt"}""");
        declared.EnsureSuccessStatusCode();

        using var anonymous = _server.CreateClient();
        var detail = await anonymous.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/alliances/{_alliance}", UriKind.Relative));
        Assert.Equal(["bcop", "ymere"], detail.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        var representative = Assert.Single(detail.GetProperty("representatives").EnumerateArray());
        Assert.Equal("Anna de Vries", representative.GetProperty("person").GetProperty("name").GetString());
        Assert.True(representative.GetProperty("hasMandate").GetBoolean());
        Assert.Equal("chair", Assert.Single(detail.GetProperty("officers").EnumerateArray()).GetProperty("office").GetString());

        var register = await anonymous.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/alliances/{_alliance}/interest-register", UriKind.Relative));
        var entry = Assert.Single(register.EnumerateArray());
        Assert.Equal("Anna de Vries", entry.GetProperty("person").GetProperty("name").GetString());
        Assert.Equal("side-activity", entry.GetProperty("kind").GetString());
        Assert.DoesNotContain("@", register.GetRawText(), StringComparison.Ordinal);   // no e-mail addresses in public
    }

    [Fact]
    public async Task A_chair_without_a_no_interest_declaration_is_refused_with_409_and_the_rule_code_R13()
    {
        await Found();
        using var r = await Post($"/api/v1/alliances/{_alliance}/officers", """{"office":"chair","person":"p-0000000000c1","declaresNoDirectInterest":false}""");
        var problem = await Problem(r, HttpStatusCode.Conflict);
        Assert.Equal("R13.direct-interest", problem.GetProperty("code").GetString());
        Assert.EndsWith("/R13", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_carry_the_actor_and_the_role_in_their_metadata()
    {
        await Found();
        (await Post($"/api/v1/alliances/{_alliance}/partners", """{"id":"ymere","name":"Ymere","kind":"housing-corporation","body":"professional"}""")).EnsureSuccessStatusCode();
        var store = _server.Services.GetRequiredService<Ledger>();
        var last = (await store.ReadStreamAsync(_alliance, "alliance"))[^1];
        Assert.Equal("alliance.partner-admitted", last.Type);
        Assert.Equal(_adminPerson.Value, last.Metadata.ActorId);
        Assert.Equal("admin", last.Metadata.Role);
        Assert.NotNull(last.Metadata.CommandId);
        Assert.DoesNotContain("Beheerder", last.Json() + last.Metadata, StringComparison.Ordinal);   // names stay out of events
    }

    [Fact]
    public async Task Missing_fields_give_400_with_a_message_per_field()
    {
        await Found();
        using var r = await Post($"/api/v1/alliances/{_alliance}/partners", """{"id":"Not A Slug","kind":"bank"}""");
        var problem = await Problem(r, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("lower-case", errors.GetProperty("id")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.Contains("housing-corporation", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("body", out _));
    }

    [Theory]
    [InlineData("{\"id\":\"ymere\",")]
    [InlineData("{\"id\":\"ymere\",\"name\":12,\"kind\":\"welfare\",\"body\":\"professional\"}")]
    [InlineData("[1,2,3]")]
    public async Task Malformed_json_or_wrong_types_give_400_problem_details(string body)
    {
        await Found();
        using var r = await Post($"/api/v1/alliances/{_alliance}/partners", body);
        await Problem(r, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gives_415()
    {
        await Found();
        using var r = await _admin.PostAsync(new Uri($"/api/v1/alliances/{_alliance}/partners", UriKind.Relative),
            new StringContent("id=ymere", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await Problem(r, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_oversized_body_gives_413()
    {
        await Found();
        var huge = new string('x', 2 * 1024 * 1024);
        using var r = await Http.LargeBody.PostJsonAsync(_admin, $"/api/v1/alliances/{_alliance}/partners", $$"""{"id":"ymere","name":"{{huge}}","kind":"welfare","body":"professional"}""");
        await Problem(r, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_unknown_alliance_gives_404()
    {
        using var anonymous = _server.CreateClient();
        using var get = await anonymous.GetAsync(new Uri("/api/v1/alliances/nergens", UriKind.Relative));
        Assert.Equal("alliance.unknown", (await Problem(get, HttpStatusCode.NotFound)).GetProperty("code").GetString());
        using var post = await Post("/api/v1/alliances/nergens/partners", """{"id":"ymere","name":"Ymere","kind":"welfare","body":"professional"}""");
        await Problem(post, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stale_if_match_gives_412_and_a_current_one_succeeds()
    {
        await Found();
        using var get = await _admin.GetAsync(new Uri($"/api/v1/alliances/{_alliance}", UriKind.Relative));
        var etag = get.Headers.ETag!.Tag;
        (await Post($"/api/v1/alliances/{_alliance}/partners", """{"id":"ymere","name":"Ymere","kind":"welfare","body":"professional"}""")).EnsureSuccessStatusCode();

        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/alliances/{_alliance}/partners")
        {
            Content = Json("""{"id":"eigenwijks","name":"Eigenwijks","kind":"welfare","body":"professional"}"""),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        using var refused = await _admin.SendAsync(stale);
        Assert.Equal("precondition-failed", (await Problem(refused, HttpStatusCode.PreconditionFailed)).GetProperty("code").GetString());

        using var fresh = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/alliances/{_alliance}/partners")
        {
            Content = Json("""{"id":"eigenwijks","name":"Eigenwijks","kind":"welfare","body":"professional"}"""),
        };
        fresh.Headers.TryAddWithoutValidation("If-Match", "\"3\"");
        using var accepted = await _admin.SendAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("\"4\"", accepted.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task As_of_an_instant_the_alliance_shows_as_it_stood()
    {
        await Found();
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        (await Post($"/api/v1/alliances/{_alliance}/partners", """{"id":"ymere","name":"Ymere","kind":"welfare","body":"professional"}""")).EnsureSuccessStatusCode();

        var then = await _admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/alliances/{_alliance}?asOf={Uri.EscapeDataString(between.ToString("O"))}", UriKind.Relative));
        Assert.Empty(then.GetProperty("partners").EnumerateArray());
        var now = await _admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/alliances/{_alliance}", UriKind.Relative));
        Assert.Single(now.GetProperty("partners").EnumerateArray());
    }

    [Fact]
    public async Task A_representative_may_declare_their_own_interest_but_not_someone_elses()
    {
        await Found();
        (await Post($"/api/v1/alliances/{_alliance}/partners", """{"id":"bcop","name":"BCOP","kind":"residents-collective","body":"residents"}""")).EnsureSuccessStatusCode();
        var (anna, annaId) = await _server.ClientWithRolesAsync("Anna", new RoleGrant(Osdorp, Role.Representative, PartnerId.Parse("bcop")));
        (await Post($"/api/v1/alliances/{_alliance}/representatives", $$"""{"person":"{{annaId}}","partner":"bcop","hasMandate":true}""")).EnsureSuccessStatusCode();

        using var own = await Post($"/api/v1/alliances/{_alliance}/interest-declarations", $$"""{"person":"{{annaId}}","kind":"interest","description":"Huurder bij Ymere"}""", anna);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var other = await Post($"/api/v1/alliances/{_alliance}/interest-declarations", """{"person":"p-0000000000ff","kind":"interest","description":"Iets"}""", anna);
        await Problem(other, HttpStatusCode.Forbidden);
    }
}
