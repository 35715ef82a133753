using System.Text.Json;
using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.EventStore;
using Governance.Projections.Alliances;
using Marten;
using NodaTime;

namespace Governance.Projections.Tests;

/// <summary>The inline alliance document: the same view as the live fold, kept in the appending transaction, rebuilt alike.</summary>
public sealed class AllianceDocumentTests : ProjectionDatabase
{
    private static readonly AllianceId Osdorp = AllianceId.Parse("osdorp-de-punt");
    private static readonly AllianceId Geuzenveld = AllianceId.Parse("geuzenveld");
    private static readonly PartnerId Bcop = PartnerId.Parse("bcop");
    private static readonly PartnerId Ymere = PartnerId.Parse("ymere");
    private static readonly PersonId Anna = PersonId.Parse("p-0000000000a1");
    private static readonly PersonId Chair = PersonId.Parse("p-0000000000c1");

    private Instant Now => Instant.FromDateTimeOffset(Clock.GetUtcNow());

    private async Task Decide(AllianceId alliance, AllianceCommand command)
    {
        var recorded = await Store.ReadStreamAsync(alliance.Value, Alliance.StreamId);
        var state = Alliance.Decider.Fold(recorded.Select(e => (AllianceEvent)e.Data));
        await Store.AppendAsync(alliance.Value, Alliance.StreamId, ExpectedVersion.Exact(recorded.Count),
            [.. Alliance.Decide(command, state).Select(e => new EventData(e, new EventMetadata("p-0000000000ad", "admin")))]);
    }

    private async Task History()
    {
        await Decide(Osdorp, new FoundAlliance(Osdorp, "Wijkalliantie Osdorp de Punt", "Osdorp", Now));
        await Decide(Osdorp, new AdmitPartner(Bcop, "BCOP", PartnerKind.ResidentsCollective, PartnerBody.Residents, Now));
        await Decide(Osdorp, new AdmitPartner(Ymere, "Ymere", PartnerKind.HousingCorporation, PartnerBody.Professional, Now));
        await Decide(Osdorp, new AppointRepresentative(Anna, Bcop, HasMandate: true, Now));
        await Decide(Osdorp, new AppointOfficer(Office.Chair, Chair, DeclaresNoDirectInterest: true, Now));
        await Decide(Osdorp, new DeclareInterest(new DeclarationId("d-1"), Anna, InterestKind.SideActivity, "Vrijwilliger", null, "Buurtkamer", Now));
        // A clock with sub-microsecond ticks: the document keeps what the ledger stores (microseconds), like the fold.
        Clock.Now = Clock.Now.AddDays(30).AddTicks(7);
        await Decide(Osdorp, new RecordPartnerDeparture(Ymere, "Fusie", Now));
        await Decide(Osdorp, new AmendWorkingAgreements(WorkingAgreements.Default with { Documents = LeadTime.Days(10) }, "Besluit 2026-03", Now));
        await Decide(Geuzenveld, new FoundAlliance(Geuzenveld, "Alliantie Geuzenveld", "Geuzenveld", Now));
    }

    private static string Json(AllianceView? view) => JsonSerializer.Serialize(view, DomainJson.Options);

    private async Task<AllianceView?> Folded(AllianceId alliance)
    {
        var events = await Store.ReadStreamAsync(alliance.Value, Alliance.StreamId);
        return AllianceView.Fold(events.Select(e => (e, (AllianceEvent)e.Data)));
    }

    private async Task<List<string>> StoredDocuments()
    {
        await using var cmd = DataSource.CreateCommand("select tenant_id || ' ' || id || ' ' || data::text from marten.mt_doc_alliancedocument order by tenant_id, id");
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    [Fact]
    public async Task The_document_written_with_each_append_holds_the_same_view_as_a_fold_of_the_stored_stream()
    {
        await History();

        var queries = new AllianceQueries(Store);
        var now = await queries.GetAsync(Osdorp);
        Assert.NotNull(now);
        Assert.Equal(Json(await Folded(Osdorp)), Json(now));
        Assert.Equal(9, now.StreamVersion);   // founded and agreements adopted, then seven more
        Assert.Equal([true, false], now.Partners.Select(p => p.IsMember));
        Assert.Equal(LeadTime.Days(10), now.Agreements.Documents);
        Assert.Equal("p-0000000000ad", now.AgreementsHistory[^1].ActorId);
    }

    [Fact]
    public async Task Loading_the_alliance_reads_its_document_and_does_not_fold_the_stream()
    {
        await History();
        // Change the document behind Marten's back: a read that folded the stream would not see this.
        await using (var cmd = DataSource.CreateCommand(
            "update marten.mt_doc_alliancedocument set data = jsonb_set(data, '{view,name}', '\"Gewijzigd in het document\"') where tenant_id = 'osdorp-de-punt'"))
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());

        var queries = new AllianceQueries(Store);
        Assert.Equal("Gewijzigd in het document", (await queries.GetAsync(Osdorp))!.Name);
        // "As of" still folds the stream as it stood, so it still reads the recorded name.
        Assert.Equal("Wijkalliantie Osdorp de Punt", (await queries.GetAsync(Osdorp, Clock.GetUtcNow()))!.Name);
    }

    [Fact]
    public async Task A_rebuild_through_the_daemon_writes_the_same_documents()
    {
        await History();
        var before = await StoredDocuments();
        Assert.Equal(2, before.Count);

        await using (var wipe = DataSource.CreateCommand("delete from marten.mt_doc_alliancedocument"))
            await wipe.ExecuteNonQueryAsync();
        using (var daemon = await Documents.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync(AllianceProjection.ProjectionName, TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal(before, await StoredDocuments());
    }

    [Fact]
    public async Task The_view_survives_a_round_trip_through_the_document_json()
    {
        await History();
        var view = (await Folded(Osdorp))!;
        var serializer = Documents.Options.Serializer();
        var back = serializer.FromJson<AllianceDocument>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            serializer.ToJson(new AllianceDocument { Alliance = view.Id.Value, View = view }))));
        Assert.Equal(Json(view), Json(back.View));
    }

    [Fact]
    public async Task The_list_pages_every_alliance_by_name_across_tenants()
    {
        await History();
        var queries = new AllianceQueries(Store);

        var (first, total) = await queries.PageAsync(0, 1);
        Assert.Equal(2, total);
        Assert.Equal("Alliantie Geuzenveld", Assert.Single(first).Name);
        var (second, _) = await queries.PageAsync(1, 1);
        Assert.Equal("Wijkalliantie Osdorp de Punt", Assert.Single(second).Name);
        var (beyond, stillTotal) = await queries.PageAsync(5, 1);
        Assert.Empty(beyond);
        Assert.Equal(2, stillTotal);
        Assert.Equal(["Alliantie Geuzenveld", "Wijkalliantie Osdorp de Punt"], (await queries.ListAsync()).Select(v => v.Name));
    }

    [Fact]
    public async Task The_ledger_position_of_the_view_is_its_last_events_place_in_the_chain()
    {
        await History();
        var queries = new AllianceQueries(Store);
        var view = (await queries.GetAsync(Osdorp))!;
        var events = await Store.ReadStreamAsync(Osdorp.Value, Alliance.StreamId);
        Assert.Equal(events[^1].TenantPosition, await queries.PositionAsync(Osdorp, view.StreamVersion));
        Assert.Equal(events[1].TenantPosition, await queries.PositionAsync(Osdorp, 2));
    }
}
