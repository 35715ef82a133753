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

    private async Task ThreeMeetingsOfStadsdeelItems()
    {
        // Three meetings in March, each with two Stadsdeel decision items proposed 20 days ahead, one with its document 12 days ahead.
        for (var n = 0; n < 3; n++)
        {
            var m = $"meeting-2026-03-{10 + n}";
            var start = Start.PlusDays(n);
            Clock.Now = start.InZoneLeniently(Amsterdam).ToDateTimeOffset().AddDays(-30);
            await Decide(m, new ScheduleMeeting(MeetingId.Parse(m), MeetingKind.AllianceMeeting, start, start.PlusHours(2), "Buurthuis De Punt", WorkingAgreements.Default, Now));
            Clock.Now = start.InZoneLeniently(Amsterdam).ToDateTimeOffset().AddDays(-20);
            await Decide(m, new ProposeAgendaItem(AgendaItemId.Parse("verkeer"), Stadsdeel, "Verkeersveiligheid", AgendaItemKind.Decision, null, Now));
            await Decide(m, new ProposeAgendaItem(AgendaItemId.Parse("groen"), Stadsdeel, "Groen op het plein", AgendaItemKind.Decision, null, Now));
            Clock.Now = start.InZoneLeniently(Amsterdam).ToDateTimeOffset().AddDays(-12);
            await Decide(m, new ShareDocument(DocumentId.Parse("verkeersplan"), AgendaItemId.Parse("verkeer"), Stadsdeel, "Verkeersplan",
                DocumentPurpose.DecisionOrDiscussion, Digest(1), 1024, "doc-1", Now));
        }
        await CatchUpAsync();
    }

    private async Task<List<string>> StoredDeadlines()
    {
        await using var cmd = DataSource.CreateCommand("select tenant_id || ' ' || id || ' ' || data::text from marten.mt_doc_meetingdeadlinedocument order by tenant_id, id");
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    [Fact]
    public async Task Counts_are_counted_in_the_database_and_the_deadlines_behind_them_come_a_page_at_a_time()
    {
        await ThreeMeetingsOfStadsdeelItems();
        var queries = new PunctualityQueries(Documents);
        var (from, to) = (Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0));
        // Judged one day before the first meeting: every deadline has passed.
        var now = Start.InZoneLeniently(Amsterdam).ToInstant() - Duration.FromDays(1);

        var all = await queries.ForPartnerAsync(Tenant, Stadsdeel.Value, from, to, now, CancellationToken.None);
        // Per meeting and item: R3 on time (20 days ahead); the plan's R2 and the traffic item's R7 late (12 days ahead); the
        // green item's R2 and R7 missing (it has no document).
        Assert.Equal(18, all.Deadlines.Count);
        Assert.Equal((6, 6, 6, 0, 0), (all.Met, all.Late, all.Missed, all.Waived, all.Pending));
        Assert.Equal(6, all.Deadlines.Count(d => d.Status == "on-time"));   // the SQL counts agree with the rows' own statuses
        Assert.Equal(6, all.Deadlines.Count(d => d.Status == "late"));
        Assert.Equal(6, all.Deadlines.Count(d => d.Status == "missing"));

        var (page, total) = await queries.ForPartnerAsync(Tenant, Stadsdeel.Value, from, to, now, 5, 5, CancellationToken.None);
        Assert.Equal((18L, 6, 6, 6), (total, page.Met, page.Late, page.Missed));   // counts cover the period, not the page
        Assert.Equal(all.Deadlines.Skip(5).Take(5), page.Deadlines);
        var (last, lastTotal) = await queries.DeadlinesAsync(Tenant, Stadsdeel.Value, from, to, now, 15, 5, CancellationToken.None);
        Assert.Equal(all.Deadlines.Skip(15), last);
        Assert.Equal(18, lastTotal);

        var overview = await queries.OverviewAsync(Tenant, [Stadsdeel.Value, Ymere.Value], from, to, now, 4, CancellationToken.None);
        Assert.Equal(all.Deadlines.Take(4), overview[Stadsdeel.Value].Deadlines);
        Assert.Equal((6, 6, 6), (overview[Stadsdeel.Value].Met, overview[Stadsdeel.Value].Late, overview[Stadsdeel.Value].Missed));
        Assert.Empty(overview[Ymere.Value].Deadlines);

        // Judged long before: what is open is pending, and the titles name what each deadline is about.
        var early = await queries.ForPartnerAsync(Tenant, Stadsdeel.Value, from, to, Instant.FromUtc(2026, 1, 1, 0, 0), CancellationToken.None);
        Assert.Equal((6, 6, 0, 6), (early.Met, early.Late, early.Missed, early.Pending));
        Assert.Equal("Verkeersplan", early.Deadlines.First(d => d.Subject == "document verkeersplan").SubjectTitle);
        Assert.Equal("Groen op het plein", early.Deadlines.First(d => d.Subject == "item groen").SubjectTitle);
    }

    [Fact]
    public async Task Upcoming_deadlines_come_a_page_at_a_time_soonest_first()
    {
        await ThreeMeetingsOfStadsdeelItems();
        var queries = new PunctualityQueries(Documents);
        var now = Instant.FromUtc(2026, 1, 1, 0, 0);
        var until = now + Duration.FromDays(365);
        var all = await queries.UpcomingAsync(Tenant, now, until, CancellationToken.None);
        // Open only: R1 per meeting (the secretary's draft agenda), and the green item's R2 and R7.
        Assert.Equal(9, all.Count);
        Assert.Equal(all.OrderBy(d => d.DueAt).Select(d => d.DueAt), all.Select(d => d.DueAt));
        var (page, total) = await queries.UpcomingAsync(Tenant, now, until, 3, 3, CancellationToken.None);
        Assert.Equal(9, total);
        Assert.Equal(all.Skip(3).Take(3), page);
    }

    [Fact]
    public async Task A_rebuild_of_the_deadlines_writes_the_same_documents()
    {
        await ThreeMeetingsOfStadsdeelItems();
        var before = await StoredDeadlines();
        Assert.NotEmpty(before);
        using (var daemon = await Documents.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync("meeting-deadlines", TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.Equal(before, await StoredDeadlines());
    }
}
