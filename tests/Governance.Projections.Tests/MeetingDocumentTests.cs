using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.EventStore;
using Governance.Projections.Meetings;
using NodaTime;

namespace Governance.Projections.Tests;

/// <summary>The inline meeting documents the lists read: what a row shows, kept with each append, rebuilt alike, paged in SQL.</summary>
public sealed class MeetingDocumentTests : ProjectionDatabase
{
    private const string Tenant = "osdorp-de-punt";
    private static readonly AllianceId Osdorp = AllianceId.Parse(Tenant);
    private static readonly PartnerId Stadsdeel = PartnerId.Parse("stadsdeel-nieuw-west");
    private static readonly PartnerId Bcop = PartnerId.Parse("bcop");
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    private Instant Now => Instant.FromDateTimeOffset(Clock.GetUtcNow());

    private async Task Decide(string meeting, MeetingCommand command)
    {
        var stream = MeetingId.Parse(meeting).StreamId;
        var recorded = await Store.ReadStreamAsync(Tenant, stream);
        var state = Meeting.Decider.Fold(recorded.Select(e => (MeetingEvent)e.Data));
        await Store.AppendAsync(Tenant, stream, ExpectedVersion.Exact(recorded.Count),
            [.. Meeting.Decide(command, state).Select(e => new EventData(e, EventMetadata.None))]);
    }

    private Task Schedule(string meeting, LocalDateTime start, MeetingKind kind = MeetingKind.AllianceMeeting) =>
        Decide(meeting, new ScheduleMeeting(MeetingId.Parse(meeting), kind, start, start.PlusHours(2), "Buurthuis De Punt", WorkingAgreements.Default, Now));

    private static Sha256Digest Digest(byte b) => Sha256Digest.FromBytes(Enumerable.Repeat(b, 32).ToArray());

    /// <summary>Three meetings in 2026 (one rescheduled, one cancelled, one with a deferred item and a document) and one in 2027.</summary>
    private async Task Planning()
    {
        // 6 January 2026 (the clock's start); every meeting is weeks ahead.
        await Schedule("maart", new LocalDateTime(2026, 3, 10, 19, 30));
        await Decide("maart", new ProposeAgendaItem(AgendaItemId.Parse("verkeer"), Stadsdeel, "Verkeersveiligheid", AgendaItemKind.Decision, null, Now));
        await Decide("maart", new ProposeAgendaItem(AgendaItemId.Parse("speelstraat"), Bcop, "Speelstraat", AgendaItemKind.Discussion, null, Now));
        await Decide("maart", new ShareDocument(DocumentId.Parse("verkeersplan"), AgendaItemId.Parse("verkeer"), Stadsdeel, "Verkeersplan",
            DocumentPurpose.DecisionOrDiscussion, Digest(1), 1024, "doc-1", Now));
        await Decide("maart", new DeferAgendaItem(AgendaItemId.Parse("speelstraat"), "Eerst de buurt vragen", null, Now));
        await Schedule("bewoners-april", new LocalDateTime(2026, 4, 14, 19, 30), MeetingKind.ResidentsMeeting);
        await Decide("bewoners-april", new AnnounceResidentsMeeting(AnnouncementChannel.Flyers, Now));
        await Schedule("februari", new LocalDateTime(2026, 2, 10, 19, 30));
        await Decide("februari", new RescheduleMeeting(new LocalDateTime(2026, 2, 17, 14, 0), new LocalDateTime(2026, 2, 17, 16, 0),
            "Stadsdeelkantoor", "Zaal bezet", WorkingAgreements.Default, Now));
        await Schedule("mei", new LocalDateTime(2026, 5, 12, 19, 30));
        await Decide("mei", new CancelMeeting("Geen agendapunten", Now));
        await Schedule("volgend-jaar", new LocalDateTime(2027, 1, 12, 19, 30));
    }

    private async Task<List<string>> StoredDocuments()
    {
        await using var cmd = DataSource.CreateCommand("select tenant_id || ' ' || id || ' ' || data::text from marten.mt_doc_meetingdocument order by tenant_id, id");
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    [Fact]
    public async Task Each_append_leaves_a_document_with_what_a_row_shows_and_the_deadlines_by_title()
    {
        await Planning();
        var queries = new MeetingQueries(Store);
        var docs = await queries.DocumentsAsync(Osdorp, [MeetingId.Parse("maart"), MeetingId.Parse("februari"), MeetingId.Parse("mei"), MeetingId.Parse("bewoners-april")]);

        var maart = docs[MeetingId.Parse("maart")];
        Assert.Equal(("meeting-maart", "planned", 5L), (maart.Id, maart.Status, maart.Version));
        Assert.Equal(new LocalDateTime(2026, 3, 10, 19, 30), maart.Start);
        Assert.Equal(2026, maart.Year);
        Assert.Equal(["speelstraat", "verkeer"], maart.Items.Select(i => i.Id.Value));   // proposed at the same moment: by id
        Assert.Equal([MeetingDocument.AnyMeeting], maart.DeferredTo);   // R3: the play street may come back at any meeting
        // The deadlines are the domain's own list (due moments in force), with the titles the calendar names them by.
        var folded = (await queries.GetAsync(Osdorp, MeetingId.Parse("maart")))!;
        var expected = MeetingDeadlines.Of(folded.State, Now).Checks;
        Assert.Equal(expected.Select(c => (c.Rule, c.Subject, c.DueAt.ToDateTimeOffset())), maart.Deadlines.Select(d => (d.Rule, d.Subject, d.DueAt)));
        Assert.Equal("Verkeersplan", Assert.Single(maart.Deadlines, d => d.Rule == "R2" && d.Document is not null).Title);
        // R3: 15 days before the start, in Amsterdam's civil time.
        Assert.Equal(new LocalDateTime(2026, 2, 23, 19, 30).InZoneLeniently(Amsterdam).ToDateTimeOffset(), maart.IntakeDueAt);

        var februari = docs[MeetingId.Parse("februari")];
        Assert.Equal((1, true), (februari.Reschedules, februari.DuringOfficeHours));   // R18: a Tuesday at 14:00
        Assert.Equal("Stadsdeelkantoor", februari.Place);

        var mei = docs[MeetingId.Parse("mei")];
        Assert.Equal(("cancelled", (LocalDateTime?)null, (string?)null), (mei.Status, mei.End, mei.Place));
        Assert.Null(mei.AsPlanned);   // R20 does not count a cancelled meeting
        Assert.True(docs[MeetingId.Parse("bewoners-april")].AnnouncedByFlyers);
    }

    [Fact]
    public async Task A_rebuild_through_the_daemon_writes_the_same_documents()
    {
        await Planning();
        var before = await StoredDocuments();
        Assert.Equal(5, before.Count);

        await using (var wipe = DataSource.CreateCommand("delete from marten.mt_doc_meetingdocument"))
            await wipe.ExecuteNonQueryAsync();
        using (var daemon = await Documents.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync(MeetingProjection.ProjectionName, TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal(before, await StoredDocuments());
    }

    [Fact]
    public async Task Lists_page_by_start_and_the_year_planning_reads_one_year()
    {
        await Planning();
        var queries = new MeetingQueries(Store);

        var (first, total) = await queries.PageAsync(Osdorp, null, 0, 2);
        Assert.Equal(5, total);
        Assert.Equal(["februari", "maart"], first.Select(d => d.Meeting));
        var (rest, _) = await queries.PageAsync(Osdorp, null, 2, 10);
        Assert.Equal(["bewoners-april", "mei", "volgend-jaar"], rest.Select(d => d.Meeting));
        var (year, inYear) = await queries.PageAsync(Osdorp, 2027, 0, 10);
        Assert.Equal((1L, "volgend-jaar"), (inYear, Assert.Single(year).Meeting));
        var (beyond, stillTotal) = await queries.PageAsync(Osdorp, null, 50, 10);
        Assert.Equal((0, 5L), (beyond.Count, stillTotal));

        Assert.Equal(["februari", "maart", "bewoners-april", "mei"], (await queries.YearAsync(Osdorp, 2026)).Select(d => d.Meeting));
        Assert.Equal([2026, 2027], await queries.YearsAsync(Osdorp));
    }

    [Fact]
    public async Task The_meeting_page_finds_later_planned_meetings_and_items_deferred_elsewhere_in_documents()
    {
        await Planning();
        var queries = new MeetingQueries(Store);

        var after = new LocalDateTime(2026, 3, 10, 19, 30).InZoneLeniently(Amsterdam).ToDateTimeOffset();
        // Planned only: the cancelled May meeting is no place to defer an item to.
        Assert.Equal(["bewoners-april", "volgend-jaar"], (await queries.PlannedAfterAsync(Osdorp, after, 10)).Select(d => d.Meeting));
        Assert.Equal(["bewoners-april"], (await queries.PlannedAfterAsync(Osdorp, after, 1)).Select(d => d.Meeting));
        Assert.Equal(["februari", "maart", "bewoners-april"], (await queries.PlannedAfterAsync(Osdorp, null, 3)).Select(d => d.Meeting));

        // R3: the play street, deferred to no meeting in particular, may come to any meeting; one deferred to a named
        // meeting only there.
        var deferred = Assert.Single(await queries.DeferredToAsync(Osdorp, MeetingId.Parse("volgend-jaar")));
        Assert.Equal("maart", deferred.Meeting);
        Assert.Equal("speelstraat", deferred.Items.Single(i => i.Status == AgendaItemStatus.Deferred).Id.Value);
        await Schedule("juni", new LocalDateTime(2026, 6, 9, 19, 30));
        await Decide("juni", new ProposeAgendaItem(AgendaItemId.Parse("bankjes"), Bcop, "Bankjes", AgendaItemKind.Discussion, null, Now));
        await Decide("juni", new DeferAgendaItem(AgendaItemId.Parse("bankjes"), "Eerst de bewoners", MeetingId.Parse("bewoners-april"), Now));
        Assert.Equal(["bewoners-april"], (await queries.DocumentsAsync(Osdorp, [MeetingId.Parse("juni")]))[MeetingId.Parse("juni")].DeferredTo);
        Assert.Equal(["maart", "juni"], (await queries.DeferredToAsync(Osdorp, MeetingId.Parse("bewoners-april"))).Select(d => d.Meeting));
        Assert.Equal(["maart"], (await queries.DeferredToAsync(Osdorp, MeetingId.Parse("volgend-jaar"))).Select(d => d.Meeting));
    }
}
