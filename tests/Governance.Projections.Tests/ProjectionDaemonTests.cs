using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.EventStore;
using Governance.Projections.Daemon;
using Governance.Projections.Timeline;
using Marten;

namespace Governance.Projections.Tests;

/// <summary>The async projections on Marten's daemon (issue 10 §5): every event applied once, per alliance.</summary>
public sealed class ProjectionDaemonTests : ProjectionDatabase
{
    private async Task AppendPartners(string tenant, int count, int offset = 0)
    {
        if (offset == 0)
            await Store.AppendAsync(tenant, Alliance.StreamId, ExpectedVersion.NoStream,
                [new EventData(new AllianceFounded(AllianceId.Parse(tenant), $"Wijkalliantie {tenant}", "Nieuw-West"), EventMetadata.None)]);
        for (var i = offset; i < offset + count; i++)
            await Store.AppendAsync(tenant, Alliance.StreamId, ExpectedVersion.Any,
                [new EventData(new PartnerAdmitted(PartnerId.Parse($"partner-{i}"), $"Partner {i}", PartnerKind.Welfare, PartnerBody.Professional), EventMetadata.None)]);
    }

    [Fact]
    public async Task The_daemon_projects_every_event_once_per_alliance_and_the_timeline_reads_newest_first_with_positions()
    {
        await AppendPartners("osdorp", 20);
        await AppendPartners("geuzenveld", 3);
        await CatchUpAsync();
        await CatchUpAsync();   // a second run finds nothing new

        await using var osdorp = Documents.QuerySession("osdorp");
        Assert.Equal(21, (await osdorp.LoadAsync<TenantEventCount>(TenantEventCount.Key))!.Events);
        Assert.Equal(21, await osdorp.Query<TimelineEntryDocument>().CountAsync());
        await using var geuzenveld = Documents.QuerySession("geuzenveld");
        Assert.Equal(4, (await geuzenveld.LoadAsync<TenantEventCount>(TenantEventCount.Key))!.Events);

        var lines = await new TimelineQueries(Documents, Store).ReadAsync("osdorp", null, null, null, 2, CancellationToken.None);
        Assert.Equal(["Partner 19 doet mee als partner.", "Partner 18 doet mee als partner."], lines.Select(l => l.Sentence));
        Assert.Equal([21L, 20L], lines.Select(l => l.Position));
    }

    [Fact]
    public async Task A_rebuild_gives_the_same_documents_as_the_live_run()
    {
        await AppendPartners("osdorp", 10);
        await CatchUpAsync();
        using var daemon = await Documents.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync("event-counts", TimeSpan.FromSeconds(60), CancellationToken.None);
        await daemon.RebuildProjectionAsync("timeline", TimeSpan.FromSeconds(60), CancellationToken.None);

        await using var session = Documents.QuerySession("osdorp");
        Assert.Equal(11, (await session.LoadAsync<TenantEventCount>(TenantEventCount.Key))!.Events);
        Assert.Equal(11, await session.Query<TimelineEntryDocument>().CountAsync());
    }
}
