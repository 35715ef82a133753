using System.Net;
using System.Text;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Api.Mail;
using Governance.Api.Tests.Auth;
using Governance.Domain;
using NodaTime;
using Wolverine;

namespace Governance.Api.Tests.Mail;

/// <summary>
/// Issue 14 §4, §5: a mail goes through Wolverine to a real SMTP server over a socket (MailKit), with a plain-text and an
/// HTML part, the link to the page, and RFC 8058 one-click unsubscribe headers whose link works without signing in;
/// a failing mail server is tried again and shows in /health while commands go on.
/// </summary>
[RunsLong(28)]
public sealed class MailDeliveryTests
{
    private static readonly MailText Reminder = MailTexts.PromiseReminder("osdorp-de-punt", "bankjes-repareren", "Stadsdeel Nieuw-West",
        "De bankjes bij de speeltuin repareren", new LocalDate(2026, 3, 13), 7);

    private static Task SendAsync(GovernanceServer server, PersonId person, MailKind kind, MailText text) =>
        server.Services.GetRequiredService<IMessageBus>().PublishAsync(new SendMail(person.Value, kind.Id, text)).AsTask();

    [Fact]
    public async Task A_reminder_arrives_by_smtp_with_the_recipient_dutch_text_link_and_one_click_unsubscribe_headers()
    {
        await using var smtp = await SmtpListener.StartAsync();
        await using var server = await GovernanceServer.StartAsync(MailServer.SendsTo(smtp.Port));
        var account = await server.CreateAccountAsync("sanne@stadsdeel.test");

        await SendAsync(server, account.Person, MailKinds.Reminders, Reminder);
        var mail = await smtp.NextAsync();

        Assert.Equal(["sanne@stadsdeel.test"], mail.Recipients);
        Assert.Equal("sanne@stadsdeel.test", Assert.Single(mail.Message.To.Mailboxes).Address);
        Assert.Equal("logboek@wijkalliantie.test", Assert.Single(mail.Message.From.Mailboxes).Address);
        Assert.Equal("Herinnering: belofte ‘De bankjes bij de speeltuin repareren’ uiterlijk vrijdag 13 maart 2026", mail.Message.Subject);
        Assert.Contains("Stadsdeel Nieuw-West heeft beloofd: ‘De bankjes bij de speeltuin repareren’. Dat moet uiterlijk vrijdag 13 maart 2026 klaar zijn. Dat is over 7 dagen.",
            mail.Text, StringComparison.Ordinal);
        var link = new Uri(server.BaseAddress, "/allianties/osdorp-de-punt/beloftes/bankjes-repareren").AbsoluteUri;
        Assert.Contains($"Naar de belofte: {link}", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{link}\">Naar de belofte</a>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("uiterlijk vrijdag 13 maart 2026", mail.Html, StringComparison.Ordinal);
        Assert.Equal("auto-generated", mail.Header("Auto-Submitted"));

        // RFC 8058: an https-or-http URI in angle brackets, and the one-click POST body named in List-Unsubscribe-Post.
        Assert.Equal("List-Unsubscribe=One-Click", mail.Header("List-Unsubscribe-Post"));
        var unsubscribe = mail.Header("List-Unsubscribe")!.Trim();
        Assert.Matches("^<http://127\\.0\\.0\\.1:[0-9]+/afmelden\\?t=[A-Za-z0-9_%-]+>$", unsubscribe);
        Assert.Contains(unsubscribe[1..^1], mail.Text, StringComparison.Ordinal);

        // The mail program posts, without a cookie or an antiforgery token; the person is off this kind from then on.
        using var anonymous = server.CreateClient();
        using (var posted = await anonymous.PostAsync(new Uri(unsubscribe[1..^1]),
                   new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded")))
        {
            var page = await posted.Content.ReadAsStringAsync();
            Assert.True(posted.StatusCode == HttpStatusCode.OK, $"{posted.StatusCode}: {page}");
            Assert.Contains("U bent afgemeld. U krijgt geen e-mails meer over: Herinneringen voor een termijn.", page, StringComparison.Ordinal);
        }
        var preferences = server.Services.GetRequiredService<MailPreferences>();
        Assert.Equal(MailDelivery.Off, await preferences.DeliveryAsync(account.Person, MailKinds.Reminders, default));
        Assert.Equal(MailDelivery.Immediate, await preferences.DeliveryAsync(account.Person, MailKinds.Missed, default));

        // Another reminder is not sent; a mail of another kind still is.
        await SendAsync(server, account.Person, MailKinds.Reminders, Reminder);
        await SendAsync(server, account.Person, MailKinds.Missed, Reminder with { Subject = "Andere soort" });
        var after = await smtp.AllWithinAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["Andere soort"], after.Select(m => m.Message.Subject));
    }

    [Fact]
    public async Task Opening_the_unsubscribe_link_only_asks_and_a_damaged_link_says_so_in_dutch()
    {
        await using var server = await GovernanceServer.StartAsync();
        var account = await server.CreateAccountAsync("yusuf@ymere.test");
        var link = server.Services.GetRequiredService<UnsubscribeTokens>().Link(server.BaseAddress, account.Person, MailKinds.Disputes);
        using var anonymous = server.CreateClient();

        using (var opened = await anonymous.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
            Assert.Contains("Wilt u geen e-mails meer krijgen over: Geschillen?", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var preferences = server.Services.GetRequiredService<MailPreferences>();
        Assert.Equal(MailDelivery.Immediate, await preferences.DeliveryAsync(account.Person, MailKinds.Disputes, default));

        var damaged = new Uri(link.AbsoluteUri[..^4]);
        using (var refused = await anonymous.PostAsync(damaged, new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Deze afmeldlink werkt niet.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(MailDelivery.Immediate, await preferences.DeliveryAsync(account.Person, MailKinds.Disputes, default));
    }

    [Fact]
    public async Task An_erased_person_gets_no_mail_that_was_queued_for_them()
    {
        await using var smtp = await SmtpListener.StartAsync();
        await using var server = await GovernanceServer.StartAsync(MailServer.SendsTo(smtp.Port));
        var erased = await server.CreateAccountAsync("weg@example.test");
        var kept = await server.CreateAccountAsync("blijft@example.test");
        await server.Services.GetRequiredService<MailPreferences>().SetAsync(erased.Person, MailKinds.Missed, MailDelivery.Immediate, default);
        Assert.True(await server.Services.GetRequiredService<PeopleStore>().EraseAsync(erased.Person));

        await SendAsync(server, erased.Person, MailKinds.Reminders, Reminder);
        await SendAsync(server, kept.Person, MailKinds.Reminders, Reminder);

        var arrived = await smtp.AllWithinAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["blijft@example.test"], arrived.SelectMany(m => m.Recipients));
        await using var db = server.CreateDataSource();
        await using var cmd = db.CreateCommand("select count(*) from app.mail_preferences where person_id = $1");
        cmd.Parameters.Add(new() { Value = erased.Person.Value });
        Assert.Equal(0L, await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_failing_mail_server_is_tried_again_shows_in_health_and_never_holds_up_a_command()
    {
        var port = SmtpListener.FreePort();   // nothing listens there yet: the mail server is down
        await using var server = await GovernanceServer.StartAsync(MailServer.SendsTo(port, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)));
        var account = await server.CreateAccountAsync("geduld@example.test");
        using var admin = (await Alliances.SignedInClients.SystemAdminAsync(server)).Client;
        using var anonymous = server.CreateClient();

        await SendAsync(server, account.Person, MailKinds.Reminders, Reminder);
        var health = await WaitForMailStatusAsync(anonymous, "failing");
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal("up", health.GetProperty("database").GetString());
        Assert.Contains("SocketException", health.GetProperty("mail").GetProperty("lastError").GetString(), StringComparison.Ordinal);

        // A command does not wait for the mail server.
        var started = DateTime.UtcNow;
        using (var created = await admin.PostAsync(new Uri("/api/v1/alliances", UriKind.Relative), new StringContent(
                   """{"id":"osdorp-de-punt","name":"Wijkalliantie Osdorp de Punt","neighbourhood":"Osdorp"}""", Encoding.UTF8, "application/json")))
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));

        // The server comes back: the mail waiting in the durable inbox goes out at its next attempt.
        await using var smtp = await SmtpListener.StartAsync(port);
        var mail = await smtp.NextAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["geduld@example.test"], mail.Recipients);
        await WaitForMailStatusAsync(anonymous, "ok");
    }

    private static async Task<JsonElement> WaitForMailStatusAsync(HttpClient client, string status)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        JsonElement body;
        do
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (body.GetProperty("mail").GetProperty("status").GetString() == status) return body;
            await Task.Delay(200);
        } while (DateTime.UtcNow < until);
        Assert.Fail($"/health never said mail {status}: {body}");
        return body;
    }
}
