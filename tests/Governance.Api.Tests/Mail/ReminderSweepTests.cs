using Governance.Api.Auth;
using Governance.Api.Tests.Commitments;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Mail;

/// <summary>
/// Issue 14 §5: when the demo's simulated clock moves past a reminder's moment, the reminder goes out then (the catch-up
/// sweep), once, however often the clock moves; a reminder whose deadline has passed is not sent any more.
/// </summary>
public sealed class ReminderSweepTests : IAsyncLifetime
{
    private SmtpListener _smtp = null!;
    private PromiseWorld _world = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpListener.StartAsync();
        _world = await PromiseWorld.StartAsync(builder =>
        {
            MailServer.SendsTo(_smtp.Port)(builder);
            builder.Configuration["Governance:Sweeper:OnClockMove"] = "true";
        });
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Moving_the_clock_past_a_reminder_sends_it_once_and_the_nearest_one_only()
    {
        var due = (await _world.TodayAsync()).PlusDays(10);
        await _world.PromiseBenchesAsync(due);
        var representative = (await _world.Server.Services.GetRequiredService<PeopleStore>().GetAsync(_world.StadsdeelPerson))!.Email!;

        await _world.AdvanceAsync("P4D");   // past 09:00 seven days before the due day, not yet two days before
        var first = await _smtp.NextAsync();
        Assert.Equal([representative], first.Recipients);
        Assert.Contains("Dat is over 7 dagen.", first.Text, StringComparison.Ordinal);

        await _world.AdvanceAsync("PT1H");
        Assert.Empty(await _smtp.AllWithinAsync(TimeSpan.FromSeconds(4)));

        await _world.AdvanceAsync("P4D");   // now past the two-day moment
        var second = await _smtp.NextAsync();
        Assert.Contains("Dat is over 2 dagen.", second.Text, StringComparison.Ordinal);
        Assert.Empty(await _smtp.AllWithinAsync(TimeSpan.FromSeconds(3)));
    }
}
