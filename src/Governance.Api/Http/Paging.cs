using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Http;

/// <summary>
/// Which page of a list was asked for: <c>?page=</c> (from 1) and <c>?pageSize=</c> (1 to <see cref="MaxSize"/>, default
/// <see cref="DefaultSize"/>). Every list of the API and the pages is paginated this way (issue 10 §5).
/// </summary>
public sealed record PageRequest(int Page, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public static PageRequest First { get; } = new(1, DefaultSize);

    /// <summary>Rows to skip before this page.</summary>
    public int Skip => (Page - 1) * Size;

    /// <summary>Parses the query; a page or size out of range is a 400 with the field named.</summary>
    public static bool TryParse(int? page, int? pageSize, out PageRequest request, out ProblemHttpResult? problem)
    {
        request = First;
        problem = null;
        if (page is < 1 or > 1_000_000)
        {
            problem = EndpointResults.BadQuery("page", "Use a page number from 1.");
            return false;
        }
        if (pageSize is < 1 or > MaxSize)
        {
            problem = EndpointResults.BadQuery("pageSize", $"Use a page size from 1 to {MaxSize}.");
            return false;
        }
        request = new PageRequest(page ?? 1, pageSize ?? DefaultSize);
        return true;
    }

    /// <summary>For pages: a missing or wrong number means the first page, never an error page.</summary>
    public static PageRequest Lenient(int? page, int? pageSize = null) =>
        new(page is >= 1 and <= 1_000_000 ? page.Value : 1, pageSize is >= 1 and <= MaxSize ? pageSize.Value : DefaultSize);
}

/// <summary>One page of a list, with how many there are in all.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, PageRequest Request, long Total)
{
    public int PageCount => Total == 0 ? 1 : (int)((Total + Request.Size - 1) / Request.Size);
    public bool HasNext => Request.Page < PageCount;
    public bool HasPrevious => Request.Page > 1;
}

/// <summary>How a page of a list reads in JSON: its number, size, the total and links to the neighbours.</summary>
public sealed record PageLinks(int Page, int PageSize, long Total, string? Next, string? Previous)
{
    /// <summary>
    /// The links for <paramref name="paged"/>, keeping the request's other query parameters. <paramref name="sizeParameter"/> names the
    /// page size in the links, for a list that kept an older name for it (the timeline's <c>limit</c>).
    /// </summary>
    public static PageLinks For<T>(Paged<T> paged, HttpRequest request, string sizeParameter = "pageSize")
    {
        ArgumentNullException.ThrowIfNull(paged);
        ArgumentNullException.ThrowIfNull(request);
        string Link(int page)
        {
            var query = request.Query.Where(q => q.Key != "page" && q.Key != sizeParameter)
                .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
                .Append($"page={page.ToString(CultureInfo.InvariantCulture)}")
                .Append($"{sizeParameter}={paged.Request.Size.ToString(CultureInfo.InvariantCulture)}");
            return $"{request.PathBase}{request.Path}?{string.Join('&', query)}";
        }
        return new PageLinks(paged.Request.Page, paged.Request.Size, paged.Total,
            paged.HasNext ? Link(paged.Request.Page + 1) : null, paged.HasPrevious ? Link(paged.Request.Page - 1) : null);
    }

    /// <summary>
    /// The same page in headers, for clients that follow links generically: <c>Link</c> with <c>rel="next"</c> and
    /// <c>rel="prev"</c> (RFC 8288) and <c>X-Total-Count</c>.
    /// </summary>
    public void WriteHeaders(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var links = new List<string>();
        if (Next is not null) links.Add($"<{Next}>; rel=\"next\"");
        if (Previous is not null) links.Add($"<{Previous}>; rel=\"prev\"");
        if (links.Count > 0) response.Headers.Link = string.Join(", ", links);
        response.Headers["X-Total-Count"] = Total.ToString(CultureInfo.InvariantCulture);
    }
}
