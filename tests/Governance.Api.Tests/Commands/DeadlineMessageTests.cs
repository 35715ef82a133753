using Governance.Api.Commands;
using Governance.Api.Tests.Commitments;
using Governance.Domain;
using Governance.Domain.Commitments;
using NodaTime;
using Wolverine;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Commands;

/// <summary>
/// Issue 11 §4: a due moment becomes a durable Wolverine message, stored with the event that set it; at that moment one
/// node records the passed deadline, once, also when another node delivers the same message, or the node that
/// scheduled it is gone.
/// </summary>
public sealed class DeadlineMessageTests(SimulatedClockServer shared) : IClassFixture<SimulatedClockServer>, IAsyncLifetime
{
    private PromiseWorld _world = null!;

    private string Base => _world.Base;

    private AllianceId Osdorp => _world.Osdorp;

    public async Task InitializeAsync() => _world = await PromiseWorld.FoundAsync(shared.Server);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<List<(DateTimeOffset At, string Type)>> ScheduledAsync()
    {
        await using var dataSource = _world.Server.CreateDataSource();
        await using var cmd = dataSource.CreateCommand(
            "select execution_time, message_type from wolverine.wolverine_incoming_envelopes where status = 'Scheduled' "
            + "and position(convert_to($1, 'UTF8') in body) > 0 order by execution_time");
        // The messages of this test's alliance (the server is the class's): the stored message names it, quoted.
        cmd.Parameters.AddWithValue($"\"{Osdorp}\"");
        var rows = new List<(DateTimeOffset, string)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1)));
        return rows;
    }

    private async Task<int> OverdueEventsAsync()
    {
        var promise = (await Get(_world.Anonymous, $"{Base}/commitments/bankjes-repareren")).GetProperty("commitment");
        return promise.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("type").GetString() == "commitment.became-overdue");
    }

    [Fact]
    public async Task Making_a_promise_stores_a_message_for_its_due_moment_and_renegotiating_stores_one_for_the_new_moment()
    {
        var due = (await _world.TodayAsync()).PlusDays(3);
        await _world.PromiseBenchesAsync(due);
        var scheduled = await ScheduledAsync();
        var first = Assert.Single(scheduled);
        Assert.Equal(Commitment.DueAt(due).ToDateTimeOffset(), first.At);   // R10: 00:00 of the next day in Amsterdam
        Assert.Contains("DeadlineDue", first.Type, StringComparison.Ordinal);

        // R19: a new date moves the deadline; the old message finds nothing to record when it comes.
        await Ok(Post(_world.Stadsdeel, $"{Base}/commitments/bankjes-repareren/renegotiation",
            $$"""{"newDue":"{{Iso(due.PlusDays(7))}}","reason":"Onderdelen zijn later"}"""));
        Assert.Equal([Commitment.DueAt(due).ToDateTimeOffset(), Commitment.DueAt(due.PlusDays(7)).ToDateTimeOffset()],
            (await ScheduledAsync()).Select(s => s.At));
    }

    [Fact]
    public async Task A_deadline_message_delivered_by_two_nodes_at_once_records_the_overdue_promise_once()
    {
        await _world.PromiseBenchesAsync((await _world.TodayAsync()).PlusDays(1));
        await using var second = await GovernanceServer.StartOnDatabaseAsync(_world.Server.ConnectionString, null, "--clock", "simulated");
        await _world.AdvanceAsync("P3D");
        await _world.SetClockOfAsync(second);

        var message = new DeadlineDue(Osdorp.Value, "commitment-bankjes-repareren", "commitments");
        var buses = new[] { _world.Server, second }.Select(s => s.Services.GetRequiredService<IMessageBus>()).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => buses[i % 2].InvokeForTenantAsync<CommandResult>(Osdorp.Value, message)));

        Assert.Equal(1, await OverdueEventsAsync());
    }

    [Fact]
    public async Task A_deadline_scheduled_by_a_node_that_stops_is_delivered_once_by_the_other_node()
    {
        await _world.PromiseBenchesAsync((await _world.TodayAsync()).PlusDays(1));
        await using var second = await GovernanceServer.StartOnDatabaseAsync(_world.Server.ConnectionString, null, "--clock", "simulated");
        // Each node has its own simulated clock: both move past the due moment, whichever delivers the message.
        await _world.AdvanceAsync("P3D");
        await _world.SetClockOfAsync(second);

        // A third node schedules the promise's deadline a moment from now (wall clock) and stops before it comes.
        var third = await GovernanceServer.StartOnDatabaseAsync(_world.Server.ConnectionString, null, "--clock", "simulated");
        await third.Services.GetRequiredService<IMessageBus>().ScheduleAsync(new DeadlineDue(Osdorp.Value, "commitment-bankjes-repareren", "commitments"),
            DateTimeOffset.UtcNow.AddSeconds(2), new DeliveryOptions { TenantId = Osdorp.Value });
        await third.DisposeAsync();

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await OverdueEventsAsync() == 0 && DateTime.UtcNow < deadline) await Task.Delay(500);
        await Task.Delay(2000);   // had two nodes delivered it, the second would be in by now
        Assert.Equal(1, await OverdueEventsAsync());
    }
}
