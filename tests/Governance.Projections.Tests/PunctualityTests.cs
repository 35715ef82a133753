using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.EventStore;
using Governance.Projections.Punctuality;
using NodaTime;

namespace Governance.Projections.Tests;

/// <summary>Partner punctuality (R2, R3) from the meeting deadlines the daemon keeps.</summary>
public sealed class PunctualityTests : ProjectionDatabase
{
    private const string Tenant = "osdorp-de-punt";
    private static readonly PartnerId Stadsdeel = PartnerId.Parse("stadsdeel-nieuw-west");
    private static readonly PartnerId Ymere = PartnerId.Parse("ymere");
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
    // Tuesday 10 March 2026, 19:30 in Amsterdam.
    private static readonly LocalDateTime Start = new(2026, 3, 10, 19, 30);

    private Instant Now => Instant.FromDateTimeOffset(Clock.GetUtcNow());

    private void At(int daysBefore, int hours = 0) =>
        Clock.Now = Start.InZoneLeniently(Amsterdam).ToDateTimeOffset().AddDays(-daysBefore).AddHours(hours);

    private async Task Decide(string meeting, MeetingCommand command)
    {
        var recorded = await Store.ReadStreamAsync(Tenant, meeting);
        var state = Meeting.Decider.Fold(recorded.Select(e => (MeetingEvent)e.Data));
        await Store.AppendAsync(Tenant, meeting, ExpectedVersion.Exact(recorded.Count),
            [.. Meeting.Decide(command, state).Select(e => new EventData(e, EventMetadata.None))]);
    }

    private static Sha256Digest Digest(byte b) => Sha256Digest.FromBytes(Enumerable.Repeat(b, 32).ToArray());

    private async Task<PartnerPunctuality> Punctuality(PartnerId partner, Instant now)
    {
        await CatchUpAsync();
        return await new PunctualityQueries(Documents).ForPartnerAsync(Tenant, partner.Value,
            Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0), now, CancellationToken.None);
    }

    [Fact]
    public async Task A_document_shared_12_days_ahead_is_late_for_its_partner_R2_and_an_item_10_days_ahead_is_late_R3()
    {
        const string m = "meeting-2026-03-10";
        At(30);
        await Decide(m, new ScheduleMeeting(MeetingId.Parse(m), MeetingKind.AllianceMeeting, Start, Start.PlusHours(2), "Buurthuis De Punt", WorkingAgreements.Default, Now));
        At(20);
        await Decide(m, new ProposeAgendaItem(AgendaItemId.Parse("verkeer"), Stadsdeel, "Verkeersveiligheid", AgendaItemKind.Decision, null, Now));
        At(12);
        await Decide(m, new ShareDocument(DocumentId.Parse("verkeersplan"), AgendaItemId.Parse("verkeer"), Stadsdeel, "Verkeersplan",
            DocumentPurpose.DecisionOrDiscussion, Digest(1), 1024, "doc-1", Now));
        At(10);
        await Decide(m, new ProposeAgendaItem(AgendaItemId.Parse("renovatie"), Ymere, "Renovatie", AgendaItemKind.Discussion, null, Now));

        var stadsdeel = await Punctuality(Stadsdeel, Now);
        var r2 = Assert.Single(stadsdeel.Deadlines, d => d.Rule == "R2");
        Assert.Equal("late", r2.Status);
        Assert.Equal(Start.InZoneLeniently(Amsterdam).ToInstant() - Duration.FromDays(14), r2.DueAt);   // R2: 14 days, civil time
        Assert.Equal("on-time", Assert.Single(stadsdeel.Deadlines, d => d.Rule == "R3").Status);
        // R7: the item's information was complete only 12 days ahead, so it is late for its proposer too.
        Assert.Equal("late", Assert.Single(stadsdeel.Deadlines, d => d.Rule == "R7").Status);
        Assert.Equal((1, 2, 0), (stadsdeel.Met, stadsdeel.Late, stadsdeel.Missed));

        var ymere = await Punctuality(Ymere, Now);
        Assert.Equal("late", Assert.Single(ymere.Deadlines, d => d.Rule == "R3").Status);
        // Ymere's discussion item has no document: its R2 moment (14 days ahead) has passed, so it is missing;
        // judged at a moment before that, the same row reads pending (open rows are judged at read time).
        Assert.Equal("missing", Assert.Single(ymere.Deadlines, d => d.Rule == "R2").Status);
        Assert.Equal(["R2", "R7"], ymere.Deadlines.Where(d => d.Status == "missing").Select(d => d.Rule).Order());   // R7: the information never came
        var earlier = await Punctuality(Ymere, Start.InZoneLeniently(Amsterdam).ToInstant() - Duration.FromDays(20));
        Assert.Equal("pending", Assert.Single(earlier.Deadlines, d => d.Rule == "R2").Status);
    }

    [Fact]
    public async Task A_reschedule_moves_every_deadline_and_the_projection_follows()
    {
        const string m = "meeting-2026-03-10";
        At(30);
        await Decide(m, new ScheduleMeeting(MeetingId.Parse(m), MeetingKind.AllianceMeeting, Start, Start.PlusHours(2), "Buurthuis De Punt", WorkingAgreements.Default, Now));
        await Decide(m, new ProposeAgendaItem(AgendaItemId.Parse("verkeer"), Stadsdeel, "Verkeersveiligheid", AgendaItemKind.Decision, null, Now));
        At(12);
        await Decide(m, new ShareDocument(DocumentId.Parse("verkeersplan"), AgendaItemId.Parse("verkeer"), Stadsdeel, "Verkeersplan",
            DocumentPurpose.DecisionOrDiscussion, Digest(1), 1024, "doc-1", Now));
        Assert.Equal("late", (await Punctuality(Stadsdeel, Now)).Deadlines.Single(d => d.Rule == "R2").Status);

        // R19 in spirit: the meeting moves a week later, so the same document is now 19 days ahead.
        await Decide(m, new RescheduleMeeting(Start.PlusDays(7), Start.PlusDays(7).PlusHours(2), "Buurthuis De Punt", "Zaal bezet", WorkingAgreements.Default, Now));
        Assert.Equal("on-time", (await Punctuality(Stadsdeel, Now)).Deadlines.Single(d => d.Rule == "R2").Status);
    }
}
