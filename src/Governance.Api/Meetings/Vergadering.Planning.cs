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

// The page of one meeting (Vergadering.cshtml.cs): planning: move or cancel the meeting (R17).
public sealed partial class VergaderingModel
{
    // ---- planning (R17) ----

    public async Task<IActionResult> OnPostVerplaatsenAsync(string? date, string? startTime, string? endTime, string? place, string? reason, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Planners, "verplaatsen", cancellationToken) is { } stop) return stop;
        Keep(("verplaatsen-datum", date), ("verplaatsen-begin", startTime), ("verplaatsen-eind", endTime), ("verplaatsen-plaats", place), ("verplaatsen-reden", reason));
        var fields = FormErrors.Fields(
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
        var fields = FormErrors.Fields(("Reason", "afgelasten-reden", "Schrijf op waarom de vergadering niet doorgaat.", null));
        if (!await ValidAsync(cancelValidator, new CancelMeetingRequest(reason), fields, cancellationToken)) return await ShowAsync(cancellationToken);
        return await RunAsync(now => new CancelMeeting(reason!.Trim(), now), MeetingRoles.Planners, fields, "De vergadering is afgelast.", cancellationToken);
    }
}
