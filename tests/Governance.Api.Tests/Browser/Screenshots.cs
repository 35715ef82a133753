using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>Full-page screenshots as test artifacts, so a person can see what each test saw.</summary>
public static class Screenshots
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    /// <summary>
    /// False when GOVERNANCE_SCREENSHOTS is "off": <c>ops/test</c> sets it, since a full run's pictures are not looked at and
    /// each costs about half a second of CPU (issue 16 §4); a test run for one page, or <c>GOVERNANCE_SCREENSHOTS=on ops/test</c>,
    /// takes them.
    /// </summary>
    public static bool Enabled { get; } =
        !string.Equals(Environment.GetEnvironmentVariable("GOVERNANCE_SCREENSHOTS"), "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>Saves <c>artifacts/screenshots/&lt;name&gt;.png</c> next to the test binaries and prints its path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name, ITestOutputHelper? output = null)
    {
        if (!Enabled) return Skipped(name, output);
        System.IO.Directory.CreateDirectory(Directory);
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        var path = Path.Combine(Directory, safe + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output?.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <summary>The folder in the repository whose screenshots are committed, so reviewers can look without running anything.</summary>
    public static string ReviewDirectory { get; } = Path.Combine(RepositoryFiles.Root, "docs", "screenshots");

    /// <summary>Saves <c>docs/screenshots/&lt;name&gt;.png</c> in the repository (the whole page, or only what fits the screen) and prints its path.</summary>
    public static async Task<string> SaveForReviewAsync(IPage page, string name, ITestOutputHelper? output = null, bool fullPage = true)
    {
        if (!Enabled) return Skipped(name, output);
        System.IO.Directory.CreateDirectory(ReviewDirectory);
        var path = Path.Combine(ReviewDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        output?.WriteLine($"screenshot for review: {path}");
        return path;
    }

    private static string Skipped(string name, ITestOutputHelper? output)
    {
        output?.WriteLine($"screenshot {name} not taken (GOVERNANCE_SCREENSHOTS=off)");
        return "";
    }
}
