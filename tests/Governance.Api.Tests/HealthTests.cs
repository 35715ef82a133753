using System.Net;
using System.Text.Json;
using Governance.EventStore;

namespace Governance.Api.Tests;

public sealed class HealthTests(SharedServer shared) : IClassFixture<SharedServer>
{
    /// <summary>One server for the class: only the health test writes (one event, in the only ledger).</summary>
    private GovernanceServer Server => shared.Server;

    [Fact]
    public async Task Health_reports_the_database_up_and_every_ledger_head()
    {
        var store = Server.Services.GetRequiredService<Ledger>();
        await store.AppendAsync("osdorp-de-punt", "s1", ExpectedVersion.Any,
            [new EventData(new Governance.Projections.BenchAppended(0, 1, "gezond"), EventMetadata.None)]);

        using var client = Server.CreateClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("up", body.RootElement.GetProperty("database").GetString());
        var ledger = Assert.Single(body.RootElement.GetProperty("ledgers").EnumerateArray());
        Assert.Equal("osdorp-de-punt", ledger.GetProperty("tenant").GetString());
        Assert.Equal(1, ledger.GetProperty("position").GetInt64());
        Assert.Matches("^[0-9a-f]{64}$", ledger.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task The_openapi_document_is_served()
    {
        using var client = Server.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("paths").TryGetProperty("/health", out _));
    }
}
