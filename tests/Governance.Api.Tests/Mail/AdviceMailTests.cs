using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Mail;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Commitments;
using NodaTime;
using Wolverine;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Mail;

/// <summary>
/// Issue 14 §1–2 end to end, on one server for the class: a decision taken at a meeting is news for who attended it (R8); a
/// declined decision is advice to the partner (R9), whose representatives are reminded 7 and 2 days before the 28-day motivation
/// deadline; the motivation is news for the core group. And a reminder that comes late says the days really left, and none
/// comes once its deadline has passed. Each assertion is on the mail the real SMTP listener received.
/// </summary>
public sealed class AdviceMailTests(MailWorldFixture fixture) : IClassFixture<MailWorldFixture>
{
    private Commitments.PromiseWorld World => fixture.World;

    private string Base => World.Base;

    private AllianceId Osdorp => World.Osdorp;

    private static string Local(LocalDateTime t) => t.ToString("uuuu-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static bool About(ReceivedMail mail, string title) => mail.Message.Subject?.Contains(title, StringComparison.Ordinal) == true;

    /// <summary>
    /// A meeting 30 days ahead with a decision item of Stadsdeel's, its plan shared 20 days ahead (R2, R7), opened with BCOP's
    /// and Stadsdeel's representatives present, and BCOP's proposal <paramref name="id"/> about Stadsdeel adopted by consent (R8).
    /// </summary>
    private async Task<(string Proposal, LocalDateTime Start)> DecidedAsync(string id, string title)
    {
        var start = (await World.TodayAsync()).PlusDays(30).At(new LocalTime(19, 30));
        var meeting = $"{Base}/meetings/{id}";
        await Ok(Post(World.Chair, $"{Base}/meetings",
            $$"""{"id":"{{id}}","kind":"alliance-meeting","start":"{{Local(start)}}","end":"{{Local(start.PlusHours(2))}}","place":"Buurthuis De Tump"}"""));
        await Ok(Post(World.Stadsdeel, $"{meeting}/items", $$"""{"id":"punt","partner":"stadsdeel-nieuw-west","title":"{{title}}","kind":"decision"}"""));
        await Ok(Post(World.Chair, $"{meeting}/items/punt/acceptance"));
        await fixture.MoveClockToAsync(start.PlusDays(-20).InZoneStrictly(Amsterdam).ToInstant());
        using (var form = new MultipartFormDataContent
        {
            { new StringContent("plan"), "id" }, { new StringContent("punt"), "item" }, { new StringContent("stadsdeel-nieuw-west"), "partner" },
            { new StringContent("Plan"), "title" }, { new StringContent("decision-or-discussion"), "purpose" },
        })
        {
            var file = new ByteArrayContent([1, 2, 3, 4]);
            file.Headers.ContentType = new("application/pdf");
            form.Add(file, "file", "plan.pdf");
            await Ok(World.Stadsdeel.PostAsync(new Uri($"{meeting}/documents", UriKind.Relative), form));
        }
        await fixture.MoveClockToAsync(start.InZoneStrictly(Amsterdam).ToInstant());
        await Ok(Post(World.Chair, $"{meeting}/opening"));
        await Ok(Post(World.Chair, $"{meeting}/attendance", $$"""{"person":"{{fixture.BcopPerson}}","partner":"bcop"}"""));
        await Ok(Post(World.Chair, $"{meeting}/attendance", $$"""{"person":"{{World.StadsdeelPerson}}","partner":"stadsdeel-nieuw-west"}"""));
        await Ok(Post(fixture.Bcop, $"{Base}/proposals",
            $$"""{"id":"{{id}}","meeting":"{{id}}","item":"punt","title":"{{title}}","text":"Zo doen we het.","partner":"bcop","concerns":["stadsdeel-nieuw-west"]}"""));
        var proposal = $"{Base}/proposals/{id}";
        await Ok(Post(World.Chair, $"{proposal}/consent-round"));
        await Ok(Post(World.Chair, $"{proposal}/consent"));
        return (proposal, start);
    }

    private async Task<List<(DateTimeOffset At, string Body)>> ScheduledRemindersAsync(string stream, string rule)
    {
        await using var dataSource = World.Server.CreateDataSource();
        await using var cmd = dataSource.CreateCommand("""
            select execution_time, body from wolverine.wolverine_incoming_envelopes
            where status = 'Scheduled' and message_type like '%ReminderDue%' order by execution_time
            """);
        var rows = new List<(DateTimeOffset, string)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var body = System.Text.Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(1));
            if (body.Contains($"\"{stream}\"", StringComparison.Ordinal) && body.Contains($"\"{rule}\"", StringComparison.Ordinal))
                rows.Add((reader.GetFieldValue<DateTimeOffset>(0), body));
        }
        return rows;
    }

    private Task Remind(ReminderDue reminder) =>
        World.Server.Services.GetRequiredService<IMessageBus>().InvokeForTenantAsync(Osdorp.Value, reminder);

    [Fact]
    public async Task R8_a_decision_taken_at_a_meeting_is_news_for_the_people_who_attended_it()
    {
        const string Title = "Bankjes op het Osdorpplein";
        var (proposal, start) = await DecidedAsync("besluit-bankjes", Title);

        var mails = await fixture.MailsAsync(m => About(m, Title), 2);
        // BCOP's and Stadsdeel's representatives were there; the core group and Ymere were not.
        Assert.Equal(new[] { await fixture.AddressOfAsync(fixture.BcopPerson), await fixture.AddressOfAsync(World.StadsdeelPerson) }.Order(),
            mails.SelectMany(m => m.Recipients).Order());
        Assert.All(mails, m => Assert.Equal($"Besluit: ‘{Title}’", m.Message.Subject));
        var mail = mails[0];
        Assert.Contains($"U was bij de vergadering ‘Wijkalliantievergadering {DutchFormat.Date(start.Date)}’. Over ‘{Title}’ is besloten: aangenomen met consent.",
            mail.Text, StringComparison.Ordinal);
        Assert.Contains(new Uri(World.Server.BaseAddress, "/allianties/osdorp-de-punt/besluiten/besluit-bankjes").AbsoluteUri, mail.Text, StringComparison.Ordinal);
        Assert.Contains(MailKinds.Decisions.Reason, mail.Text, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Header("List-Unsubscribe-Post"));
        Assert.Contains("<a href=", mail.Html, StringComparison.Ordinal);
        Assert.Empty(await fixture.MatchingWithinAsync(m => About(m, Title), TimeSpan.FromSeconds(3)));
        Assert.Equal("adopted", (await Get(World.Stadsdeel, proposal)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task R9_declined_advice_is_news_for_the_partner_which_is_reminded_7_and_2_days_before_its_motivation_is_due_and_the_motivation_is_news_for_the_core_group()
    {
        const string Title = "Avondverlichting Tussen Meer";
        var (proposal, _) = await DecidedAsync("besluit-verlichting", Title);
        await fixture.MailsAsync(m => About(m, Title), 2);   // the decision (R8), as above
        var stadsdeel = await fixture.AddressOfAsync(World.StadsdeelPerson);

        await Ok(Post(World.Stadsdeel, $"{proposal}/advice", """{"partner":"stadsdeel-nieuw-west","reason":"Geen budget dit jaar"}"""));
        var advice = Assert.Single((await Get(World.Stadsdeel, proposal)).GetProperty("advice").EnumerateArray());
        var due = Instant.FromDateTimeOffset(advice.GetProperty("due").GetDateTimeOffset());

        // R9: advice to the partner, to its representatives only.
        var notice = Assert.Single(await fixture.MailsAsync(m => About(m, Title), 1));
        Assert.Equal([stadsdeel], notice.Recipients);
        Assert.Equal($"Advies aan Stadsdeel Nieuw-West: ‘{Title}’", notice.Message.Subject);
        Assert.Contains("De reden: ‘Geen budget dit jaar’. Daarom is het besluit nu een advies aan Stadsdeel Nieuw-West.", notice.Text, StringComparison.Ordinal);
        Assert.Contains($"Dat moet {MailTexts.By(due)} (werkafspraak R9).", notice.Text, StringComparison.Ordinal);
        Assert.Contains(new Uri(World.Server.BaseAddress, "/allianties/osdorp-de-punt/advies").AbsoluteUri, notice.Text, StringComparison.Ordinal);

        // Two reminders stored with the decline, 7 and 2 days before the deadline at the same clock time.
        DateTimeOffset Before(int days) => due.InZone(Amsterdam).LocalDateTime.PlusDays(-days).InZoneLeniently(Amsterdam).ToDateTimeOffset();
        var scheduled = (await ScheduledRemindersAsync("proposal-besluit-verlichting", "R9")).Select(r => r.At).ToList();
        Assert.Equal(2, scheduled.Count);
        Assert.True(Math.Abs((scheduled[0] - Before(7)).TotalMilliseconds) < 1 && Math.Abs((scheduled[1] - Before(2)).TotalMilliseconds) < 1,
            $"scheduled at {string.Join(", ", scheduled)}, expected {Before(7)} and {Before(2)}");

        // The 7-day reminder at its moment: to Stadsdeel's representative, in Dutch, with the deadline and the page to act on.
        await fixture.MoveClockToAsync(Instant.FromDateTimeOffset(Before(7)));
        await Remind(new ReminderDue(Osdorp.Value, "proposal-besluit-verlichting", "advice-motivations", "R9", due.ToDateTimeOffset(), 7));
        var reminder = Assert.Single(await fixture.MailsAsync(m => About(m, Title), 1));
        Assert.Equal([stadsdeel], reminder.Recipients);
        Assert.Equal($"Herinnering: motivatie voor ‘{Title}’ {MailTexts.By(due)}", reminder.Message.Subject);
        Assert.Contains($"Stadsdeel Nieuw-West voert het besluit ‘{Title}’ niet uit. Daarom is het besluit nu een advies aan Stadsdeel Nieuw-West.",
            reminder.Text, StringComparison.Ordinal);
        Assert.Contains($"Stadsdeel Nieuw-West moet schriftelijk uitleggen waarom. Dat moet {MailTexts.By(due)}. Dat is over 7 dagen.", reminder.Text, StringComparison.Ordinal);
        Assert.Contains("Motivatie geven: " + new Uri(World.Server.BaseAddress, "/allianties/osdorp-de-punt/advies").AbsoluteUri, reminder.Text, StringComparison.Ordinal);
        Assert.Contains(MailKinds.Reminders.Reason, reminder.Text, StringComparison.Ordinal);
        Assert.StartsWith("<", reminder.Header("List-Unsubscribe"), StringComparison.Ordinal);

        // The motivation: news for the core group; the 2-day reminder then finds it given and sends nothing.
        await Ok(Post(World.Stadsdeel, $"{proposal}/advice/stadsdeel-nieuw-west/motivation", """{"motivation":"Het budget gaat naar de scholen.","followsAdvice":false}"""));
        var received = Assert.Single(await fixture.MailsAsync(m => About(m, Title), 1));
        Assert.Equal([await fixture.AddressOfAsync(World.CoreGroupPerson)], received.Recipients);
        Assert.Equal($"Motivatie ontvangen van Stadsdeel Nieuw-West: ‘{Title}’", received.Message.Subject);
        Assert.Contains("Stadsdeel Nieuw-West volgt het advies niet.", received.Text, StringComparison.Ordinal);
        Assert.Contains("De motivatie kwam op tijd (werkafspraak R9).", received.Text, StringComparison.Ordinal);
        Assert.Contains(MailKinds.Advice.Reason, received.Text, StringComparison.Ordinal);

        await fixture.MoveClockToAsync(Instant.FromDateTimeOffset(Before(2)));
        await Remind(new ReminderDue(Osdorp.Value, "proposal-besluit-verlichting", "advice-motivations", "R9", due.ToDateTimeOffset(), 2));
        Assert.Empty(await fixture.MatchingWithinAsync(m => About(m, Title), TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public async Task A_reminder_that_comes_late_says_the_days_really_left_and_none_comes_after_its_deadline()
    {
        var today = await World.TodayAsync();
        var due = today.PlusDays(20);
        async Task Promise(string id, string what) => await Ok(Post(World.Stadsdeel, $"{Base}/commitments",
            $$"""{"id":"{{id}}","owner":"stadsdeel-nieuw-west","what":"{{what}}","due":"{{Iso(due)}}","source":{"kind":"decision","reference":"speeltuin-2026"} }"""));
        await Promise("laat-een", "Het hek bij de moestuin maken");
        await Promise("laat-twee", "De lantaarn bij de school maken");
        await Promise("laat-drie", "Het pad bij de vijver vegen");
        ReminderDue Reminder(string id, int days) => new(Osdorp.Value, $"commitment-{id}", "commitments", "R10", Commitment.DueAt(due).ToDateTimeOffset(), days);
        Task At(LocalDate day) => fixture.MoveClockToAsync(day.At(new LocalTime(12, 0)).InZoneStrictly(Amsterdam).ToInstant());
        async Task<ReceivedMail> Single(string what) => Assert.Single(await fixture.MailsAsync(m => About(m, what), 1));

        // Four days before the due day (the 7-day moment long passed, a node was down): "over 4 dagen", not "over 7 dagen".
        await At(due.PlusDays(-4));
        await Remind(Reminder("laat-een", 7));
        Assert.Contains("Dat is over 4 dagen.", (await Single("Het hek bij de moestuin maken")).Text, StringComparison.Ordinal);

        // The day before: the 7-day reminder that comes now is covered by the 2-day one (whose moment passed too), which says "morgen".
        await At(due.PlusDays(-1));
        await Remind(Reminder("laat-twee", 7));
        await Remind(Reminder("laat-twee", 2));
        var tomorrow = await Single("De lantaarn bij de school maken");
        Assert.Contains($"Dat moet {MailTexts.By(due)} klaar zijn. Dat is morgen.", tomorrow.Text, StringComparison.Ordinal);

        // On the due day itself: "vandaag".
        await At(due);
        await Remind(Reminder("laat-drie", 2));
        Assert.Contains("Dat is vandaag.", (await Single("Het pad bij de vijver vegen")).Text, StringComparison.Ordinal);

        // After the due day the deadline has passed: the missed-deadline notice tells it, no reminder.
        await At(due.PlusDays(1));
        await Remind(Reminder("laat-een", 2));
        await Remind(Reminder("laat-twee", 7));
        Assert.Empty(await fixture.MatchingWithinAsync(m => m.Message.Subject!.StartsWith("Herinnering", StringComparison.Ordinal), TimeSpan.FromSeconds(4)));
    }
}
