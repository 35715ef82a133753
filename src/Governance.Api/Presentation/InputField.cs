namespace Governance.Api.Presentation;

/// <summary>
/// One labelled input for the partials _Invoer (text, date, or a text area when <see cref="Rows"/> &gt; 1) and _Keuzelijst
/// (a select of <see cref="Options"/>): the error above it, aria-invalid and aria-describedby as docs/ui.md asks.
/// </summary>
public sealed record InputField(
    string Id, string Name, string Label, string? Value, FormErrors Errors, string? Hint = null, int Rows = 1, string Type = "text",
    IReadOnlyList<(string Value, string Label)>? Options = null, string? Empty = null, bool Required = true, int MaxLength = 2000);
