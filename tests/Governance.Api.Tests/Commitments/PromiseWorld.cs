using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Api.Tests.Alliances;
using Governance.Domain;
using NodaTime;

namespace Governance.Api.Tests.Commitments;

/// <summary>
/// Osdorp de Punt over real HTTP on the simulated clock, with the people the promise and dispute tests need: the
/// officers, the core group, Stadsdeel's and Ymere's representatives and the programme's escalation contact
/// (assigned on the alliance stream). Geuzenveld is a second alliance with a contact of its own.
/// A world either has a server of its own (<see cref="StartAsync"/>: the alliances are "osdorp-de-punt" and "geuzenveld") or is
/// founded on a server a test class shares (<see cref="FoundAsync"/>: numbered ids and people of its own, so that the tests of
/// a class share one server start and still see only their own promises, disputes and mail; issue 16 §4).
/// </summary>
public sealed class PromiseWorld : IAsyncDisposable
{
    public static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    private readonly bool _ownsServer;

    private PromiseWorld(GovernanceServer server, bool ownsServer, string osdorp, string geuzenveld)
    {
        Server = server;
        _ownsServer = ownsServer;
        Osdorp = AllianceId.Parse(osdorp);
        Geuzenveld = AllianceId.Parse(geuzenveld);
        Base = $"/api/v1/alliances/{Osdorp}";
    }

    /// <summary>The alliance the tests work in: Osdorp de Punt.</summary>
    public AllianceId Osdorp { get; }

    /// <summary>A second alliance, with an escalation contact of its own.</summary>
    public AllianceId Geuzenveld { get; }

    /// <summary>Osdorp's API path: <c>/api/v1/alliances/{Osdorp}</c>.</summary>
    public string Base { get; }

    public GovernanceServer Server { get; }
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Chair { get; private set; } = null!;
    public HttpClient CoreGroup { get; private set; } = null!;
    public PersonId CoreGroupPerson { get; private set; }
    public HttpClient Stadsdeel { get; private set; } = null!;
    public PersonId StadsdeelPerson { get; private set; }
    public HttpClient Ymere { get; private set; } = null!;
    public HttpClient Contact { get; private set; } = null!;
    public PersonId ContactPerson { get; private set; }

    /// <summary>Geuzenveld's escalation contact: holds the role in Osdorp too, but Osdorp never assigned them.</summary>
    public HttpClient OtherContact { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>Everyone the world signed up (a mail test reads the mail to them).</summary>
    public IReadOnlyList<PersonId> People { get; private set; } = [];

    /// <summary>A world on a server of its own, on the simulated clock.</summary>
    public static async Task<PromiseWorld> StartAsync(Action<WebApplicationBuilder>? configure = null)
    {
        var world = new PromiseWorld(await GovernanceServer.StartAsync(configure, "--clock", "simulated"), ownsServer: true, "osdorp-de-punt", "geuzenveld");
        await world.SetUpAsync();
        return world;
    }

    /// <summary>
    /// A world founded on <paramref name="server"/> (which keeps running when the world is disposed): alliances and people no
    /// other world on it has.
    /// </summary>
    public static async Task<PromiseWorld> FoundAsync(GovernanceServer server)
    {
        var world = new PromiseWorld(server, ownsServer: false, TestIds.NewAlliance("osdorp-de-punt"), TestIds.NewAlliance("geuzenveld"));
        await world.SetUpAsync();
        return world;
    }

    private async Task SetUpAsync()
    {
        PersonId admin, chair, ymere, other;
        (Admin, admin) = await Server.SystemAdminAsync();
        (Chair, chair) = await Server.ClientWithRolesAsync("Dagvoorzitter", new RoleGrant(Osdorp, Role.Chair));
        (CoreGroup, CoreGroupPerson) = await Server.ClientWithRolesAsync("Kerngroep", new RoleGrant(Osdorp, Role.CoreGroup));
        (Stadsdeel, StadsdeelPerson) = await Server.ClientWithRolesAsync("Sanne Stadsdeel", new RoleGrant(Osdorp, Role.Representative, PartnerId.Parse("stadsdeel-nieuw-west")));
        (Ymere, ymere) = await Server.ClientWithRolesAsync("Yusuf Ymere", new RoleGrant(Osdorp, Role.Representative, PartnerId.Parse("ymere")));
        (Contact, ContactPerson) = await Server.ClientWithRolesAsync("Ingrid NPSNW", new RoleGrant(Osdorp, Role.EscalationContact));
        (OtherContact, other) = await Server.ClientWithRolesAsync("Gerrit NPSNW",
            new RoleGrant(Osdorp, Role.EscalationContact), new RoleGrant(Geuzenveld, Role.EscalationContact));
        People = [admin, chair, CoreGroupPerson, StadsdeelPerson, ymere, ContactPerson, other];
        Anonymous = Server.CreateClient();

        await Ok(Post(Admin, "/api/v1/alliances", $$"""{"id":"{{Osdorp}}","name":"Wijkalliantie Osdorp de Punt","neighbourhood":"Osdorp"}"""));
        await Ok(Post(Admin, $"{Base}/partners", """{"id":"bcop","name":"BCOP","kind":"residents-collective","body":"residents"}"""));
        await Ok(Post(Admin, $"{Base}/partners", """{"id":"stadsdeel-nieuw-west","name":"Stadsdeel Nieuw-West","kind":"municipality","body":"professional"}"""));
        await Ok(Post(Admin, $"{Base}/partners", """{"id":"ymere","name":"Ymere","kind":"housing-corporation","body":"professional"}"""));
        await Ok(Post(Admin, $"{Base}/escalation-contacts", $$"""{"person":"{{ContactPerson}}"}"""));
        await Ok(Post(Admin, "/api/v1/alliances", $$"""{"id":"{{Geuzenveld}}","name":"Wijkalliantie Geuzenveld","neighbourhood":"Geuzenveld"}"""));
        await Ok(Post(Admin, $"/api/v1/alliances/{Geuzenveld}/escalation-contacts", $$"""{"person":"{{other}}"}"""));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in new[] { Admin, Chair, CoreGroup, Stadsdeel, Ymere, Contact, OtherContact, Anonymous }) c?.Dispose();
        if (_ownsServer) await Server.DisposeAsync();
    }

    public static Task<HttpResponseMessage> Post(HttpClient client, string path, string json = "") =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> Get(HttpClient client, string path) => await Ok(client.GetAsync(new Uri(path, UriKind.Relative)));

    public static async Task<JsonElement> Problem(Task<HttpResponseMessage> call, HttpStatusCode status, string code)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {text}");
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    public async Task<DateTimeOffset> NowAsync() =>
        (await Anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/dev/clock", UriKind.Relative))).GetProperty("now").GetDateTimeOffset();

    public async Task<LocalDate> TodayAsync() => Instant.FromDateTimeOffset(await NowAsync()).InZone(Amsterdam).Date;

    /// <summary>
    /// Moves the simulated clock of <paramref name="node"/>, another node on the world's database, on to the world's now: each
    /// node has a clock of its own, and one that starts now is behind a shared server's that earlier tests moved on. (A clock
    /// only moves forward: one already at or past the world's now stays.)
    /// </summary>
    public async Task SetClockOfAsync(GovernanceServer node)
    {
        using var admin = node.CreateClient();
        admin.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;
        var now = await NowAsync();
        var nodeNow = (await Get(admin, "/api/v1/dev/clock")).GetProperty("now").GetDateTimeOffset();
        if (now > nodeNow) await Ok(Post(admin, "/api/v1/dev/clock", $$"""{"now":"{{Instant.FromDateTimeOffset(now)}}"}"""));
    }

    public Task AdvanceAsync(string period) => Ok(Post(Admin, "/api/v1/dev/clock", $$"""{"advance":"{{period}}"}"""));

    public static string Iso(LocalDate d) => d.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Query(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Stadsdeel promises, through its representative, to repair the benches within <paramref name="days"/> days.</summary>
    public Task<JsonElement> PromiseBenchesAsync(LocalDate due, string id = "bankjes-repareren") =>
        Ok(Post(Stadsdeel, $"{Base}/commitments",
            $$"""{"id":"{{id}}","owner":"stadsdeel-nieuw-west","what":"De bankjes bij de speeltuin repareren","due":"{{Iso(due)}}","source":{"kind":"decision","reference":"speeltuin-2026"} }"""));
}
