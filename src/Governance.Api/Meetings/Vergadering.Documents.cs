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

// The page of one meeting (Vergadering.cshtml.cs): documents and their versions (R2, R4).
public sealed partial class VergaderingModel
{
    // ---- documents (R2, R4) ----

    public async Task<IActionResult> OnPostStukDelenAsync(string? item, string? partner, string? title, string? purpose, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Contributors, "stuk", cancellationToken) is { } stop) return stop;
        Keep(("stuk-punt", item), ("stuk-partner", partner), ("stuk-titel", title), ("stuk-doel", purpose));
        var fields = FormErrors.Fields(
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

        return await RunUploadAsync(file!, stored => now => new ShareDocument(shared.Id, shared.Item, shared.Partner, shared.Title, shared.Purpose,
            stored.Sha256, stored.SizeBytes, stored.StorageKey, now), MeetingRoles.Contributors, fields,
            stored => $"Het stuk ‘{shared.Title}’ is gedeeld. De vingerafdruk (SHA-256) begint met {stored.Sha256.Value[..12]}.", cancellationToken);
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
        var fields = FormErrors.Fields(("Reason", VersionReasonId(documentId), "Schrijf op waarom er een nieuwe versie is.", null),
            ("Title", $"versie-titel-{documentId.Value}", "Gebruik niet meer dan 200 tekens.", null),
            ("File", VersionFileId(documentId), "Kies het bestand van de nieuwe versie.", null));
        var (why, newTitle, shapeErrors) = DocumentRequests.Replace(reason, title);
        AddShapeErrors(shapeErrors, fields);
        if (file is not { Length: > 0 }) Errors.Add(VersionFileId(documentId), fields["File"].Missing);
        if (Errors.Any) return await ShowAsync(cancellationToken);
        // A representative replaces only their own partner's documents (403 otherwise, as in the API).
        if (PartnerRefused(MeetingFacts.MayContributeFor(Actor!, Alliance, current!.Partner), fields) is { } refused) return refused;
        if (Errors.Any) return await ShowAsync(cancellationToken);

        return await RunUploadAsync(file!, stored => now => new ReplaceDocument(documentId, newTitle, stored.Sha256, stored.SizeBytes, stored.StorageKey, why, now),
            MeetingRoles.Contributors, fields, _ => $"Er is een nieuwe versie van ‘{newTitle ?? current.Title}’.", cancellationToken);
    }

    /// <summary>
    /// An upload's command (share, new version, minutes): the bytes are stored for it and removed again when it is
    /// refused (issue 12 §4), as in the API (<see cref="DocumentFiles.StoreForAsync"/>).
    /// </summary>
    private async Task<IActionResult> RunUploadAsync(
        IFormFile file, Func<StoredFile, Func<Instant, MeetingCommand>> command, IReadOnlyList<Role> roles,
        IReadOnlyDictionary<string, FormErrors.Field> fields, Func<StoredFile, string> message, CancellationToken cancellationToken)
    {
        var (stored, outcome) = await files.StoreForAsync(Alliance.Id, View.Id.StreamId, Actor!.Person, file,
            stored => ExecuteAsync(Meeting.Decider, View.Id.StreamId, command(stored), roles, fields, cancellationToken),
            (o, key) => DocumentFiles.References(o?.Events, key), cancellationToken);
        if (outcome is null) return await ShowAsync(cancellationToken);
        Message = outcome.Events.Count == 0 ? "Dat was al zo. Er is niets veranderd." : message(stored);
        return RedirectToPage();
    }
}
