using Governance.Api.Commands;
using System.Globalization;
using System.Text;
using FluentValidation;
using Governance.Api.Alliances;
using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.Projections.Alliances;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Governance.Api.Alliances;

/// <summary>
/// The alliance overview: partners at the table with their people, the independent officers (R13), the programme's
/// escalation contacts, departed partners and the agreements in force. An admin of the alliance also gets the forms
/// to admit a partner, record a departure and seat a representative; each posts a command exactly as the API does.
/// </summary>
public sealed class AlliantieModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline,
    IValidator<AdmitPartnerRequest> admitValidator, IValidator<PartnerDepartureRequest> departureValidator,
    IValidator<AppointRepresentativeRequest> appointValidator, NpgsqlDataSource dataSource)
    : AlliancePageModel(queries, people, pipeline)
{
    private static readonly Role[] AdminOnly = [Role.Admin];

    // The add-partner form's inputs, by the request property FluentValidation and the rules name.
    private static readonly Dictionary<string, FormErrors.Field> PartnerFields = new(StringComparer.Ordinal)
    {
        ["Name"] = new("partner-naam", "Vul de naam van de partner in."),
        ["Id"] = new("partner-id", "Vul een korte naam voor het adres in.",
            "Gebruik voor het adres alleen kleine letters, cijfers en streepjes. Bijvoorbeeld: ymere."),
        ["Kind"] = new("partner-soort", "Kies wat voor organisatie de partner is."),
        ["Body"] = new("partner-organisatie-bewoners", "Kies of de partner een bewonersorganisatie of een professionele organisatie is."),
    };

    private static readonly Dictionary<string, FormErrors.Field> RepresentativeFields = new(StringComparer.Ordinal)
    {
        ["Person"] = new("vertegenwoordiger-persoon", "Kies wie aan tafel komt."),
        ["Partner"] = new("vertegenwoordiger-partner", "Kies namens welke partner deze persoon aan tafel zit."),
        ["HasMandate"] = new("vertegenwoordiger-mandaat-ja", "Kies of deze persoon mandaat heeft."),
    };

    public sealed record Seat(PersonId Person, string Name, bool HasMandate);

    public sealed record MemberRow(PartnerView Partner, IReadOnlyList<Seat> People);

    public sealed record OfficeRow(Office Office, PersonId? Person, string? Name, NodaTime.Instant? Since);

    public sealed record Candidate(PersonId Person, string Name, string? Partner);

    /// <summary>The form to admit a partner, as posted (kept when it has errors).</summary>
    public sealed class PartnerForm
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? Body { get; set; }
    }

    public sealed class RepresentativeForm
    {
        public string? Person { get; set; }
        public string? Partner { get; set; }
        public string? Mandate { get; set; }
    }

    [BindProperty]
    public PartnerForm NewPartner { get; set; } = new();

    [BindProperty]
    public RepresentativeForm NewRepresentative { get; set; } = new();

    /// <summary>The partner whose departure form was posted with an error: that form is shown open, with its text.</summary>
    public string? DepartingPartner { get; private set; }

    public string? DepartureReason { get; private set; }

    /// <summary>Which of the forms was posted; its errors belong to it.</summary>
    public string? PostedForm { get; private set; }

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    public IReadOnlyList<PartnerView> Departed { get; private set; } = [];

    public IReadOnlyList<OfficeRow> Offices { get; private set; } = [];

    public IReadOnlyList<(PersonId Person, string Name)> EscalationContacts { get; private set; } = [];

    /// <summary>People the admin may seat: those with a representative role here who have no seat yet.</summary>
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    public AgreementsVersionView Agreements => Alliance.AgreementsHistory[^1];

    public bool IsAdmin => Has(Role.Admin);

    public static string DepartureInputId(PartnerId partner) => $"vertrek-reden-{partner.Value}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken)) await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPartnerToevoegenAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Refuse(AdminOnly) is { } refused) return refused;
        PostedForm = "partner";

        var typedId = NewPartner.Id?.Trim();
        // Most people do not think in addresses: an empty id is made from the name ("!Woon" becomes "woon").
        var id = string.IsNullOrEmpty(typedId) ? SlugFrom(NewPartner.Name) : typedId;
        var request = new AdmitPartnerRequest(id, NewPartner.Name, NewPartner.Kind, NewPartner.Body);
        var validation = await admitValidator.ValidateAsync(request, cancellationToken);
        if (string.IsNullOrEmpty(typedId) && string.IsNullOrWhiteSpace(NewPartner.Name))
        {
            // Without a name there is nothing to make the id from; "fill in the name" says all there is to say.
            validation.Errors.RemoveAll(e => e.PropertyName == nameof(AdmitPartnerRequest.Id));
        }
        Errors.Add(validation, PartnerFields);
        if (Errors.Any) return await ShowAsync(cancellationToken);

        var name = NewPartner.Name!.Trim();
        var outcome = await ExecuteAsync(now => new AdmitPartner(PartnerId.Parse(id!), name,
            Kebab.Parse<PartnerKind>(NewPartner.Kind!), Kebab.Parse<PartnerBody>(NewPartner.Body!), now), AdminOnly, PartnerFields, cancellationToken);
        if (outcome is null) return await ShowAsync(cancellationToken);

        Message = $"{name} is toegevoegd.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPartnerVertrektAsync(string? partner, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Refuse(AdminOnly) is { } refused) return refused;
        PostedForm = "vertrek";

        if (!PartnerId.TryParse(partner, out var id) || Alliance.Partner(id) is not { IsMember: true } leaving)
        {
            Errors.Add(null, "Deze partner zit niet (meer) aan tafel. Kijk in de lijst welke partners er zijn.");
            return await ShowAsync(cancellationToken);
        }
        DepartingPartner = id.Value;
        DepartureReason = reason;
        var fields = new Dictionary<string, FormErrors.Field>(StringComparer.Ordinal)
        {
            ["Reason"] = new(DepartureInputId(id), $"Schrijf op waarom {leaving.Name} vertrekt."),
        };
        Errors.Add(await departureValidator.ValidateAsync(new PartnerDepartureRequest(reason), cancellationToken), fields);
        if (Errors.Any) return await ShowAsync(cancellationToken);

        var outcome = await ExecuteAsync(now => new RecordPartnerDeparture(id, reason!.Trim(), now), AdminOnly, fields, cancellationToken);
        if (outcome is null) return await ShowAsync(cancellationToken);

        Message = $"{leaving.Name} is vertrokken. De partner staat nu bij de vertrokken partners.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostVertegenwoordigerAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Refuse(AdminOnly) is { } refused) return refused;
        PostedForm = "vertegenwoordiger";

        bool? mandate = NewRepresentative.Mandate switch { "ja" => true, "nee" => false, _ => null };
        var request = new AppointRepresentativeRequest(NewRepresentative.Person, NewRepresentative.Partner, mandate);
        Errors.Add(await appointValidator.ValidateAsync(request, cancellationToken), RepresentativeFields);
        if (Errors.Any) return await ShowAsync(cancellationToken);

        var person = PersonId.Parse(request.Person!);
        var partner = PartnerId.Parse(request.Partner!);
        var outcome = await ExecuteAsync(now => new AppointRepresentative(person, partner, mandate!.Value, now), AdminOnly, RepresentativeFields, cancellationToken);
        if (outcome is null) return await ShowAsync(cancellationToken);

        var names = await People.NamesAsync([person], cancellationToken);
        var who = names.TryGetValue(person, out var n) && n.Length > 0 ? n : "De vertegenwoordiger";
        Message = outcome.Events.Count == 0
            ? $"{who} zat al zo aan tafel. Er is niets veranderd."
            : $"{who} zit nu aan tafel namens {Alliance.Partner(partner)?.Name} ({DutchTerms.Mandate(mandate!.Value)}).";
        return RedirectToPage();
    }

    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        var view = Alliance;
        Members = [.. view.Partners.Where(p => p.IsMember).Select(p => new MemberRow(p, [.. view.Representatives
            .Where(r => r.Partner == p.Id)
            .Select(r => new Seat(r.Person, NameOf(r.Person), r.HasMandate))
            .OrderBy(s => s.Name, StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true))]))];
        Departed = [.. view.Partners.Where(p => !p.IsMember).OrderByDescending(p => p.LeftAt)];
        Offices = [.. Enum.GetValues<Office>().Select(o => view.Officers.FirstOrDefault(x => x.Office == o) is { } held
            ? new OfficeRow(o, held.Person, NameOf(held.Person), held.Since)
            : new OfficeRow(o, null, null, null))];
        EscalationContacts = [.. view.EscalationContacts.Select(c => (c, NameOf(c)))];
        if (IsAdmin) Candidates = await CandidatesAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// People with the representative role in this alliance (given with `governance accounts grant`), seated or
    /// not: seating one again with another mandate changes the mandate.
    /// </summary>
    private async Task<IReadOnlyList<Candidate>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var grants = await RepresentativeAccounts.InAsync(dataSource, Alliance.Id, cancellationToken);
        var names = await People.NamesAsync(grants.Select(g => g.Person), cancellationToken);
        return [.. grants
            .Where(g => names.TryGetValue(g.Person, out var n) && n != PeopleDirectory.Erased)
            .Select(g => new Candidate(g.Person, names[g.Person], Alliance.Partner(g.Partner)?.Name ?? g.Partner.Value))
            .OrderBy(c => c.Name, StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true))];
    }

    /// <summary>"Stichting !Woon Nieuw-West" becomes "stichting-woon-nieuw-west": letters without accents, digits and hyphens.</summary>
    public static string SlugFrom(string? name)
    {
        var slug = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        return text.Length > 100 ? text[..100].TrimEnd('-') : text;
    }
}
