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
        // Proposals and decisions (issue 5): every refusal of the proposal decider, and the host's own.
        ["proposal.not-tabled"] = new("Dit voorstel is nog niet ingediend."),
        ["proposal.unknown"] = new("Dit voorstel bestaat niet bij deze alliantie."),
        ["proposal.already-tabled"] = new("Er is al een voorstel met deze titel. Kies een andere titel.", "Title"),
        ["proposal.title-required"] = new("Vul de titel van het voorstel in.", "Title"),
        ["proposal.text-required"] = new("Schrijf de tekst van het voorstel op.", "Text"),
        ["proposal.reason-required"] = new("Schrijf op waarom.", "Reason"),
        ["proposal.deferred-to-same-meeting"] = new("Stel het voorstel uit naar een andere vergadering.", "To"),
        ["proposal.withdrawn"] = new("Dit voorstel is ingetrokken. Er kan niets meer aan veranderen."),
        ["proposal.deferred"] = new("Dit voorstel is uitgesteld naar een latere vergadering."),
        ["proposal.decided"] = new("Over dit voorstel is al besloten. Er kan niets meer aan veranderen."),
        ["consent.not-open"] = new("De consentronde is niet open. De dagvoorzitter opent eerst de consentronde."),
        ["consent.summary-required"] = new("Schrijf kort op wat er gezegd is.", "Summary"),
        ["consent.contribution-kind-unknown"] = new("Kies of het een vraag of een reactie is.", "Kind"),
        ["objection.reasons-required"] = new("Schrijf op waarom iemand bezwaar maakt.", "Reasons"),
        ["objection.unknown"] = new("Dit bezwaar bestaat niet bij dit voorstel."),
        ["objection.already-tested"] = new("Dit bezwaar is al getoetst. Dat kan maar één keer."),
        ["objection.finding-unknown"] = new("Kies of het een geldig bezwaar is of een zorg.", "Finding"),
        ["objection.untested"] = new("Er is nog een bezwaar dat niet getoetst is. Toets eerst elk bezwaar: is het een geldig bezwaar of een zorg?"),
        ["objection.is-a-concern"] = new("Dit is een zorg, geen geldig bezwaar. Een zorg wordt genoteerd en houdt het besluit niet tegen."),
        ["objection.already-resolved"] = new("Dit bezwaar is al opgelost."),
        ["objection.not-amended"] = new("Het bezwaar is nog niet verwerkt: er is geen nieuwe versie van de tekst. Schrijf de nieuwe tekst op.", "Text"),
        ["objection.deferral-needs-owner-and-date"] = new("Kies wie erop terugkomt en wanneer.", "Owner"),
        ["objection.resolution-unknown"] = new("Kies wat er met het bezwaar is gedaan.", "Resolution"),
        ["R8.unresolved-objection"] = new("Er is nog een geldig bezwaar dat niet is opgelost. Dan is er geen consent (afspraak R8)."),
        ["R8.consent-first"] = new("Eerst probeert de tafel consent te bereiken. Een stemming kan pas als dat niet lukt, of als de partners er niet uitkomen over de agenda, de jaarplanning of een budget (afspraak R8 en R13).", "Ground"),
        ["vote.already-open"] = new("De stemming is al open."),
        ["vote.no-members"] = new("Er zijn geen partners die kunnen stemmen."),
        ["vote.ground-unknown"] = new("Kies waarom er gestemd wordt.", "Ground"),
        ["vote.open"] = new("De stemming is open. Sluit eerst de stemming."),
        ["vote.void"] = new("De stemming was ongeldig. U kunt opnieuw laten stemmen, of het voorstel intrekken of uitstellen."),
        ["vote.not-open"] = new("De stemming is niet open. U kunt nu niet stemmen."),
        ["vote.closed"] = new("De stemming is gesloten. Stemmen of uw stem veranderen kan niet meer."),
        ["vote.partner-not-eligible"] = new("Deze partner mag bij deze stemming niet stemmen.", "Partner"),
        ["vote.not-present"] = new("U staat niet op de lijst van aanwezigen. Alleen wie aanwezig is, kan stemmen. Vraag de dagvoorzitter om uw aanwezigheid te noteren."),
        ["vote.other-partner"] = new("U vertegenwoordigt deze partner niet bij deze vergadering.", "Partner"),
        ["vote.no-mandate"] = new("U heeft geen mandaat om namens uw partner te stemmen. Een collega met mandaat kan stemmen."),
        ["vote.partner-already-voted"] = new("Een collega heeft al gestemd namens uw partner. Alleen die persoon kan de stem nog veranderen."),
        ["vote.choice-unknown"] = new("Kies voor, tegen of onthouden.", "Choice"),
        ["R16.recused"] = new("U stemt niet mee over dit voorstel, omdat u een belang heeft (afspraak R16). Een collega met mandaat kan stemmen."),
        ["R16.reason-required"] = new("Schrijf op welk belang er is.", "Reason"),
        ["R9.not-adopted"] = new("Dit voorstel is niet aangenomen. Alleen een aangenomen besluit kan een advies worden (afspraak R9)."),
        ["R9.not-concerned"] = new("Dit besluit gaat niet over deze partner. Alleen een partner die het moet uitvoeren, kan weigeren (afspraak R9).", "Partner"),
        ["R9.reason-required"] = new("Schrijf op waarom de partner het besluit niet uitvoert.", "Reason"),
        ["R9.no-advice"] = new("Deze partner heeft het besluit niet geweigerd. Er is dus geen advies om te motiveren (afspraak R9)."),
        ["R9.motivation-required"] = new("Schrijf de motivatie op.", "Motivation"),
        ["R9.motivation-recorded"] = new("De motivatie staat al vast. Die kan niet meer veranderen (afspraak R9)."),
        // The item's decidability (R7) as a proposal meets it; the meeting pages give the same codes the same words.
        ["R7.not-decidable"] = new("Dit punt is nog niet besluitrijp. De stukken waren er niet 14 dagen voor de vergadering. Een vertegenwoordiger van de bewoners kan ontheffing geven (afspraak R7)."),
        ["R7.changed-after-waiver"] = new("Er is een stuk veranderd na de ontheffing. De bewoners hebben de nieuwe versie niet gehad. Zij moeten opnieuw ontheffing geven (afspraak R7)."),
        ["item.not-accepted"] = new("De dagvoorzitter heeft dit punt nog niet op de agenda gezet."),
        ["item.information-only"] = new("Dit punt is ter kennisgeving. Daarover wordt niet besloten."),
        ["item.deferred"] = new("Dit punt is uitgesteld naar een latere vergadering."),
        ["item.rejected"] = new("Dit punt is afgewezen."),
        ["item.unknown"] = new("Dit agendapunt bestaat niet bij deze vergadering."),
        ["meeting.not-scheduled"] = new("Deze vergadering staat niet in de jaarplanning."),
        ["meeting.cancelled"] = new("Deze vergadering is afgelast. Er kan niets meer aan veranderen."),
        ["partner.not-a-member"] = new("Deze partner zit niet (meer) aan tafel bij deze alliantie.", "Partner"),

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
    };

    /// <summary>The Dutch text for <paramref name="code"/>; an unknown code gets a general sentence that still names it, so a helper can look it up.</summary>
    public static RuleMessage For(string code) =>
        Known.TryGetValue(code, out var message)
            ? message
            : new($"De werkafspraken van de alliantie staan dit niet toe. Vraag de beheerder om hulp en noem deze code: {code}.");

    /// <summary>Every code with its own text, for the test that checks each one reads as Dutch.</summary>
    public static IReadOnlyCollection<string> KnownCodes => Known.Keys;
}
