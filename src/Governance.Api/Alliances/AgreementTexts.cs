using System.Globalization;
using Governance.Domain;

namespace Governance.Api.Alliances;

/// <summary>
/// The working agreements (R1–R21) in plain Dutch with their numbers, written from the version's own data, so an
/// amended number shows as amended. A rule without a number still gets its line: it is part of what was agreed.
/// </summary>
public static class AgreementTexts
{
    /// <param name="Rule">The rule's id, e.g. "R2"; what the ledger cites when it applies the rule.</param>
    /// <param name="Subject">What the rule is about, e.g. "Stukken voor besluit of bespreking".</param>
    /// <param name="Agreement">What was agreed, with this version's numbers.</param>
    public sealed record Line(string Rule, string Subject, string Agreement);

    // The default ladder's steps are stored in English; an alliance that amends them writes its own words.
    private static readonly Dictionary<string, string> DefaultSteps = new(StringComparer.Ordinal)
    {
        ["address each other directly"] = "elkaar direct aanspreken",
        ["steering group with mandate"] = "stuurgroep met mandaat",
        ["escalation contact of the programme (NPSNW)"] = "de escalatiecontactpersoon van het programma (NPSNW)",
        ["alliance board"] = "het bestuur van de alliantie",
    };

    /// <summary>A step of the escalation ladder (R12) in Dutch: the default steps translated, an alliance's own words as written.</summary>
    public static string Step(string description) => DefaultSteps.TryGetValue(description, out var nl) ? nl : description;

    public static IReadOnlyList<Line> For(WorkingAgreements a) =>
    [
        new("R1", "Conceptagenda rondsturen", $"{Span(a.DraftAgenda)} voor de alliantievergadering"),
        new("R2", "Stukken voor besluit of bespreking", $"{Span(a.Documents)} voor de vergadering"),
        new("R3", "Een punt op de agenda zetten", $"in de vorige vergadering, of tot {Span(a.AgendaItemIntake)} voor de vergadering"),
        new("R4", "Stukken om alleen te lezen (ter kennisgeving)", $"{Span(a.InformationDocuments)} voor de vergadering"),
        new("R5", "Dringende actualiteiten, bij uitzondering", $"tot {Span(a.UrgentItems)} voor de vergadering"),
        new("R6", "Bewonersbijeenkomst aankondigen",
            $"via sociale media en mail {Span(a.ResidentsMeetingAnnouncement)} vooraf, met flyers {Span(a.ResidentsMeetingFlyers)} vooraf"),
        new("R7", "Bewoners hebben de informatie op tijd",
            $"geen bespreking of besluit als bewoners de stukken minder dan {Span(a.InformationPeriod)} hadden. " +
            "Alleen als de vertegenwoordigers van de bewoners uitdrukkelijk instemmen, mag de voorzitter toch doorgaan. Dat wordt opgeschreven."),
        new("R8", "Hoe de alliantie beslist",
            $"eerst proberen samen tot overeenstemming te komen (consent). Lukt dat niet, dan stemmen: een voorstel is aangenomen " +
            $"met meer dan {Fraction(a.Majority.MoreThan)} van de gewogen stemmen. " +
            (a.Majority.AbstentionsCount ? "Wie zich onthoudt, telt mee. " : "Wie zich onthoudt, telt niet mee. ") +
            "Staken de stemmen, dan is het voorstel niet aangenomen."),
        new("R9", "Besluit over een partner die het niet wil of kan uitvoeren",
            $"het besluit wordt een advies aan die partner. De partner legt binnen {Span(a.AdviceMotivation)} schriftelijk uit waarom."),
        new("R10", "Beloftes", "beloftes, ook mondelinge, worden nagekomen. Lukt dat niet, dan meldt de eigenaar dat met een uitleg. Elke belofte heeft een eigenaar en een datum."),
        new("R11", "Jaarplan", "elk doel heeft een eigenaar en een termijn. Dromen schrijven we ook op, maar zonder termijn."),
        new("R12", "Escalatieladder bij een conflict", string.Join("; ", a.EscalationLadder.Steps.Select((s, i) =>
            $"stap {i + 1}: {(DefaultSteps.TryGetValue(s.Description, out var nl) ? nl : s.Description)} (antwoord binnen {Span(s.ResponseTime)})"))),
        new("R13", "Onafhankelijke voorzitter en projectleider",
            "zij hebben geen direct belang in de wijk. Komt de alliantie er niet uit over een besluit, de agenda, de jaarplanning of een budget, dan laat de dagvoorzitter stemmen."),
        new("R14", "Stem van bewoners weegt zwaarder",
            $"de stem van een bewonersorganisatie telt {Times(a.VoteWeights.ResidentsBody)}, die van een professionele organisatie {Times(a.VoteWeights.ProfessionalBody)}"),
        new("R15", "Niet meer professionals dan bewoners aan tafel", a.ProfessionalsMayNotOutnumberResidents
            ? "het logboek waarschuwt bij een vergadering waar dat wel zo is"
            : "deze afspraak is door de alliantie uitgezet"),
        new("R16", "Belangen melden", "iedereen aan tafel meldt nevenactiviteiten, belangen en subsidies in het belangenregister. Wie belang heeft bij een voorstel, stemt daar niet over."),
        new("R17", "Jaarplanning van vergaderingen", "de vergaderingen staan vast in een jaarplanning. Past geen datum, dan wordt er gestemd."),
        new("R18", "Vergaderen als bewoners kunnen",
            $"het logboek waarschuwt bij een vergadering op een werkdag tussen {Clock(a.OfficeHours.From)} en {Clock(a.OfficeHours.Until)}. Meedoen mag bewoners geen vrije dag kosten."),
        new("R19", "Meer tijd voor bewoners", "hebben bewoners meer tijd nodig om een mening te vormen, dan schuift de planning op. Dat wordt opgeschreven, met de reden."),
        new("R20", "Hoe vaak",
            $"bewonersbijeenkomst minstens {Times(a.Cadence.ResidentsMeetingsPerQuarter)} per kwartaal; kerngroep minstens {Times(a.Cadence.CoreGroupMeetingsPerMonth)} per maand; " +
            $"flyers aan elk huishouden {Times(a.Cadence.FlyerRoundsPerYear)} per jaar"),
        new("R21", "Wat er met de inbreng van bewoners gebeurt", "bij elk voorstel staat wat er is gedaan met de bezwaren en reacties van bewoners."),
        new("Quorum", "Genoeg partners aanwezig om te stemmen (het ‘quorum’)",
            $"als minstens {Fraction(a.Quorum.OfMembers)} van de partners aanwezig is" +
            (a.Quorum.ResidentsCollectiveRequired ? ", en het bewonerscollectief er is" : "")),
        new("Geheim", "Geheim stemmen", a.SecretVotesUntilClose
            ? "ja: tijdens de stemming ziet niemand wat een partner stemt. Dat ziet iedereen pas als de stemming gesloten is"
            : "nee: iedereen ziet meteen wat elke partner stemt"),
    ];

    /// <summary>The rules whose text differs between two versions: what an amendment changed.</summary>
    public static IReadOnlyList<string> Changed(WorkingAgreements before, WorkingAgreements after) =>
        [.. For(before).Zip(For(after)).Where(p => p.First.Agreement != p.Second.Agreement).Select(p => p.Second.Rule)];

    /// <summary>"14 dagen", "1 dag", "48 uur".</summary>
    public static string Span(LeadTime time) => (time.Amount, time.Unit) switch
    {
        (1, LeadTimeUnit.Days) => "1 dag",
        (_, LeadTimeUnit.Days) => string.Create(CultureInfo.InvariantCulture, $"{time.Amount} dagen"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{time.Amount} uur"),
    };

    private static string Fraction(Fraction f) => (f.Numerator, f.Denominator) switch
    {
        (1, 2) => "de helft",
        (2, 3) => "twee derde",
        (1, 3) => "een derde",
        (3, 4) => "drie kwart",
        _ => $"{f.Numerator}/{f.Denominator}",
    };

    private static string Times(int n) => string.Create(CultureInfo.InvariantCulture, $"{n} keer");

    private static string Clock(NodaTime.LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
