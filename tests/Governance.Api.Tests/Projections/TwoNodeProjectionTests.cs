using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.EventStore;
using Governance.Projections.Daemon;
using Governance.Projections.Timeline;
using Marten;

namespace Governance.Api.Tests.Projections;

/// <summary>
/// Two app nodes on one database, both running Marten's daemon in HotCold mode while writers append: one node runs each
/// projection, and no event is counted twice (ARCHITECTURE.md, "Beyond one machine").
/// </summary>
public sealed class TwoNodeProjectionTests
{
    [Fact]
    public async Task Two_app_nodes_on_one_database_never_count_an_event_twice()
    {
        await using var first = await GovernanceServer.StartAsync();
        await using var second = await GovernanceServer.StartOnDatabaseAsync(first.ConnectionString);
        string[] tenants = ["t-a", "t-b", "t-c", "t-d"];

        // Writers on both nodes at once.
        await Parallel.ForEachAsync(tenants, async (tenant, ct) =>
        {
            var ledgers = new[] { first, second }.Select(s => s.Services.GetRequiredService<Ledger>()).ToArray();
            await ledgers[0].AppendAsync(tenant, Alliance.StreamId, ExpectedVersion.NoStream,
                [new EventData(new AllianceFounded(AllianceId.Parse(tenant), $"Wijkalliantie {tenant}", "Nieuw-West"), EventMetadata.None)], ct);
            for (var i = 0; i < 40; i++)
                await ledgers[i % 2].AppendAsync(tenant, Alliance.StreamId, ExpectedVersion.Any,
                    [new EventData(new PartnerAdmitted(PartnerId.Parse($"partner-{i}"), $"Partner {i}", PartnerKind.Welfare, PartnerBody.Professional), EventMetadata.None)], ct);
        });

        var store = first.Services.GetRequiredService<IDocumentStore>();
        await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(store, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1));   // give a second runner, if there were one, the time to count again
        foreach (var tenant in tenants)
        {
            await using var session = store.QuerySession(tenant);
            Assert.Equal(41, (await session.LoadAsync<TenantEventCount>(TenantEventCount.Key))!.Events);
            Assert.Equal(41, await session.Query<TimelineEntryDocument>().CountAsync());
        }
    }
}
