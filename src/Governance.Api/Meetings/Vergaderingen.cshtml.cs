using Governance.Api.Commands;
using FluentValidation;
using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Api.Meetings;
using Governance.Domain;
using Governance.Api.Presentation;
using Governance.Domain.Meetings;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Governance.Api.Meetings;

/// <summary>
/// The year planning (R17): an alliance's meetings per quarter of one year, with the R18 office-hours warning and the
/// R20 cadence checks per quarter and month. The secretary, chair and admin (<see cref="MeetingRoles.Planners"/>) also
/// get the form to schedule a meeting; it posts <see cref="ScheduleMeeting"/> as the API does.
/// </summary>
public sealed class VergaderingenModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, MeetingQueries meetings,
    IValidator<ScheduleMeetingRequest> scheduleValidator, TimeProvider clock)
    : AlliancePageModel(queries, people, pipeline)
{
    private readonly CommandBus _pipeline = pipeline;

    private static readonly Dictionary<string, FormErrors.Field> ScheduleFields = new(StringComparer.Ordinal)
    {
        ["Kind"] = new("vergadering-soort", "Kies wat voor vergadering het is."),
        ["Start"] = new("vergadering-datum", "Vul de datum en de begintijd in.", "Vul de datum in als dag-maand-jaar en de tijd als 19:30."),
        ["End"] = new("vergadering-eind", "Vul de eindtijd in.", "Vul de eindtijd in als 21:30."),
        ["Place"] = new("vergadering-plaats", "Vul in waar de vergadering is."),
        ["Id"] = new("vergadering-datum", "Vul de datum in."),
    };

    public sealed record Row(MeetingDocument Meeting, MeetingKind Kind, LocalDateTime Start, LocalDateTime? End, string? Place)
    {
        /// <summary>R18: a meeting that will be held during office hours (a cancelled one warns no one).</summary>
        public bool WarnOfficeHours => Meeting.DuringOfficeHours && Meeting.Status != MeetingDocument.Cancelled;
    }

    public sealed record Quarter(int Number, IReadOnlyList<Row> Meetings, IReadOnlyList<string> CadenceWarnings);

    public sealed class ScheduleForm
    {
        public string? Kind { get; set; }
        public string? Date { get; set; }
        public string? StartTime { get; set; }
        public string? EndTime { get; set; }
        public string? Place { get; set; }
    }

    [BindProperty]
    public ScheduleForm NewMeeting { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "jaar")]
    public int? Jaar { get; set; }

    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<Quarter> Quarters { get; private set; } = [];

    /// <summary>R20's yearly check: residents' meetings announced by flyers, against the rounds the agreements ask.</summary>
    public string? FlyerWarning { get; private set; }

    public bool MayPlan => MeetingRoles.Planners.Any(Has);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken)) await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPlannenAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Refuse(MeetingRoles.Planners) is { } refused) return refused;

        var form = NewMeeting;
        var start = string.IsNullOrWhiteSpace(form.Date) || string.IsNullOrWhiteSpace(form.StartTime) ? null : $"{form.Date.Trim()}T{form.StartTime.Trim()}";
        var end = string.IsNullOrWhiteSpace(form.Date) || string.IsNullOrWhiteSpace(form.EndTime) ? null : $"{form.Date.Trim()}T{form.EndTime.Trim()}";
        var kindOk = Kebab.TryParse<MeetingKind>(form.Kind, out var kind);
        // The address of a meeting is made from its day and kind ("2026-03-10-wijkalliantievergadering"); a second one that day gets "-2".
        var id = kindOk && form.Date is { Length: 10 } date ? await FreeIdAsync($"{date}-{MeetingTexts.Kind(kind)}", cancellationToken) : null;
        var request = new ScheduleMeetingRequest(id, form.Kind, start, end, form.Place);
        var validation = await scheduleValidator.ValidateAsync(request, cancellationToken);
        // The id is made here; when it cannot be made the date or kind is wrong, and those fields say so.
        if (!kindOk || start is null) validation.Errors.RemoveAll(e => e.PropertyName == nameof(ScheduleMeetingRequest.Id));
        Errors.Add(validation, ScheduleFields);
        if (Errors.Any) return await ShowAsync(cancellationToken);

        _ = MeetingRules.TryParseLocal(start, out var from);
        _ = MeetingRules.TryParseLocal(end, out var until);
        var meeting = MeetingId.Parse(id!);
        var agreements = Alliance.Agreements;
        var outcome = await ExecuteAsync(Meeting.Decider, meeting.StreamId,
            now => new ScheduleMeeting(meeting, kind, from, until, form.Place!.Trim(), agreements, now), MeetingRoles.Planners, ScheduleFields, cancellationToken);
        if (outcome is null) return await ShowAsync(cancellationToken);

        var scheduled = outcome.Events.OfType<MeetingScheduled>().FirstOrDefault();
        Message = $"De {MeetingTexts.Kind(kind)} van {MeetingTexts.When(from)} staat in de planning."
            + (scheduled?.DuringOfficeHours == true ? " Let op: dit is onder werktijd. Bewoners moeten dan misschien vrij nemen (afspraak R18)." : "");
        return RedirectToPage(new { jaar = from.Year });
    }

    private async Task<string> FreeIdAsync(string wanted, CancellationToken cancellationToken)
    {
        if (!MeetingId.TryParse(wanted, out _)) return wanted;
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? wanted : $"{wanted}-{n}";
            if (!MeetingId.TryParse(candidate, out var id)) return candidate;
            if (await _pipeline.StreamVersionAsync(Alliance.Id.Value, id.StreamId, cancellationToken) == 0) return candidate;
        }
    }

    private async Task<Microsoft.AspNetCore.Mvc.RazorPages.PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        var today = Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(DutchFormat.Amsterdam).Date;
        Year = Jaar is >= 2000 and <= 2100 ? Jaar.Value : today.Year;
        // A year is the planning's page: its meetings' documents, and the years that have any for the year links.
        var year = await meetings.YearAsync(Alliance.Id, Year, cancellationToken);
        var rows = year.Select(d => d is { Kind: { } kind, Start: { } start }
            ? new Row(d, kind, start, d.Status == MeetingDocument.Cancelled ? null : d.End, d.Status == MeetingDocument.Cancelled ? null : d.Place)
            : null).OfType<Row>().ToList();
        Years = [.. (await meetings.YearsAsync(Alliance.Id, cancellationToken)).Append(today.Year).Append(today.Year + 1).Append(Year).Distinct().Order()];

        var cadence = Alliance.Agreements.Cadence;
        // R20 counts what will be held: cancelled meetings are left out.
        var planned = year.Select(d => d.AsPlanned).OfType<PlannedMeeting>().ToList();
        // Not before the alliance existed: no R20 warnings for the months before it was founded.
        var gaps = MeetingCadence.Gaps(planned, Year, cadence, Alliance.FoundedAt.InZone(DutchFormat.Amsterdam).Date);
        Quarters = [.. Enumerable.Range(1, 4).Select(q =>
        {
            var first = new LocalDate(Year, ((q - 1) * 3) + 1, 1);
            var last = first.PlusMonths(3).PlusDays(-1);
            return new Quarter(q,
                [.. rows.Where(r => r.Start.Date >= first && r.Start.Date <= last)],
                [.. gaps.Where(g => g.Requirement != CadenceRequirement.FlyerRoundsPerYear && g.From >= first && g.To <= last).Select(CadenceText)]);
        })];
        FlyerWarning = gaps.FirstOrDefault(g => g.Requirement == CadenceRequirement.FlyerRoundsPerYear) is { } flyers
            ? $"In {Year} {(flyers.Planned == 1 ? "is 1 bewonersbijeenkomst" : $"zijn {flyers.Planned} bewonersbijeenkomsten")} met flyers aangekondigd. De afspraak is {flyers.Required} flyerrondes per jaar (afspraak R20)."
            : null;
        return Page();
    }

    /// <summary>"Geen bewonersbijeenkomst in het 2e kwartaal" or "Geen kerngroepoverleg in mei" (R20).</summary>
    public static string CadenceText(CadenceGap gap) => gap.Requirement switch
    {
        CadenceRequirement.ResidentsMeetingsPerQuarter => gap.Required == 1
            ? $"Geen bewonersbijeenkomst in het {MeetingTexts.Ordinal(((gap.From.Month - 1) / 3) + 1)} kwartaal (afspraak R20)."
            : $"Te weinig bewonersbijeenkomsten in het {MeetingTexts.Ordinal(((gap.From.Month - 1) / 3) + 1)} kwartaal: {gap.Planned} van de {gap.Required} (afspraak R20).",
        CadenceRequirement.CoreGroupMeetingsPerMonth => gap.Required == 1
            ? $"Geen kerngroepoverleg in {MeetingTexts.Month(gap.From.Month)} (afspraak R20)."
            : $"Te weinig kerngroepoverleggen in {MeetingTexts.Month(gap.From.Month)}: {gap.Planned} van de {gap.Required} (afspraak R20).",
        _ => $"Te weinig flyerrondes: {gap.Planned} van de {gap.Required} (afspraak R20).",
    };
}
