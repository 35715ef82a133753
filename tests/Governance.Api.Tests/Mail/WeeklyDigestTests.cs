using Governance.Api.Auth;
using Governance.Api.Mail;
using Governance.Api.Tests.Commitments;
using Governance.Domain;
using Wolverine;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Mail;

/// <summary>
/// Issue 14 §3: the weekly digest — per partner what was promised, kept and broken, what is due in two weeks, the keep rate —
/// goes to the core group by default, once per Monday; mails someone chose to get "in het weekoverzicht" wait for it.
/// </summary>
public sealed class WeeklyDigestTests : MailWorldTests
{
    [Fact]
    public async Task The_core_group_gets_the_promise_overview_once_and_a_representative_gets_the_notice_they_kept_for_the_digest()
    {
        var today = await World.TodayAsync();
        await World.PromiseBenchesAsync(today.PlusDays(1));
        await World.PromiseBenchesAsync(today.PlusDays(10), "plein-vegen");
        await Ok(Post(World.Stadsdeel, $"{Base}/commitments/plein-vegen/fulfilment", """{"evidence":"Geveegd"}"""));
        await World.Server.Services.GetRequiredService<MailPreferences>().SetAsync(World.StadsdeelPerson, MailKinds.Missed, MailDelivery.Digest, default);
        await World.AdvanceAsync("P3D");
        await Ok(Post(World.Admin, $"{Base}/commitments/bankjes-repareren/overdue-check"));

        // The overdue notice: at once to the core group; kept for the digest for Stadsdeel's representative.
        var core = await AddressOfAsync(World.CoreGroupPerson);
        var stadsdeel = await AddressOfAsync(World.StadsdeelPerson);
        Assert.Equal([core], (await Smtp.ArrivingAsync(1)).SelectMany(m => m.Recipients));

        var bus = World.Server.Services.GetRequiredService<IMessageBus>();
        await bus.InvokeAsync(new WeeklyDigestDue("2030-01-07"));
        await bus.InvokeAsync(new WeeklyDigestDue("2030-01-07"));   // a second copy of Monday's message runs nothing
        var digests = await Smtp.ArrivingAsync(2);
        Assert.Equal(new[] { core, stadsdeel }.Order(), digests.SelectMany(m => m.Recipients).Order());
        Assert.All(digests, d => Assert.Equal("Weekoverzicht maandag 7 januari 2030", d.Message.Subject));

        var forCore = digests.Single(d => d.Recipients.Contains(core)).Text;
        Assert.Contains("Wijkalliantie Osdorp de Punt:", forCore, StringComparison.Ordinal);
        Assert.Contains("Stadsdeel Nieuw-West: deze week 2 beloofd, 1 nagekomen, 1 niet nagekomen. 0 moeten binnen twee weken klaar zijn. Op tijd nagekomen:",
            forCore, StringComparison.Ordinal);
        Assert.DoesNotContain("Ymere:", forCore, StringComparison.Ordinal);   // no promises, no line

        var forStadsdeel = digests.Single(d => d.Recipients.Contains(stadsdeel)).Text;
        Assert.DoesNotContain("Wijkalliantie Osdorp de Punt:", forStadsdeel, StringComparison.Ordinal);   // not in the core group, did not choose the overview
        Assert.Contains("– Belofte niet op tijd: ‘De bankjes bij de speeltuin repareren’ ("
            + new Uri(World.Server.BaseAddress, "/allianties/osdorp-de-punt/beloftes/bankjes-repareren").AbsoluteUri + ")", forStadsdeel, StringComparison.Ordinal);

        await using var db = World.Server.CreateDataSource();
        await using var cmd = db.CreateCommand("select count(*) from app.mail_digest_items");
        Assert.Equal(0L, await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public void The_digest_goes_on_monday_at_eight_in_amsterdam()
    {
        var sunday = NodaTime.Instant.FromUtc(2026, 3, 29, 12, 0);   // the day summer time starts
        Assert.Equal(new NodaTime.LocalDateTime(2026, 3, 30, 8, 0), WeeklyDigest.NextMonday(sunday).LocalDateTime);
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 3, 30, 6, 0), WeeklyDigest.NextMonday(sunday).ToInstant());
        var mondayNine = NodaTime.Instant.FromUtc(2026, 3, 30, 7, 0);
        Assert.Equal(new NodaTime.LocalDate(2026, 4, 6), WeeklyDigest.NextMonday(mondayNine).Date);
    }
}
