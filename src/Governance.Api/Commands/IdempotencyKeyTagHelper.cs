using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Governance.Api.Commands;

/// <summary>
/// Gives every page form that posts a fresh Idempotency-Key in a hidden field, so a double click (or a browser that sends
/// the form again) records once: the second post gets the first one's answer (issue 11 §2).
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class IdempotencyKeyTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var method = output.Attributes["method"]?.Value?.ToString();
        if (!string.Equals(method, "post", StringComparison.OrdinalIgnoreCase)) return;
        output.PostContent.AppendHtml(
            $"<input type=\"hidden\" name=\"{IdempotencyKeys.FormField}\" value=\"{Guid.CreateVersion7():N}\" />");
    }
}
