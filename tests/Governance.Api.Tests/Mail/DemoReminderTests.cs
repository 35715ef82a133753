using Governance.Api.Tests.Alliances;
using Governance.Api.Demo;
using Governance.Api.Presentation;
using NodaTime;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Mail;

/// <summary>
/// Issue 14, last paragraph: the demo story, seeded as `ops/run` seeds it (no scheduled messages: `seed demo` runs without a
/// host), sends its reminders through the mail catcher when the simulated clock moves past them, as the Demo environment does
/// (<c>Governance:Sweeper:OnClockMove</c>). One server for the class.
/// </summary>
[RunsLong(30)]
public sealed class DemoReminderTests : IAsyncLifetime
{
    private SmtpListener _smtp = null!;
    private GovernanceServer _server = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpListener.StartAsync();
        _server = await GovernanceServer.StartAsync(builder =>
        {
            MailServer.SendsTo(_smtp.Port)(builder);
            builder.Configuration["Governance:Sweeper:OnClockMove"] = "true";
        }, "--clock", "simulated");
        await ActivatorUtilities.CreateInstance<DemoSeed>(_server.Services).SeedAsync(CancellationToken.None);
        (_admin, _) = await _server.SystemAdminAsync();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Moving_the_demo_clock_a_week_on_mails_the_police_its_promise_reminder_with_the_days_left_and_no_reminder_for_a_passed_deadline()
    {
        var today = (await Get(_admin, "/api/v1/dev/clock")).GetProperty("now").GetDateTimeOffset();
        var day = Instant.FromDateTimeOffset(today).InZone(Amsterdam).Date;
        await Ok(Post(_admin, "/api/v1/dev/clock", """{"advance":"P8D"}"""));

        // The police promised the patrol schedule, due in 14 days (R19: moved once). Its 7-day reminder (09:00, 7 days before) was
        // passed by the move: it goes now, to the police's representative, saying the 6 days really left.
        const string What = "De politie deelt het rooster van de avondsurveillance rond het winkelcentrum.";
        var mails = await _smtp.AllWithinAsync(TimeSpan.FromSeconds(15));
        var patrol = Assert.Single(mails, m => m.Message.Subject == $"Herinnering: belofte ‘{What}’ uiterlijk {DutchFormat.Date(day.PlusDays(14))}");
        Assert.Equal(["politie@osdorp.example"], patrol.Recipients);
        Assert.Contains("Beste Ruben Kok,", patrol.Text, StringComparison.Ordinal);
        Assert.Contains($"Politie Nieuw-West heeft beloofd: ‘{What}’.", patrol.Text, StringComparison.Ordinal);
        Assert.Contains("Dat is over 6 dagen.", patrol.Text, StringComparison.Ordinal);
        Assert.Contains("/allianties/osdorp-de-punt/beloftes/", patrol.Text, StringComparison.Ordinal);

        // The coming meeting (in 16 days) had its agenda (R3, 15 days before) and document (R2, 14 days before) deadlines within
        // the week the clock jumped: passed, so no reminder for them (the missed-deadline notice tells it instead).
        Assert.DoesNotContain(mails, m => m.Message.Subject!.StartsWith("Herinnering: agendapunten", StringComparison.Ordinal)
            || m.Message.Subject.StartsWith("Herinnering: stukken", StringComparison.Ordinal));

        // Moving on a little sends nothing again.
        await Ok(Post(_admin, "/api/v1/dev/clock", """{"advance":"PT1H"}"""));
        Assert.DoesNotContain(await _smtp.AllWithinAsync(TimeSpan.FromSeconds(4)), m => m.Message.Subject!.StartsWith("Herinnering: belofte", StringComparison.Ordinal)
            && m.Recipients.Contains("politie@osdorp.example"));
    }
}
