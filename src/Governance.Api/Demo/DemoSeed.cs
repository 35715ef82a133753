using Governance.Api.Commands;
using Governance.Api.Auth;
using Governance.Api.Hosting;
using Governance.Api.Http;
using Governance.Api.Meetings;
using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.EventStore;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;
using Marten;
using Npgsql;
using NodaTime;

namespace Governance.Api.Demo;

/// <summary>A demo account, printed by `seed demo` and `ops/run` as `role e-mail password`.</summary>
public sealed record DemoAccount(string Role, string Email, string Password, string Name);

/// <summary>
/// "Wijkalliantie Osdorp de Punt": the partners, people at the table, officers, the programme's escalation contact,
/// the default working agreements and a few interest declarations. Every change goes through the deciders, exactly as
/// the API does, so the demo ledger verifies like any other. The people are invented; the organisations are the
/// kinds that sit at this table.
/// </summary>
public sealed class DemoSeed(NpgsqlDataSource dataSource, IDocumentStore documents, TimeProvider clock)
{
    /// <summary>The story starts this many days ago: the alliance is founded then, and its meetings follow.</summary>
    public const int FoundedDaysAgo = 150;

    private readonly Ledger _store = new(documents, clock);

    public static readonly AllianceId Osdorp = AllianceId.Parse("osdorp-de-punt");
    public const string Password = "demo-osdorp-2026";

    private sealed record Seat(string Role, string Email, string Name, RoleGrant[] Grants, bool HasMandate = true);

    private static readonly Seat[] Seats =
    [
        new("admin", "beheer@osdorp.example", "Beheer Wijkalliantie", [new(null, Role.Admin), new(Osdorp, Role.Admin)]),
        new("chair", "dagvoorzitter@osdorp.example", "Marleen Bakker", [new(Osdorp, Role.Chair)]),
        new("secretary", "projectleider@osdorp.example", "Youssef El Amrani", [new(Osdorp, Role.Secretary)]),
        new("representative", "bewoner@osdorp.example", "Fatima Yilmaz", [new(Osdorp, Role.Representative, PartnerId.Parse("bcop"))]),
        new("representative", "bewoner2@osdorp.example", "Anouk de Vries", [new(Osdorp, Role.Representative, PartnerId.Parse("bcop"))]),
        // R15: enough residents at the table that professionals need not outnumber them; the others have no mandate.
        new("representative", "bewoner3@osdorp.example", "Mohamed Amrani", [new(Osdorp, Role.Representative, PartnerId.Parse("bcop"))], HasMandate: false),
        new("representative", "bewoner4@osdorp.example", "Gerda Jansen", [new(Osdorp, Role.Representative, PartnerId.Parse("bcop"))], HasMandate: false),
        new("representative", "bewoner5@osdorp.example", "Samira Ouali", [new(Osdorp, Role.Representative, PartnerId.Parse("bcop"))], HasMandate: false),
        new("core-group", "kerngroep@osdorp.example", "Henk Smit", [new(Osdorp, Role.CoreGroup)]),
        new("escalation-contact", "npsnw@osdorp.example", "Ingrid Mulder", [new(Osdorp, Role.EscalationContact)]),
        new("representative", "stadsdeel@osdorp.example", "Pieter de Graaf", [new(Osdorp, Role.Representative, PartnerId.Parse("stadsdeel-nieuw-west"))]),
        new("representative", "ymere@osdorp.example", "Sanne Visser", [new(Osdorp, Role.Representative, PartnerId.Parse("ymere"))]),
        new("representative", "eigenwijks@osdorp.example", "Karim Bouzid", [new(Osdorp, Role.Representative, PartnerId.Parse("eigenwijks"))]),
        new("representative", "woon@osdorp.example", "Lotte Hendriks", [new(Osdorp, Role.Representative, PartnerId.Parse("woon"))]),
        new("representative", "politie@osdorp.example", "Ruben Kok", [new(Osdorp, Role.Representative, PartnerId.Parse("politie-nieuw-west"))]),
        new("representative", "zorg@osdorp.example", "Esra Demir", [new(Osdorp, Role.Representative, PartnerId.Parse("zorgcentrum-osdorp"))]),
        new("representative", "school@osdorp.example", "Joost van Dam", [new(Osdorp, Role.Representative, PartnerId.Parse("obs-de-horizon"))]),
    ];

    private static readonly (string Id, string Name, PartnerKind Kind, PartnerBody Body)[] Partners =
    [
        ("bcop", "Bewonerscollectief Osdorp de Punt (BCOP)", PartnerKind.ResidentsCollective, PartnerBody.Residents),
        ("stadsdeel-nieuw-west", "Stadsdeel Nieuw-West", PartnerKind.Municipality, PartnerBody.Professional),
        ("ymere", "Ymere", PartnerKind.HousingCorporation, PartnerBody.Professional),
        ("eigenwijks", "Eigenwijks", PartnerKind.Welfare, PartnerBody.Professional),
        ("woon", "!Woon", PartnerKind.Welfare, PartnerBody.Professional),
        ("politie-nieuw-west", "Politie Nieuw-West", PartnerKind.Police, PartnerBody.Professional),
        ("zorgcentrum-osdorp", "Zorgcentrum Osdorp", PartnerKind.Care, PartnerBody.Professional),
        ("obs-de-horizon", "Openbare basisschool De Horizon", PartnerKind.School, PartnerBody.Professional),
    ];

    /// <summary>Every demo account with its (demo) password.</summary>
    public static IReadOnlyList<DemoAccount> Accounts { get; } = [.. Seats.Select(s => new DemoAccount(s.Role, s.Email, Password, s.Name))];

    public async Task<bool> IsSeededAsync(CancellationToken cancellationToken) =>
        await _store.GetStreamVersionAsync(Osdorp.Value, Alliance.StreamId, cancellationToken) > 0;

    /// <summary>True when the ledger holds no alliance yet.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) => (await _store.GetTenantHeadsAsync(cancellationToken)).Count == 0;

    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(CancellationToken cancellationToken)
    {
        if (await IsSeededAsync(cancellationToken)) throw new CliException("The demo alliance osdorp-de-punt exists already (use --if-empty to skip quietly).");

        // The story is recorded at the moments it tells of, from the founding until today (see StoryClock).
        var today = Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(Domain.Meetings.Meeting.Zone).Date;
        var storyClock = new StoryClock(clock, today.PlusDays(-FoundedDaysAgo).AtStartOfDayInZone(Domain.Meetings.Meeting.Zone).ToInstant());
        var pipeline = new DirectCommandBus(documents, storyClock);
        var story = new DemoStory(pipeline, storyClock, Osdorp, today);
        storyClock.MoveTo(story.Day(-FoundedDaysAgo, "09:00"));

        var accounts = new AccountService(dataSource, storyClock);
        var people = new Dictionary<string, PersonId>();
        var printed = new List<DemoAccount>();
        foreach (var seat in Seats)
        {
            var created = await accounts.CreateAccountAsync(seat.Email, seat.Name, Password, seat.Grants, cancellationToken);
            people[seat.Email] = created.Person;
            printed.Add(new DemoAccount(seat.Role, seat.Email, Password, seat.Name));
        }

        storyClock.MoveTo(story.Day(-FoundedDaysAgo, "10:00"));
        var metadata = new EventMetadata(people["beheer@osdorp.example"].Value, "admin", "seed-demo", null, null);
        Task Do(Func<Instant, AllianceCommand> command) =>
            pipeline.HandleAsync(Alliance.Decider, Osdorp.Value, Alliance.StreamId, command, metadata, ifMatch: null, cancellationToken);
        PersonId P(string email) => people[email];

        await Do(now => new FoundAlliance(Osdorp, "Wijkalliantie Osdorp de Punt", "Osdorp de Punt, Amsterdam Nieuw-West", now));
        foreach (var (id, name, kind, body) in Partners)
            await Do(now => new AdmitPartner(PartnerId.Parse(id), name, kind, body, now));
        foreach (var seat in Seats)
        {
            foreach (var grant in seat.Grants.Where(g => g.Role == Role.Representative))
                await Do(now => new AppointRepresentative(P(seat.Email), grant.Partner!.Value, seat.HasMandate, now));
        }
        // R13: the day chair and the project leader have no direct interest in the neighbourhood.
        await Do(now => new AppointOfficer(Office.Chair, P("dagvoorzitter@osdorp.example"), DeclaresNoDirectInterest: true, now));
        await Do(now => new AppointOfficer(Office.Secretary, P("projectleider@osdorp.example"), DeclaresNoDirectInterest: true, now));
        await Do(now => new AssignEscalationContact(P("npsnw@osdorp.example"), now));

        // R16: the public interest register.
        await Do(now => new DeclareInterest(new DeclarationId("d-demo-1"), P("bewoner@osdorp.example"), InterestKind.SubsidyFlow,
            "Coördinator van het buurtkamerproject; dat krijgt subsidie van het stadsdeel.", PartnerId.Parse("stadsdeel-nieuw-west"), null, now));
        await Do(now => new DeclareInterest(new DeclarationId("d-demo-2"), P("ymere@osdorp.example"), InterestKind.Interest,
            "Huurt zelf een woning van Ymere in Osdorp.", PartnerId.Parse("ymere"), null, now));
        await Do(now => new DeclareInterest(new DeclarationId("d-demo-3"), P("stadsdeel@osdorp.example"), InterestKind.SideActivity,
            "Bestuurslid van sportvereniging SV Osdorp (onbetaald).", null, "SV Osdorp", now));

        var cast = CastOf(people);
        var meetings = new DemoMeetings(story, cast, new DocumentFiles(dataSource, new Ledger(documents), storyClock));
        meetings.Tell(plannedOn: -FoundedDaysAgo + 1);
        new DemoDecisions(story, cast, meetings, new AllianceQueries(new Ledger(documents)), new MeetingQueries(new Ledger(documents))).Tell();
        new DemoPromises(story, cast, meetings).Tell();
        await story.RunAsync(cancellationToken);
        return printed;
    }

    private static DemoCast CastOf(Dictionary<string, PersonId> people)
    {
        var seats = Seats.SelectMany(s => s.Grants.Where(g => g.Role == Role.Representative)
                .Select(g => (s.Email, Seat: (g.Partner!.Value, Partners.Single(p => p.Id == g.Partner!.Value.Value).Body))))
            .ToDictionary(x => x.Email, x => x.Seat, StringComparer.Ordinal);
        var mandated = Seats.Where(s => s.HasMandate && seats.ContainsKey(s.Email))
            .GroupBy(s => seats[s.Email].Item1.Value)
            .ToDictionary(g => g.Key, g => g.First().Email, StringComparer.Ordinal);
        return new DemoCast(people, seats, Partners.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal), mandated);
    }
}
