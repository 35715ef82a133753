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
// This file loads the meeting and holds the steps every post takes; each job's handlers are in a file of their own:
// Vergadering.Planning.cs, .Agenda.cs, .Documents.cs, .Announcements.cs, .Attendance.cs (and minutes), .Deadlines.cs,
// and what a past meeting led to, .Outcome.cs.
// The upload forms (documents, minutes) may send up to 20 MiB, as the API's upload endpoints; a page cannot raise the
// limit per handler, because the antiforgery check reads the form before the handler is chosen.
[RequestSizeLimit(DocumentFiles.MaxUploadBytes)]
public sealed partial class VergaderingModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, MeetingQueries meetings, DocumentFiles files,
    IValidator<ProposeAgendaItemRequest> proposeValidator, IValidator<DeferAgendaItemRequest> deferValidator,
    IValidator<RejectAgendaItemRequest> rejectValidator, IValidator<AnnounceRequest> announceValidator,
    IValidator<RecordAttendanceRequest> attendanceValidator, IValidator<WithdrawAttendanceRequest> withdrawValidator,
    IValidator<ExtendDeadlineRequest> extendValidator, IValidator<WaiveInformationPeriodRequest> waiveValidator,
    IValidator<RescheduleMeetingRequest> rescheduleValidator, IValidator<CancelMeetingRequest> cancelValidator,
    TimeProvider clock, Checkpoints.CheckpointStore checkpoints,
    Projections.Proposals.ProposalQueries proposals, Projections.Commitments.CommitmentQueries commitments,
    Projections.Escalations.EscalationQueries escalations)
    : AlliancePageModel(queries, people, pipeline)
{
    /// <summary>For a closed meeting, the first checkpoint signed after its close: the minutes publish it (issue 15).</summary>
    public EventStore.Checkpoint? CheckpointAfterClose { get; private set; }

    private static readonly StringComparer DutchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);

    private MeetingView? _meeting;
    private readonly Dictionary<string, string?> _kept = new(StringComparer.Ordinal);
    private readonly HashSet<string> _keptPresent = new(StringComparer.Ordinal);
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

    /// <summary>
    /// Why the meeting's decider would refuse <paramref name="command"/> now, in Dutch, or null when it would accept it:
    /// a button is offered only when it can succeed, and otherwise the page says why (issue 13).
    /// </summary>
    public string? WhyNot(Func<Instant, MeetingCommand> command) =>
        Scheduled is { } s && Meeting.Decider.Refusal(command(Now), s) is { } refused ? RuleMessage.For(refused.Code).Text : null;

    /// <summary>Whether a checkbox of the attendance form was ticked when it was posted with an error.</summary>
    public bool KeptPresent(PersonId person) => _keptPresent.Contains(person.Value);

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
        await LoadOutcomeAsync(cancellationToken);
        return await ShowAsync(cancellationToken);
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
        if (_meeting.ClosedAt is { } closedAt)
            CheckpointAfterClose = await checkpoints.FirstSignedFromAsync(Alliance.Id.Value, closedAt.ToDateTimeOffset(), cancellationToken);
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
            .Select(i => new DeferredElsewhere(m.MeetingId, i, $"{i.Title} ({DutchTerms.WithinBrackets(PartnerName(i.Proposer))}, uit de {MeetingLabel(m.MeetingId).ToLowerInvariant()})")))];
        return Page();
    }

    /// <summary>A deadline's stable key in form ids: rule and subject ("r2-document-verkeersplan").</summary>
    public static string KeyOf(Deadline deadline) =>
        $"{deadline.Rule.ToLowerInvariant()}-{MeetingResponses.SubjectOf(deadline.Subject).Replace(':', '-')}";

    public string SubjectText(DeadlineSubject subject) => DeadlineTexts.Subject(_meeting?.State ?? Meeting.Initial, subject);
}
