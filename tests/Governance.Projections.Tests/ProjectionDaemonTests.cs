using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.EventStore;
using Governance.Projections.Daemon;
using Governance.Projections.Timeline;
using Governance.TestSupport;
using Npgsql;

namespace Governance.Projections.Tests;

public sealed class ProjectionDaemonTests : IAsyncLifetime
{
    private readonly EventTypeRegistry _registry = DomainJson.CreateRegistry();
    private string _connectionString = "";
    private NpgsqlDataSource _dataSource = null!;
    private PostgresEventStore _store = null!;

    public async Task InitializeAsync()
    {
        var cluster = await PostgresCluster.Shared;
        _connectionString = await cluster.CreateDatabaseAsync("daemon");
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        await MigrationRunner.MigrateLedgerAsync(_dataSource);
        await MigrationRunner.MigrateAsync(_dataSource, "projections", ProjectionMigrations.All);
        _store = new PostgresEventStore(_dataSource, TimeProvider.System);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    private ProjectionDaemon Daemon(NpgsqlDataSource dataSource) =>
        new(dataSource, new PostgresEventStore(dataSource, TimeProvider.System), _registry, [new TimelineProjection(), new EventCountProjection()])
        { BatchSize = 7 };

    private async Task AppendPartners(string tenant, int count, int offset = 0)
    {
        if (offset == 0)
            await _store.AppendAsync(tenant, "alliance", "alliance", ExpectedVersion.NoStream,
                [_registry.ToEventData(new AllianceFounded(AllianceId.Parse(tenant), $"Wijkalliantie {tenant}", "Nieuw-West"), EventMetadata.None)]);
        for (var i = offset; i < offset + count; i++)
            await _store.AppendAsync(tenant, "alliance", "alliance", ExpectedVersion.Any,
                [_registry.ToEventData(new PartnerAdmitted(PartnerId.Parse($"partner-{i}"), $"Partner {i}", PartnerKind.Welfare, PartnerBody.Professional), EventMetadata.None)]);
    }

    private async Task<long> Scalar(string sql, params object[] args)
    {
        await using var cmd = _dataSource.CreateCommand(sql);
        foreach (var a in args) cmd.Parameters.Add(new() { Value = a });
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_daemon_projects_every_event_once_with_the_checkpoint_at_the_head()
    {
        await AppendPartners("osdorp", 20);
        var daemon = Daemon(_dataSource);
        Assert.Equal(2 * 21, await daemon.RunOnceAsync(CancellationToken.None));   // two projections
        Assert.Equal(0, await daemon.RunOnceAsync(CancellationToken.None));
        await daemon.ReleaseAsync();

        Assert.Equal(21, await Scalar("select count(*) from projections.timeline where tenant_id = 'osdorp'"));
        Assert.Equal(21, await Scalar("select events from projections.event_counts where tenant_id = 'osdorp'"));
        Assert.Equal(21, await Scalar("select position from ledger.checkpoints where consumer = 'timeline' and tenant_id = 'osdorp'"));
        var latest = (await new TimelineQueries(_dataSource).ReadAsync("osdorp", null, null, null, 1, CancellationToken.None)).Single();
        Assert.Equal("Partner 19 doet mee als partner.", latest.Sentence);
    }

    [Fact]
    public async Task Two_app_nodes_on_one_database_never_count_an_event_twice()
    {
        string[] tenants = ["t-a", "t-b", "t-c", "t-d"];
        foreach (var t in tenants) await AppendPartners(t, 5);

        // Two nodes: separate pools (separate sessions, so separate advisory locks), racing while writers append.
        await using var nodeA = NpgsqlDataSource.Create(_connectionString);
        await using var nodeB = NpgsqlDataSource.Create(_connectionString);
        var daemonA = Daemon(nodeA);
        var daemonB = Daemon(nodeB);
        using var stop = new CancellationTokenSource();
        var runA = daemonA.RunAsync(TimeSpan.FromMilliseconds(5), null, stop.Token);
        var runB = daemonB.RunAsync(TimeSpan.FromMilliseconds(5), null, stop.Token);

        await Parallel.ForEachAsync(tenants, async (t, _) => await AppendPartners(t, 40, offset: 5));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        // Only these tenants: the class's other tests share the database, and their events must not end the wait early.
        while (await Scalar("select coalesce(sum(events), 0) from projections.event_counts where tenant_id in ('t-a', 't-b', 't-c', 't-d')") < tenants.Length * 46
               && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.Empty(daemonA.LedTenants.Intersect(daemonB.LedTenants));
        stop.Cancel();
        await Task.WhenAll(runA, runB);

        foreach (var t in tenants)
        {
            Assert.Equal(46, await Scalar("select events from projections.event_counts where tenant_id = $1", t));
            Assert.Equal(46, await Scalar("select count(*) from projections.timeline where tenant_id = $1", t));
        }
    }

    [Fact]
    public async Task Without_the_leader_lock_the_checkpoint_row_lock_still_prevents_double_counting()
    {
        await AppendPartners("osdorp", 60);
        // Two daemons forced to work the same tenant at once (no leadership check): RunOnce on each, in parallel.
        await using var nodeA = NpgsqlDataSource.Create(_connectionString);
        await using var nodeB = NpgsqlDataSource.Create(_connectionString);
        var a = Daemon(nodeA);
        var b = Daemon(nodeB);
        await Task.WhenAll(a.RunOnceAsync(CancellationToken.None), b.RunOnceAsync(CancellationToken.None));
        await a.ReleaseAsync();
        await b.ReleaseAsync();
        await Task.WhenAll(a.RunOnceAsync(CancellationToken.None), b.RunOnceAsync(CancellationToken.None));
        await a.ReleaseAsync();
        await b.ReleaseAsync();
        Assert.Equal(61, await Scalar("select events from projections.event_counts where tenant_id = 'osdorp'"));
    }

    [Fact]
    public async Task An_unknown_event_type_stops_the_projection_there_and_says_so()
    {
        await AppendPartners("osdorp", 3);
        await _store.AppendAsync("osdorp", "mystery", "x", ExpectedVersion.Any, [new EventData(Guid.NewGuid(), "future.thing", 1, "{}", EventMetadata.None)]);
        await AppendPartners("osdorp", 2, offset: 3);

        var daemon = Daemon(_dataSource);
        await daemon.RunOnceAsync(CancellationToken.None);
        await daemon.ReleaseAsync();

        Assert.Equal(4, await Scalar("select count(*) from projections.timeline where tenant_id = 'osdorp'"));
        await using var cmd = _dataSource.CreateCommand("select status, error from ledger.checkpoints where consumer = 'timeline' and tenant_id = 'osdorp'");
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("failed", reader.GetString(0));
        Assert.Contains("future.thing", reader.GetString(1), StringComparison.Ordinal);
        Assert.Contains("position 5", reader.GetString(1), StringComparison.Ordinal);
    }
}
