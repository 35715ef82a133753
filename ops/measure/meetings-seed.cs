#:project ../../src/Governance.Api/Governance.Api.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
// Starts a throw-away PostgreSQL cluster (server defaults, fsync on), seeds one alliance with N meetings through the
// Ledger (the append adapter), writes the connection string to <file> and keeps the cluster up until <file>.stop exists.
// Usage: dotnet run -c Release ops/measure/meetings-seed.cs -- 500 /tmp/measure/db   (see meetings.sh)
using Governance.Api.Demo;
using Governance.Api.Hosting;
using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.EventStore;
using Governance.Projections;
using Governance.Projections.Alliances;
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

// Weekly meetings from 2022 on, three items and a document each: the same seed as `bench read` (MeetingVolume).
var view = await new AllianceQueries(ledger).GetAsync(alliance) ?? throw new InvalidOperationException("The alliance was not stored.");
await MeetingVolume.AppendAsync(ledger, view, first: 0, count);
Console.WriteLine($"seeded {count} meetings in '{tenant}'");
await File.WriteAllTextAsync(file, connectionString);
while (!File.Exists(file + ".stop")) await Task.Delay(500);
