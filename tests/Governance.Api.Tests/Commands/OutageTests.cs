using System.Net;
using System.Text;
using Governance.Api.Tests.Alliances;
using Governance.TestSupport;
using Governance.Projections;
using Npgsql;

namespace Governance.Api.Tests.Commands;

/// <summary>
/// Issue 11 §5: while PostgreSQL is unreachable, commands and reads answer 503 with Retry-After (a Dutch page for the
/// pages), and the node serves again when the database is back, without a restart.
/// </summary>
public sealed class OutageTests
{
    [Fact]
    public async Task While_the_database_is_down_the_api_and_the_pages_answer_503_with_retry_after_and_recover_without_a_restart()
    {
        await using var cluster = await PostgresCluster.StartPrivateAsync();
        var connectionString = await cluster.CreateDatabaseAsync("outage");
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        using (var store = GovernanceStore.Create(dataSource, TimeProvider.System))
            await Governance.Api.Hosting.LedgerServices.MigrateAllAsync(dataSource, store);
        await using var server = await GovernanceServer.StartOnDatabaseAsync(connectionString);
        var (admin, _) = await server.SystemAdminAsync();
        using var anonymous = server.CreateClient();
        using (var founded = await admin.PostAsync(new Uri("/api/v1/alliances", UriKind.Relative),
                   new StringContent("""{"id":"osdorp-de-punt","name":"Osdorp de Punt","neighbourhood":"Osdorp"}""", Encoding.UTF8, "application/json")))
            founded.EnsureSuccessStatusCode();

        cluster.Pause();
        try
        {
            NpgsqlConnection.ClearAllPools();
            using var read = await anonymous.GetAsync(new Uri("/api/v1/alliances/osdorp-de-punt", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
            Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"code\":\"unavailable\"", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.NotNull(read.Headers.RetryAfter);

            using var write = await admin.PostAsync(new Uri("/api/v1/alliances/osdorp-de-punt/partners", UriKind.Relative),
                new StringContent("""{"id":"ymere","name":"Ymere","kind":"housing-corporation","body":"professional"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            Assert.NotNull(write.Headers.RetryAfter);

            using var page = await anonymous.GetAsync(new Uri("/allianties/osdorp-de-punt", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("even niet beschikbaar", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            cluster.Resume();
        }

        using var again = await anonymous.GetAsync(new Uri("/api/v1/alliances/osdorp-de-punt", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        admin.Dispose();
    }
}
