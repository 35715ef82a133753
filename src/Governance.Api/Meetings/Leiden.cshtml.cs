using Governance.Api.Commands;
using System.Globalization;
using Governance.Api.Alliances;
using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Api.Proposals;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;
using Governance.Projections.Proposals;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace Governance.Api.Meetings;

/// <summary>
/// The chair's "Vergadering leiden" page (issue 5 §4): the agenda items of one meeting with their decidability (R7),
/// the proposals per item, and a form for every step the chair takes at the table: table a proposal for a partner,
/// the consent round (questions, reactions, objections, testing and resolving them, consent), the vote (open it,
/// record a recusal, the live tally, close it) and an advice refusal (R9). Each form posts the command the API posts.
/// </summary>
public sealed class LeidenModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, ProposalQueries proposals, MeetingQueries meetings)
    : ProposalPageModel(queries, people, pipeline, proposals)
{
    public sealed record Present(PersonId Person, string Name, PartnerId Partner, string PartnerName);

    public sealed record ItemRow(Meeting.AgendaItem Item, Decidability Decidability, InformationPeriodWaived? Waiver, IReadOnlyList<ProposalView> Proposals);

    /// <summary>Every field any of the forms posts; <see cref="Key"/> says which form it was.</summary>
    public sealed class PostedForm
    {
        public string? Key { get; set; }
        public string? Proposal { get; set; }
        public string? Item { get; set; }
        public int? Objection { get; set; }
        public string? Title { get; set; }
        public string? Text { get; set; }
        public string? Partner { get; set; }
        public string? Proposer { get; set; }
        public List<string> Concerns { get; set; } = [];
        public string? Kind { get; set; }
        public string? By { get; set; }
        public string? Summary { get; set; }
        public string? Reasons { get; set; }
        public string? Finding { get; set; }
        public string? Note { get; set; }
        public string? Resolution { get; set; }
        public string? Owner { get; set; }
        public string? Due { get; set; }
        public string? Ground { get; set; }
        public string? Person { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty]
    public PostedForm Form { get; set; } = new();

    /// <summary>Null when the meeting is unknown (the page says so, with 404).</summary>
    public Meeting.State.Scheduled? Meeting { get; private set; }

    public MeetingId MeetingId { get; private set; }

    public IReadOnlyList<ItemRow> Items { get; private set; } = [];

    public IReadOnlyList<Present> PresentPeople { get; private set; } = [];

    public IReadOnlyList<Projections.Alliances.PartnerView> Members { get; private set; } = [];

    /// <summary>The people at this alliance's table (its representatives), for "who tables it".</summary>
    public IReadOnlyList<Present> Representatives { get; private set; } = [];

    public string Title => Meeting is { } m ? $"Vergadering leiden: {DutchFormat.DateTime(m.StartsAt.ToInstant())}" : "Vergadering leiden";

    // ---- what the view asks ----

    /// <summary>The HTML id of a form's field: the form's key and the field, e.g. "bezwaar-speelstraat-redenen".</summary>
    public static string Id(string key, string field) => $"{key}-{field}";

    /// <summary>The posted value of a field, when this form was the one posted (a form with errors keeps its input).</summary>
    public string? Value(string key, string field) =>
        Form.Key != key ? null : field switch
        {
            "Title" => Form.Title, "Text" => Form.Text, "Partner" => Form.Partner, "Proposer" => Form.Proposer, "Kind" => Form.Kind,
            "By" => Form.By, "Summary" => Form.Summary, "Reasons" => Form.Reasons, "Finding" => Form.Finding, "Note" => Form.Note,
            "Resolution" => Form.Resolution, "Owner" => Form.Owner, "Due" => Form.Due, "Ground" => Form.Ground, "Person" => Form.Person,
            "Reason" => Form.Reason,
            _ => null,
        };

    public bool Posted(string key) => Form.Key == key;

    public bool ConcernChecked(string key, PartnerId partner) => Form.Key == key && Form.Concerns.Contains(partner.Value);

    public TallyPanel? Tally(ProposalView v) => ProposalTexts.Panel(v, BasePath, PartnerName);

    public string Record(ProposalView v) => ProposalTexts.Record(v, PartnerName, NameOf);

    public string ObjectorText(ObjectionView o) => NameOf(o.By) + (o.Partner is { } p ? $" ({PartnerName(p)})" : "");

    // ---- requests ----

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Refuse(ProposalRoles.Chair) is { } refused) return refused;
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostIndienenAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Chair, cancellationToken) is { } stop) return stop;
        var key = Form.Key = $"indienen-{Form.Item}";
        var fields = Fields(key, ("Title", "titel", "Vul de titel van het voorstel in.", null), ("Text", "tekst", "Schrijf de tekst van het voorstel op.", null),
            ("Partner", "partner", "Kies namens welke partner het voorstel komt.", null), ("Proposer", "indiener", "Kies wie het voorstel indient.", null));
        if (!AgendaItemId.TryParse(Form.Item, out var item) || !Meeting!.Items.ContainsKey(item))
        {
            Errors.Add(null, RuleMessage.For("item.unknown").Text);
            return await ShowAsync(cancellationToken);
        }
        var slug = AlliantieModel.SlugFrom(Form.Title);
        var request = new TableProposalRequest(slug.Length == 0 ? null : slug, MeetingId.Value, item.Value, Form.Title, Form.Text, Form.Partner,
            string.IsNullOrEmpty(Form.Proposer) ? null : Form.Proposer, Form.Concerns);
        if (!await ValidAsync(request, fields, cancellationToken)) return await ShowAsync(cancellationToken);

        var partner = PartnerId.Parse(request.Partner!);
        var concerns = Form.Concerns.Select(PartnerId.Parse).Distinct().ToList();
        var proposer = request.Proposer is null ? Actor!.Person : PersonId.Parse(request.Proposer);
        switch (ProposalAccess.MayTable(Actor!, Alliance, partner, proposer, concerns, out _))
        {
            case ProposalAccess.Check.Forbidden: return StatusCode(StatusCodes.Status403Forbidden);
            case ProposalAccess.Check.NotAMember: Errors.Add(RuleMessage.For("partner.not-a-member"), fields); return await ShowAsync(cancellationToken);
        }
        var id = ProposalId.Parse(request.Id!);
        var decidability = Meeting!.IsDecidable(item);
        var outcome = await ExecuteAsync(id, now => new TableProposal(id, MeetingId, item, Form.Title!.Trim(), Form.Text!.Trim(), partner, proposer,
            [.. concerns], decidability, now), ProposalRoles.Chair, fields, cancellationToken);
        if (outcome is null) return await ShowAsync(cancellationToken);
        return Done($"Het voorstel ‘{Form.Title!.Trim()}’ is ingediend.", id);
    }

    public Task<IActionResult> OnPostConsentrondeAsync(CancellationToken cancellationToken) =>
        SimpleAsync("consentronde", now => new OpenConsentRound(now), "De consentronde is geopend.", cancellationToken);

    public async Task<IActionResult> OnPostBijdrageAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Recorders, cancellationToken) is { } stop) return stop;
        if (await ProposalOfFormAsync("bijdrage", cancellationToken) is not ({ } id, { } key)) return await ShowAsync(cancellationToken);
        var fields = Fields(key, ("Kind", "soort-vraag", "Kies of het een vraag of een reactie is.", null), ("By", "wie", "Kies wie het zei.", null),
            ("Summary", "samenvatting", "Schrijf kort op wat er gezegd is.", null));
        var by = Attendee(Form.By);
        var request = new ContributionRequest(Form.Kind, by?.Person.Value, by?.Partner.Value, Form.Summary);
        if (!await ValidAsync(request, fields, cancellationToken)) return await ShowAsync(cancellationToken);
        var outcome = await ExecuteAsync(id, now => new RecordContribution(Kebab.Parse<ContributionKind>(request.Kind!), by?.Person, by?.Partner,
            request.Summary!.Trim(), now), ProposalRoles.Recorders, fields, cancellationToken);
        return outcome is null ? await ShowAsync(cancellationToken) : Done(request.Kind == "question" ? "De vraag is genoteerd." : "De reactie is genoteerd.", id);
    }

    public async Task<IActionResult> OnPostBezwaarAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Chair, cancellationToken) is { } stop) return stop;
        if (await ProposalOfFormAsync("bezwaar", cancellationToken) is not ({ } id, { } key)) return await ShowAsync(cancellationToken);
        var fields = Fields(key, ("By", "wie", "Kies wie bezwaar maakt.", null), ("Partner", "partner", "Kies voor welke partner.", null),
            ("Reasons", "redenen", "Schrijf op waarom iemand bezwaar maakt.", null));
        var by = Attendee(Form.By);
        if (by is null) Errors.Add(Id(key, "wie"), "Kies wie bezwaar maakt.");
        if (!await ValidAsync(new RaiseObjectionRequest(Form.By, NullIfEmpty(Form.Partner), Form.Reasons), fields, cancellationToken) || Errors.Any)
            return await ShowAsync(cancellationToken);
        PartnerId? partner = NullIfEmpty(Form.Partner) is { } p ? PartnerId.Parse(p) : null;
        if (!ProposalAccess.MayObject(Actor!, Alliance.Id, by!.Person, partner)) return StatusCode(StatusCodes.Status403Forbidden);
        var outcome = await ExecuteAsync(id, now => new RaiseObjection(by.Person, partner, Form.Reasons!.Trim(), now), ProposalRoles.Chair, fields, cancellationToken);
        return outcome is null ? await ShowAsync(cancellationToken) : Done($"Het bezwaar van {by.Name} is genoteerd. Toets het nu: geldig bezwaar of zorg?", id);
    }

    public async Task<IActionResult> OnPostToetsenAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Chair, cancellationToken) is { } stop) return stop;
        if (await ProposalOfFormAsync("toetsen", cancellationToken) is not ({ } id, { } key)) return await ShowAsync(cancellationToken);
        var fields = Fields(key, ("Finding", "geldig", "Kies of het een geldig bezwaar is of een zorg.", null), ("Note", "toelichting", "", null));
        var request = new TestObjectionRequest(Form.Finding, NullIfEmpty(Form.Note));
        if (!await ValidAsync(request, fields, cancellationToken)) return await ShowAsync(cancellationToken);
        var finding = Kebab.Parse<ObjectionFinding>(request.Finding!);
        var outcome = await ExecuteAsync(id, now => new TestObjection(Form.Objection ?? 0, finding, request.Note?.Trim() ?? string.Empty, now),
            ProposalRoles.Chair, fields, cancellationToken);
        return outcome is null ? await ShowAsync(cancellationToken)
            : Done(finding == ObjectionFinding.ValidObjection
                ? "Het is een geldig bezwaar. Los het op: verwerk het in een nieuwe versie, laat het intrekken of stel het uit."
                : "Het is een zorg. Die is genoteerd en houdt het besluit niet tegen.", id);
    }

    public async Task<IActionResult> OnPostOplossenAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Chair, cancellationToken) is { } stop) return stop;
        if (await ProposalOfFormAsync("oplossen", cancellationToken) is not ({ } id, { } key)) return await ShowAsync(cancellationToken);
        var fields = Fields(key, ("Resolution", "verwerkt", "Kies wat er met het bezwaar is gedaan.", null),
            ("Text", "tekst", "Schrijf de nieuwe tekst van het voorstel op.", null), ("Note", "toelichting", "", null),
            ("Owner", "eigenaar", "Kies wie erop terugkomt.", null), ("Due", "datum", "Vul de datum in.", "Vul een datum in, bijvoorbeeld 9 juni 2026."),
            ("Reason", "toelichting", "Schrijf op wat er in de nieuwe versie is veranderd.", null));
        var request = new ResolveObjectionRequest(Form.Resolution, NullIfEmpty(Form.Note), NullIfEmpty(Form.Owner), NullIfEmpty(Form.Due));
        if (!await ValidAsync(request, fields, cancellationToken)) return await ShowAsync(cancellationToken);
        var resolution = Kebab.Parse<ObjectionResolution>(request.Resolution!);
        var number = Form.Objection ?? 0;
        var view = await Proposals.GetAsync(Alliance.Id, id, cancellationToken: cancellationToken);
        if (resolution == ObjectionResolution.Amendment && NullIfEmpty(Form.Text) is { } text && text.Trim() != view?.State.Text)
        {
            // The amendment first (the same command as POST …/amendments), then the resolution that names its version.
            var objector = view?.Objections.FirstOrDefault(o => o.Number == number) is { } o ? ObjectorText(o) : "het bezwaar";
            var reason = NullIfEmpty(Form.Note)?.Trim() ?? $"Bezwaar van {objector} verwerkt.";
            if (!await ValidAsync(new AmendProposalRequest(text, reason), fields, cancellationToken)) return await ShowAsync(cancellationToken);
            if (await ExecuteAsync(id, now => new AmendProposal(text.Trim(), reason, now), ProposalRoles.Chair, fields, cancellationToken) is null)
                return await ShowAsync(cancellationToken);
        }
        var outcome = await ExecuteAsync(id, now => new ResolveObjection(number, resolution, request.Note?.Trim() ?? string.Empty,
            request.Owner is null ? null : PersonId.Parse(request.Owner),
            request.Due is null ? null : LocalDatePattern.Iso.Parse(request.Due).Value, now), ProposalRoles.Chair, fields, cancellationToken);
        return outcome is null ? await ShowAsync(cancellationToken) : Done(resolution switch
        {
            ObjectionResolution.Amendment => "Het bezwaar is verwerkt in een nieuwe versie van de tekst.",
            ObjectionResolution.Withdrawal => "Het bezwaar is ingetrokken.",
            _ => "Het bezwaar is uitgesteld.",
        }, id);
    }

    public Task<IActionResult> OnPostConsentAsync(CancellationToken cancellationToken) =>
        SimpleAsync("consent", now => new ReachConsent(now), "Er is consent. Het voorstel is aangenomen.", cancellationToken);

    public async Task<IActionResult> OnPostStemmingOpenenAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Chair, cancellationToken) is { } stop) return stop;
        if (await ProposalOfFormAsync("stemming", cancellationToken) is not ({ } id, { } key)) return await ShowAsync(cancellationToken);
        var fields = Fields(key, ("Ground", "grond-consent-failed", "Kies waarom er gestemd wordt.", null));
        var request = new OpenVoteRequest(Form.Ground);
        if (!await ValidAsync(request, fields, cancellationToken)) return await ShowAsync(cancellationToken);
        var ground = Kebab.Parse<VoteGround>(request.Ground!);
        // The snapshot's inputs, read now, exactly as the API reads them (R14, R16).
        var meeting = await meetings.GetAsync(Alliance.Id, MeetingId, null, cancellationToken);
        var outcome = await ExecuteAsync(id, now => ProposalFacts.OpenVote(ground, Alliance, meeting?.State, now), ProposalRoles.Chair, fields, cancellationToken);
        return outcome is null ? await ShowAsync(cancellationToken) : Done("De stemming is open. De vertegenwoordigers kunnen nu stemmen.", id);
    }

    public async Task<IActionResult> OnPostBelangAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Chair, cancellationToken) is { } stop) return stop;
        if (await ProposalOfFormAsync("belang", cancellationToken) is not ({ } id, { } key)) return await ShowAsync(cancellationToken);
        var fields = Fields(key, ("Person", "wie", "Kies wie een belang heeft.", null), ("Reason", "reden", "Schrijf op welk belang er is.", null));
        var person = Attendee(Form.Person);
        if (person is null) Errors.Add(Id(key, "wie"), "Kies wie een belang heeft.");
        if (!await ValidAsync(new RecusalRequest(Form.Person, Form.Reason), fields, cancellationToken) || Errors.Any) return await ShowAsync(cancellationToken);
        if (!ProposalAccess.MayRecuse(Actor!, Alliance.Id, person!.Person)) return StatusCode(StatusCodes.Status403Forbidden);
        var outcome = await ExecuteAsync(id, now => new DeclareRecusal(person.Person, Form.Reason!.Trim(), now), ProposalRoles.Chair, fields, cancellationToken);
        return outcome is null ? await ShowAsync(cancellationToken) : Done($"{person.Name} stemt niet mee over dit voorstel (afspraak R16).", id);
    }

    public Task<IActionResult> OnPostStemmingSluitenAsync(CancellationToken cancellationToken) =>
        SimpleAsync("sluiten", now => new Domain.Proposals.CloseVote(now), "De stemming is gesloten.", cancellationToken);

    public async Task<IActionResult> OnPostWeigeringAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Chair, cancellationToken) is { } stop) return stop;
        if (await ProposalOfFormAsync("weigering", cancellationToken) is not ({ } id, { } key)) return await ShowAsync(cancellationToken);
        var fields = Fields(key, ("Partner", "partner", "Kies welke partner het besluit niet uitvoert.", null),
            ("By", "wie", "Kies wie dat zegt namens de partner.", null), ("Reason", "reden", "Schrijf op waarom de partner het besluit niet uitvoert.", null));
        var request = new DeclineExecutionRequest(Form.Partner, NullIfEmpty(Form.By), Form.Reason);
        if (!await ValidAsync(request, fields, cancellationToken)) return await ShowAsync(cancellationToken);
        var partner = PartnerId.Parse(request.Partner!);
        if (ProposalAccess.Decliner(Actor!, Alliance.Id, partner, request.By is null ? null : PersonId.Parse(request.By)) is not { } by)
            return StatusCode(StatusCodes.Status403Forbidden);
        var outcome = await ExecuteAsync(id, now => new DeclineExecution(partner, by, request.Reason!.Trim(), Alliance.Agreements, now),
            ProposalRoles.Chair, fields, cancellationToken);
        return outcome is null ? await ShowAsync(cancellationToken)
            : Done($"{PartnerName(partner)} voert het besluit niet uit. Het is nu een advies aan {PartnerName(partner)}; die geeft een motivatie (afspraak R9).", id);
    }

    // ---- shared ----

    private async Task<IActionResult> SimpleAsync(string form, Func<Instant, ProposalCommand> command, string message, CancellationToken cancellationToken)
    {
        if (await StartAsync(ProposalRoles.Chair, cancellationToken) is { } stop) return stop;
        if (await ProposalOfFormAsync(form, cancellationToken) is not ({ } id, _)) return await ShowAsync(cancellationToken);
        var outcome = await ExecuteAsync(id, command, ProposalRoles.Chair, new Dictionary<string, FormErrors.Field>(), cancellationToken);
        return outcome is null ? await ShowAsync(cancellationToken) : Done(message, id);
    }

    /// <summary>Loads the alliance and the meeting and refuses who may not post; null to go on.</summary>
    private async Task<IActionResult?> StartAsync(IReadOnlyList<Role> roles, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        // The page is the chair's; the secretary's share (the record of contributions) is on the API.
        if (Refuse(ProposalRoles.Chair) is { } refused) return refused;
        if (Refuse(roles) is { } notAllowed) return notAllowed;
        if (!await LoadMeetingAsync(cancellationToken)) return Page();
        return null;
    }

    /// <summary>The proposal the form names, and the form's key; null (with an error) when it is not on this meeting.</summary>
    private async Task<(ProposalId Id, string Key)?> ProposalOfFormAsync(string form, CancellationToken cancellationToken)
    {
        var key = Form.Key = Form.Objection is { } n ? $"{form}-{Form.Proposal}-{n.ToString(CultureInfo.InvariantCulture)}" : $"{form}-{Form.Proposal}";
        if (ProposalId.TryParse(Form.Proposal, out var id)
            && await Proposals.GetAsync(Alliance.Id, id, cancellationToken: cancellationToken) is { } view && view.State.Meeting == MeetingId)
            return (id, key);
        Errors.Add(null, "Dit voorstel staat niet op deze vergadering.");
        return null;
    }

    private static Dictionary<string, FormErrors.Field> Fields(string key, params (string Property, string Field, string Missing, string? Invalid)[] fields) =>
        fields.ToDictionary(f => f.Property, f => new FormErrors.Field(Id(key, f.Field), f.Missing, f.Invalid), StringComparer.Ordinal);

    private Present? Attendee(string? person) =>
        PersonId.TryParse(person, out var id) ? PresentPeople.FirstOrDefault(p => p.Person == id) : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private RedirectResult Done(string message, ProposalId proposal)
    {
        Message = message;
        return Redirect($"{Request.Path}#voorstel-{proposal.Value}");
    }

    private async Task<bool> LoadMeetingAsync(CancellationToken cancellationToken)
    {
        var requested = RouteData.Values["meeting"] as string;
        if (!MeetingId.TryParse(requested, out var id)
            || await meetings.GetAsync(Alliance.Id, id, null, cancellationToken) is not { State: Meeting.State.Scheduled scheduled })
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }
        MeetingId = id;
        Meeting = scheduled;
        var names = await People.NamesAsync([.. scheduled.Attendance.Keys], cancellationToken);
        PresentPeople = [.. scheduled.Attendance
            .Select(a => new Present(a.Key, names.TryGetValue(a.Key, out var n) && n.Length > 0 ? n : NameOf(a.Key), a.Value.Partner, PartnerName(a.Value.Partner)))
            .OrderBy(p => p.PartnerName, StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), true))
            .ThenBy(p => p.Name, StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), true))];
        return true;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (Meeting is null && !await LoadMeetingAsync(cancellationToken)) return Page();
        // The inline documents: what the chair just did shows at once.
        var all = await Proposals.ForMeetingAsync(Alliance.Id, MeetingId, cancellationToken);
        Items = [.. Meeting!.Items.Values.OrderBy(i => i.ProposedAt).ThenBy(i => i.Id.Value, StringComparer.Ordinal)
            .Select(i => new ItemRow(i, Meeting.IsDecidable(i.Id), Meeting.ValidWaiverFor(i.Id), [.. all.Where(p => p.State.Item == i.Id)]))];
        Members = [.. Alliance.Partners.Where(p => p.IsMember)];
        Representatives = [.. Alliance.Representatives
            .Select(r => new Present(r.Person, NameOf(r.Person), r.Partner, PartnerName(r.Partner)))
            .OrderBy(p => p.PartnerName, StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), true))
            .ThenBy(p => p.Name, StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), true))];
        return Page();
    }

    /// <summary>Why an item is not decidable, in Dutch (R7).</summary>
    public static string NotDecidableText(Decidability d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Refusal switch
        {
            null => "",
            "R7.not-decidable" when d.Detail?.StartsWith("No document", StringComparison.Ordinal) == true =>
                "Er is geen stuk om over te besluiten gedeeld. De bewoners hebben dus geen informatie gehad (afspraak R7).",
            "R7.not-decidable" => "De stukken waren er niet op tijd voor de vergadering (afspraak R7). Een vertegenwoordiger van de bewoners kan ontheffing geven.",
            var code => RuleMessage.For(code).Text,
        };
    }
}
