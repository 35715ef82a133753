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
// This file loads the meeting and holds the steps every post takes; each job's handlers are in a file of their own:
// Leiden.Tabling.cs, .Consent.cs, .Vote.cs, .Advice.cs. The markup likewise: Leiden.cshtml and its parts _Leiden….
public sealed partial class LeidenModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, ProposalQueries proposals, MeetingQueries meetings, TimeProvider clock)
    : ProposalPageModel(queries, people, pipeline, proposals)
{
    public sealed record Present(PersonId Person, string Name, PartnerId Partner, string PartnerName);

    public sealed record ItemRow(Meeting.AgendaItem Item, Decidability Decidability, InformationPeriodWaived? Waiver, IReadOnlyList<ProposalView> Proposals);

    /// <summary>What a part about one proposal (_LeidenConsentronde, _LeidenStemming, _LeidenAdvies) reads: the page and the proposal.</summary>
    public sealed record ProposalPart(LeidenModel Page, ProposalView View);

    /// <summary>What a part about one agenda item (_LeidenIndienen) reads: the page and the item.</summary>
    public sealed record ItemPart(LeidenModel Page, ItemRow Row);

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

    /// <summary>The people present, as the options of "who" in the forms: "name, partner".</summary>
    public IReadOnlyList<(string Value, string Label)> PresentOptions => [.. PresentPeople.Select(p => (p.Person.Value, $"{p.Name}, {p.PartnerName}"))];

    /// <summary>
    /// The people present who represent one of <paramref name="partners"/>, as the options of "who says this on behalf of
    /// the partner" (issue 12 §9: only a partner's own representative speaks for it).
    /// </summary>
    public IReadOnlyList<(string Value, string Label)> SpokespersonOptions(IEnumerable<PartnerId> partners)
    {
        var wanted = partners.ToHashSet();
        return [.. PresentPeople
            .Select(p => (Person: p, Represents: Alliance.Representatives.FirstOrDefault(r => r.Person == p.Person && wanted.Contains(r.Partner))))
            .Where(x => x.Represents is not null)
            .Select(x => (x.Person.Person.Value, $"{x.Person.Name}, namens {PartnerName(x.Represents!.Partner)}"))];
    }

    /// <summary>The member partners with a representative present: for whom an objection can be made besides one's own name.</summary>
    public IReadOnlyList<(string Value, string Label)> PresentPartnerOptions =>
        [.. Members.Where(m => PresentPeople.Any(p => ProposalAccess.Represents(Alliance, p.Person, m.Id))).Select(p => (p.Id.Value, p.Name))];

    /// <summary>Whether the signed-in officer represents a partner here, so that "Ikzelf" can table a proposal.</summary>
    public bool ActorRepresentsAPartner => Actor is { } a && Alliance.Representatives.Any(r => r.Person == a.Person);

    /// <summary>The member partners, as the options of "which partner" in the forms.</summary>
    public IReadOnlyList<(string Value, string Label)> MemberOptions => [.. Members.Select(p => (p.Id.Value, p.Name))];

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

    /// <summary>The moment the page was asked for: what the buttons are judged at.</summary>
    public Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    /// <summary>
    /// Why the proposal's decider would refuse <paramref name="command"/> now, in Dutch, or null when it would accept it:
    /// a button is offered only when it can succeed, and otherwise the page says why (issue 13).
    /// </summary>
    public string? WhyNot(ProposalView v, Func<Instant, ProposalCommand> command)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(command);
        return Proposal.Decider.Refusal(command(Now), v.State) is { } refused ? RuleMessage.For(refused.Code).Text : null;
    }

    public TallyPanel? Tally(ProposalView v) => ProposalTexts.Panel(v, BasePath, PartnerName);

    public string Record(ProposalView v) => ProposalTexts.Record(v, PartnerName, NameOf);

    public string ObjectorText(ObjectionView o) => o.Partner is { } p ? DutchTerms.PersonOf(NameOf(o.By), PartnerName(p)) : NameOf(o.By);

    // ---- requests ----

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Refuse(ProposalRoles.Chair) is { } refused) return refused;
        return await ShowAsync(cancellationToken);
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
