using Governance.Api.Commands;
using FluentValidation;
using Governance.Api.Alliances;
using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.Projections.Alliances;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Alliances;

/// <summary>
/// R16, the public interest register: who at the table declared which side activity, interest or subsidy flow,
/// since when, and which declarations ended. Readable by anyone. People at the table declare their own interests
/// here; the secretary and the admin keep the register and may declare for anyone at the table.
/// </summary>
public sealed class BelangenModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, IValidator<DeclareInterestRequest> validator)
    : AlliancePageModel(queries, people, pipeline)
{
    private static readonly Dictionary<string, FormErrors.Field> Fields = new(StringComparer.Ordinal)
    {
        ["Person"] = new("belang-persoon", "Kies voor wie u het belang meldt."),
        ["Kind"] = new("belang-soort-nevenactiviteit", "Kies wat voor belang het is."),
        ["Description"] = new("belang-omschrijving", "Beschrijf het belang in een paar woorden."),
        ["Partner"] = new("belang-partner", "Kies een partner uit de lijst, of ‘geen partner’."),
        ["Organisation"] = new("belang-organisatie", "Vul de naam van de organisatie in."),
    };

    public sealed record Row(DeclarationView Declaration, string Name, string? Seat, string? Concerns, bool MayEnd);

    public sealed record Person(PersonId Id, string Name, string Seat);

    public sealed class DeclarationForm
    {
        public string? Person { get; set; }
        public string? Kind { get; set; }
        public string? Description { get; set; }
        public string? Partner { get; set; }
        public string? Organisation { get; set; }
    }

    [BindProperty]
    public DeclarationForm Form { get; set; } = new();

    public IReadOnlyList<Row> Active { get; private set; } = [];

    public IReadOnlyList<Row> Ended { get; private set; } = [];

    /// <summary>Everyone at the table, for the register keepers' choice of person.</summary>
    public IReadOnlyList<Person> AtTheTable { get; private set; } = [];

    /// <summary>May the actor declare at all (a role at this table)?</summary>
    public bool MayDeclare => Actor is not null && AllianceRoles.InterestRegister.Any(Has);

    /// <summary>Secretary and admin keep the register: they may declare for anyone at the table.</summary>
    public bool KeepsRegister => Has(Role.Admin) || Has(Role.Secretary);

    /// <summary>The actor's own seat, when they sit at the table themselves.</summary>
    public Person? Self { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken)) Show();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Refuse(AllianceRoles.InterestRegister) is { } refused) return refused;
        Show();
        var actor = Actor!;

        // Someone who does not keep the register declares for themselves, whatever the form says.
        var person = KeepsRegister ? Form.Person : actor.Person.Value;
        var partner = string.IsNullOrEmpty(Form.Partner) ? null : Form.Partner;
        var request = new DeclareInterestRequest(person, Form.Kind, Form.Description, partner, Form.Organisation);
        Errors.Add(await validator.ValidateAsync(request, cancellationToken), Fields);
        if (Errors.Any) return Page();

        var who = PersonId.Parse(person!);
        if (!actor.MayKeepRegisterFor(Alliance.Id, who)) return StatusCode(StatusCodes.Status403Forbidden);
        var outcome = await ExecuteAsync(now => new DeclareInterest(AllianceRoles.NewDeclarationId(), who,
            Kebab.Parse<InterestKind>(request.Kind!), request.Description!.Trim(), partner is null ? null : PartnerId.Parse(partner),
            string.IsNullOrWhiteSpace(request.Organisation) ? null : request.Organisation.Trim(), now),
            AllianceRoles.InterestRegister, Fields, cancellationToken);
        if (outcome is null) return Page();

        Message = who == actor.Person
            ? "Uw melding staat nu in het register. Dank u wel."
            : $"De melding voor {NameOf(who)} staat nu in het register.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostBeeindigenAsync(string? declaration, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Refuse(AllianceRoles.InterestRegister) is { } refused) return refused;
        Show();

        if (!DeclarationId.TryParse(declaration, out var id) || Alliance.Declarations.FirstOrDefault(d => d.Id == id) is not { } entry)
        {
            Errors.Add(null, RuleMessage.For("declaration.unknown").Text);
            return Page();
        }
        if (!Actor!.MayKeepRegisterFor(Alliance.Id, entry.Person)) return StatusCode(StatusCodes.Status403Forbidden);
        var outcome = await ExecuteAsync(now => new EndInterestDeclaration(id, now), AllianceRoles.InterestRegister, Fields, cancellationToken);
        if (outcome is null) return Page();

        Message = outcome.Events.Count == 0
            ? "Deze melding was al beëindigd."
            : $"De melding van {NameOf(entry.Person)} is beëindigd. U vindt haar nu bij de beëindigde meldingen.";
        return RedirectToPage();
    }

    private void Show()
    {
        var view = Alliance;
        AtTheTable = [.. PeopleAtTheTable(view).OrderBy(p => p.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true))];
        Self = Actor is null ? null : AtTheTable.FirstOrDefault(p => p.Id == Actor.Person);
        Active = [.. view.Declarations.Where(d => d.IsActive).OrderByDescending(d => d.DeclaredAt).Select(RowFor)];
        Ended = [.. view.Declarations.Where(d => !d.IsActive).OrderByDescending(d => d.EndedAt).Select(RowFor)];
    }

    private Row RowFor(DeclarationView d) => new(d, NameOf(d.Person), AtTheTable.FirstOrDefault(p => p.Id == d.Person)?.Seat, Concerns(d),
        d.IsActive && MayDeclare && Actor!.MayKeepRegisterFor(Alliance.Id, d.Person));

    private string? Concerns(DeclarationView d)
    {
        var partner = d.Partner is { } id ? Alliance.Partner(id)?.Name ?? id.Value : null;
        return partner is not null && d.Organisation is not null ? $"{partner}; {d.Organisation}" : partner ?? d.Organisation;
    }

    /// <summary>Who the register is for (R16): representatives, officers and the programme's contacts.</summary>
    private IEnumerable<Person> PeopleAtTheTable(AllianceView view)
    {
        var seen = new HashSet<PersonId>();
        foreach (var r in view.Representatives)
            if (seen.Add(r.Person)) yield return new(r.Person, NameOf(r.Person), $"namens {view.Partner(r.Partner)?.Name ?? r.Partner.Value}");
        foreach (var o in view.Officers)
            if (seen.Add(o.Person)) yield return new(o.Person, NameOf(o.Person), DutchTerms.Office(o.Office));
        foreach (var c in view.EscalationContacts)
            if (seen.Add(c)) yield return new(c, NameOf(c), "contactpersoon NPSNW");
    }
}
