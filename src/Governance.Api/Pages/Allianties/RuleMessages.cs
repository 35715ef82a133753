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
    };

    /// <summary>The Dutch text for <paramref name="code"/>; an unknown code gets a general sentence that still names it, so a helper can look it up.</summary>
    public static RuleMessage For(string code) =>
        Known.TryGetValue(code, out var message)
            ? message
            : new($"De werkafspraken van de alliantie staan dit niet toe. Vraag de beheerder om hulp en noem deze code: {code}.");

    /// <summary>Every code with its own text, for the test that checks each one reads as Dutch.</summary>
    public static IReadOnlyCollection<string> KnownCodes => Known.Keys;
}
