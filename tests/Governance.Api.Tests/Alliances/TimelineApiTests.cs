using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Domain;

namespace Governance.Api.Tests.Alliances;

public sealed class TimelineApiTests
{
    [Fact]
    public async Task The_timeline_tells_each_event_as_a_dutch_sentence_with_names_filled_in_newest_first()
    {
        await using var server = await GovernanceServer.StartAsync();
        var (admin, adminPerson) = await server.SystemAdminAsync();
        var (_, anna) = await server.ClientWithRolesAsync("Anna de Vries", new RoleGrant(AllianceId.Parse("osdorp-de-punt"), Role.Representative, PartnerId.Parse("bcop")));
        foreach (var (path, body) in new[]
        {
            ("/api/v1/alliances", """{"id":"osdorp-de-punt","name":"Wijkalliantie Osdorp de Punt","neighbourhood":"Osdorp"}"""),
            ("/api/v1/alliances/osdorp-de-punt/partners", """{"id":"bcop","name":"BCOP","kind":"residents-collective","body":"residents"}"""),
            ("/api/v1/alliances/osdorp-de-punt/representatives", $$"""{"person":"{{anna}}","partner":"bcop","hasMandate":true}"""),
        })
        {
            using var r = await admin.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            r.EnsureSuccessStatusCode();
        }

        using var anonymous = server.CreateClient();
        JsonElement items = default;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100);   // the timeline is an async projection: the daemon catches up within its poll interval
            items = (await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/alliances/osdorp-de-punt/timeline", UriKind.Relative))).GetProperty("timeline");
        }
        while (items.GetArrayLength() < 4 && DateTime.UtcNow < deadline);

        var sentences = items.EnumerateArray().Select(i => i.GetProperty("sentence").GetString()).ToList();
        Assert.Equal(
            ["Anna de Vries vertegenwoordigt nu BCOP, met mandaat.", "BCOP doet mee als partner.",
             "De werkafspraken (versie 1) gelden vanaf nu.", "De wijkalliantie Wijkalliantie Osdorp de Punt is opgericht."],
            sentences);
        var newest = items[0];
        Assert.Equal(4, newest.GetProperty("position").GetInt64());
        Assert.Equal("Beheerder", newest.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal(adminPerson.Value, newest.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("/allianties/osdorp-de-punt", newest.GetProperty("link").GetString());

        using var unknown = await anonymous.GetAsync(new Uri("/api/v1/alliances/nergens/timeline", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
