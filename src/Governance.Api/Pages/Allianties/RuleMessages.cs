using Governance.Domain;

namespace Governance.Api.Pages.Allianties;

/// <summary>
/// A refusal by the alliance's rules (<see cref="RuleViolated.Code"/>) in words a resident understands. The domain
/// explains itself in English for developers; a page shows this text instead. <see cref="Field"/> names the form
/// field the refusal is about (as the request's property), so the message can stand next to it.
/// </summary>
public sealed record RuleMessage(string Text, string? Field = null)
{
    private static readonly Dictionary<string, RuleMessage> Known = new(StringComparer.Ordinal)
    {
        ["partner.already-member"] = new("Deze partner zit al aan tafel.", "Id"),
        ["partner.name-taken"] = new("Er zit al een partner met deze naam aan tafel. Kies een andere naam.", "Name"),
        ["partner.name-required"] = new("Vul de naam van de partner in.", "Name"),
        ["partner.kind-unknown"] = new("Kies wat voor organisatie de partner is.", "Kind"),
        ["partner.body-unknown"] = new("Kies of de partner een bewonersorganisatie of een professionele organisatie is.", "Body"),
        ["partner.residents-collective-is-residents-body"] = new("Een bewonerscollectief is altijd een bewonersorganisatie. Zo weegt zijn stem zwaarder (afspraak R14).", "Body"),
        ["partner.unknown"] = new("Deze partner kennen wij niet bij deze alliantie.", "Partner"),
        ["partner.departed"] = new("Deze partner is vertrokken. Niemand kan nog namens deze partner aan tafel zitten.", "Partner"),
        ["partner.reason-required"] = new("Schrijf op waarom de partner vertrekt.", "Reason"),
        ["representative.represents-other-partner"] = new("Deze persoon vertegenwoordigt al een andere partner. Haal die taak eerst weg.", "Person"),
        ["representative.not-appointed"] = new("Deze persoon vertegenwoordigt deze partner niet.", "Person"),
        ["R13.holds-independent-office"] = new("Deze persoon is dagvoorzitter, projectleider of vertrouwenspersoon. Die zijn onafhankelijk en vertegenwoordigen geen partner (afspraak R13).", "Person"),
        ["R13.direct-interest"] = new("De dagvoorzitter, de projectleider en de vertrouwenspersoon verklaren dat zij geen direct belang hebben in de wijk (afspraak R13)."),
        ["R13.represents-partner"] = new("Deze persoon vertegenwoordigt een partner en heeft dus een direct belang in de wijk. Daarom kan deze persoon deze functie niet krijgen (afspraak R13).", "Person"),
        ["office.unknown"] = new("Deze functie bestaat niet bij de alliantie."),
        ["office.vacant"] = new("Niemand heeft deze functie op dit moment."),
        ["office.reason-required"] = new("Schrijf op waarom de functie vrijkomt.", "Reason"),
        ["escalation-contact.not-assigned"] = new("Deze persoon is geen escalatiecontactpersoon van deze alliantie."),
        ["declaration.kind-unknown"] = new("Kies wat voor belang het is.", "Kind"),
        ["declaration.description-required"] = new("Beschrijf het belang.", "Description"),
        ["declaration.not-at-the-table"] = new("Deze persoon zit niet aan tafel bij deze alliantie. In het register staan alleen mensen die aan tafel zitten (afspraak R16).", "Person"),
        ["declaration.duplicate-id"] = new("Deze melding staat al in het register."),
        ["declaration.unknown"] = new("Deze melding staat niet in het register."),
        ["alliance.not-founded"] = new("Deze alliantie bestaat (nog) niet."),
        ["alliance.already-founded"] = new("Er is al een alliantie met dit adres."),
        ["alliance.name-required"] = new("Vul de naam van de alliantie in."),
        ["alliance.neighbourhood-required"] = new("Vul de wijk van de alliantie in."),
        ["agreements.incomplete"] = new("De nieuwe werkafspraken zijn niet compleet. Alle afspraken moeten erin staan."),
        ["agreements.decision-reference-required"] = new("Noem het besluit waarmee de werkafspraken zijn veranderd."),
        ["agreements.version-mismatch"] = new("De werkafspraken zijn intussen veranderd. Bekijk de nieuwe versie en probeer het opnieuw."),

        // Meetings (issue 4): the meeting decider's refusals and the host's own (partner.not-a-member, R3.not-carried-over).
        ["meeting.not-scheduled"] = new("Deze vergadering staat niet in de jaarplanning."),
        ["meeting.already-scheduled"] = new("Er staat al een vergadering met dit adres in de planning. Verplaats die vergadering, of kies een andere dag."),
        ["meeting.cancelled"] = new("Deze vergadering is afgelast. Er kan niets meer aan veranderen."),
        ["meeting.closed"] = new("Deze vergadering is gesloten. Er kan niets meer aan veranderen."),
        ["meeting.already-opened"] = new("De vergadering is al geopend. Verplaatsen of afzeggen kan dan niet meer."),
        ["meeting.not-open"] = new("De vergadering is nog niet geopend. De dagvoorzitter opent eerst de vergadering."),
        ["meeting.not-closed"] = new("Het verslag komt pas na de vergadering. De dagvoorzitter sluit eerst de vergadering."),
        ["meeting.too-early"] = new("De vergadering is nog niet vandaag. Wilt u eerder vergaderen? Verplaats de vergadering dan eerst."),
        ["meeting.kind-unknown"] = new("Kies wat voor vergadering het is.", "Kind"),
        ["meeting.place-required"] = new("Vul in waar de vergadering is.", "Place"),
        ["meeting.reason-required"] = new("Schrijf op waarom.", "Reason"),
        ["meeting.ends-before-it-starts"] = new("De eindtijd moet na de begintijd liggen.", "End"),
        ["meeting.time-ambiguous"] = new("Die tijd bestaat niet of komt twee keer voor, door de zomertijd of wintertijd. Kies een ander uur.", "Start"),
        ["meeting.not-a-residents-meeting"] = new("Alleen een bewonersbijeenkomst wordt aangekondigd aan alle bewoners (afspraak R6)."),
        ["item.title-required"] = new("Vul de titel van het agendapunt in.", "Title"),
        ["item.kind-unknown"] = new("Kies wat voor agendapunt het is.", "Kind"),
        ["item.duplicate-id"] = new("Er is al een agendapunt met deze titel. Kies een andere titel.", "Title"),
        ["item.carried-over-from-itself"] = new("Een punt kan niet uit dezelfde vergadering komen."),
        ["item.urgent-carried-over"] = new("Een punt uit een vorige vergadering is geen actualiteit. Kies een andere soort.", "Kind"),
        ["item.deferred-to-same-meeting"] = new("Stel het punt uit naar een andere vergadering.", "To"),
        ["item.reason-required"] = new("Schrijf op waarom.", "Reason"),
        ["item.already-accepted"] = new("Dit punt staat al op de agenda. U kunt het nog wel uitstellen."),
        ["item.deferred"] = new("Dit punt is uitgesteld naar een latere vergadering."),
        ["item.rejected"] = new("Dit punt is afgewezen."),
        ["item.unknown"] = new("Dit agendapunt bestaat niet bij deze vergadering."),
        ["item.not-accepted"] = new("De dagvoorzitter heeft dit punt nog niet op de agenda gezet."),
        ["item.information-only"] = new("Dit punt is ter kennisgeving. Daarover wordt niet besloten."),
        ["R3.not-carried-over"] = new("Dit punt is in die vergadering niet uitgesteld naar deze vergadering (afspraak R3)."),
        ["R5.urgent-too-late"] = new("Een actualiteit kan tot 48 uur voor de vergadering. Dat moment is voorbij (afspraak R5). Meld het punt aan voor de volgende vergadering.", "Kind"),
        ["R7.not-decidable"] = new("Dit punt is nog niet besluitrijp. De stukken waren er niet 14 dagen voor de vergadering. Een vertegenwoordiger van de bewoners kan ontheffing geven (afspraak R7)."),
        ["R7.changed-after-waiver"] = new("Er is een stuk veranderd na de ontheffing. De bewoners hebben de nieuwe versie niet gehad. Zij moeten opnieuw ontheffing geven (afspraak R7)."),
        ["R7.waiver-not-by-residents"] = new("Alleen een vertegenwoordiger van een bewonersorganisatie kan ontheffing geven (afspraak R7).", "Partner"),
        ["R7.waiver-reason-required"] = new("Schrijf op waarom de bewoners toch willen doorgaan.", "Reason"),
        ["R7.waiver-not-needed"] = new("Dat is niet nodig: de bewoners hadden de stukken op tijd (afspraak R7)."),
        ["document.title-required"] = new("Vul de titel van het stuk in.", "Title"),
        ["document.purpose-unknown"] = new("Kies waarvoor het stuk is.", "Purpose"),
        ["document.duplicate-id"] = new("Er is al een stuk met deze titel. Kies een andere titel, of lever een nieuwe versie.", "Title"),
        ["document.unknown"] = new("Dit stuk bestaat niet bij deze vergadering."),
        ["document.reason-required"] = new("Schrijf op waarom er een nieuwe versie is.", "Reason"),
        ["document.empty"] = new("Het bestand is leeg. Kies een ander bestand.", "File"),
        ["document.storage-key-required"] = new("Het bestand is niet goed opgeslagen. Probeer het opnieuw.", "File"),
        ["announcement.channel-unknown"] = new("Kies hoe de bijeenkomst is aangekondigd.", "Channel"),
        ["attendance.body-unknown"] = new("Wij weten niet of deze partner een bewonersorganisatie is of een professionele organisatie.", "Partner"),
        ["attendance.other-partner"] = new("Deze persoon is al aanwezig voor een andere partner.", "Person"),
        ["attendance.not-recorded"] = new("Deze persoon staat niet op de lijst van aanwezigen.", "Person"),
        ["attendance.reason-required"] = new("Schrijf op waarom u de aanwezigheid weghaalt.", "Reason"),
        ["minutes.reason-required"] = new("Dit is een nieuwe versie van het verslag. Schrijf op wat er verbeterd is.", "Reason"),
        ["R19.not-extendable"] = new("Deze termijn kan niet worden verlengd. Dat kan alleen bij de conceptagenda, stukken en aankondigingen (afspraak R19)."),
        ["R19.deadline-unknown"] = new("Deze termijn bestaat niet bij deze vergadering."),
        ["R19.reason-required"] = new("Schrijf op waarom er meer tijd nodig is.", "Reason"),
        ["R19.deadline-met"] = new("Deze termijn is al gehaald. Verlengen is niet nodig."),
        ["R19.deadline-passed"] = new("Deze termijn is al voorbij. Verlengen kan alleen voor het einde van de termijn (afspraak R19).", "NewDue"),
        ["R19.not-later"] = new("Kies een nieuw moment dat later is dan de huidige termijn.", "NewDue"),
        ["partner.not-a-member"] = new("Deze partner zit niet (meer) aan tafel bij deze alliantie.", "Partner"),
    };

    /// <summary>The Dutch text for <paramref name="code"/>; an unknown code gets a general sentence that still names it, so a helper can look it up.</summary>
    public static RuleMessage For(string code) =>
        Known.TryGetValue(code, out var message)
            ? message
            : new($"De werkafspraken van de alliantie staan dit niet toe. Vraag de beheerder om hulp en noem deze code: {code}.");

    /// <summary>Every code with its own text, for the test that checks each one reads as Dutch.</summary>
    public static IReadOnlyCollection<string> KnownCodes => Known.Keys;
}
