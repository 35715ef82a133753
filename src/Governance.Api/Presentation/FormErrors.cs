using System.Globalization;
using FluentValidation.Results;

namespace Governance.Api.Presentation;

/// <summary>
/// The errors of one posted form, in Dutch: each next to its field (by the input's HTML id) and all of them in the
/// summary at the top of the page, which links to the fields. An error without a field (a refusal about the whole
/// form) is shown only in the summary.
/// </summary>
public sealed class FormErrors
{
    private readonly List<Error> _all = [];

    public sealed record Error(string? InputId, string Message);

    /// <summary>How a request property is asked for on the page: its input's id and what to say when it is wrong.</summary>
    /// <param name="InputId">The HTML id of the input (of the first radio button for a choice).</param>
    /// <param name="Missing">When the field is empty.</param>
    /// <param name="Invalid">When the field is filled in but not in a usable form; <paramref name="Missing"/> when null.</param>
    public sealed record Field(string InputId, string Missing, string? Invalid = null);

    /// <summary>Each request property with its input id, the text when it is empty, and when it cannot be read (null: the same).</summary>
    public static Dictionary<string, Field> Fields(params (string Property, string InputId, string Missing, string? Invalid)[] fields) =>
        fields.ToDictionary(f => f.Property, f => new Field(f.InputId, f.Missing, f.Invalid), StringComparer.Ordinal);

    public bool Any => _all.Count > 0;

    /// <summary>Whether a field is wrong; a refusal by the rules alone is not the user's mistake and is not headed "fouten".</summary>
    public bool AnyField => _all.Any(e => e.InputId is not null);

    /// <summary>What a page title starts with after a post: "Verbeter uw invoer: " for a wrong field, "Dit kan nu niet: " for a refusal.</summary>
    public string TitlePrefix => AnyField ? "Verbeter uw invoer: " : Any ? "Dit kan nu niet: " : "";

    public IReadOnlyList<Error> All => _all;

    /// <summary>The message shown next to the input <paramref name="inputId"/>, if any.</summary>
    public string? For(string inputId) => _all.FirstOrDefault(e => e.InputId == inputId)?.Message;

    /// <summary>For aria-invalid: "true" when the input has an error, else null (no attribute).</summary>
    public string? Invalid(string inputId) => For(inputId) is null ? null : "true";

    /// <summary>For aria-describedby: the hint and the error next to the input (partial _Veldfout), or null.</summary>
    public string? DescribedBy(string inputId, string? hintId = null)
    {
        var ids = string.Join(' ', new[] { hintId, For(inputId) is null ? null : inputId + "-fout" }.OfType<string>());
        return ids.Length == 0 ? null : ids;
    }

    /// <summary>The class of a field's wrapper: invalid fields get the design system's red bar.</summary>
    public string FieldClass(string inputId, string baseClass = "ams-field") =>
        For(inputId) is null ? baseClass : $"{baseClass} {baseClass}--invalid";

    /// <summary>
    /// Adds an error; a field keeps only its first one, since one clear instruction beats two, and the summary never says
    /// the same thing twice.
    /// </summary>
    public void Add(string? inputId, string message)
    {
        if (inputId is not null && For(inputId) is not null) return;
        if (_all.Any(e => e.Message == message && (e.InputId == inputId || inputId is null))) return;
        _all.Add(new Error(inputId, message));
    }

    /// <summary>
    /// The FluentValidation failures of a request (the same validators as the JSON API) in the page's words.
    /// The API's messages are English and name JSON fields; a page names its own fields instead.
    /// </summary>
    public void Add(ValidationResult result, IReadOnlyDictionary<string, Field> fields)
    {
        // In the order the page asks for the fields (the order of fields), so the summary reads like the form.
        var order = fields.Keys.ToList();
        foreach (var failure in result.Errors.OrderBy(f => order.IndexOf(f.PropertyName) is var i and >= 0 ? i : int.MaxValue))
        {
            if (!fields.TryGetValue(failure.PropertyName, out var field))
            {
                Add(null, "Er klopt iets niet in het formulier. Kijk alles na en probeer het opnieuw.");
                continue;
            }
            Add(field.InputId, failure.ErrorCode switch
            {
                "NotEmptyValidator" or "NotNullValidator" => field.Missing,
                Http.TextInput.Code => Http.TextInput.DutchMessage,
                "MaximumLengthValidator" when failure.FormattedMessagePlaceholderValues?.TryGetValue("MaxLength", out var max) == true =>
                    string.Create(CultureInfo.InvariantCulture, $"Gebruik niet meer dan {max} tekens."),
                _ => field.Invalid ?? field.Missing,
            });
        }
    }

    /// <summary>A refusal by the alliance's rules, next to the field it is about when the page has that field.</summary>
    public void Add(RuleMessage refusal, IReadOnlyDictionary<string, Field> fields) =>
        Add(refusal.Field is not null && fields.TryGetValue(refusal.Field, out var field) ? field.InputId : null, refusal.Text);
}
