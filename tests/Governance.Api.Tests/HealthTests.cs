using System.Net;
using System.Text.Json;
using Governance.EventStore;

namespace Governance.Api.Tests;

public sealed class HealthTests : IAsyncLifetime
{
    private GovernanceServer _server = null!;

    public async Task InitializeAsync() => _server = await GovernanceServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Health_reports_the_database_up_and_every_ledger_head()
    {
        var store = _server.Services.GetRequiredService<Ledger>();
        await store.AppendAsync("osdorp-de-punt", "s1", ExpectedVersion.Any,
            [new EventData(new Governance.Projections.BenchAppended(0, 1, "gezond"), EventMetadata.None)]);

        using var client = _server.CreateClient();
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
        using var client = _server.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("paths").TryGetProperty("/health", out _));
    }
}
