using System.Net;
using System.Text;
using Governance.Api.Auth;
using Governance.Domain;
using Microsoft.AspNetCore.Routing;

namespace Governance.Api.Tests.Alliances;

/// <summary>
/// Every write endpoint × every role: allowed, or refused with 401 (no sign-in) / 403 (wrong role).
/// The table is written out here, independent of the endpoints' own metadata, and the first test fails when an
/// endpoint is added without an entry.
/// </summary>
public sealed class RoleMatrixTests : IClassFixture<RoleMatrixTests.RoleMatrixServer>
{
    private const string Alliance = "osdorp-de-punt";
    private static readonly AllianceId Osdorp = AllianceId.Parse(Alliance);

    /// <summary>Who may: role names, "system-admin", "signed-in" (any account), "anyone" (no sign-in needed).</summary>
    private static readonly Dictionary<string, (string[] Allowed, string Body)> Matrix = new()
    {
        ["POST /api/v1/alliances"] = (["system-admin"], """{"id":"geuzenveld","name":"Wijkalliantie Geuzenveld","neighbourhood":"Geuzenveld"}"""),
        ["POST /api/v1/alliances/{alliance}/partners"] = (["admin"], """{"id":"eigenwijks","name":"Eigenwijks","kind":"welfare","body":"professional"}"""),
        ["POST /api/v1/alliances/{alliance}/partners/{partner}/departure"] = (["admin"], """{"reason":"Fusie"}"""),
        ["POST /api/v1/alliances/{alliance}/representatives"] = (["admin"], """{"person":"p-00000000aaaa","partner":"ymere","hasMandate":true}"""),
        ["POST /api/v1/alliances/{alliance}/representatives/{person}/withdrawal"] = (["admin"], """{"partner":"ymere"}"""),
        ["POST /api/v1/alliances/{alliance}/officers"] = (["admin"], """{"office":"confidant","person":"p-00000000cccc","declaresNoDirectInterest":true}"""),
        ["POST /api/v1/alliances/{alliance}/officers/{office}/vacancy"] = (["admin"], """{"reason":"Verhuisd"}"""),
        ["POST /api/v1/alliances/{alliance}/escalation-contacts"] = (["admin"], """{"person":"p-00000000eeee"}"""),
        ["POST /api/v1/alliances/{alliance}/escalation-contacts/{person}/unassignment"] = (["admin"], ""),
        ["POST /api/v1/alliances/{alliance}/interest-declarations"] = (["admin", "secretary", "chair", "representative", "core-group"], """{"person":"SELF","kind":"interest","description":"Huurder"}"""),
        ["POST /api/v1/alliances/{alliance}/interest-declarations/{declaration}/end"] = (["admin", "secretary", "chair", "representative", "core-group"], ""),
        ["POST /api/v1/alliances/{alliance}/working-agreements/amendments"] = (["admin"], """{"agreements":null,"decisionReference":"Besluit 1"}"""),
        // Meetings (issue 4). The meeting in the path does not exist, so an allowed role gets 404/400, never 401/403.
        ["POST /api/v1/alliances/{alliance}/meetings"] = (["secretary", "chair", "admin"], """{"id":"2026-03-10-wijkalliantie","kind":"alliance-meeting","start":"2026-03-10T19:30","end":"2026-03-10T21:30","place":"Buurthuis"}"""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/reschedule"] = (["secretary", "chair", "admin"], """{"start":"2026-03-17T19:30","end":"2026-03-17T21:30","place":"Buurthuis","reason":"Zaal bezet"}"""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/cancellation"] = (["secretary", "chair", "admin"], """{"reason":"Geen agenda"}"""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/draft-agenda"] = (["secretary", "chair"], ""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/items"] = (["representative", "secretary", "chair"], """{"id":"verkeer","partner":"ymere","title":"Verkeer","kind":"decision"}"""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/items/{item}/acceptance"] = (["chair"], ""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/items/{item}/deferral"] = (["chair"], """{"reason":"Volgende keer"}"""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/items/{item}/rejection"] = (["chair"], """{"reason":"Hoort hier niet"}"""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/documents"] = (["representative", "secretary", "chair"], ""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/documents/{document}/versions"] = (["representative", "secretary", "chair"], ""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/announcements"] = (["secretary"], """{"channel":"flyers"}"""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/attendance"] = (["chair", "secretary"], """{"person":"p-00000000aaaa","partner":"ymere"}"""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/attendance/{person}/correction"] = (["chair", "secretary"], """{"partner":"bcop","reason":"Verkeerd genoteerd"}"""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/attendance/{person}/withdrawal"] = (["chair", "secretary"], """{"reason":"Verkeerd genoteerd"}"""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/opening"] = (["chair"], ""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/closing"] = (["chair"], ""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/minutes"] = (["secretary"], ""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/deadline-extensions"] = (["chair", "secretary"], """{"rule":"R1","newDue":"2026-03-01T12:00:00Z","reason":"Vakantie"}"""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/items/{item}/waiver"] = (["representative"], """{"partner":"ymere","reason":"Wij willen toch beslissen"}"""),
        ["POST /api/v1/alliances/{alliance}/meetings/{meeting}/items/{item}/take-up"] = (["chair"], ""),
        // Proposals (issue 5). The proposal in the path does not exist, so an allowed role gets 404/400, never 401/403.
        ["POST /api/v1/alliances/{alliance}/proposals"] = (["chair", "secretary", "representative"], """{"id":"verlichting","meeting":"vergadering-onbekend","item":"verkeer","title":"Licht","text":"Meer licht","partner":"ymere","concerns":["ymere"]}"""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/amendments"] = (["chair", "secretary", "representative"], """{"text":"Meer licht","reason":"Bezwaar verwerkt"}"""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/consent-round"] = (["chair"], ""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/contributions"] = (["chair", "secretary"], """{"kind":"question","summary":"Hoeveel?"}"""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/objections"] = (["chair", "secretary", "representative"], """{"partner":"ymere","reasons":"Te duur"}"""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/objections/{objection:int}/correction"] = (["chair", "secretary"], """{"by":"p-00000000aaaa","reason":"Verkeerd genoteerd"}"""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/objections/{objection:int}/test"] = (["chair"], """{"finding":"concern"}"""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/objections/{objection:int}/resolution"] = (["chair"], """{"resolution":"withdrawal"}"""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/consent"] = (["chair"], ""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/vote"] = (["chair"], """{"ground":"consent-failed"}"""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/vote/ballots"] = (["representative"], """{"partner":"ymere","choice":"for"}"""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/vote/recusals"] = (["chair", "representative"], """{"reason":"Eigen belang"}"""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/vote/closing"] = (["chair"], ""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/withdrawal"] = (["chair"], """{"reason":"Ingetrokken"}"""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/deferral"] = (["chair"], """{"reason":"Later"}"""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/advice"] = (["representative", "chair"], """{"partner":"ymere","reason":"Kan niet"}"""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/advice/{partner}/motivation"] = (["representative", "secretary"], """{"motivation":"Omdat","followsAdvice":false}"""),
        ["POST /api/v1/alliances/{alliance}/proposals/{proposal}/advice/overdue-check"] = (["admin", "secretary"], ""),
        // Promises, plans and disputes (issue 6). Unknown promises, plans and disputes: an allowed role gets 404, never 401/403.
        ["POST /api/v1/alliances/{alliance}/commitments"] = (["representative", "chair", "secretary"], """{"id":"bankjes","owner":"ymere","what":"Bankjes repareren","due":"2030-06-01","source":{"kind":"decision","reference":"besluit-1"}}"""),
        ["POST /api/v1/alliances/{alliance}/commitments/{commitment}/progress"] = (["representative", "chair", "secretary"], """{"note":"Besteld"}"""),
        ["POST /api/v1/alliances/{alliance}/commitments/{commitment}/renegotiation"] = (["representative", "chair", "secretary"], """{"newDue":"2030-07-01","reason":"Leverancier"}"""),
        ["POST /api/v1/alliances/{alliance}/commitments/{commitment}/fulfilment"] = (["representative", "chair", "secretary"], """{"evidence":"Gerepareerd"}"""),
        ["POST /api/v1/alliances/{alliance}/commitments/{commitment}/not-possible"] = (["representative", "chair", "secretary"], """{"motivation":"Geen budget"}"""),
        ["POST /api/v1/alliances/{alliance}/commitments/{commitment}/withdrawal"] = (["chair", "secretary"], """{"reason":"Plein heringericht"}"""),
        ["POST /api/v1/alliances/{alliance}/commitments/{commitment}/correction"] = (["chair", "secretary"], """{"due":"2030-07-01","reason":"Verkeerd genoteerd"}"""),
        ["POST /api/v1/alliances/{alliance}/commitments/{commitment}/overdue-check"] = (["admin"], ""),
        ["POST /api/v1/alliances/{alliance}/year-plans"] = (["chair", "secretary", "admin"], """{"id":"2026","title":"Jaarplan 2026"}"""),
        ["POST /api/v1/alliances/{alliance}/year-plans/{plan}/goals"] = (["chair", "secretary"], """{"id":"veilig","horizon":"dream","title":"Zwembad"}"""),
        ["POST /api/v1/alliances/{alliance}/year-plans/{plan}/goals/{goal}/progress"] = (["representative", "chair", "secretary"], """{"note":"Hekje"}"""),
        ["POST /api/v1/alliances/{alliance}/year-plans/{plan}/goals/{goal}/commitments"] = (["chair", "secretary"], """{"commitment":"bankjes"}"""),
        ["POST /api/v1/alliances/{alliance}/year-plans/{plan}/goals/{goal}/achievement"] = (["representative", "chair", "secretary"], """{"note":"Klaar"}"""),
        ["POST /api/v1/alliances/{alliance}/escalations"] = (["core-group", "representative"], """{"id":"bankjes","subject":{"kind":"conduct"},"reason":"Toon in de vergadering"}"""),
        ["POST /api/v1/alliances/{alliance}/escalations/{escalation}/responses"] = (["core-group", "representative", "chair", "secretary"], """{"response":"Wij komen erop terug"}"""),
        ["POST /api/v1/alliances/{alliance}/escalations/{escalation}/advice"] = (["escalation-contact"], """{"advice":"Praat met elkaar","solicited":false}"""),
        ["POST /api/v1/alliances/{alliance}/escalations/{escalation}/next-step"] = (["core-group", "representative", "chair", "secretary"], """{"reason":"Geen reactie"}"""),
        ["POST /api/v1/alliances/{alliance}/escalations/{escalation}/resolution"] = (["chair", "secretary", "core-group"], """{"outcome":"Afgesproken"}"""),
        ["POST /api/v1/alliances/{alliance}/escalations/{escalation}/reopening"] = (["core-group", "representative", "chair", "secretary"], """{"reason":"Weer mis"}"""),
        ["POST /api/v1/alliances/{alliance}/escalations/{escalation}/overdue-check"] = (["admin"], ""),
        ["POST /api/v1/dev/clock"] = (["system-admin"], """{"advance":"PT1H"}"""),
        ["POST /api/v1/auth/token"] = (["anyone"], """{"email":"matrix@example.test","password":"correct horse battery staple"}"""),
        ["DELETE /api/v1/auth/tokens/{id:guid}"] = (["signed-in"], ""),
    };

    private static readonly string[] Roles = ["system-admin", "admin", "chair", "secretary", "representative", "core-group", "escalation-contact", "admin-elsewhere", "anonymous"];

    private readonly GovernanceServer _server;
    private readonly IReadOnlyDictionary<string, (HttpClient? Client, PersonId? Person)> _clients;

    public RoleMatrixTests(RoleMatrixServer fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _server = fixture.Server;
        _clients = fixture.Clients;
    }

    /// <summary>
    /// One server, one account per role and the alliance for the whole class: the tests only send requests and compare
    /// 401/403 against "neither", and what one endpoint's allowed call records (a partner, a declaration) changes no
    /// account's roles, so no test depends on another's order. Starting a server and hashing nine passwords per test was
    /// ~8 s of each of the 71 tests.
    /// </summary>
    public sealed class RoleMatrixServer : IAsyncLifetime
    {
        private GovernanceServer? _server;
        private readonly Dictionary<string, (HttpClient? Client, PersonId? Person)> _clients = [];

        public GovernanceServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

        public IReadOnlyDictionary<string, (HttpClient? Client, PersonId? Person)> Clients => _clients;

        public async Task InitializeAsync()
        {
            _server = await GovernanceServer.StartAsync();
            var (admin, _) = await _server.SystemAdminAsync();
            _clients["system-admin"] = (admin, null);
            foreach (var (name, grant) in new (string, RoleGrant)[]
            {
                ("admin", new(Osdorp, Role.Admin)),
                ("chair", new(Osdorp, Role.Chair)),
                ("secretary", new(Osdorp, Role.Secretary)),
                ("representative", new(Osdorp, Role.Representative, PartnerId.Parse("ymere"))),
                ("core-group", new(Osdorp, Role.CoreGroup)),
                ("escalation-contact", new(Osdorp, Role.EscalationContact)),
                ("admin-elsewhere", new(AllianceId.Parse("geuzenveld"), Role.Admin)),
            })
            {
                var (client, person) = await _server.ClientWithRolesAsync(name, grant);
                _clients[name] = (client, person);
            }
            _clients["anonymous"] = (_server.CreateClient(), null);
            await _server.Services.GetRequiredService<AccountService>().CreateAccountAsync("matrix@example.test", "Matrix", "correct horse battery staple");

            using var found = await admin.PostAsync(new Uri("/api/v1/alliances", UriKind.Relative),
                new StringContent("""{"id":"osdorp-de-punt","name":"Osdorp de Punt","neighbourhood":"Osdorp"}""", Encoding.UTF8, "application/json"));
            found.EnsureSuccessStatusCode();
            using var ymere = await admin.PostAsync(new Uri("/api/v1/alliances/osdorp-de-punt/partners", UriKind.Relative),
                new StringContent("""{"id":"ymere","name":"Ymere","kind":"housing-corporation","body":"professional"}""", Encoding.UTF8, "application/json"));
            ymere.EnsureSuccessStatusCode();
        }

        public async Task DisposeAsync()
        {
            foreach (var (client, _) in _clients.Values) client?.Dispose();
            if (_server is not null) await _server.DisposeAsync();
        }
    }

    [Fact]
    public void Every_write_endpoint_has_an_entry_in_the_role_matrix()
    {
        var writes = _server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Endpoint: e)))
            .Where(x => x.Method is "POST" or "PUT" or "PATCH" or "DELETE" && x.Endpoint.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .Select(x => $"{x.Method} {x.Endpoint.RoutePattern.RawText!.TrimEnd('/')}")
            .ToHashSet();
        Assert.Empty(writes.Except(Matrix.Keys));
        Assert.Empty(Matrix.Keys.Except(writes));
    }

    public static TheoryData<string> Endpoints() => [.. Matrix.Keys];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_is_allowed_or_refused_with_401_or_403(string endpoint)
    {
        var (allowed, body) = Matrix[endpoint];
        var failures = new List<string>();
        foreach (var role in Roles)
        {
            var (client, person) = _clients[role];
            var parts = endpoint.Split(' ', 2);
            var path = parts[1].Replace("{alliance}", Alliance, StringComparison.Ordinal).Replace("{partner}", "ymere", StringComparison.Ordinal)
                .Replace("{person}", "p-00000000aaaa", StringComparison.Ordinal).Replace("{office}", "confidant", StringComparison.Ordinal)
                .Replace("{declaration}", "d-unknown", StringComparison.Ordinal)
                .Replace("{meeting}", "vergadering-onbekend", StringComparison.Ordinal).Replace("{item}", "verkeer", StringComparison.Ordinal)
                .Replace("{document}", "verkeersplan", StringComparison.Ordinal)
                .Replace("{commitment}", "belofte-onbekend", StringComparison.Ordinal).Replace("{plan}", "2031", StringComparison.Ordinal)
                .Replace("{goal}", "doel", StringComparison.Ordinal).Replace("{escalation}", "geschil-onbekend", StringComparison.Ordinal)
                .Replace("{proposal}", "voorstel-onbekend", StringComparison.Ordinal).Replace("{objection:int}", "1", StringComparison.Ordinal).Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(parts[0]), path);
            if (body.Length > 0)
                request.Content = new StringContent(body.Replace("SELF", person?.Value ?? "p-000000000000", StringComparison.Ordinal), Encoding.UTF8, "application/json");
            using var response = await client!.SendAsync(request);
            var status = (int)response.StatusCode;

            var mayAct = allowed.Contains("anyone")
                || (allowed.Contains("signed-in") && role != "anonymous")
                || allowed.Contains(role)
                || (role == "system-admin" && allowed.Contains("admin"));
            var expected = mayAct ? "not 401/403" : role == "anonymous" ? "401" : "403";
            var ok = mayAct ? status is not (401 or 403) : status == (role == "anonymous" ? 401 : 403);
            if (!ok) failures.Add($"{role}: expected {expected}, got {status}");
        }
        Assert.True(failures.Count == 0, $"{endpoint}: {string.Join("; ", failures)}");
    }
}
