using Governance.Api.Auth;
using Governance.Api.Mail;
using Governance.Api.Tests.Commitments;
using Governance.Domain.Commitments;
using NodaTime;
using Wolverine;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Mail;

/// <summary>
/// Issue 14 §1: reminders before a deadline are durable Wolverine messages stored with the event that set the deadline
/// (7 and 2 days before a promise's due date, R10; 3 days before a dispute step's, R12), moved with it (R19), checked when
/// they come (a kept promise gets no reminder) and mailed once to the representatives of the partner who must act, also
/// when two nodes deliver the same reminder.
/// </summary>
[RunsLong(30)]
public sealed class ReminderTests(MailServerFixture shared) : MailWorldTests(shared), IClassFixture<MailServerFixture>
{
    private async Task<List<(DateTimeOffset At, byte[] Body)>> ScheduledRemindersAsync()
    {
        await using var dataSource = World.Server.CreateDataSource();
        await using var cmd = dataSource.CreateCommand("""
            select execution_time, body from wolverine.wolverine_incoming_envelopes
            where status = 'Scheduled' and message_type like '%ReminderDue%' and position(convert_to($1, 'UTF8') in body) > 0
            order by execution_time
            """);
        // The reminders of this test's alliance (the server is the class's): the stored message names it, quoted.
        cmd.Parameters.AddWithValue($"\"{Osdorp}\"");
        var rows = new List<(DateTimeOffset, byte[])>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<byte[]>(1)));
        return rows;
    }


    private ReminderDue PromiseReminder(LocalDate due, int daysBefore) =>
        new(Osdorp.Value, "commitment-bankjes-repareren", "commitments", "R10", Commitment.DueAt(due).ToDateTimeOffset(), daysBefore);

    private static Instant NineOClock(LocalDate day) => day.At(new LocalTime(9, 0)).InZoneLeniently(Amsterdam).ToInstant();

    [Fact]
    public async Task R10_a_promise_stores_reminders_7_and_2_days_before_its_due_date_and_R19_a_new_date_stores_new_ones()
    {
        var due = (await World.TodayAsync()).PlusDays(20);
        await World.PromiseBenchesAsync(due);
        Assert.Equal([NineOClock(due.PlusDays(-7)).ToDateTimeOffset(), NineOClock(due.PlusDays(-2)).ToDateTimeOffset()],
            (await ScheduledRemindersAsync()).Select(r => r.At));

        await Ok(Post(World.Stadsdeel, $"{Base}/commitments/bankjes-repareren/renegotiation",
            $$"""{"newDue":"{{Iso(due.PlusDays(7))}}","reason":"Onderdelen zijn later"}"""));
        Assert.Equal(
            new[] { due.PlusDays(-7), due.PlusDays(-2), due, due.PlusDays(5) }.Select(d => NineOClock(d).ToDateTimeOffset()),
            (await ScheduledRemindersAsync()).Select(r => r.At));
        // No personal data in the stored message: ids and moments, not the representative's address.
        var address = System.Text.Encoding.UTF8.GetBytes(await AddressOfAsync(World.StadsdeelPerson));
        Assert.All(await ScheduledRemindersAsync(), r => Assert.Equal(-1, r.Body.AsSpan().IndexOf(address)));
    }

    [Fact]
    public async Task A_reminder_delivered_by_two_nodes_at_once_mails_each_representative_of_the_partner_once()
    {
        // Due in 7 days: the 7-day reminder, handled now, says what it would at its moment.
        var due = (await World.TodayAsync()).PlusDays(7);
        await World.PromiseBenchesAsync(due);
        await using var second = await GovernanceServer.StartOnDatabaseAsync(World.Server.ConnectionString, MailServer.SendsTo(SmtpPort), "--clock", "simulated");
        await World.SetClockOfAsync(second);   // the days left are counted on the clock of the node that wins

        var message = PromiseReminder(due, 7);
        var buses = new[] { World.Server, second }.Select(s => s.Services.GetRequiredService<IMessageBus>()).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => buses[i % 2].InvokeForTenantAsync(Osdorp.Value, message)));

        var mails = await Smtp.ArrivingAsync(1);
        var mail = Assert.Single(mails);
        // Stadsdeel's representative, not Ymere's, not the core group.
        Assert.Equal([await AddressOfAsync(World.StadsdeelPerson)], mail.Recipients);
        Assert.Equal($"Herinnering: belofte ‘De bankjes bij de speeltuin repareren’ uiterlijk {Governance.Api.Presentation.DutchFormat.Date(due)}", mail.Message.Subject);
        Assert.Contains("Stadsdeel Nieuw-West heeft beloofd: ‘De bankjes bij de speeltuin repareren’.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Dat is over 7 dagen.", mail.Text, StringComparison.Ordinal);
        // The link names the site of whichever node sent it: either may win the race.
        Assert.Contains(new[] { World.Server, second }, s => mail.Text.Contains(
            new Uri(s.BaseAddress, $"/allianties/{Osdorp}/beloftes/bankjes-repareren").AbsoluteUri, StringComparison.Ordinal));
        Assert.Equal("List-Unsubscribe=One-Click", mail.Header("List-Unsubscribe-Post"));
    }

    [Fact]
    public async Task No_reminder_goes_out_for_a_kept_promise_nor_for_a_date_that_was_renegotiated_away()
    {
        var due = (await World.TodayAsync()).PlusDays(20);
        await World.PromiseBenchesAsync(due);
        await World.PromiseBenchesAsync(due, "plein-vegen");
        await Ok(Post(World.Stadsdeel, $"{Base}/commitments/plein-vegen/fulfilment", """{"evidence":"Geveegd"}"""));
        await Ok(Post(World.Stadsdeel, $"{Base}/commitments/bankjes-repareren/renegotiation",
            $$"""{"newDue":"{{Iso(due.PlusDays(7))}}","reason":"Onderdelen zijn later"}"""));
        var bus = World.Server.Services.GetRequiredService<IMessageBus>();

        await bus.InvokeForTenantAsync(Osdorp.Value, PromiseReminder(due, 7) with { Stream = "commitment-plein-vegen" });   // kept
        await bus.InvokeForTenantAsync(Osdorp.Value, PromiseReminder(due, 7));                                               // moved (R19)
        Assert.Empty(await Smtp.AllWithinAsync(TimeSpan.FromSeconds(4)));

        await bus.InvokeForTenantAsync(Osdorp.Value, PromiseReminder(due.PlusDays(7), 2));                                  // the date in force
        var mail = await Smtp.NextAsync();
        Assert.Contains($"uiterlijk {Governance.Api.Presentation.DutchFormat.Date(due.PlusDays(7))}", mail.Message.Subject, StringComparison.Ordinal);
        // Handled long before its moment, it says the days really left (AdviceMailTests: a late one does too).
        Assert.Contains("Dat is over 27 dagen.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R12_a_dispute_step_stores_a_reminder_3_days_before_its_deadline_and_mails_the_people_on_the_dispute()
    {
        await World.PromiseBenchesAsync((await World.TodayAsync()).PlusDays(1));
        await World.AdvanceAsync("P5D");
        await Ok(Post(World.Admin, $"{Base}/commitments/bankjes-repareren/overdue-check"));
        await Ok(Post(World.CoreGroup, $"{Base}/escalations",
            """{"id":"bankjes","subject":{"kind":"overdue-commitment","reference":"bankjes-repareren"},"reason":"De bankjes zijn nog steeds kapot"}"""));
        var dispute = (await Get(World.CoreGroup, $"{Base}/escalations/bankjes")).GetProperty("escalation");
        var respondBy = Instant.FromDateTimeOffset(dispute.GetProperty("nextDeadline").GetDateTimeOffset());

        var threeDaysBefore = respondBy.InZone(Amsterdam).LocalDateTime.PlusDays(-3).InZoneLeniently(Amsterdam).ToInstant().ToDateTimeOffset();
        // PostgreSQL keeps microseconds; the deadline was computed from a moment with ticks.
        Assert.Contains(await ScheduledRemindersAsync(), r => Math.Abs((r.At - threeDaysBefore).TotalMilliseconds) < 1);

        // The notices about the overdue promise and the new dispute come first (NoticeTests); then the reminder alone.
        Assert.DoesNotContain(await Smtp.AllWithinAsync(TimeSpan.FromSeconds(5)), m => m.Message.Subject!.StartsWith("Herinnering", StringComparison.Ordinal));
        await World.Server.Services.GetRequiredService<IMessageBus>().InvokeForTenantAsync(Osdorp.Value,
            new ReminderDue(Osdorp.Value, "escalation-bankjes", "escalation-steps", "R12", respondBy.ToDateTimeOffset(), 3));
        var mails = await Smtp.ArrivingAsync(2);
        // Who raised it (the core group) and the alliance's escalation contact.
        Assert.Equal(new[] { await AddressOfAsync(World.CoreGroupPerson), await AddressOfAsync(World.ContactPerson) }.Order(),
            mails.SelectMany(m => m.Recipients).Order());
        Assert.All(mails, m => Assert.Equal($"Herinnering: geschil, stap 1: reageer {MailTexts.By(respondBy)}", m.Message.Subject));
        Assert.Contains("Het geschil is nu bij stap 1: elkaar direct aanspreken.", mails[0].Text, StringComparison.Ordinal);
    }
    [Fact]
    public async Task R2_and_R3_a_meeting_stores_document_and_agenda_reminders_and_mails_the_partner_that_brings_the_item()
    {
        var start = (await World.TodayAsync()).PlusDays(30).At(new LocalTime(19, 30));
        string Local(LocalDateTime t) => t.ToString("uuuu-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await Ok(Post(World.Chair, $"{Base}/meetings",
            $$"""{"id":"verkeer","kind":"alliance-meeting","start":"{{Local(start)}}","end":"{{Local(start.PlusHours(2))}}","place":"Buurthuis De Tump"}"""));
        await Ok(Post(World.Stadsdeel, $"{Base}/meetings/verkeer/items",
            """{"id":"verkeersveiligheid","partner":"stadsdeel-nieuw-west","title":"Verkeersveiligheid Osdorpplein","kind":"decision"}"""));

        // R2: 14 days before the start, R3: 15 days before; each reminded 7 and 2 days before that, at the same clock time.
        var startsAt = start.InZoneLeniently(Amsterdam);
        DateTimeOffset Before(int days) => startsAt.LocalDateTime.PlusDays(-days).InZoneLeniently(Amsterdam).ToDateTimeOffset();
        Assert.Equal([Before(22), Before(21), Before(17), Before(16)], (await ScheduledRemindersAsync()).Select(r => r.At));

        var bus = World.Server.Services.GetRequiredService<IMessageBus>();
        var documentsDue = startsAt.LocalDateTime.PlusDays(-14).InZoneLeniently(Amsterdam).ToInstant();
        await bus.InvokeForTenantAsync(Osdorp.Value, new ReminderDue(Osdorp.Value, "meeting-verkeer", "meeting-deadlines", "R2", documentsDue.ToDateTimeOffset(), 7));
        var documents = await Smtp.NextAsync();
        Assert.Equal([await AddressOfAsync(World.StadsdeelPerson)], documents.Recipients);
        Assert.Equal($"Herinnering: stukken voor ‘Wijkalliantievergadering {Governance.Api.Presentation.DutchFormat.Date(start.Date)}’ {MailTexts.By(documentsDue)}",
            documents.Message.Subject);
        Assert.Contains("Uw organisatie brengt agendapunt ‘Verkeersveiligheid Osdorpplein’ in.", documents.Text, StringComparison.Ordinal);

        var agendaDue = startsAt.LocalDateTime.PlusDays(-15).InZoneLeniently(Amsterdam).ToInstant();
        await bus.InvokeForTenantAsync(Osdorp.Value, new ReminderDue(Osdorp.Value, "meeting-verkeer", "meeting-deadlines", "R3", agendaDue.ToDateTimeOffset(), 2));
        var agenda = await Smtp.ArrivingAsync(2);
        Assert.Equal(2, agenda.Count);   // every partner's representative: Stadsdeel's and Ymere's
        Assert.Contains(agenda, m => m.Recipients.Contains(documents.Recipients[0]));
        // Handled now, 15 days before the agenda deadline: the text says the days really left.
        Assert.All(agenda, m => Assert.Contains($"Meld het {MailTexts.By(agendaDue)} aan. Dat is over 15 dagen.", m.Text, StringComparison.Ordinal));
    }
    [Fact]
    public async Task A_reminder_scheduled_by_a_node_that_stops_is_mailed_once_by_the_other_node()
    {
        var due = (await World.TodayAsync()).PlusDays(20);
        await World.PromiseBenchesAsync(due);

        // A second node schedules the reminder a moment from now (wall clock) and stops before it comes; the outbox keeps it.
        var other = await GovernanceServer.StartOnDatabaseAsync(World.Server.ConnectionString, MailServer.SendsTo(SmtpPort), "--clock", "simulated");
        await other.Services.GetRequiredService<IMessageBus>().ScheduleAsync(PromiseReminder(due, 7), DateTimeOffset.UtcNow.AddSeconds(2),
            new DeliveryOptions { TenantId = Osdorp.Value });
        await other.DisposeAsync();

        var mail = await Smtp.NextAsync(TimeSpan.FromSeconds(90));
        Assert.Equal([await AddressOfAsync(World.StadsdeelPerson)], mail.Recipients);
        Assert.Empty(await Smtp.AllWithinAsync(TimeSpan.FromSeconds(4)));
    }
}
