using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.EventStore;
using Microsoft.Playwright;
using NodaTime;
using Npgsql;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>The core group's "Termijnen" page on the demo alliance with two meetings of partner deadlines.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeadlinePageTests(BrowserFixture browser, AllianceServer demo, ITestOutputHelper output) : IClassFixture<AllianceServer>
{
    private async Task AddMeeting(string id, int daysAhead, params Func<Instant, MeetingCommand>[] commands)
    {
        var registry = demo.Server.Services.GetRequiredService<EventTypeRegistry>();
        var store = demo.Server.Services.GetRequiredService<PostgresEventStore>();
        var now = SystemClock.Instance.GetCurrentInstant();
        var start = now.Plus(Duration.FromDays(daysAhead)).InZone(Meeting.Zone).Date.At(new LocalTime(19, 30));
        var state = Meeting.Initial;
        var events = new List<MeetingEvent>();
        foreach (var command in commands.Prepend(n => new ScheduleMeeting(MeetingId.Parse(id), MeetingKind.AllianceMeeting, start, start.PlusHours(2),
                     "Buurthuis De Punt", WorkingAgreements.Default, n)))
        {
            var decided = Meeting.Decide(command(now), state);
            state = decided.Aggregate(state, Meeting.Evolve);
            events.AddRange(decided);
        }
        await store.AppendAsync(AllianceServer.Alliance, id, "meeting", ExpectedVersion.NoStream,
            [.. events.Select(e => registry.ToEventData(e, EventMetadata.None))]);
    }

    [Fact]
    public async Task The_core_group_sees_per_partner_what_was_late_and_what_is_due_in_the_next_three_weeks()
    {
        var stadsdeel = PartnerId.Parse("stadsdeel-nieuw-west");
        var ymere = PartnerId.Parse("ymere");
        var verkeer = AgendaItemId.Parse("verkeer");
        // In 5 days; the Stadsdeel's item and its information document come today: R3 (15 days) and R4 (7 days) late.
        await AddMeeting("meeting-verkeer", 5,
            n => new ProposeAgendaItem(verkeer, stadsdeel, "Verkeersveiligheid", AgendaItemKind.Information, null, n),
            n => new ShareDocument(DocumentId.Parse("verkeersplan"), verkeer, stadsdeel, "Verkeersplan", DocumentPurpose.InformationOnly,
                Sha256Digest.FromBytes(new byte[32]), 10, "doc-1", n));
        // In 16 days; Ymere's decision item is on time, its documents are due in 2 days.
        await AddMeeting("meeting-renovatie", 16,
            n => new ProposeAgendaItem(AgendaItemId.Parse("renovatie"), ymere, "Renovatie Meerwijk", AgendaItemKind.Decision, null, n));

        await using (var dataSource = demo.Server.CreateDataSource())
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await Count(dataSource) < 5 && DateTime.UtcNow < deadline) await Task.Delay(100);   // the daemon is async
        }

        await using var session = await demo.NewSessionAsync(browser, output);
        await session.SignInAsync(AllianceServer.Account("kerngroep@osdorp.example").Email, AllianceServer.Account("kerngroep@osdorp.example").Password);
        var response = await session.GotoAsync($"/allianties/{AllianceServer.Alliance}/termijnen");
        Assert.Equal(200, response.Status);
        var page = session.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Termijnen");

        var perPartner = page.GetByRole(AriaRole.Table, new() { Name = "Termijnen per partner: op tijd, te laat en ontbroken" });
        var stadsdeelRow = perPartner.GetByRole(AriaRole.Row).Filter(new() { HasText = "Stadsdeel Nieuw-West" });
        await Assertions.Expect(stadsdeelRow.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("2");   // "te laat": R3 and R4
        await stadsdeelRow.GetByText("Bekijk").ClickAsync();
        await Assertions.Expect(stadsdeelRow).ToContainTextAsync("te laat");

        var upcoming = page.GetByRole(AriaRole.Table, new() { Name = "Termijnen die binnenkort aflopen" });
        var ymereRow = upcoming.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ymere" }).Filter(new() { HasText = "R2" });
        await Assertions.Expect(ymereRow).ToContainTextAsync("nog open");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();
    }

    private static async Task<long> Count(NpgsqlDataSource dataSource)
    {
        await using var cmd = dataSource.CreateCommand("select count(*) from projections.meeting_deadlines where tenant_id = 'osdorp-de-punt'");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
