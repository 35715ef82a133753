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

// The page of one meeting (Vergadering.cshtml.cs): the meeting itself: open, attendance (R15), close, minutes.
public sealed partial class VergaderingModel
{
    // ---- the meeting itself: open, attendance (R15), close, minutes ----

    public async Task<IActionResult> OnPostOpenenAsync(CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Chair, null, cancellationToken) is { } stop) return stop;
        return await RunAsync(now => new OpenMeeting(now), MeetingRoles.Chair, FormErrors.Fields(), "De vergadering is geopend.", cancellationToken);
    }

    public async Task<IActionResult> OnPostSluitenAsync(CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Chair, null, cancellationToken) is { } stop) return stop;
        return await RunAsync(now => new CloseMeeting(now), MeetingRoles.Chair, FormErrors.Fields(), "De vergadering is gesloten.", cancellationToken);
    }

    /// <summary>
    /// Everyone present in one post (issue 13): a checkbox per person at the table. Each ticked person is recorded with
    /// the API's command; a refusal stops there and says why, and those recorded before it stay recorded.
    /// </summary>
    public async Task<IActionResult> OnPostAanwezigAsync(List<string>? person, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.ChairOrSecretary, "aanwezig", cancellationToken) is { } stop) return stop;
        var ticked = (person ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).ToList();
        _keptPresent.UnionWith(ticked);
        var fields = FormErrors.Fields(("Person", AttendanceInputId, "Vink aan wie er is.", null), ("Partner", AttendanceInputId, "Vink aan wie er is.", null));
        if (ticked.Count == 0)
        {
            Errors.Add(AttendanceInputId, "Vink aan wie er is.");
            return await ShowAsync(cancellationToken);
        }
        var recorded = new List<(string Name, string Partner)>();
        foreach (var value in ticked)
        {
            // The partner comes from the person's seat at the table, its body from the alliance (R15), never from the form.
            var seat = PersonId.TryParse(value, out var who) ? Alliance.Representatives.FirstOrDefault(r => r.Person == who) : null;
            if (!await ValidAsync(attendanceValidator, new RecordAttendanceRequest(value, seat?.Partner.Value), fields, cancellationToken)) break;
            if (MeetingFacts.BodyOf(Alliance, seat!.Partner) is not { } body)
            {
                Errors.Add(RuleMessage.For("partner.not-a-member"), fields);
                break;
            }
            if (await ExecuteAsync(Meeting.Decider, View.Id.StreamId, now => new RecordAttendance(who, seat.Partner, body, now),
                    MeetingRoles.ChairOrSecretary, fields, cancellationToken) is null) break;
            recorded.Add((NameOf(who), PartnerName(seat.Partner)));
            _keptPresent.Remove(value);
        }
        if (Errors.Any)
        {
            if (recorded.Count > 0) Message = "Wel vastgelegd: " + Who(recorded) + ".";
            // The meeting as it is now, with those just recorded.
            await LoadMeetingAsync(cancellationToken);
            return await ShowAsync(cancellationToken);
        }
        Message = recorded.Count == 1 ? $"{recorded[0].Name} is aanwezig voor {recorded[0].Partner}." : $"{recorded.Count} mensen zijn aanwezig: {Who(recorded)}.";
        return RedirectToPage();
    }

    private static string Who(List<(string Name, string Partner)> people) =>
        Proposals.ProposalTexts.List([.. people.Select(p => DutchTerms.PersonOf(p.Name, p.Partner))]);

    /// <summary>The first checkbox of the attendance form: where the error summary leads.</summary>
    public const string AttendanceInputId = "aanwezig-persoon";

    public static string AttendeeInputId(PersonId person, bool first) => first ? AttendanceInputId : $"aanwezig-{person.Value}";

    public async Task<IActionResult> OnPostAfwezigAsync(string? person, string? reason, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.ChairOrSecretary, "afwezig-" + person, cancellationToken) is { } stop) return stop;
        if (!PersonId.TryParse(person, out var who))
        {
            Errors.Add(null, RuleMessage.For("attendance.not-recorded").Text);
            return await ShowAsync(cancellationToken);
        }
        Keep((WithdrawInputId(who), reason));
        var fields = FormErrors.Fields(("Reason", WithdrawInputId(who), "Schrijf op waarom u de aanwezigheid weghaalt.", null));
        if (!await ValidAsync(withdrawValidator, new WithdrawAttendanceRequest(reason), fields, cancellationToken)) return await ShowAsync(cancellationToken);
        return await RunAsync(now => new WithdrawAttendance(who, reason!.Trim(), now), MeetingRoles.ChairOrSecretary, fields,
            $"{NameOf(who)} staat niet meer bij de aanwezigen.", cancellationToken);
    }

    public static string CorrectPartnerInputId(PersonId person) => $"corrigeer-partner-{person.Value}";

    public static string CorrectReasonInputId(PersonId person) => $"corrigeer-reden-{person.Value}";

    /// <summary>
    /// Issue 13: the chair or the secretary corrects the partner someone was present for, with a reason; a new event, so the original
    /// stays on record, with R15's balance after it. The same checks as the API (<see cref="MeetingEndpoints.AttendanceCorrectionProblem"/>).
    /// </summary>
    public async Task<IActionResult> OnPostPartnerCorrigerenAsync(string? person, string? partner, string? reason, CancellationToken cancellationToken)
    {
        if (await BeginAsync(Correctors.Roles, "corrigeer-" + person, cancellationToken) is { } stop) return stop;
        if (!PersonId.TryParse(person, out var who) || Scheduled?.Attendance.ContainsKey(who) != true)
        {
            Errors.Add(null, RuleMessage.For("attendance.not-recorded").Text);
            return await ShowAsync(cancellationToken);
        }
        var (partnerId, reasonId) = (CorrectPartnerInputId(who), CorrectReasonInputId(who));
        Keep((partnerId, partner), (reasonId, reason));
        var fields = FormErrors.Fields(("Partner", partnerId, "Kies voor welke partner deze persoon er was.", null), ("Reason", reasonId, "Schrijf op wat er fout was.", null));
        var validator = HttpContext.RequestServices.GetRequiredService<IValidator<CorrectAttendanceRequest>>();
        if (!await ValidAsync(validator, new CorrectAttendanceRequest(partner, reason), fields, cancellationToken)) return await ShowAsync(cancellationToken);
        var forPartner = PartnerId.Parse(partner!);
        if (MeetingEndpoints.AttendanceCorrectionProblem(Alliance, who, forPartner) is not null)
        {
            Errors.Add(partnerId, MeetingFacts.BodyOf(Alliance, forPartner) is null
                ? RuleMessage.For("partner.not-a-member").Text
                : $"{NameOf(who)} is geen vertegenwoordiger van {PartnerName(forPartner)}. Kies de partner waarvoor {NameOf(who)} aan tafel zat.");
            return await ShowAsync(cancellationToken);
        }
        var body = MeetingFacts.BodyOf(Alliance, forPartner)!.Value;
        var (corrector, office) = (Actor!.Person, Correctors.OfficeOf(HttpContext, Alliance.Id));
        return await RunAsync(now => new CorrectAttendance(who, forPartner, body, corrector, office, reason!, now), Correctors.Roles, fields,
            $"De correctie is vastgelegd: {NameOf(who)} was er voor {PartnerName(forPartner)}. Wat er eerst stond, blijft in het logboek.", cancellationToken);
    }

    public async Task<IActionResult> OnPostVerslagAsync(string? reason, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Secretary, "verslag", cancellationToken) is { } stop) return stop;
        Keep(("verslag-reden", reason));
        var fields = FormErrors.Fields(("Reason", "verslag-reden", "Schrijf op wat er verbeterd is.", null), ("File", "verslag-bestand", "Kies het bestand van het verslag.", null));
        var (why, shapeErrors) = DocumentRequests.Minutes(reason);
        AddShapeErrors(shapeErrors, fields);
        if (file is not { Length: > 0 }) Errors.Add("verslag-bestand", fields["File"].Missing);
        if (Errors.Any) return await ShowAsync(cancellationToken);
        return await RunUploadAsync(file!, stored => now => new PublishMinutes(stored.Sha256, stored.SizeBytes, stored.StorageKey, why, now),
            MeetingRoles.Secretary, fields, _ => "Het verslag is gepubliceerd.", cancellationToken);
    }
}
