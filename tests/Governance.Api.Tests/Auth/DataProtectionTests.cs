using System.Net;

namespace Governance.Api.Tests.Auth;

public sealed class DataProtectionTests
{
    [Fact]
    public async Task A_session_cookie_issued_by_one_node_is_accepted_by_another_node_on_the_same_database()
    {
        await using var first = await GovernanceServer.StartAsync();
        await first.CreateAccountAsync("twee-nodes@example.org");
        var jar = new CookieContainer();
        (await first.CreateSignedInBrowserAsync("twee-nodes@example.org", cookies: jar)).Dispose();

        await using var second = await GovernanceServer.StartOnDatabaseAsync(first.ConnectionString);
        using var client = second.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/me", UriKind.Relative));
        request.Headers.Add("Cookie", jar.GetCookieHeader(first.BaseAddress));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = first.CreateDataSource();
        await using var cmd = db.CreateCommand("select count(*) from app.data_protection_keys");
        // One key ring for both nodes: the second found the first's key instead of making its own.
        Assert.Equal(1L, (long)(await cmd.ExecuteScalarAsync())!);
    }
}
