using Governance.Api.Commands;
using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Governance.Api.Alliances;
using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Api.Meetings;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Governance.Api.Meetings;

/// <summary>
/// One meeting: its place in the planning, the agenda (R3, R5, R7), the documents with every version's SHA-256 (R2, R4),
/// the announcements (R6), who was there (R15), the minutes, and the deadline table of the compliance view. Each role
/// gets the forms the API lets it use (<see cref="MeetingRoles"/>); each form posts the API's command through the same
/// <see cref="Commands"/>, with the API's validators and the shared host checks (<see cref="MeetingFacts"/>,
/// <see cref="DocumentRequests"/>, <see cref="DocumentFiles"/>).
/// </summary>
// The upload forms (documents, minutes) may send up to 20 MiB, as the API's upload endpoints; a page cannot raise the
// limit per handler, because the antiforgery check reads the form before the handler is chosen.
[RequestSizeLimit(DocumentFiles.MaxUploadBytes)]
public sealed class VergaderingModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, MeetingQueries meetings, DocumentFiles files,
    IValidator<ProposeAgendaItemRequest> proposeValidator, IValidator<DeferAgendaItemRequest> deferValidator,
    IValidator<RejectAgendaItemRequest> rejectValidator, IValidator<AnnounceRequest> announceValidator,
    IValidator<RecordAttendanceRequest> attendanceValidator, IValidator<WithdrawAttendanceRequest> withdrawValidator,
    IValidator<ExtendDeadlineRequest> extendValidator, IValidator<WaiveInformationPeriodRequest> waiveValidator,
    IValidator<RescheduleMeetingRequest> rescheduleValidator, IValidator<CancelMeetingRequest> cancelValidator,
    TimeProvider clock)
    : AlliancePageModel(queries, people, pipeline)
{
    private static readonly StringComparer DutchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);

    private MeetingView? _meeting;
    private readonly Dictionary<string, string?> _kept = new(StringComparer.Ordinal);
    private Dictionary<string, string> _meetingNames = [];

    public sealed record DeadlineRow(Deadline Deadline, string Key, string Subject, string Responsible, bool Extendable);

    public sealed record Seat(PersonId Person, string Name, PartnerId Partner, string PartnerName);

    public sealed record DeferredElsewhere(MeetingId From, MeetingItemSummary Item, string Label);

    /// <summary>The meeting id as typed in the address.</summary>
    public string RequestedMeeting => RouteData.Values["meeting"] as string ?? "";

    /// <summary>Null when the alliance has no such meeting: the page shows its own Dutch 404.</summary>
    public MeetingView? MeetingFound => _meeting;

    public MeetingView View => _meeting ?? throw new InvalidOperationException("The meeting was not loaded.");

    public Meeting.State.Scheduled? Scheduled => _meeting?.State as Meeting.State.Scheduled;

    public Meeting.State.Cancelled? Cancelled => _meeting?.State as Meeting.State.Cancelled;

    public string MeetingPath => $"{BasePath}/vergaderingen/{View.Id.Value}";

    public string ApiPath => $"/api/v1/alliances/{Alliance.Id.Value}/meetings/{View.Id.Value}";

    public Instant Now { get; private set; }

    public IReadOnlyList<DeadlineRow> Deadlines { get; private set; } = [];

    public int? DeadlinesAgreementsVersion { get; private set; }

    public IReadOnlyList<Seat> Seats { get; private set; } = [];

    public IReadOnlyList<DeferredElsewhere> Deferred { get; private set; } = [];

    /// <summary>How many meetings still to come "uitstellen naar" offers: the next ones in the planning.</summary>
    public const int LaterShown = 50;

    /// <summary>Meetings still to come, for "uitstellen naar" (the next <see cref="LaterShown"/>).</summary>
    public IReadOnlyList<(MeetingId Id, string Label)> Later { get; private set; } = [];

    /// <summary>Which form was posted with an error (a disclosure to show open).</summary>
    public string? OpenForm { get; private set; }

    // ---- who may do what: the API's role lists ----

    public bool MayKeepAgenda => MeetingRoles.AgendaKeepers.Any(Has);

    public bool MayPlan => MeetingRoles.Planners.Any(Has);

    public bool MayContribute => MeetingRoles.Contributors.Any(Has) && ContributorPartners.Count > 0;

    public bool IsChair => MeetingRoles.Chair.Any(Has);

    public bool IsSecretary => MeetingRoles.Secretary.Any(Has);

    public bool MayKeepAttendance => MeetingRoles.ChairOrSecretary.Any(Has);

    public bool MayExtend => MeetingRoles.ChairOrSecretary.Any(Has);

    public bool MayWaive => MeetingRoles.Waivers.Any(Has) && WaiverPartners.Count > 0;

    /// <summary>The partners this person may put items and documents forward for (<see cref="MeetingFacts.MayContributeFor"/>).</summary>
    public IReadOnlyList<PartnerView> ContributorPartners =>
        Actor is null ? [] : [.. Alliance.Partners.Where(p => p.IsMember && MeetingFacts.MayContributeFor(Actor, Alliance, p.Id) == MeetingFacts.PartnerCheck.Allowed)];

    public IReadOnlyList<PartnerView> WaiverPartners =>
        Actor is null ? [] : [.. Alliance.Partners.Where(p => p.IsMember && MeetingFacts.MayWaiveFor(Actor, Alliance, p.Id) == MeetingFacts.PartnerCheck.Allowed)];

    public bool MayContributeFor(PartnerId partner) =>
        Actor is not null && MeetingRoles.Contributors.Any(Has) && MeetingFacts.MayContributeFor(Actor, Alliance, partner) == MeetingFacts.PartnerCheck.Allowed;

    // ---- display helpers ----

    /// <summary>The value a field had when its form was posted with an error, so nothing needs typing again.</summary>
    public string? Kept(string inputId) => _kept.TryGetValue(inputId, out var value) ? value : null;

    public bool IsOpen(string form) => OpenForm == form;

    public string PartnerName(PartnerId? partner) =>
        partner is { } p ? Alliance.Partner(p)?.Name ?? p.Value : "";

    public string ItemTitle(AgendaItemId item) => Scheduled?.Items.TryGetValue(item, out var found) == true ? found.Title : item.Value;

    public string MeetingLabel(MeetingId id) => _meetingNames.TryGetValue(id.Value, out var label) ? label : id.Value;

    public IEnumerable<DocumentVersionView> VersionsOf(DocumentId document) =>
        View.DocumentVersions.Where(v => v.Document == document).OrderByDescending(v => v.Version);

    public Deadline? IntakeOf(AgendaItemId item) => Deadlines.Select(d => d.Deadline)
        .FirstOrDefault(d => d.Rule is "R3" or "R5" && d.Subject.Item == item);

    public Deadline? DeadlineOf(string rule, DeadlineSubject subject) => Deadlines.Select(d => d.Deadline)
        .FirstOrDefault(d => d.Rule == rule && d.Subject == subject);

    public static string DeferInputId(AgendaItemId item) => $"uitstellen-reden-{item.Value}";

    public static string RejectInputId(AgendaItemId item) => $"afwijzen-reden-{item.Value}";

    public static string WaiverInputId(AgendaItemId item) => $"ontheffing-reden-{item.Value}";

    public static string WaiverPartnerId(AgendaItemId item) => $"ontheffing-partner-{item.Value}";

    public static string VersionFileId(DocumentId document) => $"versie-bestand-{document.Value}";

    public static string VersionReasonId(DocumentId document) => $"versie-reden-{document.Value}";

    public static string WithdrawInputId(PersonId person) => $"afwezig-reden-{person.Value}";

    // ---- GET ----

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken)) return Page();
        return await ShowAsync(cancellationToken);
    }

    // ---- planning (R17) ----

    public async Task<IActionResult> OnPostVerplaatsenAsync(string? date, string? startTime, string? endTime, string? place, string? reason, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Planners, "verplaatsen", cancellationToken) is { } stop) return stop;
        Keep(("verplaatsen-datum", date), ("verplaatsen-begin", startTime), ("verplaatsen-eind", endTime), ("verplaatsen-plaats", place), ("verplaatsen-reden", reason));
        var fields = Fields(
            ("Start", "verplaatsen-datum", "Vul de nieuwe datum en begintijd in.", "Vul de datum in als dag-maand-jaar en de tijd als 19:30."),
            ("End", "verplaatsen-eind", "Vul de eindtijd in.", "Vul de eindtijd in als 21:30."),
            ("Place", "verplaatsen-plaats", "Vul in waar de vergadering is.", null),
            ("Reason", "verplaatsen-reden", "Schrijf op waarom de vergadering verplaatst wordt.", null));
        var start = Civil(date, startTime);
        var end = Civil(date, endTime);
        var request = new RescheduleMeetingRequest(start, end, place, reason);
        if (!await ValidAsync(rescheduleValidator, request, fields, cancellationToken)) return await ShowAsync(cancellationToken);
        _ = MeetingRules.TryParseLocal(start, out var from);
        _ = MeetingRules.TryParseLocal(end, out var until);
        var agreements = Alliance.Agreements;
        return await RunAsync(now => new RescheduleMeeting(from, until, place!.Trim(), reason!.Trim(), agreements, now), MeetingRoles.Planners, fields,
            $"De vergadering is verplaatst naar {MeetingTexts.When(from)}. Alle termijnen schuiven mee.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAfgelastenAsync(string? reason, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Planners, "afgelasten", cancellationToken) is { } stop) return stop;
        Keep(("afgelasten-reden", reason));
        var fields = Fields(("Reason", "afgelasten-reden", "Schrijf op waarom de vergadering niet doorgaat.", null));
        if (!await ValidAsync(cancelValidator, new CancelMeetingRequest(reason), fields, cancellationToken)) return await ShowAsync(cancellationToken);
        return await RunAsync(now => new CancelMeeting(reason!.Trim(), now), MeetingRoles.Planners, fields, "De vergadering is afgelast.", cancellationToken);
    }

    // ---- agenda (R1, R3, R5) ----

    public async Task<IActionResult> OnPostConceptagendaAsync(CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.AgendaKeepers, null, cancellationToken) is { } stop) return stop;
        return await RunAsync(now => new PublishDraftAgenda(now), MeetingRoles.AgendaKeepers, Fields(), "De conceptagenda is gepubliceerd.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAgendapuntAsync(string? partner, string? title, string? kind, string? carriedOver, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Contributors, "agendapunt", cancellationToken) is { } stop) return stop;
        Keep(("agendapunt-partner", partner), ("agendapunt-titel", title), ("agendapunt-soort", kind), ("agendapunt-eerder", carriedOver));
        var fields = Fields(
            ("Partner", "agendapunt-partner", "Kies namens welke partner u het punt aanmeldt.", null),
            ("Title", "agendapunt-titel", "Vul de titel van het agendapunt in.", null),
            ("Id", "agendapunt-titel", "Gebruik in de titel ook letters of cijfers.", null),
            ("Kind", "agendapunt-soort", "Kies wat voor agendapunt het is.", null),
            ("CarriedOverFrom", "agendapunt-eerder", "Kies een uitgesteld punt uit de lijst.", null),
            ("To", "agendapunt-eerder", "Kies een uitgesteld punt uit de lijst.", null));

        // R3: an item carried over keeps its id, so the earlier meeting's deferral can be checked.
        string? id;
        string? from = null;
        if (!string.IsNullOrEmpty(carriedOver) && carriedOver.Split('/') is [var meetingPart, var itemPart])
        {
            from = meetingPart;
            id = itemPart;
        }
        else
        {
            id = FreeItemId(AlliantieModel.SlugFrom(title));
        }
        var request = new ProposeAgendaItemRequest(id, partner, title, kind, from);
        var validation = await proposeValidator.ValidateAsync(request, cancellationToken);
        if (string.IsNullOrWhiteSpace(title)) validation.Errors.RemoveAll(e => e.PropertyName == nameof(ProposeAgendaItemRequest.Id));
        Errors.Add(validation, fields);
        if (Errors.Any) return await ShowAsync(cancellationToken);

        var partnerId = PartnerId.Parse(partner!);
        if (PartnerRefused(MeetingFacts.MayContributeFor(Actor!, Alliance, partnerId), fields) is { } refused) return refused;
        if (Errors.Any) return await ShowAsync(cancellationToken);
        var itemId = AgendaItemId.Parse(id!);
        var carried = from is null ? (MeetingId?)null : MeetingId.Parse(from);
        if (carried is { } earlier && !await MeetingFacts.WasDeferredAsync(Alliance.Id, earlier, View.Id, itemId, meetings, cancellationToken))
        {
            Errors.Add(RuleMessage.For("R3.not-carried-over"), fields);
            return await ShowAsync(cancellationToken);
        }
        var itemKind = Kebab.Parse<AgendaItemKind>(kind!);
        return await RunAsync(now => new ProposeAgendaItem(itemId, partnerId, title!.Trim(), itemKind, carried, now), MeetingRoles.Contributors, fields,
            $"Het agendapunt ‘{title!.Trim()}’ is aangemeld. De dagvoorzitter beslist of het op de agenda komt.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAccepterenAsync(string? item, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Chair, null, cancellationToken) is { } stop) return stop;
        if (ItemOrError(item) is not { } id) return await ShowAsync(cancellationToken);
        return await RunAsync(now => new AcceptAgendaItem(id, now), MeetingRoles.Chair, Fields(),
            $"‘{ItemTitle(id)}’ staat nu op de agenda.", cancellationToken);
    }

    public async Task<IActionResult> OnPostUitstellenAsync(string? item, string? reason, string? to, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Chair, "uitstellen-" + item, cancellationToken) is { } stop) return stop;
        if (ItemOrError(item) is not { } id) return await ShowAsync(cancellationToken);
        Keep((DeferInputId(id), reason), ($"uitstellen-naar-{id.Value}", to));
        var fields = Fields(("Reason", DeferInputId(id), $"Schrijf op waarom ‘{ItemTitle(id)}’ wordt uitgesteld.", null),
            ("To", $"uitstellen-naar-{id.Value}", "Kies een vergadering uit de lijst.", null));
        var target = string.IsNullOrEmpty(to) ? null : to;
        if (!await ValidAsync(deferValidator, new DeferAgendaItemRequest(reason, target), fields, cancellationToken)) return await ShowAsync(cancellationToken);
        return await RunAsync(now => new DeferAgendaItem(id, reason!.Trim(), target is null ? null : MeetingId.Parse(target), now), MeetingRoles.Chair, fields,
            $"‘{ItemTitle(id)}’ is uitgesteld.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAfwijzenAsync(string? item, string? reason, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Chair, "afwijzen-" + item, cancellationToken) is { } stop) return stop;
        if (ItemOrError(item) is not { } id) return await ShowAsync(cancellationToken);
        Keep((RejectInputId(id), reason));
        var fields = Fields(("Reason", RejectInputId(id), $"Schrijf op waarom ‘{ItemTitle(id)}’ niet op de agenda komt.", null));
        if (!await ValidAsync(rejectValidator, new RejectAgendaItemRequest(reason), fields, cancellationToken)) return await ShowAsync(cancellationToken);
        return await RunAsync(now => new RejectAgendaItem(id, reason!.Trim(), now), MeetingRoles.Chair, fields,
            $"‘{ItemTitle(id)}’ is afgewezen.", cancellationToken);
    }

    public async Task<IActionResult> OnPostBehandelenAsync(string? item, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Chair, null, cancellationToken) is { } stop) return stop;
        if (ItemOrError(item) is not { } id) return await ShowAsync(cancellationToken);
        return await RunAsync(now => new TakeUpAgendaItem(id, now), MeetingRoles.Chair, Fields(),
            $"‘{ItemTitle(id)}’ wordt nu behandeld.", cancellationToken);
    }

    /// <summary>R7: a residents' representative lets the chair proceed with an item whose information came too late.</summary>
    public async Task<IActionResult> OnPostOntheffingAsync(string? item, string? partner, string? reason, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Waivers, "ontheffing-" + item, cancellationToken) is { } stop) return stop;
        if (ItemOrError(item) is not { } id) return await ShowAsync(cancellationToken);
        Keep((WaiverPartnerId(id), partner), (WaiverInputId(id), reason));
        var fields = Fields(("Partner", WaiverPartnerId(id), "Kies namens welke partner u ontheffing geeft.", null),
            ("Reason", WaiverInputId(id), "Schrijf op waarom de bewoners toch willen doorgaan.", null));
        if (!await ValidAsync(waiveValidator, new WaiveInformationPeriodRequest(partner, reason), fields, cancellationToken)) return await ShowAsync(cancellationToken);
        var partnerId = PartnerId.Parse(partner!);
        if (PartnerRefused(MeetingFacts.MayWaiveFor(Actor!, Alliance, partnerId), fields) is { } refused) return refused;
        if (Errors.Any) return await ShowAsync(cancellationToken);
        var body = MeetingFacts.BodyOf(Alliance, partnerId)!.Value;
        var person = Actor!.Person;
        return await RunAsync(now => new WaiveInformationPeriod(id, person, partnerId, body, reason!.Trim(), now), MeetingRoles.Waivers, fields,
            $"De ontheffing voor ‘{ItemTitle(id)}’ is vastgelegd. De dagvoorzitter mag het punt nu behandelen.", cancellationToken);
    }

    // ---- documents (R2, R4) ----

    public async Task<IActionResult> OnPostStukDelenAsync(string? item, string? partner, string? title, string? purpose, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Contributors, "stuk", cancellationToken) is { } stop) return stop;
        Keep(("stuk-punt", item), ("stuk-partner", partner), ("stuk-titel", title), ("stuk-doel", purpose));
        var fields = Fields(
            ("Item", "stuk-punt", "Kies bij welk agendapunt het stuk hoort.", null),
            ("Partner", "stuk-partner", "Kies namens welke partner u het stuk deelt.", null),
            ("Title", "stuk-titel", "Vul de titel van het stuk in.", null),
            ("Id", "stuk-titel", "Gebruik in de titel ook letters of cijfers.", null),
            ("Purpose", "stuk-doel-besluit", "Kies waarvoor het stuk is.", null),
            ("File", "stuk-bestand", "Kies het bestand dat u wilt delen.", null));
        var id = AlliantieModel.SlugFrom(title) is { Length: > 0 } slug ? FreeDocumentId(slug) : "";
        var (shared, shapeErrors) = DocumentRequests.Share(id, item, partner, title, purpose);
        if (string.IsNullOrWhiteSpace(title)) shapeErrors.Remove("id");
        AddShapeErrors(shapeErrors, fields);
        if (file is not { Length: > 0 }) Errors.Add("stuk-bestand", fields["File"].Missing);
        if (Errors.Any || shared is null) return await ShowAsync(cancellationToken);
        if (PartnerRefused(MeetingFacts.MayContributeFor(Actor!, Alliance, shared.Partner), fields) is { } refused) return refused;
        if (Errors.Any) return await ShowAsync(cancellationToken);

        var stored = await files.StoreAsync(Alliance.Id, Actor!.Person, file!, cancellationToken);
        return await RunAsync(now => new ShareDocument(shared.Id, shared.Item, shared.Partner, shared.Title, shared.Purpose,
            stored.Sha256, stored.SizeBytes, stored.StorageKey, now), MeetingRoles.Contributors, fields,
            $"Het stuk ‘{shared.Title}’ is gedeeld. De vingerafdruk (SHA-256) begint met {stored.Sha256.Value[..12]}.", cancellationToken);
    }

    public async Task<IActionResult> OnPostNieuweVersieAsync(string? document, string? reason, string? title, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Contributors, "versie-" + document, cancellationToken) is { } stop) return stop;
        if (!DocumentId.TryParse(document, out var documentId) || Scheduled?.Documents.TryGetValue(documentId, out var current) != true)
        {
            Errors.Add(null, RuleMessage.For("document.unknown").Text);
            return await ShowAsync(cancellationToken);
        }
        Keep((VersionReasonId(documentId), reason), ($"versie-titel-{documentId.Value}", title));
        var fields = Fields(("Reason", VersionReasonId(documentId), "Schrijf op waarom er een nieuwe versie is.", null),
            ("Title", $"versie-titel-{documentId.Value}", "Gebruik niet meer dan 200 tekens.", null),
            ("File", VersionFileId(documentId), "Kies het bestand van de nieuwe versie.", null));
        var (why, newTitle, shapeErrors) = DocumentRequests.Replace(reason, title);
        AddShapeErrors(shapeErrors, fields);
        if (file is not { Length: > 0 }) Errors.Add(VersionFileId(documentId), fields["File"].Missing);
        if (Errors.Any) return await ShowAsync(cancellationToken);
        // A representative replaces only their own partner's documents (403 otherwise, as in the API).
        if (PartnerRefused(MeetingFacts.MayContributeFor(Actor!, Alliance, current!.Partner), fields) is { } refused) return refused;
        if (Errors.Any) return await ShowAsync(cancellationToken);

        var stored = await files.StoreAsync(Alliance.Id, Actor!.Person, file!, cancellationToken);
        return await RunAsync(now => new ReplaceDocument(documentId, newTitle, stored.Sha256, stored.SizeBytes, stored.StorageKey, why, now),
            MeetingRoles.Contributors, fields, $"Er is een nieuwe versie van ‘{newTitle ?? current.Title}’.", cancellationToken);
    }

    // ---- announcements (R6) ----

    public async Task<IActionResult> OnPostAankondigenAsync(string? channel, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Secretary, null, cancellationToken) is { } stop) return stop;
        var fields = Fields(("Channel", "aankondiging", "Kies hoe de bijeenkomst is aangekondigd.", null));
        if (!await ValidAsync(announceValidator, new AnnounceRequest(channel), fields, cancellationToken)) return await ShowAsync(cancellationToken);
        var parsed = Kebab.Parse<AnnouncementChannel>(channel!);
        return await RunAsync(now => new AnnounceResidentsMeeting(parsed, now), MeetingRoles.Secretary, fields,
            $"De aankondiging via {MeetingTexts.Channel(parsed)} is vastgelegd.", cancellationToken);
    }

    // ---- the meeting itself: open, attendance (R15), close, minutes ----

    public async Task<IActionResult> OnPostOpenenAsync(CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Chair, null, cancellationToken) is { } stop) return stop;
        return await RunAsync(now => new OpenMeeting(now), MeetingRoles.Chair, Fields(), "De vergadering is geopend.", cancellationToken);
    }

    public async Task<IActionResult> OnPostSluitenAsync(CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Chair, null, cancellationToken) is { } stop) return stop;
        return await RunAsync(now => new CloseMeeting(now), MeetingRoles.Chair, Fields(), "De vergadering is gesloten.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAanwezigAsync(string? person, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.ChairOrSecretary, "aanwezig", cancellationToken) is { } stop) return stop;
        Keep(("aanwezig-persoon", person));
        var fields = Fields(("Person", "aanwezig-persoon", "Kies wie er is.", null), ("Partner", "aanwezig-persoon", "Kies wie er is.", null));
        // The partner comes from the person's seat at the table, its body from the alliance (R15), never from the form.
        var seat = PersonId.TryParse(person, out var who) ? Alliance.Representatives.FirstOrDefault(r => r.Person == who) : null;
        if (!await ValidAsync(attendanceValidator, new RecordAttendanceRequest(person, seat?.Partner.Value), fields, cancellationToken)) return await ShowAsync(cancellationToken);
        if (MeetingFacts.BodyOf(Alliance, seat!.Partner) is not { } body)
        {
            Errors.Add(RuleMessage.For("partner.not-a-member"), fields);
            return await ShowAsync(cancellationToken);
        }
        return await RunAsync(now => new RecordAttendance(who, seat.Partner, body, now), MeetingRoles.ChairOrSecretary, fields,
            $"{NameOf(who)} is aanwezig voor {PartnerName(seat.Partner)}.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAfwezigAsync(string? person, string? reason, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.ChairOrSecretary, "afwezig-" + person, cancellationToken) is { } stop) return stop;
        if (!PersonId.TryParse(person, out var who))
        {
            Errors.Add(null, RuleMessage.For("attendance.not-recorded").Text);
            return await ShowAsync(cancellationToken);
        }
        Keep((WithdrawInputId(who), reason));
        var fields = Fields(("Reason", WithdrawInputId(who), "Schrijf op waarom u de aanwezigheid weghaalt.", null));
        if (!await ValidAsync(withdrawValidator, new WithdrawAttendanceRequest(reason), fields, cancellationToken)) return await ShowAsync(cancellationToken);
        return await RunAsync(now => new WithdrawAttendance(who, reason!.Trim(), now), MeetingRoles.ChairOrSecretary, fields,
            $"{NameOf(who)} staat niet meer bij de aanwezigen.", cancellationToken);
    }

    public async Task<IActionResult> OnPostVerslagAsync(string? reason, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Secretary, "verslag", cancellationToken) is { } stop) return stop;
        Keep(("verslag-reden", reason));
        var fields = Fields(("Reason", "verslag-reden", "Schrijf op wat er verbeterd is.", null), ("File", "verslag-bestand", "Kies het bestand van het verslag.", null));
        var (why, shapeErrors) = DocumentRequests.Minutes(reason);
        AddShapeErrors(shapeErrors, fields);
        if (file is not { Length: > 0 }) Errors.Add("verslag-bestand", fields["File"].Missing);
        if (Errors.Any) return await ShowAsync(cancellationToken);
        var stored = await files.StoreAsync(Alliance.Id, Actor!.Person, file!, cancellationToken);
        return await RunAsync(now => new PublishMinutes(stored.Sha256, stored.SizeBytes, stored.StorageKey, why, now), MeetingRoles.Secretary, fields,
            "Het verslag is gepubliceerd.", cancellationToken);
    }

    // ---- deadline extensions (R19) ----

    public async Task<IActionResult> OnPostVerlengenAsync(string? key, string? date, string? time, string? reason, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.ChairOrSecretary, "verlengen-" + key, cancellationToken) is { } stop) return stop;
        await ShowAsync(cancellationToken);
        if (Deadlines.FirstOrDefault(d => d.Key == key) is not { } row)
        {
            Errors.Add(null, RuleMessage.For("R19.deadline-unknown").Text);
            return Page();
        }
        Keep(($"verlengen-datum-{key}", date), ($"verlengen-tijd-{key}", time), ($"verlengen-reden-{key}", reason));
        var fields = Fields(("NewDue", $"verlengen-datum-{key}", "Vul de nieuwe datum en tijd in.", "Vul de datum in als dag-maand-jaar en de tijd als 17:00."),
            ("Reason", $"verlengen-reden-{key}", "Schrijf op waarom er meer tijd nodig is.", null));
        DateTimeOffset? newDue = MeetingRules.TryParseLocal(Civil(date, time), out var local)
            ? local.InZoneLeniently(DutchFormat.Amsterdam).ToDateTimeOffset() : null;
        var subject = row.Deadline.Subject;
        var request = new ExtendDeadlineRequest(row.Deadline.Rule, subject.Item?.Value, subject.Document?.Value,
            subject.Channel is { } c ? Kebab.Of(c) : null, newDue, reason, null);
        var validation = await extendValidator.ValidateAsync(request, cancellationToken);
        if (validation.IsValid)
        {
            // The form names the subject by its row, so only the date and the reason can be wrong here.
            var agreedBy = Actor!.Person;
            var outcome = await ExecuteAsync(Meeting.Decider, View.Id.StreamId, now => new ExtendDeadline(row.Deadline.Rule, subject,
                Instant.FromDateTimeOffset(newDue!.Value), reason!.Trim(), agreedBy, now), MeetingRoles.ChairOrSecretary, fields, cancellationToken);
            if (outcome is not null)
            {
                Message = $"De termijn is verlengd tot {DutchFormat.DateTime(Instant.FromDateTimeOffset(newDue!.Value))}.";
                return RedirectToPage();
            }
            return Page();
        }
        Errors.Add(validation, fields);
        return Page();
    }

    // ---- the steps every post takes ----

    /// <summary>Loads alliance and meeting (a Dutch 404 page otherwise) and refuses a role that may not do this, as the API does.</summary>
    private async Task<IActionResult?> BeginAsync(IReadOnlyList<Role> roles, string? form, CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken)) return Page();
        if (Refuse(roles) is { } refused) return refused;
        OpenForm = form;
        return null;
    }

    private async Task<IActionResult> RunAsync(
        Func<Instant, MeetingCommand> command, IReadOnlyList<Role> roles, IReadOnlyDictionary<string, FormErrors.Field> fields, string message,
        CancellationToken cancellationToken)
    {
        var outcome = await ExecuteAsync(Meeting.Decider, View.Id.StreamId, command, roles, fields, cancellationToken);
        if (outcome is null) return await ShowAsync(cancellationToken);
        Message = outcome.Events.Count == 0 ? "Dat was al zo. Er is niets veranderd." : message;
        return RedirectToPage();
    }

    /// <summary>Another partner than one's own is 403, as in the API; a partner that left is a Dutch error.</summary>
    private StatusCodeResult? PartnerRefused(MeetingFacts.PartnerCheck check, IReadOnlyDictionary<string, FormErrors.Field> fields)
    {
        switch (check)
        {
            case MeetingFacts.PartnerCheck.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case MeetingFacts.PartnerCheck.NotAMember:
                Errors.Add(RuleMessage.For("partner.not-a-member"), fields);
                break;
        }
        return null;
    }

    private async Task<bool> ValidAsync<T>(IValidator<T> validator, T request, IReadOnlyDictionary<string, FormErrors.Field> fields, CancellationToken cancellationToken)
    {
        Errors.Add(await validator.ValidateAsync(request, cancellationToken), fields);
        return !Errors.Any;
    }

    /// <summary>The upload checks' errors (keyed by form field) next to the page's inputs.</summary>
    private void AddShapeErrors(Dictionary<string, string[]> errors, IReadOnlyDictionary<string, FormErrors.Field> fields)
    {
        var failures = errors.Keys.Select(k => new ValidationFailure(char.ToUpperInvariant(k[0]) + k[1..], errors[k][0]) { ErrorCode = "Shape" });
        Errors.Add(new ValidationResult(failures), fields);
    }

    private AgendaItemId? ItemOrError(string? item)
    {
        if (AgendaItemId.TryParse(item, out var id) && Scheduled?.Items.ContainsKey(id) == true) return id;
        Errors.Add(null, RuleMessage.For("item.unknown").Text);
        return null;
    }

    private void Keep(params (string InputId, string? Value)[] values)
    {
        foreach (var (inputId, value) in values) _kept[inputId] = value;
    }

    private static Dictionary<string, FormErrors.Field> Fields(params (string Property, string InputId, string Missing, string? Invalid)[] fields) =>
        fields.ToDictionary(f => f.Property, f => new FormErrors.Field(f.InputId, f.Missing, f.Invalid), StringComparer.Ordinal);

    private static string? Civil(string? date, string? time) =>
        string.IsNullOrWhiteSpace(date) || string.IsNullOrWhiteSpace(time) ? null : $"{date.Trim()}T{time.Trim()}";

    private string FreeItemId(string slug)
    {
        if (slug.Length == 0) return slug;
        var taken = Scheduled?.Items.Keys.Select(k => k.Value).ToHashSet(StringComparer.Ordinal) ?? [];
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? slug : $"{slug}-{n}";
            if (!taken.Contains(candidate)) return candidate;
        }
    }

    private string FreeDocumentId(string slug)
    {
        var taken = Scheduled?.Documents.Keys.Select(k => k.Value).ToHashSet(StringComparer.Ordinal) ?? [];
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? slug : $"{slug}-{n}";
            if (!taken.Contains(candidate)) return candidate;
        }
    }

    private async Task<bool> LoadMeetingAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return false;
        _meeting = MeetingId.TryParse(RequestedMeeting, out var id) ? await meetings.GetAsync(Alliance.Id, id, null, cancellationToken) : null;
        if (_meeting is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }
        Now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        return true;
    }

    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        var list = MeetingDeadlines.Of(View.State, Now);
        DeadlinesAgreementsVersion = list.AgreementsVersion;
        Deadlines = [.. list.Checks.Select(d => new DeadlineRow(d, KeyOf(d), SubjectText(d.Subject),
            d.ResponsiblePartner is { } p ? PartnerName(p) : MeetingTexts.Office(d.ResponsibleOffice),
            MeetingDeadlines.ExtendableRules.Contains(d.Rule) && d.DoneAt is null && Now <= d.DueAt))];

        Seats = [.. Alliance.Representatives
            .Where(r => Alliance.Partner(r.Partner) is { IsMember: true })
            .Select(r => new Seat(r.Person, NameOf(r.Person), r.Partner, PartnerName(r.Partner)))
            .OrderBy(s => s.Name, DutchOrder)];

        // Other meetings come from their documents, never folded here: the next ones still planned after this one (to defer
        // an item to), the ones with an item deferred that may come here (R3), and any this meeting's items name.
        var startOfThis = Scheduled?.StartsAt.ToDateTimeOffset() ?? Cancelled?.Start.InZoneLeniently(Meeting.Zone).ToDateTimeOffset();
        var later = (await meetings.PlannedAfterAsync(Alliance.Id, startOfThis, LaterShown, cancellationToken)).Where(m => m.Meeting != View.Id.Value).ToList();
        var withDeferred = (await meetings.DeferredToAsync(Alliance.Id, View.Id, cancellationToken)).Where(m => m.Meeting != View.Id.Value).ToList();
        var named = Scheduled?.Items.Values.SelectMany(i => new[] { i.CarriedOverFrom, i.DeferredTo }).OfType<MeetingId>() ?? [];
        var known = later.Concat(withDeferred).Select(m => m.MeetingId).ToHashSet();
        var others = later.Concat(withDeferred)
            .Concat((await meetings.DocumentsAsync(Alliance.Id, named.Where(m => !known.Contains(m)), cancellationToken)).Values);
        _meetingNames = others.DistinctBy(m => m.Meeting).ToDictionary(m => m.Meeting, m => m is { Kind: { } kind, Start: { } start }
            ? $"{DutchTerms.Capitalised(MeetingTexts.Kind(kind))} van {MeetingTexts.When(start)}" : m.Meeting, StringComparer.Ordinal);
        Later = [.. later.Select(m => (m.MeetingId, MeetingLabel(m.MeetingId)))];
        var taken = Scheduled?.Items.Keys.ToHashSet() ?? [];
        Deferred = [.. withDeferred.SelectMany(m => m.Items
            .Where(i => i.Status == AgendaItemStatus.Deferred && (i.DeferredTo is null || i.DeferredTo == View.Id) && !taken.Contains(i.Id))
            .Select(i => new DeferredElsewhere(m.MeetingId, i, $"{i.Title} ({PartnerName(i.Proposer)}, uit de {MeetingLabel(m.MeetingId).ToLowerInvariant()})")))];
        return Page();
    }

    /// <summary>A deadline's stable key in form ids: rule and subject ("r2-document-verkeersplan").</summary>
    public static string KeyOf(Deadline deadline) =>
        $"{deadline.Rule.ToLowerInvariant()}-{MeetingResponses.SubjectOf(deadline.Subject).Replace(':', '-')}";

    public string SubjectText(DeadlineSubject subject) => DeadlineTexts.Subject(_meeting?.State ?? Meeting.Initial, subject);
}
