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

// The page of one meeting (Vergadering.cshtml.cs): announcing a residents' meeting (R6).
public sealed partial class VergaderingModel
{
    // ---- announcements (R6) ----

    public async Task<IActionResult> OnPostAankondigenAsync(string? channel, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Secretary, null, cancellationToken) is { } stop) return stop;
        var fields = FormErrors.Fields(("Channel", "aankondiging", "Kies hoe de bijeenkomst is aangekondigd.", null));
        if (!await ValidAsync(announceValidator, new AnnounceRequest(channel), fields, cancellationToken)) return await ShowAsync(cancellationToken);
        var parsed = Kebab.Parse<AnnouncementChannel>(channel!);
        return await RunAsync(now => new AnnounceResidentsMeeting(parsed, now), MeetingRoles.Secretary, fields,
            $"De aankondiging via {MeetingTexts.Channel(parsed)} is vastgelegd.", cancellationToken);
    }
}
