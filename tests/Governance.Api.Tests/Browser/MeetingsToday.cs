using Governance.Api.Auth;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.EventStore;
using Governance.Projections.Alliances;
using NodaTime;

namespace Governance.Api.Tests.Browser;

/// <summary>Meetings held today on the demo alliance, set up with domain commands, for the pages the chair uses at the table.</summary>
internal static class MeetingsToday
{
    private static readonly AllianceId Osdorp = AllianceId.Parse(AllianceServer.Alliance);
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    /// <summary>The agenda item of every meeting made here.</summary>
    public static readonly AgendaItemId Item = AgendaItemId.Parse("buurtplein");

    /// <summary>
    /// A meeting started half an hour ago with the decision item "Inrichting buurtplein" from BCOP, accepted, its
    /// information period waived by BCOP's Fatima Yilmaz (R7), opened, and six partners' representatives present
    /// (none when <paramref name="withTable"/> is false).
    /// </summary>
    public static async Task<MeetingId> OpenAsync(AllianceServer demo, string slug, bool withTable = true)
    {
        var services = demo.Server.Services;
        var pipeline = services.CreateScope().ServiceProvider.GetRequiredService<Governance.Api.Commands.CommandBus>();
        var accounts = services.GetRequiredService<AccountService>();
        var alliance = (await services.GetRequiredService<AllianceQueries>().GetAsync(Osdorp))!;
        var chair = (await accounts.FindByEmailAsync("dagvoorzitter@osdorp.example"))!.Value;
        var meeting = MeetingId.Parse(slug);
        var metadata = new EventMetadata(chair.Value, "chair", "decision-page-test");
        var start = SystemClock.Instance.GetCurrentInstant().InZone(Amsterdam).LocalDateTime.PlusMinutes(-30);
        start = start.Date.At(new LocalTime(start.Hour, start.Minute));

        Task Do(Func<Instant, MeetingCommand> command) =>
            pipeline.HandleAsync(Meeting.Decider, Osdorp.Value, meeting.StreamId, command, metadata, null, CancellationToken.None);

        await Do(now => new ScheduleMeeting(meeting, MeetingKind.AllianceMeeting, start, start.PlusHours(2), "Buurtkamer De Punt", alliance.Agreements, now));
        await Do(now => new ProposeAgendaItem(Item, PartnerId.Parse("bcop"), "Inrichting buurtplein", AgendaItemKind.Decision, null, now));
        await Do(now => new AcceptAgendaItem(Item, now));
        var fatima = (await accounts.FindByEmailAsync("bewoner@osdorp.example"))!.Value;
        await Do(now => new WaiveInformationPeriod(Item, fatima, PartnerId.Parse("bcop"), PartnerBody.Residents,
            "De bewoners kennen het plan uit de buurtavond en willen nu besluiten.", now));
        await Do(now => new OpenMeeting(now));
        if (!withTable) return meeting;
        foreach (var email in new[] { "bewoner@osdorp.example", "ymere@osdorp.example", "stadsdeel@osdorp.example", "eigenwijks@osdorp.example", "woon@osdorp.example", "politie@osdorp.example" })
        {
            var person = (await accounts.FindByEmailAsync(email))!.Value;
            var seat = alliance.Representatives.Single(r => r.Person == person);
            var body = alliance.Partner(seat.Partner)!.Body;
            await Do(now => new RecordAttendance(person, seat.Partner, body, now));
        }
        return meeting;
    }
}
