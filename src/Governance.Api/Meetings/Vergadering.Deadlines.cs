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

// The page of one meeting (Vergadering.cshtml.cs): deadline extensions (R19).
public sealed partial class VergaderingModel
{
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
        var fields = FormErrors.Fields(("NewDue", $"verlengen-datum-{key}", "Vul de nieuwe datum en tijd in.", "Vul de datum in als dag-maand-jaar en de tijd als 17:00."),
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
}
