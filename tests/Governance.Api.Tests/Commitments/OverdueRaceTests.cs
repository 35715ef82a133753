using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Commitments;

/// <summary>
/// What a sweeper relies on: the overdue commands are idempotent and the pipeline's expected-version append makes two
/// app nodes racing on one database leave exactly one event per passed deadline.
/// </summary>
public sealed class OverdueRaceTests : IAsyncLifetime
{
    private PromiseWorld _world = null!;

    public async Task InitializeAsync() => _world = await PromiseWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Two_nodes_sending_the_overdue_commands_at_once_leave_one_event_per_passed_deadline()
    {
        await _world.PromiseBenchesAsync((await _world.TodayAsync()).PlusDays(1));
        await Ok(Post(_world.CoreGroup, $"{Base}/escalations",
            """{"id":"bankjes","subject":{"kind":"overdue-commitment","reference":"bankjes-repareren"},"reason":"Kapot"}"""));
        await using var second = await GovernanceServer.StartOnDatabaseAsync(_world.Server.ConnectionString, null, "--clock", "simulated");
        using var admin2 = second.CreateClient();
        admin2.DefaultRequestHeaders.Authorization = _world.Admin.DefaultRequestHeaders.Authorization;
        await _world.AdvanceAsync("P15D");
        await Ok(Post(admin2, "/api/v1/dev/clock", """{"advance":"P15D"}"""));

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
}
