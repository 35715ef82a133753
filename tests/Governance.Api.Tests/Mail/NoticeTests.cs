using Governance.Api.Auth;
using Governance.Api.Mail;
using Governance.Api.Tests.Commitments;
using Governance.Domain;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Mail;

/// <summary>
/// Issue 14 §2: people hear by mail what happened that they follow — a promise overdue or reported not possible (R10), a
/// dispute raised (R12) — once, after the event is recorded, and only when they did not switch that kind off.
/// </summary>
public sealed class NoticeTests(MailServerFixture shared) : MailWorldTests(shared), IClassFixture<MailServerFixture>
{
    [Fact]
    public async Task R10_an_overdue_promise_is_news_for_the_partners_representatives_and_the_core_group_once()
    {
        await World.PromiseBenchesAsync((await World.TodayAsync()).PlusDays(1));
        await World.AdvanceAsync("P3D");
        await Ok(Post(World.Admin, $"{Base}/commitments/bankjes-repareren/overdue-check"));
        await Ok(Post(World.Admin, $"{Base}/commitments/bankjes-repareren/overdue-check"));   // nothing new: no second mail

        var mails = await Smtp.ArrivingAsync(2);
        Assert.Equal(new[] { await AddressOfAsync(World.StadsdeelPerson), await AddressOfAsync(World.CoreGroupPerson) }.Order(),
            mails.SelectMany(m => m.Recipients).Order());
        Assert.All(mails, m => Assert.Equal("Belofte niet op tijd: ‘De bankjes bij de speeltuin repareren’", m.Message.Subject));
        Assert.Contains("Dat is niet gelukt: de belofte is te laat.", mails[0].Text, StringComparison.Ordinal);
        Assert.Contains($"/allianties/{Osdorp}/beloftes/bankjes-repareren", mails[0].Text, StringComparison.Ordinal);
        // Its kind is "missed": the unsubscribe link in it switches that kind off, not the reminders.
        Assert.Contains(MailKinds.Missed.Reason, mails[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R10_a_promise_reported_not_possible_tells_the_core_group_the_reason_unless_they_switched_it_off()
    {
        await World.PromiseBenchesAsync((await World.TodayAsync()).PlusDays(10));
        await World.PromiseBenchesAsync((await World.TodayAsync()).PlusDays(10), "plein-vegen");
        await Ok(Post(World.Stadsdeel, $"{Base}/commitments/bankjes-repareren/not-possible", """{"motivation":"Geen budget dit jaar"}"""));
        var mail = await Smtp.NextAsync();
        Assert.Equal([await AddressOfAsync(World.CoreGroupPerson)], mail.Recipients);
        Assert.Equal("Belofte lukt niet: ‘De bankjes bij de speeltuin repareren’", mail.Message.Subject);
        Assert.Contains("De reden die Stadsdeel Nieuw-West geeft: ‘Geen budget dit jaar’", mail.Text, StringComparison.Ordinal);

        await World.Server.Services.GetRequiredService<MailPreferences>().SetAsync(World.CoreGroupPerson, MailKinds.Missed, MailDelivery.Off, default);
        await Ok(Post(World.Stadsdeel, $"{Base}/commitments/plein-vegen/not-possible", """{"motivation":"Ook geen budget"}"""));
        Assert.Empty(await Smtp.AllWithinAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task R12_a_raised_dispute_is_news_for_the_core_group_and_the_escalation_contact()
    {
        await World.PromiseBenchesAsync((await World.TodayAsync()).PlusDays(1));
        await Ok(Post(World.CoreGroup, $"{Base}/escalations",
            """{"id":"bankjes","subject":{"kind":"conduct","reference":null},"reason":"Afspraken worden niet nagekomen"}"""));

        var mails = await Smtp.ArrivingAsync(2);
        Assert.Equal(new[] { await AddressOfAsync(World.CoreGroupPerson), await AddressOfAsync(World.ContactPerson) }.Order(),
            mails.SelectMany(m => m.Recipients).Order());
        Assert.All(mails, m => Assert.Equal("Nieuw geschil: ‘Afspraken worden niet nagekomen’", m.Message.Subject));
        Assert.Contains("Het geschil begint bij stap 1: elkaar direct aanspreken.", mails[0].Text, StringComparison.Ordinal);
    }
}
