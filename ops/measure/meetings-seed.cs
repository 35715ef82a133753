#:project ../../src/Governance.Api/Governance.Api.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
// Starts a throw-away PostgreSQL cluster (server defaults, fsync on), seeds one alliance with N meetings through the
// Ledger (the append adapter), writes the connection string to <file> and keeps the cluster up until <file>.stop exists.
// Usage: dotnet run -c Release ops/measure/meetings-seed.cs -- 500 /tmp/measure/db   (see meetings.sh)
using Governance.Api.Hosting;
using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.Domain.Meetings;
using Governance.EventStore;
using Governance.Projections;
using NodaTime;
using Npgsql;

var count = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
var file = args[1];
await using var cluster = await ThrowawayPostgres.StartAsync(durable: true);
var connectionString = await cluster.CreateDatabaseAsync("measure");
const string tenant = "meting";
await using var dataSource = NpgsqlDataSource.Create(connectionString);
using var store = GovernanceStore.Create(dataSource, TimeProvider.System);
await LedgerServices.MigrateAllAsync(dataSource, store);
var ledger = new Ledger(store);

var alliance = AllianceId.Parse(tenant);
var partners = new[] { ("bcop", PartnerBody.Residents, PartnerKind.ResidentsCollective), ("stadsdeel", PartnerBody.Professional, PartnerKind.Municipality),
    ("ymere", PartnerBody.Professional, PartnerKind.HousingCorporation), ("eigen-haard", PartnerBody.Professional, PartnerKind.HousingCorporation),
    ("welzijn", PartnerBody.Professional, PartnerKind.Welfare) };
var founded = SystemClock.Instance.GetCurrentInstant() - Duration.FromDays(3650);
var allianceState = Alliance.Initial;
var allianceEvents = new List<AllianceEvent>();
void DecideAlliance(AllianceCommand c) { var e = Alliance.Decide(c, allianceState); allianceState = e.Aggregate(allianceState, Alliance.Evolve); allianceEvents.AddRange(e); }
DecideAlliance(new FoundAlliance(alliance, "Meetalliantie", "Nieuw-West", founded));
foreach (var (id, body, kind) in partners) DecideAlliance(new AdmitPartner(PartnerId.Parse(id), id, kind, body, founded));
await ledger.AppendAsync(tenant, Alliance.StreamId, ExpectedVersion.NoStream, [.. allianceEvents.Select(e => new EventData(e, EventMetadata.None))]);

// Weekly meetings from 2022 on: three alliance meetings, then a residents' meeting; each with three items and a document.
var first = new LocalDate(2022, 1, 4);
for (var n = 0; n < count; n++)
{
    var kind = n % 4 == 3 ? MeetingKind.ResidentsMeeting : MeetingKind.AllianceMeeting;
    var start = first.PlusDays(7 * n).At(new LocalTime(19, 30));
    var at = start.InZoneLeniently(Meeting.Zone).ToInstant();
    var id = MeetingId.Parse($"vergadering-{n:000}");
    var state = Meeting.Initial;
    var events = new List<MeetingEvent>();
    void Decide(MeetingCommand c) { var e = Meeting.Decide(c, state); state = e.Aggregate(state, Meeting.Evolve); events.AddRange(e); }
    Decide(new ScheduleMeeting(id, kind, start, start.PlusHours(2), "Buurthuis De Tump", WorkingAgreements.Default, at - Duration.FromDays(40)));
    for (var i = 0; i < 3; i++)
    {
        var partner = PartnerId.Parse(partners[(n + i) % partners.Length].Item1);
        Decide(new ProposeAgendaItem(AgendaItemId.Parse($"punt-{i}"), partner, $"Agendapunt {n}.{i} over de buurt", AgendaItemKind.Decision, null,
            at - Duration.FromDays(14 + (n + i) % 5)));
    }
    Decide(new ShareDocument(DocumentId.Parse("stuk-0"), AgendaItemId.Parse("punt-0"), PartnerId.Parse(partners[n % partners.Length].Item1),
        $"Stuk {n}", DocumentPurpose.DecisionOrDiscussion, Sha256Digest.FromBytes(new byte[32]), 1000, $"key-{n}", at - Duration.FromDays(13 + n % 3)));
    await ledger.AppendAsync(tenant, id.StreamId, ExpectedVersion.NoStream, [.. events.Select(e => new EventData(e, EventMetadata.None))]);
}
Console.WriteLine($"seeded {count} meetings in '{tenant}'");
await File.WriteAllTextAsync(file, connectionString);
while (!File.Exists(file + ".stop")) await Task.Delay(500);
