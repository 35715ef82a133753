using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Governance.Api.Http;
using Governance.Api.Proposals;
using Governance.Domain;
using Governance.Projections.Alliances;
using Governance.Projections.Commitments;
using Governance.Projections.Meetings;
using Governance.Projections.Proposals;
using Governance.Projections.Punctuality;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace Governance.Api.OpenData;

/// <summary>
/// Open data (issue 15 point 5): the decisions register (Popolo names), promises with owner, due date and status, meetings
/// with their agenda, and every meeting deadline with its compliance, each as CSV and JSON, under CC0 1.0 (ADR 8).
/// No person ids or names: partners and offices only.
/// </summary>
public static class OpenDataEndpoints
{
    public const string Licence = "CC0-1.0";
    public const string LicenceUrl = "https://creativecommons.org/publicdomain/zero/1.0/";
    public static readonly string[] Datasets = ["decisions", "promises", "meetings", "deadlines"];
    private const int Batch = 200;

    public sealed record Envelope<T>(string Licence, string LicenceUrl, string Alliance, string Dataset, Instant GeneratedAt, IReadOnlyList<T> Items);

    public sealed record PromiseRow(string Id, string Owner, string What, LocalDate Due, string Status, string Source, string? Meeting,
        Instant MadeAt, Instant? SettledAt);

    public sealed record MeetingRow(string Id, string? Kind, string Status, LocalDateTime? Start, string? Place, int AgendaItems,
        int DeadlinesMet, int DeadlinesLate, int DeadlinesMissed, int DeadlinesWaived, int DeadlinesPending, bool DuringOfficeHours,
        IReadOnlyList<AgendaRow> Agenda);

    public sealed record AgendaRow(string Id, string Title, string Proposer, string Kind, string Status, string? DeferredTo);

    public sealed record DeadlineRow(string Meeting, string Rule, string Subject, string? SubjectTitle, string? Partner, string? Office,
        Instant MeetingStart, Instant DueAt, Instant? DoneAt, string Status, int AgreementsVersion);

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/alliances/{alliance}/open-data").WithTags("Open data").AllowAnonymous();
        api.MapGet("/{file}", Get).WithName("GetOpenData");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Get(string alliance, string file, AllianceQueries alliances,
        ProposalQueries proposals, CommitmentQueries commitments, MeetingQueries meetings, PunctualityQueries punctuality, TimeProvider clock,
        Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, HttpResponse response, CancellationToken ct)
    {
        var dot = file.LastIndexOf('.');
        var (dataset, format) = dot > 0 ? (file[..dot], file[(dot + 1)..]) : (file, "");
        var ori = dataset == OpenRaadsinformatie.Dataset && format == "json";
        if (!ori && (!Datasets.Contains(dataset) || format is not ("csv" or "json")))
            return EndpointResults.NotFound($"There is no open data file '{file}'; there are {string.Join(", ", Datasets.Select(d => d + ".csv"))}, the same as .json, "
                + $"and {OpenRaadsinformatie.Dataset}.json.", "open-data.unknown");
        if (await EndpointResults.LoadAlliance(alliance, alliances, ct) is not { } view) return EndpointResults.AllianceNotFound(alliance);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        response.Headers.Append("Link", $"<{LicenceUrl}>; rel=\"license\"");
        var id = view.Id;
        var options = json.Value.SerializerOptions;
        if (ori)
        {
            var site = new Uri($"{response.HttpContext.Request.Scheme}://{response.HttpContext.Request.Host}/");
            var folded = new List<MeetingView>();
            foreach (var m in await meetings.DocumentsAsync(id, ct))
                if (await meetings.GetAsync(id, m.MeetingId, cancellationToken: ct) is { } meeting) folded.Add(meeting);
            var built = OpenRaadsinformatie.Build(id, site, now, folded, await AllPromisesAsync(id, commitments, now, ct), Licence, LicenceUrl);
            return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(built, options), "application/json; charset=utf-8", $"{id.Value}-{OpenRaadsinformatie.Dataset}.json");
        }
        return dataset switch
        {
            "decisions" => Write(options, format, id, dataset, now, await DecisionsAsync(id, proposals, now, ct), DecisionCsv),
            "promises" => Write(options, format, id, dataset, now, await PromisesAsync(id, commitments, now, ct), PromiseCsv),
            "meetings" => Write(options, format, id, dataset, now, await MeetingsAsync(id, meetings, punctuality, now, ct), MeetingCsv),
            _ => Write(options, format, id, dataset, now, await DeadlinesAsync(id, punctuality, now, ct), DeadlineCsv),
        };
    }

    private static FileContentHttpResult Write<T>(JsonSerializerOptions options, string format, AllianceId alliance, string dataset, Instant now,
        IReadOnlyList<T> items, (string[] Header, Func<T, string?[]> Row) csvShape)
    {
        var name = $"{alliance.Value}-{dataset}.{format}";
        if (format == "json")
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(new Envelope<T>(Licence, LicenceUrl, alliance.Value, dataset, now, items), options);
            return TypedResults.File(json, "application/json; charset=utf-8", name);
        }
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, options: null, leaveOpen: true))   // RFC 4180
        {
            csv.WriteHeader(csvShape.Header);
            foreach (var item in items) csv.WriteRecord([.. csvShape.Row(item).Select(v => v ?? "")]);
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", name);
    }

    private static string Iso(Instant instant) => InstantPattern.General.Format(instant);

    private static string? Iso(Instant? instant) => instant is { } i ? Iso(i) : null;

    private static readonly (string[], Func<DecisionEntry, string?[]>) DecisionCsv = (
        ["id", "title", "creator_id", "classification", "result", "date", "meeting_id", "agenda_item_id", "yes_count", "yes_weight",
            "no_count", "no_weight", "abstain_count", "abstain_weight", "objections", "concerns"],
        d =>
        {
            string?[] Count(string option) =>
                d.VoteEvent?.Counts.FirstOrDefault(x => x.Option == option) is { } c ? [Number(c.Value), Number(c.Weight)] : [null, null];
            var m = d.Motion;
            return [d.Id, m.Title, m.CreatorId, m.Classification, m.Result, Iso(m.Date), m.MeetingId, m.AgendaItemId,
                .. Count("yes"), .. Count("no"), .. Count("abstain"), Number(d.Objections.Count), string.Join(';', m.Concerns)];
        });

    private static readonly (string[], Func<PromiseRow, string?[]>) PromiseCsv = (
        ["id", "owner", "what", "due", "status", "source", "meeting", "made_at", "settled_at"],
        p => [p.Id, p.Owner, p.What, LocalDatePattern.Iso.Format(p.Due), p.Status, p.Source, p.Meeting, Iso(p.MadeAt), Iso(p.SettledAt)]);

    private static readonly (string[], Func<MeetingRow, string?[]>) MeetingCsv = (
        ["id", "kind", "status", "start", "place", "agenda_items", "deadlines_met", "deadlines_late", "deadlines_missed", "deadlines_waived",
            "deadlines_pending", "during_office_hours"],
        m => [m.Id, m.Kind, m.Status, m.Start is { } s ? LocalDateTimePattern.GeneralIso.Format(s) : null, m.Place, Number(m.AgendaItems),
            Number(m.DeadlinesMet), Number(m.DeadlinesLate), Number(m.DeadlinesMissed), Number(m.DeadlinesWaived), Number(m.DeadlinesPending),
            m.DuringOfficeHours ? "true" : "false"]);

    private static readonly (string[], Func<DeadlineRow, string?[]>) DeadlineCsv = (
        ["meeting", "rule", "subject", "subject_title", "partner", "office", "meeting_start", "due_at", "done_at", "status", "agreements_version"],
        d => [d.Meeting, d.Rule, d.Subject, d.SubjectTitle, d.Partner, d.Office, Iso(d.MeetingStart), Iso(d.DueAt), Iso(d.DoneAt), d.Status,
            Number(d.AgreementsVersion)]);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<DecisionEntry>> DecisionsAsync(AllianceId alliance, ProposalQueries proposals, Instant now, CancellationToken ct)
    {
        var all = new List<DecisionEntry>();
        for (var page = 1; ; page++)
        {
            var (items, total) = await proposals.DecisionsAsync(alliance, page, Batch, newestFirst: false, ct);
            all.AddRange(items.Select(p => ProposalResponses.Decision(alliance, p, now)).OfType<DecisionEntry>());
            if (items.Count == 0 || (long)page * Batch >= total) return all;
        }
    }

    private static async Task<IReadOnlyList<PromiseRow>> PromisesAsync(AllianceId alliance, CommitmentQueries commitments, Instant now, CancellationToken ct) =>
        [.. (await AllPromisesAsync(alliance, commitments, now, ct)).Select(c => new PromiseRow(c.Id.Value, c.State.Owner.Value, c.State.What, c.State.Due,
            Kebab(c.State.StatusAt(now).ToString()), Kebab(c.State.Source.Kind.ToString()), c.State.Source.Meeting?.Value, c.State.MadeAt, c.State.SettledAt))];

    private static async Task<IReadOnlyList<CommitmentView>> AllPromisesAsync(AllianceId alliance, CommitmentQueries commitments, Instant now, CancellationToken ct)
    {
        var all = new List<CommitmentView>();
        for (var skip = 0; ; skip += Batch)
        {
            var page = await commitments.ListAsync(alliance, new CommitmentFilter(), asOf: null, now, skip, Batch, ct);
            all.AddRange(page.Items);
            if (page.Items.Count == 0 || skip + Batch >= page.Total) return all;
        }
    }

    private static async Task<IReadOnlyList<DeadlineRow>> DeadlinesAsync(AllianceId alliance, PunctualityQueries punctuality, Instant now, CancellationToken ct)
    {
        var all = new List<DeadlineRow>();
        for (var skip = 0; ; skip += Batch)
        {
            var (items, total) = await punctuality.AllDeadlinesAsync(alliance.Value, now, skip, Batch, ct);
            all.AddRange(items.Select(r => new DeadlineRow(MeetingSlug(r.Deadline.Meeting), r.Deadline.Rule, r.Deadline.Subject, r.Deadline.SubjectTitle, r.Partner, r.Office,
                r.Deadline.MeetingStart, r.Deadline.DueAt, r.Deadline.DoneAt, r.Deadline.Status, r.Deadline.AgreementsVersion)));
            if (items.Count == 0 || skip + Batch >= total) return all;
        }
    }

    private static async Task<IReadOnlyList<MeetingRow>> MeetingsAsync(AllianceId alliance, MeetingQueries meetings, PunctualityQueries punctuality,
        Instant now, CancellationToken ct)
    {
        var deadlines = (await DeadlinesAsync(alliance, punctuality, now, ct)).ToLookup(d => d.Meeting, StringComparer.Ordinal);
        return [.. (await meetings.DocumentsAsync(alliance, ct)).Select(m =>
        {
            var mine = deadlines[m.Meeting].ToList();
            // As the punctuality API counts: met is done on time (or within an extension), missed is past due and not done.
            int Count(Func<DeadlineRow, bool> which) => mine.Count(which);
            return new MeetingRow(m.Meeting, m.Kind is { } k ? Kebab(k.ToString()) : null, m.Status, m.Start, m.Place, m.Items.Count,
                Count(d => d.Status == "on-time" || (d.Status == "extended" && d.DoneAt is not null)), Count(d => d.Status == "late"),
                Count(d => d.Status == "missing"), Count(d => d.Status == "waived"),
                Count(d => d.Status == "pending" || (d.Status == "extended" && d.DoneAt is null)),
                m.DuringOfficeHours,
                [.. m.Items.Select(i => new AgendaRow(i.Id.Value, i.Title, i.Proposer.Value, Kebab(i.Kind.ToString()), Kebab(i.Status.ToString()), i.DeferredTo?.Value))]);
        })];
    }

    /// <summary>The punctuality rows name the meeting's stream (<c>meeting-…</c>); the open data names meetings by their id, as the API does.</summary>
    private static string MeetingSlug(string stream) => stream.StartsWith("meeting-", StringComparison.Ordinal) ? stream["meeting-".Length..] : stream;

    private static string Kebab(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
