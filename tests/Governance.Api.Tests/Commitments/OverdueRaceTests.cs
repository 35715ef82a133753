using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Commitments;

/// <summary>
/// What a sweeper relies on: the overdue commands are idempotent and the pipeline's expected-version append makes two
/// app nodes racing on one database leave exactly one event per passed deadline.
/// </summary>
public sealed class OverdueRaceTests(SimulatedClockServer shared) : IClassFixture<SimulatedClockServer>, IAsyncLifetime
{
    private PromiseWorld _world = null!;

    private string Base => _world.Base;

    public async Task InitializeAsync() => _world = await PromiseWorld.FoundAsync(shared.Server);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    /// <summary>
    /// A promise due tomorrow and a dispute about it, then a second app node on the same database, and both nodes' clocks
    /// 15 days on: the promise is overdue and the dispute's first step (14 days) has passed.
    /// </summary>
    private async Task<GovernanceServer> PromiseAndDisputeFifteenDaysOnAsync()
    {
        await _world.PromiseBenchesAsync((await _world.TodayAsync()).PlusDays(1));
        await Ok(Post(_world.CoreGroup, $"{Base}/escalations",
            """{"id":"bankjes","subject":{"kind":"overdue-commitment","reference":"bankjes-repareren"},"reason":"Kapot"}"""));
        var second = await GovernanceServer.StartOnDatabaseAsync(_world.Server.ConnectionString, null, "--clock", "simulated");
        using var admin2 = second.CreateClient();
        admin2.DefaultRequestHeaders.Authorization = _world.Admin.DefaultRequestHeaders.Authorization;
        await _world.AdvanceAsync("P15D");
        await Ok(Post(admin2, "/api/v1/dev/clock", """{"advance":"P15D"}"""));
        return second;
    }

    [Fact]
    public async Task Two_nodes_sending_the_overdue_commands_at_once_leave_one_event_per_passed_deadline()
    {
        await using var second = await PromiseAndDisputeFifteenDaysOnAsync();
        using var admin2 = second.CreateClient();
        admin2.DefaultRequestHeaders.Authorization = _world.Admin.DefaultRequestHeaders.Authorization;

        var calls = Enumerable.Range(0, 8).SelectMany(i => new[]
        {
            Ok(Post(i % 2 == 0 ? _world.Admin : admin2, $"{Base}/commitments/bankjes-repareren/overdue-check")),
            Ok(Post(i % 2 == 0 ? admin2 : _world.Admin, $"{Base}/escalations/bankjes/overdue-check")),
        });
        await Task.WhenAll(calls);

        var promise = (await Get(_world.Anonymous, $"{Base}/commitments/bankjes-repareren")).GetProperty("commitment");
        Assert.Single(promise.GetProperty("history").EnumerateArray(), h => h.GetProperty("type").GetString() == "commitment.became-overdue");
        var dispute = await Get(_world.CoreGroup, $"{Base}/escalations/bankjes");
        Assert.Single(dispute.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("type").GetString() == "escalation.step-deadline-missed");
        Assert.Equal(2, dispute.GetProperty("escalation").GetProperty("step").GetInt32());
    }

    [Fact]
    public async Task Two_nodes_sweeping_at_once_record_each_passed_deadline_once_and_a_later_sweep_records_nothing()
    {
        await using var second = await PromiseAndDisputeFifteenDaysOnAsync();

        var sweepers = new[] { _world.Server, second }.Select(s => s.Services.GetRequiredService<Governance.Api.Sweeping.Sweeper>()).ToArray();
        var reports = await Task.WhenAll(sweepers.Concat(sweepers).Select(s => s.SweepAllAsync(CancellationToken.None)));
        // What the four passes say they recorded is what the ledger holds: no pass counted an event another one wrote.
        await using (var dataSource = _world.Server.CreateDataSource())
        {
            foreach (var (sweep, streamType) in new[] { ("commitments", "commitment"), ("escalation-steps", "escalation") })
            {
                await using var count = dataSource.CreateCommand("""
                    select count(*) from marten.mt_events where starts_with(stream_id, $1 || '-') and headers->>'role' = 'sweeper'
                    """);
                count.Parameters.Add(new() { Value = streamType });
                Assert.Equal((long)(await count.ExecuteScalarAsync())!, reports.Sum(r => r.Recorded[sweep]));
            }
        }
        Assert.Equal(0, (await sweepers[0].SweepAllAsync(CancellationToken.None)).Total);

        var promise = (await Get(_world.Anonymous, $"{Base}/commitments/bankjes-repareren")).GetProperty("commitment");
        Assert.Equal("overdue", promise.GetProperty("status").GetString());
        Assert.Single(promise.GetProperty("history").EnumerateArray(), h => h.GetProperty("type").GetString() == "commitment.became-overdue");
    }
}
