using System.Net;
using System.Text.RegularExpressions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// Follows the links of the demo's pages, breadth first from a start page: every same-site address a page links to
/// (pages, and files under /api), each fetched once with GET, up to a maximum.
/// </summary>
public static partial class DemoWalk
{
    public static async Task<IReadOnlyList<string>> WalkAsync(HttpClient client, int max, Func<string, HttpResponseMessage, Task> visit, params string[] start)
    {
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var queue = new Queue<string>(start);
        var visited = new List<string>();
        while (queue.Count > 0 && visited.Count < max)
        {
            var path = queue.Dequeue();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            visited.Add(path);
            await visit(path, response);
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            foreach (Match link in Href().Matches(await response.Content.ReadAsStringAsync()))
            {
                var target = WebUtility.HtmlDecode(link.Groups[1].Value);
                if (target.StartsWith("//", StringComparison.Ordinal) || !seen.Add(target)) continue;
                queue.Enqueue(target);
            }
        }
        return visited;
    }

    /// <summary>One address per kind of page: the path with every second segment (the ids) as "*", without the query.</summary>
    public static string Shape(string path) =>
        string.Join('/', path.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries).Select((s, i) => i % 2 == 1 ? "*" : s));

    [GeneratedRegex("""href="(/[^"#]*)""")]
    private static partial Regex Href();
}
