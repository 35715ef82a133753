using Governance.Api.Http;
using Governance.Domain;
using Governance.Domain.Meetings;

namespace Governance.Api.Meetings;

/// <summary>The fields of a shared document, checked for shape (R2, R4 are the decider's).</summary>
public sealed record ShareDocumentFields(DocumentId Id, AgendaItemId Item, PartnerId Partner, string Title, DocumentPurpose Purpose);

/// <summary>
/// The shape checks of the three upload commands (share, replace, minutes), which arrive as multipart form fields
/// rather than JSON and so have no FluentValidation validator. The endpoints and the meeting page both call these;
/// the errors are keyed by the form field's name (<c>id</c>, <c>item</c>, <c>partner</c>, <c>title</c>, <c>purpose</c>, <c>reason</c>).
/// </summary>
public static class DocumentRequests
{
    public static (ShareDocumentFields? Fields, Dictionary<string, string[]> Errors) Share(
        string? id, string? item, string? partner, string? title, string? purpose)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        const string slug = "Use lower-case letters, digits and hyphens.";
        if (!DocumentId.TryParse(id, out var documentId)) errors["id"] = [slug];
        if (!AgendaItemId.TryParse(item, out var itemId)) errors["item"] = [slug];
        if (!PartnerId.TryParse(partner, out var partnerId)) errors["partner"] = [slug];
        var trimmed = (title ?? "").Trim();
        if (trimmed.Length is 0 or > MeetingRules.NameLength) errors["title"] = [$"Give a title of at most {MeetingRules.NameLength} characters."];
        if (!Kebab.TryParse<DocumentPurpose>(purpose, out var parsedPurpose))
            errors["purpose"] = [$"Use one of: {string.Join(", ", Kebab.All<DocumentPurpose>())}."];
        return errors.Count > 0 ? (null, errors) : (new ShareDocumentFields(documentId, itemId, partnerId, trimmed, parsedPurpose), errors);
    }

    /// <summary>A new version: a reason is required; an empty title keeps the old one (null).</summary>
    public static (string Reason, string? Title, Dictionary<string, string[]> Errors) Replace(string? reason, string? title)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var why = (reason ?? "").Trim();
        if (why.Length is 0 or > MeetingRules.TextLength) errors["reason"] = [$"Say why, in at most {MeetingRules.TextLength} characters."];
        var newTitle = (title ?? "").Trim();
        if (newTitle.Length > MeetingRules.NameLength) errors["title"] = [$"At most {MeetingRules.NameLength} characters."];
        return (why, newTitle.Length == 0 ? null : newTitle, errors);
    }

    /// <summary>The minutes: a reason is optional (the decider asks for one on a revision).</summary>
    public static (string? Reason, Dictionary<string, string[]> Errors) Minutes(string? reason)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var why = (reason ?? "").Trim();
        if (why.Length > MeetingRules.TextLength) errors["reason"] = [$"At most {MeetingRules.TextLength} characters."];
        return (why.Length == 0 ? null : why, errors);
    }
}
