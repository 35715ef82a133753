using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.EventStore;
using Governance.Projections.Alliances;
using NodaTime;

namespace Governance.Projections.Tests;

public sealed class AllianceViewTests : ProjectionDatabase
{
    private static readonly AllianceId Osdorp = AllianceId.Parse("osdorp-de-punt");
    private static readonly PartnerId Bcop = PartnerId.Parse("bcop");
    private static readonly PartnerId Ymere = PartnerId.Parse("ymere");
    private static readonly PersonId Anna = PersonId.Parse("p-0000000000a1");
    private static readonly PersonId Chair = PersonId.Parse("p-0000000000c1");

    private async Task Decide(AllianceCommand command)
    {
        var recorded = await Store.ReadStreamAsync(Osdorp.Value, Alliance.StreamId);
        var state = Alliance.Decider.Fold(recorded.Select(e => (AllianceEvent)e.Data));
        var events = Alliance.Decide(command, state);
        await Store.AppendAsync(Osdorp.Value, Alliance.StreamId, ExpectedVersion.Exact(recorded.Count),
            [.. events.Select(e => new EventData(e, new EventMetadata("p-0000000000ad", "admin")))]);
    }

    private Instant Now => Instant.FromDateTimeOffset(Clock.GetUtcNow());

    [Fact]
    public async Task The_view_folds_partners_representatives_officers_declarations_and_agreement_versions_from_the_stored_stream()
    {
        await Decide(new FoundAlliance(Osdorp, "Wijkalliantie Osdorp de Punt", "Osdorp", Now));
        await Decide(new AdmitPartner(Bcop, "BCOP", PartnerKind.ResidentsCollective, PartnerBody.Residents, Now));
        await Decide(new AdmitPartner(Ymere, "Ymere", PartnerKind.HousingCorporation, PartnerBody.Professional, Now));
        await Decide(new AppointRepresentative(Anna, Bcop, HasMandate: true, Now));
        await Decide(new AppointOfficer(Office.Chair, Chair, DeclaresNoDirectInterest: true, Now));
        await Decide(new DeclareInterest(new DeclarationId("d-1"), Anna, InterestKind.SideActivity, "Vrijwilliger bij de buurtkamer", null, "Buurtkamer De Punt", Now));
        Clock.Now = Clock.Now.AddDays(30);
        await Decide(new RecordPartnerDeparture(Ymere, "Fusie", Now));
        await Decide(new AmendWorkingAgreements(WorkingAgreements.Default with { Documents = LeadTime.Days(10) }, "Besluit 2026-03", Now));

        var view = await new AllianceQueries(Store).GetAsync(Osdorp);

        Assert.NotNull(view);
        Assert.Equal("Wijkalliantie Osdorp de Punt", view.Name);
        Assert.Equal([true, false], view.Partners.Select(p => p.IsMember));
        Assert.Equal("Fusie", view.Partner(Ymere)!.LeaveReason);
        Assert.Equal(new RepresentativeView(Anna, Bcop, true, Instant.FromUtc(2026, 1, 6, 19, 30)), Assert.Single(view.Representatives));
        Assert.Equal(Chair, Assert.Single(view.Officers).Person);
        Assert.Equal("Buurtkamer De Punt", Assert.Single(view.Declarations).Organisation);
        Assert.Equal([1, 2], view.AgreementsHistory.Select(a => a.Version));
        Assert.Equal(LeadTime.Days(10), view.Agreements.Documents);
        Assert.Equal("Besluit 2026-03", view.AgreementsHistory[^1].DecisionReference);
        Assert.Equal("p-0000000000ad", view.AgreementsHistory[^1].ActorId);
    }

    [Fact]
    public async Task As_of_a_date_the_view_shows_the_alliance_as_it_stood()
    {
        await Decide(new FoundAlliance(Osdorp, "Wijkalliantie Osdorp de Punt", "Osdorp", Now));
        await Decide(new AdmitPartner(Ymere, "Ymere", PartnerKind.HousingCorporation, PartnerBody.Professional, Now));
        var before = Clock.Now;
        Clock.Now = Clock.Now.AddDays(30);
        await Decide(new RecordPartnerDeparture(Ymere, "Fusie", Now));

        var queries = new AllianceQueries(Store);
        Assert.True((await queries.GetAsync(Osdorp, before))!.Partner(Ymere)!.IsMember);
        Assert.False((await queries.GetAsync(Osdorp))!.Partner(Ymere)!.IsMember);
        Assert.Null(await queries.GetAsync(Osdorp, before.AddDays(-1)));
    }

    [Fact]
    public async Task Every_domain_event_round_trips_through_the_ledger_json()
    {
        await Decide(new FoundAlliance(Osdorp, "Wijkalliantie Osdorp de Punt", "Osdorp", Now));
        var stored = await Store.ReadStreamAsync(Osdorp.Value, Alliance.StreamId);
        Assert.Equal(["alliance.founded", "alliance.working-agreements-adopted"], stored.Select(e => e.Type));
        await using var cmd = DataSource.CreateCommand("select data::text from marten.mt_events where type = 'alliance.founded'");
        Assert.Contains("\"neighbourhood\": \"Osdorp\"", (string)(await cmd.ExecuteScalarAsync())!, StringComparison.Ordinal);
        var adopted = (WorkingAgreementsAdopted)stored[1].Data;
        Assert.Equal(WorkingAgreements.Default, adopted.Agreements);
    }
}

public sealed class MutableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
