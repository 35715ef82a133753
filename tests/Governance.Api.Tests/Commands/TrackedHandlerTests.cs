using Governance.Api.Commands;
using Governance.Api.Tests.Commitments;
using Governance.Domain;
using Governance.Domain.Commitments;
using Wolverine;
using Wolverine.Tracking;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Commands;

/// <summary>
/// Issue 11 §8: the handlers seen through Wolverine's tracked sessions. A request's command runs as one
/// <see cref="ExecuteCommand"/> message whose handler schedules the deadline it set (R10) as a <see cref="DeadlineDue"/> for the
/// alliance's tenant; played at its moment, that message records the overdue promise once and nothing fails on the way.
/// </summary>
public sealed class TrackedHandlerTests(SimulatedClockServer shared) : IClassFixture<SimulatedClockServer>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);   // a busy two-core machine
    private PromiseWorld _world = null!;

    private string Base => _world.Base;

    private AllianceId Osdorp => _world.Osdorp;

    public async Task InitializeAsync() => _world = await PromiseWorld.FoundAsync(shared.Server);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private TrackedSessionConfiguration Track() => _world.Server.Services.TrackActivity(Patience);

    private async Task<int> OverdueEventsAsync()
    {
        var promise = (await Get(_world.Anonymous, $"{Base}/commitments/bankjes-repareren")).GetProperty("commitment");
        return promise.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("type").GetString() == "commitment.became-overdue");
    }

    [Fact]
    public async Task Making_a_promise_over_http_runs_one_command_message_that_schedules_its_due_moment_for_the_alliance()
    {
        var due = (await _world.TodayAsync()).PlusDays(3);

        var session = await Track().ExecuteAndWaitAsync((IMessageContext _) => _world.PromiseBenchesAsync(due));

        var executed = Assert.Single(session.Executed.MessagesOf<ExecuteCommand>());
        Assert.Equal(Osdorp.Value, executed.Tenant);
        Assert.Equal("commitment-bankjes-repareren", executed.Stream);
        var scheduled = Assert.Single(session.Scheduled.Envelopes(), e => e.Message is DeadlineDue);
        var message = (DeadlineDue)scheduled.Message!;
        Assert.Equal(("commitment-bankjes-repareren", "commitments"), (message.Stream, message.Kind));
        Assert.Equal(Osdorp.Value, scheduled.TenantId);
        Assert.Equal(Commitment.DueAt(due).ToDateTimeOffset(), scheduled.ScheduledTime);   // R10: 00:00 after the due day
        Assert.Empty(session.AllExceptions());
    }

    [Fact]
    public async Task The_scheduled_deadline_played_after_its_moment_records_the_overdue_promise_once()
    {
        var due = (await _world.TodayAsync()).PlusDays(1);
        var session = await Track().ExecuteAndWaitAsync((IMessageContext _) => _world.PromiseBenchesAsync(due));
        await _world.AdvanceAsync("P3D");

        await session.PlayScheduledMessagesAsync(Patience);
        Assert.Equal(1, await OverdueEventsAsync());

        // The same message once more (a retry, a second node): the handler finds the promise overdue already and records nothing.
        var again = await Track().ExecuteAndWaitAsync((IMessageContext context) =>
            context.InvokeForTenantAsync(Osdorp.Value, new DeadlineDue(Osdorp.Value, "commitment-bankjes-repareren", "commitments")));
        Assert.Single(again.Executed.MessagesOf<DeadlineDue>());
        Assert.Empty(again.AllExceptions());
        Assert.Equal(1, await OverdueEventsAsync());
    }

    [Fact]
    public async Task A_deadline_message_that_comes_before_its_moment_records_nothing_and_does_not_fail()
    {
        await _world.PromiseBenchesAsync((await _world.TodayAsync()).PlusDays(5));

        var session = await Track().ExecuteAndWaitAsync((IMessageContext context) =>
            context.InvokeForTenantAsync(Osdorp.Value, new DeadlineDue(Osdorp.Value, "commitment-bankjes-repareren", "commitments")));

        Assert.Single(session.Executed.MessagesOf<DeadlineDue>());
        Assert.Empty(session.AllExceptions());
        Assert.Equal(0, await OverdueEventsAsync());
    }
}
