using Governance.Api.Commands;
using FluentValidation;
using Governance.Api.Alliances;
using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.EventStore;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Governance.Api.Meetings;

/// <summary>
/// The meeting streams over HTTP (issue 4): year planning, agenda, documents, announcements, attendance, minutes,
/// deadline extensions and waivers, plus the compliance view and the calendar. One stream per meeting
/// (<see cref="MeetingId.StreamId"/>) in the alliance's tenant.
/// </summary>
public static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapMeetingEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/alliances/{alliance}").WithTags("Meetings");
        const string M = "/meetings/{meeting}";

        api.MapGet("/meetings", List).WithName("ListMeetings");
        api.MapGet(M, Get).WithName("GetMeeting");
        api.MapGet(M + "/compliance", Compliance).WithName("GetMeetingCompliance");
        api.MapGet(M + "/documents/{document}/versions/{version:int}/file", DocumentFile).WithName("GetDocumentFile");
        api.MapGet(M + "/minutes/versions/{version:int}/file", MinutesFile).WithName("GetMinutesFile");
        // Two subscriptions (RFC 5545): the meetings with their deadlines (the feed's first address, kept) and the meetings only.
        api.MapGet("/calendar.ics", (string alliance, AllianceQueries alliances, MeetingQueries meetings, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
            Calendar(alliance, MeetingCalendar.Feed.MeetingsAndDeadlines, alliances, meetings, clock, request, ct)).WithName("GetCalendar");
        api.MapGet("/calendar/meetings.ics", (string alliance, AllianceQueries alliances, MeetingQueries meetings, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
            Calendar(alliance, MeetingCalendar.Feed.Meetings, alliances, meetings, clock, request, ct)).WithName("GetMeetingsCalendar");

        // The role lists are MeetingRoles, shared with the meeting pages.
        api.MapPost("/meetings", Schedule).RequireRoles(MeetingRoles.Planners).Validate<ScheduleMeetingRequest>();
        api.MapPost(M + "/reschedule", Reschedule).RequireRoles(MeetingRoles.Planners).Validate<RescheduleMeetingRequest>();
        api.MapPost(M + "/cancellation", Cancel).RequireRoles(MeetingRoles.Planners).Validate<CancelMeetingRequest>();
        api.MapPost(M + "/draft-agenda", PublishDraftAgenda).RequireRoles(MeetingRoles.AgendaKeepers);
        api.MapPost(M + "/items", Propose).RequireRoles(MeetingRoles.Contributors).Validate<ProposeAgendaItemRequest>();
        api.MapPost(M + "/items/{item}/acceptance", Accept).RequireRoles(MeetingRoles.Chair);
        api.MapPost(M + "/items/{item}/deferral", Defer).RequireRoles(MeetingRoles.Chair).Validate<DeferAgendaItemRequest>();
        api.MapPost(M + "/items/{item}/rejection", Reject).RequireRoles(MeetingRoles.Chair).Validate<RejectAgendaItemRequest>();
        // R2/R4: multipart/form-data with the file; the body limit is raised in the handler for these three only.
        api.MapPost(M + "/documents", Share).RequireRoles(MeetingRoles.Contributors);
        api.MapPost(M + "/documents/{document}/versions", Replace).RequireRoles(MeetingRoles.Contributors);
        api.MapPost(M + "/announcements", Announce).RequireRoles(MeetingRoles.Secretary).Validate<AnnounceRequest>();
        api.MapPost(M + "/attendance", RecordAttendance).RequireRoles(MeetingRoles.ChairOrSecretary).Validate<RecordAttendanceRequest>();
        // Issue 13: someone recorded for the wrong partner is corrected by a new event (the original stays), by the chair or the secretary.
        api.MapPost(M + "/attendance/{person}/correction", CorrectAttendance).RequireRoles(Correctors.Roles).Validate<CorrectAttendanceRequest>();
        api.MapPost(M + "/attendance/{person}/withdrawal", WithdrawAttendance).RequireRoles(MeetingRoles.ChairOrSecretary).Validate<WithdrawAttendanceRequest>();
        api.MapPost(M + "/opening", Open).RequireRoles(MeetingRoles.Chair);
        api.MapPost(M + "/closing", Close).RequireRoles(MeetingRoles.Chair);
        api.MapPost(M + "/minutes", PublishMinutes).RequireRoles(MeetingRoles.Secretary);
        // R19: a deadline is moved only on the record, by the chair or secretary, naming who agreed.
        api.MapPost(M + "/deadline-extensions", ExtendDeadline).RequireRoles(MeetingRoles.ChairOrSecretary).Validate<ExtendDeadlineRequest>();
        api.MapPost(M + "/items/{item}/waiver", Waive).RequireRoles(MeetingRoles.Waivers).Validate<WaiveInformationPeriodRequest>();
        api.MapPost(M + "/items/{item}/take-up", TakeUp).RequireRoles(MeetingRoles.Chair);
        return app;
    }

    public static IServiceCollection AddMeetingServices(this IServiceCollection services)
    {
        services.AddSingleton<MeetingQueries>();
        services.AddSingleton<DocumentFiles>();
        services.AddHostedService<OrphanDocumentCleanup>();
        services.AddSingleton<IValidator<ScheduleMeetingRequest>, ScheduleMeetingValidator>();
        services.AddSingleton<IValidator<RescheduleMeetingRequest>, RescheduleMeetingValidator>();
        services.AddSingleton<IValidator<CancelMeetingRequest>, CancelMeetingValidator>();
        services.AddSingleton<IValidator<ProposeAgendaItemRequest>, ProposeAgendaItemValidator>();
        services.AddSingleton<IValidator<DeferAgendaItemRequest>, DeferAgendaItemValidator>();
        services.AddSingleton<IValidator<RejectAgendaItemRequest>, RejectAgendaItemValidator>();
        services.AddSingleton<IValidator<AnnounceRequest>, AnnounceValidator>();
        services.AddSingleton<IValidator<RecordAttendanceRequest>, RecordAttendanceValidator>();
        services.AddSingleton<IValidator<WithdrawAttendanceRequest>, WithdrawAttendanceValidator>();
        services.AddSingleton<IValidator<CorrectAttendanceRequest>, CorrectAttendanceValidator>();
        services.AddSingleton<IValidator<ExtendDeadlineRequest>, ExtendDeadlineValidator>();
        services.AddSingleton<IValidator<WaiveInformationPeriodRequest>, WaiveInformationPeriodValidator>();
        return services;
    }

    // ---- reads (public) ----

    /// <summary>
    /// One page of the meetings by start, of one year when <paramref name="year"/> is given (the year planning, R17):
    /// <c>{meetings, page}</c>, the page also in Link and X-Total-Count.
    /// </summary>
    private static async Task<Results<Ok<MeetingListResponse>, ProblemHttpResult>> List(
        string alliance, int? year, int? page, int? pageSize, AllianceQueries alliances, MeetingQueries meetings, HttpContext http, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        if (year is < 1 or > 9999) return EndpointResults.BadQuery("year", "Use a year such as 2026.");
        if (!PageRequest.TryParse(page, pageSize, out var request, out var problem)) return problem!;
        var (items, total) = await meetings.PageAsync(view.Id, year, request.Skip, request.Size, ct);
        var links = PageLinks.For(new Paged<MeetingDocument>(items, request, total), http.Request);
        links.WriteHeaders(http.Response);
        return TypedResults.Ok(new MeetingListResponse([.. items.Select(Summary)], links));
    }

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> Get(
        string alliance, string meeting, DateTimeOffset? asOf, MeetingQueries meetings, HttpContext http, CancellationToken ct)
    {
        var (view, problem) = await LoadMeeting(alliance, meeting, meetings, ct, asOf);
        if (view is null) return problem!;
        http.Response.Headers.ETag = $"\"{view.StreamVersion}\"";
        return TypedResults.Ok(MeetingResponses.From(alliance, view));
    }

    private static async Task<Results<Ok<ComplianceResponse>, ProblemHttpResult>> Compliance(
        string alliance, string meeting, MeetingQueries meetings, TimeProvider clock, CancellationToken ct)
    {
        var (view, problem) = await LoadMeeting(alliance, meeting, meetings, ct);
        if (view is null) return problem!;
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        return TypedResults.Ok(MeetingResponses.Compliance(MeetingDeadlines.Of(view.State, now)));
    }

    private static async Task<IResult> DocumentFile(
        string alliance, string meeting, string document, int version, MeetingQueries meetings, DocumentFiles files, CancellationToken ct)
    {
        var (view, problem) = await LoadMeeting(alliance, meeting, meetings, ct);
        if (view is null) return problem!;
        var found = DocumentId.TryParse(document, out var id)
            ? view.DocumentVersions.FirstOrDefault(v => v.Document == id && v.Version == version) : null;
        if (found is null) return EndpointResults.NotFound($"Meeting '{meeting}' has no version {version} of document '{document}'.", "document.unknown");
        return await FileResult(view.Id, AllianceId.Parse(alliance), found.StorageKey, found.Sha256, files, ct);
    }

    private static async Task<IResult> MinutesFile(
        string alliance, string meeting, int version, MeetingQueries meetings, DocumentFiles files, CancellationToken ct)
    {
        var (view, problem) = await LoadMeeting(alliance, meeting, meetings, ct);
        if (view is null) return problem!;
        var found = view.Minutes.FirstOrDefault(m => m.Version == version);
        if (found is null) return EndpointResults.NotFound($"Meeting '{meeting}' has no version {version} of its minutes.", "minutes.unknown");
        return await FileResult(view.Id, AllianceId.Parse(alliance), found.StorageKey, found.Sha256, files, ct);
    }

    private static async Task<IResult> FileResult(MeetingId meeting, AllianceId alliance, string key, Sha256Digest sha, DocumentFiles files, CancellationToken ct)
    {
        var file = await files.LoadAsync(alliance, key, ct);
        if (file is null) return EndpointResults.NotFound($"The file of meeting '{meeting}' is not in storage.", "document.file-missing");
        // The digest is the ledger's: a strong ETag that anyone can check against the event.
        return TypedResults.File(file.Content, file.ContentType, file.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{sha.Value}\""));
    }

    private static async Task<IResult> Calendar(string alliance, MeetingCalendar.Feed feed,
        AllianceQueries alliances, MeetingQueries meetings, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        // A feed holds every meeting (calendar clients do not page); it reads their documents, never folds a stream.
        // The links go back to the site the feed was fetched from.
        var site = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        var text = MeetingCalendar.Write(view, await meetings.DocumentsAsync(view.Id, ct), now, site, feed);
        return TypedResults.Text(text, "text/calendar; charset=utf-8", System.Text.Encoding.UTF8);
    }

    // ---- commands ----

    private static async Task<Results<Created<CommandResponse>, ProblemHttpResult>> Schedule(
        string alliance, ScheduleMeetingRequest body, CommandBus pipeline, AllianceQueries alliances, HttpContext http, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var id = MeetingId.Parse(body.Id!);
        // The validator has checked both; a default here would be a validator bug, which the decider then refuses.
        _ = MeetingRules.TryParseLocal(body.Start, out var start);
        _ = MeetingRules.TryParseLocal(body.End, out var end);
        var outcome = await pipeline.HandleAsync(Meeting.Decider, view.Id.Value, id.StreamId,
            now => new ScheduleMeeting(id, Kebab.Parse<MeetingKind>(body.Kind!), start, end, body.Place!.Trim(), view.Agreements, now),
            CommandMetadata.For(http, http.ActingRole(view.Id)), EndpointResults.IfMatch(http), ct);
        return TypedResults.Created($"/api/v1/alliances/{view.Id.Value}/meetings/{id.Value}", EndpointResults.CommandResponse(outcome, http));
    }

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Reschedule(
        string alliance, string meeting, RescheduleMeetingRequest body, CommandBus pipeline, AllianceQueries alliances, HttpContext http, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        // The validator has checked both; a default here would be a validator bug, which the decider then refuses.
        _ = MeetingRules.TryParseLocal(body.Start, out var start);
        _ = MeetingRules.TryParseLocal(body.End, out var end);
        // The agreements in force now apply from here on (see the domain README: rescheduling re-applies them).
        return await Execute(alliance, meeting, pipeline, http,
            now => new RescheduleMeeting(start, end, body.Place!.Trim(), body.Reason!.Trim(), view.Agreements, now), ct);
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Cancel(
        string alliance, string meeting, CancelMeetingRequest body, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        Execute(alliance, meeting, pipeline, http, now => new CancelMeeting(body.Reason!.Trim(), now), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> PublishDraftAgenda(
        string alliance, string meeting, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        Execute(alliance, meeting, pipeline, http, now => new PublishDraftAgenda(now), ct);

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Propose(
        string alliance, string meeting, ProposeAgendaItemRequest body, CommandBus pipeline, AllianceQueries alliances, MeetingQueries meetings,
        HttpContext http, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var partner = PartnerId.Parse(body.Partner!);
        if (ContributorCheck(http, view, partner) is { } refused) return refused;
        var carried = body.CarriedOverFrom is null ? (MeetingId?)null : MeetingId.Parse(body.CarriedOverFrom);
        var itemId = AgendaItemId.Parse(body.Id!);
        // R3: a carried-over item counts as on time, so the host checks that the earlier meeting really deferred it here.
        if (carried is { } from && MeetingId.TryParse(meeting, out var to)
            && !await MeetingFacts.WasDeferredAsync(view.Id, from, to, itemId, meetings, ct)) return NotCarriedOver(from, itemId);
        return await Execute(alliance, meeting, pipeline, http, now => new ProposeAgendaItem(itemId, partner,
            body.Title!.Trim(), Kebab.Parse<AgendaItemKind>(body.Kind!), carried, now), ct);
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Accept(
        string alliance, string meeting, string item, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        WithItem(item, id => Execute(alliance, meeting, pipeline, http, now => new AcceptAgendaItem(id, now), ct));

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Defer(
        string alliance, string meeting, string item, DeferAgendaItemRequest body, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        WithItem(item, id => Execute(alliance, meeting, pipeline, http, now => new DeferAgendaItem(id, body.Reason!.Trim(),
            body.To is null ? null : MeetingId.Parse(body.To), now), ct));

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Reject(
        string alliance, string meeting, string item, RejectAgendaItemRequest body, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        WithItem(item, id => Execute(alliance, meeting, pipeline, http, now => new RejectAgendaItem(id, body.Reason!.Trim(), now), ct));

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Share(
        string alliance, string meeting, CommandBus pipeline, AllianceQueries alliances, DocumentFiles files, HttpContext http, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        if (await ReadUploadAsync(http, ct) is not ({ } form, { } file)) return UploadRequired();
        var (fields, errors) = DocumentRequests.Share(form["id"], form["item"], form["partner"], form["title"], form["purpose"]);
        if (fields is null) return Invalid(errors);
        var partner = fields.Partner;
        if (ContributorCheck(http, view, partner) is { } refused) return refused;
        if (await MeetingMissing(view.Id, meeting, pipeline, ct) is { } missing) return missing;

        return await ExecuteUpload(view.Id, meeting, file, files, pipeline, http, (stored, now) => new ShareDocument(fields.Id, fields.Item, partner,
            fields.Title, fields.Purpose, stored.Sha256, stored.SizeBytes, stored.StorageKey, now), ct);
    }

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Replace(
        string alliance, string meeting, string document, CommandBus pipeline, AllianceQueries alliances, MeetingQueries meetings,
        DocumentFiles files, HttpContext http, CancellationToken ct)
    {
        if (!DocumentId.TryParse(document, out var documentId)) return EndpointResults.InvalidId("document", document);
        var (current, problem) = await LoadMeeting(alliance, meeting, meetings, ct);
        if (current is null) return problem!;
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        if (await ReadUploadAsync(http, ct) is not ({ } form, { } file)) return UploadRequired();
        var (reason, title, errors) = DocumentRequests.Replace(form["reason"], form["title"]);
        if (errors.Count > 0) return Invalid(errors);
        // A representative replaces only their own partner's documents; an unknown document is the decider's refusal.
        if (current.State is Meeting.State.Scheduled s && s.Documents.TryGetValue(documentId, out var shared)
            && ContributorCheck(http, view, shared.Partner) is { } refused) return refused;

        if (await MeetingMissing(view.Id, meeting, pipeline, ct) is { } missing) return missing;
        return await ExecuteUpload(view.Id, meeting, file, files, pipeline, http, (stored, now) => new ReplaceDocument(documentId, title,
            stored.Sha256, stored.SizeBytes, stored.StorageKey, reason, now), ct);
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Announce(
        string alliance, string meeting, AnnounceRequest body, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        Execute(alliance, meeting, pipeline, http, now => new AnnounceResidentsMeeting(Kebab.Parse<AnnouncementChannel>(body.Channel!), now), ct);

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> RecordAttendance(
        string alliance, string meeting, RecordAttendanceRequest body, CommandBus pipeline, AllianceQueries alliances, HttpContext http, CancellationToken ct)
    {
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var partner = PartnerId.Parse(body.Partner!);
        // R15 counts the partner's body as the alliance records it, never as the client says.
        if (MeetingFacts.BodyOf(view, partner) is not { } partnerBody) return NotAMember(partner);
        return await Execute(alliance, meeting, pipeline, http,
            now => new RecordAttendance(PersonId.Parse(body.Person!), partner, partnerBody, now), ct);
    }

    /// <summary>
    /// Issue 13: the partner someone was present for, corrected; R15's balance is recomputed with the partner's body as the alliance
    /// records it, and both facts stay on record.
    /// </summary>
    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> CorrectAttendance(
        string alliance, string meeting, string person, CorrectAttendanceRequest body, CommandBus pipeline, AllianceQueries alliances, HttpContext http,
        CancellationToken ct)
    {
        if (!PersonId.TryParse(person, out var id)) return EndpointResults.InvalidId("person", person);
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var partner = PartnerId.Parse(body.Partner!);
        if (AttendanceCorrectionProblem(view, id, partner) is { } problem) return problem;
        var partnerBody = MeetingFacts.BodyOf(view, partner)!.Value;
        var (corrector, office) = (http.GetActor()!.Person, Correctors.OfficeOf(http, view.Id));
        return await Execute(alliance, meeting, pipeline, http,
            now => new CorrectAttendance(id, partner, partnerBody, corrector, office, body.Reason!, now), ct);
    }

    /// <summary>
    /// The host's part of correcting an attendance: the partner is a member (its body is what R15 counts), and someone who represents a
    /// partner at this table sits for a partner they represent, so a correction cannot seat a representative for another partner.
    /// </summary>
    internal static ProblemHttpResult? AttendanceCorrectionProblem(AllianceView view, PersonId person, PartnerId partner)
    {
        if (MeetingFacts.BodyOf(view, partner) is null) return NotAMember(partner);
        var seats = view.Representatives.Where(r => r.Person == person).Select(r => r.Partner).ToList();
        return seats.Count == 0 || seats.Contains(partner) ? null : TypedResults.Problem(ApiProblems.Problem(
            StatusCodes.Status409Conflict, "A working agreement refuses this.",
            $"'{person}' represents {string.Join(", ", seats.Select(s => $"'{s}'"))}, not '{partner}', so cannot have been present for it.",
            "person.not-a-representative"));
    }

    /// <summary>Corrects an attendance recorded by mistake; R15's balance is recomputed and both facts stay on record.</summary>
    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> WithdrawAttendance(
        string alliance, string meeting, string person, WithdrawAttendanceRequest body, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        PersonId.TryParse(person, out var id)
            ? Execute(alliance, meeting, pipeline, http, now => new WithdrawAttendance(id, body.Reason!.Trim(), now), ct)
            : Task.FromResult<Results<Ok<CommandResponse>, ProblemHttpResult>>(EndpointResults.InvalidId("person", person));

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Open(
        string alliance, string meeting, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        Execute(alliance, meeting, pipeline, http, now => new OpenMeeting(now), ct);

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Close(
        string alliance, string meeting, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        Execute(alliance, meeting, pipeline, http, now => new CloseMeeting(now), ct);

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> PublishMinutes(
        string alliance, string meeting, CommandBus pipeline, DocumentFiles files, HttpContext http, CancellationToken ct)
    {
        if (!AllianceId.TryParse(alliance, out var id)) return EndpointResults.InvalidId("alliance", alliance);
        if ((await pipeline.StreamVersionAsync(id.Value, Governance.Domain.Alliances.Alliance.StreamId, ct)) == 0) return EndpointResults.AllianceNotFound(alliance);
        if (await ReadUploadAsync(http, ct) is not ({ } form, { } file)) return UploadRequired();
        var (reason, errors) = DocumentRequests.Minutes(form["reason"]);
        if (errors.Count > 0) return Invalid(errors);
        if (await MeetingMissing(id, meeting, pipeline, ct) is { } missing) return missing;
        return await ExecuteUpload(id, meeting, file, files, pipeline, http, (stored, now) => new PublishMinutes(stored.Sha256, stored.SizeBytes,
            stored.StorageKey, reason, now), ct);
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> ExtendDeadline(
        string alliance, string meeting, ExtendDeadlineRequest body, CommandBus pipeline, HttpContext http, CancellationToken ct)
    {
        var subject = body switch
        {
            { Item: { } item } => DeadlineSubject.ForItem(AgendaItemId.Parse(item)),
            { Document: { } document } => DeadlineSubject.ForDocument(DocumentId.Parse(document)),
            { Channel: { } channel } => DeadlineSubject.ForChannel(Kebab.Parse<AnnouncementChannel>(channel)),
            _ => DeadlineSubject.TheMeeting,
        };
        // R19 records who agreed; without a name it is the officer who records it.
        var agreedBy = body.AgreedBy is null ? http.GetActor()!.Person : PersonId.Parse(body.AgreedBy);
        return Execute(alliance, meeting, pipeline, http, now => new ExtendDeadline(body.Rule!.Trim(), subject,
            Instant.FromDateTimeOffset(body.NewDue!.Value), body.Reason!.Trim(), agreedBy, now), ct);
    }

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Waive(
        string alliance, string meeting, string item, WaiveInformationPeriodRequest body, CommandBus pipeline, AllianceQueries alliances,
        HttpContext http, CancellationToken ct)
    {
        if (!AgendaItemId.TryParse(item, out var itemId)) return EndpointResults.InvalidId("agenda item", item);
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var partner = PartnerId.Parse(body.Partner!);
        var actor = http.GetActor()!;
        // R7: the waiver is the residents' own; a person waives only for a partner they represent.
        if (Refused(MeetingFacts.MayWaiveFor(actor, view, partner), partner) is { } refused) return refused;
        // The body comes from the alliance; the decider refuses a professional body (R7.waiver-not-by-residents).
        var partnerBody = MeetingFacts.BodyOf(view, partner)!.Value;
        return await Execute(alliance, meeting, pipeline, http,
            now => new WaiveInformationPeriod(itemId, actor.Person, partner, partnerBody, body.Reason!.Trim(), now), ct);
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> TakeUp(
        string alliance, string meeting, string item, CommandBus pipeline, HttpContext http, CancellationToken ct) =>
        WithItem(item, id => Execute(alliance, meeting, pipeline, http, now => new TakeUpAgendaItem(id, now), ct));

    // ---- shared ----

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> Execute(
        string alliance, string meeting, CommandBus pipeline, HttpContext http,
        Func<Instant, MeetingCommand> command, CancellationToken ct)
    {
        if (!AllianceId.TryParse(alliance, out var id)) return EndpointResults.InvalidId("alliance", alliance);
        if ((await pipeline.StreamVersionAsync(id.Value, Governance.Domain.Alliances.Alliance.StreamId, ct)) == 0) return EndpointResults.AllianceNotFound(alliance);
        if (await MeetingMissing(id, meeting, pipeline, ct) is { } missing) return missing;
        var outcome = await pipeline.HandleAsync(Meeting.Decider, id.Value, MeetingId.Parse(meeting).StreamId, command,
            CommandMetadata.For(http, http.ActingRole(id)), EndpointResults.IfMatch(http), ct);
        return TypedResults.Ok(EndpointResults.CommandResponse(outcome, http));
    }

    /// <summary>
    /// The three uploads (share, replace, minutes) after their checks: the bytes are stored for the command and removed again
    /// when it is refused or fails (issue 12 §4); the alliance and the meeting are known to exist.
    /// </summary>
    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> ExecuteUpload(
        AllianceId alliance, string meeting, IFormFile file, DocumentFiles files, CommandBus pipeline, HttpContext http,
        Func<StoredFile, Instant, MeetingCommand> command, CancellationToken ct)
    {
        var stream = MeetingId.Parse(meeting).StreamId;
        var (_, outcome) = await files.StoreForAsync(alliance, stream, http.GetActor()!.Person, file,
            stored => pipeline.HandleAsync(Meeting.Decider, alliance.Value, stream, now => command(stored, now),
                CommandMetadata.For(http, http.ActingRole(alliance)), EndpointResults.IfMatch(http), ct),
            (o, key) => DocumentFiles.References(o.Events, key), ct);
        return TypedResults.Ok(EndpointResults.CommandResponse(outcome, http));
    }

    /// <summary>An unknown or malformed meeting is 400/404, not the decider's "not scheduled" refusal.</summary>
    private static async Task<ProblemHttpResult?> MeetingMissing(AllianceId alliance, string meeting, CommandBus pipeline, CancellationToken ct)
    {
        if (!MeetingId.TryParse(meeting, out var id)) return EndpointResults.InvalidId("meeting", meeting);
        return (await pipeline.StreamVersionAsync(alliance.Value, id.StreamId, ct)) == 0 ? EndpointResults.MeetingNotFound(meeting) : null;
    }

    /// <summary>
    /// The host's part of R3 and R2 (<see cref="MeetingFacts.MayContributeFor"/>): another partner's item or document is
    /// 403 (who you are), an unknown or departed partner 409.
    /// </summary>
    private static ProblemHttpResult? ContributorCheck(HttpContext http, AllianceView view, PartnerId partner) =>
        Refused(MeetingFacts.MayContributeFor(http.GetActor()!, view, partner), partner);

    private static ProblemHttpResult? Refused(MeetingFacts.PartnerCheck check, PartnerId partner) => check switch
    {
        MeetingFacts.PartnerCheck.Forbidden => AuthorizationExtensions.Forbidden(),
        MeetingFacts.PartnerCheck.NotAMember => NotAMember(partner),
        _ => null,
    };

    private static ProblemHttpResult NotCarriedOver(MeetingId from, AgendaItemId item) => TypedResults.Problem(ApiProblems.Problem(
        StatusCodes.Status409Conflict, "A working agreement refuses this.",
        $"Meeting '{from}' did not defer an item '{item}' to this meeting, so it cannot be carried over (R3).", "R3.not-carried-over",
        ApiProblems.RuleTypeBase + "R3"));

    private static async Task<(IFormCollection? Form, IFormFile? File)> ReadUploadAsync(HttpContext http, CancellationToken ct)
    {
        // CommandBus are capped at 1 MiB (WebHost); uploads may be larger, up to DocumentFiles.MaxUploadBytes.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = DocumentFiles.MaxUploadBytes;
        if (!http.Request.HasFormContentType) return (null, null);
        try
        {
            var form = await http.Request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            // Issue 12 §1: the file's name and type are stored beside the bytes.
            if (file is not null && (!TextInput.IsClean(file.FileName) || !TextInput.IsClean(file.ContentType))) throw new InvalidTextException("file");
            return (form, file is { Length: > 0 } ? file : null);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException || e is IOException and not BadHttpRequestException && !ct.IsCancellationRequested)
        {
            // Issue 12 §2: no boundary, a wrong one, a truncated body, too many parts, a broken part header.
            throw new BadInputException("upload-malformed", $"The multipart/form-data body cannot be read: {e.Message}");
        }
    }

    private static Task<Results<Ok<CommandResponse>, ProblemHttpResult>> WithItem(
        string item, Func<AgendaItemId, Task<Results<Ok<CommandResponse>, ProblemHttpResult>>> then) =>
        AgendaItemId.TryParse(item, out var id) ? then(id) : Task.FromResult<Results<Ok<CommandResponse>, ProblemHttpResult>>(EndpointResults.InvalidId("agenda item", item));


    private static async Task<(MeetingView? View, ProblemHttpResult? Problem)> LoadMeeting(
        string alliance, string meeting, MeetingQueries queries, CancellationToken ct, DateTimeOffset? asOf = null)
    {
        if (!AllianceId.TryParse(alliance, out var a)) return (null, EndpointResults.AllianceNotFound(alliance));
        if (!MeetingId.TryParse(meeting, out var m)) return (null, EndpointResults.MeetingNotFound(meeting));
        var view = await queries.GetAsync(a, m, asOf, ct);
        return view is null ? (null, EndpointResults.MeetingNotFound(meeting)) : (view, null);
    }

    private static MeetingSummary Summary(MeetingDocument d) => d.Status switch
    {
        MeetingDocument.Cancelled => new(d.Meeting, d.Kind, MeetingDocument.Cancelled, d.Start, null, null, false),
        MeetingDocument.NotScheduled => new(d.Meeting, null, MeetingDocument.NotScheduled, null, null, null, false),
        _ => new(d.Meeting, d.Kind, d.Status, d.Start, d.End, d.Place, d.DuringOfficeHours),
    };


    private static ProblemHttpResult NotAMember(PartnerId partner) => TypedResults.Problem(ApiProblems.Problem(StatusCodes.Status409Conflict,
        "A working agreement refuses this.", $"'{partner}' is not a member partner of this alliance.", "partner.not-a-member"));

    private static ProblemHttpResult UploadRequired() => TypedResults.Problem(ApiProblems.Problem(StatusCodes.Status400BadRequest,
        "The request is not valid.", "Send multipart/form-data with a non-empty 'file' part.", "file-required"));

    private static ProblemHttpResult Invalid(Dictionary<string, string[]> errors)
    {
        var problem = ApiProblems.Problem(StatusCodes.Status400BadRequest, "The request is not valid.", "See errors.", "validation");
        problem.Extensions["errors"] = errors;
        return TypedResults.Problem(problem);
    }
}

/// <summary>A page of meetings, like every list of the API: the items and the <c>page</c> with its links.</summary>
public sealed record MeetingListResponse(IReadOnlyList<MeetingSummary> Meetings, PageLinks Page);
