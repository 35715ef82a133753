using Governance.Api.Auth;
using NodaTime;
using Governance.Api.Tests.Commitments;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Mail;

/// <summary>
/// Issue 14 §5: when the demo's simulated clock moves past a reminder's moment, the reminder goes out then (the catch-up
/// sweep), once, however often the clock moves, saying the days really left; a reminder whose deadline has passed is not sent any more.
/// </summary>
public sealed class ReminderSweepTests : MailWorldTests
{
    /// <summary>Sends the reminders a clock move passed (as the demo does).</summary>
    protected override void Configure(WebApplicationBuilder builder) => builder.Configuration["Governance:Sweeper:OnClockMove"] = "true";

    [Fact]
    public async Task Moving_the_clock_past_a_reminder_sends_it_once_and_the_nearest_one_only()
    {
        // From 10:00 tomorrow (Amsterdam): days left are Amsterdam days, and a start late in the evening crossed midnight with
        // the hour moved below ("over 1 dag" where 2 were meant; it failed in a run at 23:10).
        var start = (await World.TodayAsync()).PlusDays(1).At(new LocalTime(10, 0)).InZoneStrictly(Amsterdam).ToInstant();
        await Ok(Post(World.Admin, "/api/v1/dev/clock", $$"""{"now":"{{start}}"}"""));
        var due = (await World.TodayAsync()).PlusDays(10);
        await World.PromiseBenchesAsync(due);
        var representative = (await World.Server.Services.GetRequiredService<PeopleStore>().GetAsync(World.StadsdeelPerson))!.Email!;

        await World.AdvanceAsync("P4D");   // past 09:00 seven days before the due day, not yet two days before
        var first = await Smtp.NextAsync();
        Assert.Equal([representative], first.Recipients);
        // The 7-day reminder, sent a day late: it says the six days really left.
        Assert.Contains("Dat is over 6 dagen.", first.Text, StringComparison.Ordinal);

        await World.AdvanceAsync("PT1H");
        Assert.Empty(await Smtp.AllWithinAsync(TimeSpan.FromSeconds(4)));

        await World.AdvanceAsync("P4D");   // now past the two-day moment
        var second = await Smtp.NextAsync();
        Assert.Contains("Dat is over 2 dagen.", second.Text, StringComparison.Ordinal);
        Assert.Empty(await Smtp.AllWithinAsync(TimeSpan.FromSeconds(3)));
    }
}
