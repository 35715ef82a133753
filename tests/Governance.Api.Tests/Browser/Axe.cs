using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Governance.Api.Tests.Browser;

/// <summary>axe-core in the page under test: WCAG 2.0 and 2.1, levels A and AA, and on request axe's best practices.</summary>
public static class Axe
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>axe.min.js, copied next to the test binaries by the test project's CopyAxeToOutput target.</summary>
    public static string ScriptPath { get; } = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");

    /// <summary>axe.min.js's text, read once.</summary>
    private static readonly Lazy<string> Script = new(() => File.ReadAllText(ScriptPath));

    /// <summary>
    /// How long axe may take on one page. Playwright's evaluate has no time-out of its own: a page that never answers
    /// would hold the test (and the whole run) for ever, so the wait is bounded here.
    /// </summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMilliseconds(Chromium.Timeout);

    /// <summary>axe's best-practice rules besides WCAG (issue 13: <c>landmark-unique</c>, so that two landmarks never share a name).</summary>
    private static readonly string[] WcagAndBestPracticeTags = [.. WcagTags, "best-practice"];

    public static Task AssertNoViolationsAsync(IPage page) => AssertNoViolationsAsync(page, bestPractice: false);

    /// <summary>With <paramref name="bestPractice"/>, axe's best-practice rules count as well (landmarks, headings, regions).</summary>
    public static async Task AssertNoViolationsAsync(IPage page, bool bestPractice)
    {
        var violations = await RunAsync(page, bestPractice ? WcagAndBestPracticeTags : WcagTags);
        if (violations.Count == 0)
        {
            return;
        }
        var report = new StringBuilder($"axe found {violations.Count} WCAG violation(s) on {page.Url}:");
        foreach (var v in violations)
        {
            report.AppendLine().Append(CultureInfo.InvariantCulture, $"- {v.Id} ({v.Impact}): {v.Help}");
            foreach (var target in v.Targets)
            {
                report.AppendLine().Append("    at ").Append(target);
            }
        }
        Assert.Fail(report.ToString());
    }

    public static Task<IReadOnlyList<Violation>> RunAsync(IPage page) => RunAsync(page, WcagTags);

    /// <summary>Runs axe on the page as it is. The page must run script (a context made without JavaScript cannot run axe).</summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page, string[] tags)
    {
        if (!File.Exists(ScriptPath))
        {
            throw new InvalidOperationException($"{ScriptPath} is missing: build the test project with node and npm available (it runs npm ci).");
        }
        // Evaluated through the DevTools protocol, which the pages' Content-Security-Policy (scripts from this site only,
        // nothing inline) does not govern. A <script> tag that Playwright waits on instead once waited for ever (CI, 2026-12-04).
        if (await page.EvaluateAsync<bool>("() => typeof axe === 'undefined'").WaitAsync(RunTimeout))
        {
            await page.EvaluateAsync(Script.Value).WaitAsync(RunTimeout);
        }
        // Serialised in the page, so the C# side does not depend on axe's full result shape.
        var json = await page.EvaluateAsync<string>(
            """
            async (tags) => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' '))
              })));
            }
            """,
            tags).WaitAsync(RunTimeout);
        return JsonSerializer.Deserialize<List<Violation>>(json, Json) ?? [];
    }

    public sealed record Violation(string Id, string? Impact, string Help, IReadOnlyList<string> Targets);
}
