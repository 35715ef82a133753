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
/// </summary>
public sealed class PromiseWorld : IAsyncDisposable
{
    public const string Base = "/api/v1/alliances/osdorp-de-punt";
    public static readonly AllianceId Osdorp = AllianceId.Parse("osdorp-de-punt");
    public static readonly AllianceId Geuzenveld = AllianceId.Parse("geuzenveld");
    public static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    private PromiseWorld(GovernanceServer server) => Server = server;

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

    public static async Task<PromiseWorld> StartAsync(Action<WebApplicationBuilder>? configure = null)
    {
        var world = new PromiseWorld(await GovernanceServer.StartAsync(configure, "--clock", "simulated"));
        await world.SetUpAsync();
        return world;
    }

    private async Task SetUpAsync()
    {
        (Admin, _) = await Server.SystemAdminAsync();
        (Chair, _) = await Server.ClientWithRolesAsync("Dagvoorzitter", new RoleGrant(Osdorp, Role.Chair));
        (CoreGroup, CoreGroupPerson) = await Server.ClientWithRolesAsync("Kerngroep", new RoleGrant(Osdorp, Role.CoreGroup));
        (Stadsdeel, StadsdeelPerson) = await Server.ClientWithRolesAsync("Sanne Stadsdeel", new RoleGrant(Osdorp, Role.Representative, PartnerId.Parse("stadsdeel-nieuw-west")));
        (Ymere, _) = await Server.ClientWithRolesAsync("Yusuf Ymere", new RoleGrant(Osdorp, Role.Representative, PartnerId.Parse("ymere")));
        (Contact, ContactPerson) = await Server.ClientWithRolesAsync("Ingrid NPSNW", new RoleGrant(Osdorp, Role.EscalationContact));
        PersonId other;
        (OtherContact, other) = await Server.ClientWithRolesAsync("Gerrit NPSNW",
            new RoleGrant(Osdorp, Role.EscalationContact), new RoleGrant(Geuzenveld, Role.EscalationContact));
        Anonymous = Server.CreateClient();

        await Ok(Post(Admin, "/api/v1/alliances", """{"id":"osdorp-de-punt","name":"Wijkalliantie Osdorp de Punt","neighbourhood":"Osdorp"}"""));
        await Ok(Post(Admin, $"{Base}/partners", """{"id":"bcop","name":"BCOP","kind":"residents-collective","body":"residents"}"""));
        await Ok(Post(Admin, $"{Base}/partners", """{"id":"stadsdeel-nieuw-west","name":"Stadsdeel Nieuw-West","kind":"municipality","body":"professional"}"""));
        await Ok(Post(Admin, $"{Base}/partners", """{"id":"ymere","name":"Ymere","kind":"housing-corporation","body":"professional"}"""));
        await Ok(Post(Admin, $"{Base}/escalation-contacts", $$"""{"person":"{{ContactPerson}}"}"""));
        await Ok(Post(Admin, "/api/v1/alliances", """{"id":"geuzenveld","name":"Wijkalliantie Geuzenveld","neighbourhood":"Geuzenveld"}"""));
        await Ok(Post(Admin, "/api/v1/alliances/geuzenveld/escalation-contacts", $$"""{"person":"{{other}}"}"""));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in new[] { Admin, Chair, CoreGroup, Stadsdeel, Ymere, Contact, OtherContact, Anonymous }) c?.Dispose();
        await Server.DisposeAsync();
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

    public Task AdvanceAsync(string period) => Ok(Post(Admin, "/api/v1/dev/clock", $$"""{"advance":"{{period}}"}"""));

    public static string Iso(LocalDate d) => d.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Query(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Stadsdeel promises, through its representative, to repair the benches within <paramref name="days"/> days.</summary>
    public Task<JsonElement> PromiseBenchesAsync(LocalDate due, string id = "bankjes-repareren") =>
        Ok(Post(Stadsdeel, $"{Base}/commitments",
            $$"""{"id":"{{id}}","owner":"stadsdeel-nieuw-west","what":"De bankjes bij de speeltuin repareren","due":"{{Iso(due)}}","source":{"kind":"decision","reference":"speeltuin-2026"} }"""));
}
