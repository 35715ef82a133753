using System.Globalization;
using Governance.Api.Http;

namespace Governance.Api.Presentation;

/// <summary>
/// What the page links under a list (<c>_Bladeren</c>) need: where we are, how many pages, and the address of another page,
/// keeping the page's other query parameters (filters, "stand op"). A page with two lists gives the second its own
/// parameter instead of <c>pagina</c>.
/// </summary>
public sealed record Pager(int Page, int PageCount, long Total, string Noun, string Label, Func<int, string> Href)
{
    public static Pager For<T>(Paged<T> paged, HttpRequest request, string noun, string label = "Bladeren", string parameter = "pagina") => new(
        paged.Request.Page, paged.PageCount, paged.Total, noun, label,
        page => $"{request.PathBase}{request.Path}?" + string.Join('&', request.Query
            .Where(q => q.Key != parameter)
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append(parameter + "=" + page.ToString(CultureInfo.InvariantCulture))));
}
