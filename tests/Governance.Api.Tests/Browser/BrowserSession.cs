using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// One test's browser: its own cookies, one page, and the checks every page must pass. Every navigation
/// fails the test when a stylesheet, font or other resource of the page could not be loaded.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ITestOutputHelper _output;
    private readonly Lock _lock = new();
    private readonly HashSet<IRequest> _requested = [];   // the requests of the page opened last (GotoAsync)
    private readonly HashSet<IRequest> _unanswered = [];
    private readonly List<string> _brokenResources = [];
    private readonly bool _javaScriptEnabled;
    private int _screenshots;

    internal BrowserSession(IBrowserContext context, IPage page, ITestOutputHelper output, string testName, bool javaScriptEnabled)
    {
        _javaScriptEnabled = javaScriptEnabled;
        _context = context;
        _output = output;
        Page = page;
        TestName = testName;
        page.Request += (_, request) =>
        {
            // An event stream (the live tally) stays open as long as the page does: it is never answered in full.
            if (request.ResourceType == "eventsource") return;
            lock (_lock)
            {
                _requested.Add(request);
                _unanswered.Add(request);
            }
        };
        page.RequestFinished += (_, request) => Answered(request, null);
        page.RequestFailed += (_, request) => Answered(request, $"failed {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                lock (_lock)
                {
                    if (_requested.Contains(response.Request)) _brokenResources.Add($"{response.Status} {response.Url}");
                }
            }
        };
    }

    public IPage Page { get; }

    public string TestName { get; }

    /// <summary>
    /// Opens <paramref name="path"/> (relative to the server), waits until the page has loaded and every resource it
    /// asked for (stylesheets, fonts, scripts, images) is answered, and returns the document's response.
    /// </summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        lock (_lock)
        {
            // Requests of the page before (one still loading, say) are not this page's.
            _requested.Clear();
            _unanswered.Clear();
            _brokenResources.Clear();
        }
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        // The load event has come; fonts the layout asks for may come after it. (Evaluate has no time-out of its own.)
        await Page.EvaluateAsync("() => document.fonts.ready.then(() => true)").WaitAsync(TimeSpan.FromMilliseconds(BrowserFixture.Timeout));
        await ResourcesAnsweredAsync(path);
        lock (_lock)
        {
            Assert.True(_brokenResources.Count == 0, $"{path} could not load: {string.Join("; ", _brokenResources)}");
        }
        return response;
    }

    /// <summary>Signs in through the /inloggen form, as a person would.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await GotoAsync("/inloggen");
        await Page.GetByLabel("E-mailadres").FillAsync(email);
        await Page.GetByLabel("Wachtwoord").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Inloggen" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Uitloggen" })).ToBeVisibleAsync();
    }

    /// <summary>Fails listing every WCAG 2.0/2.1 A and AA violation axe-core finds on the current page.</summary>
    public Task AssertNoAxeViolationsAsync() => AssertNoAxeViolationsAsync(bestPractice: false);

    /// <summary>As <see cref="AssertNoAxeViolationsAsync"/>, and axe's best-practice rules too (such as <c>landmark-unique</c>).</summary>
    public Task AssertNoAxeViolationsIncludingBestPracticeAsync() => AssertNoAxeViolationsAsync(bestPractice: true);

    private async Task AssertNoAxeViolationsAsync(bool bestPractice)
    {
        if (_javaScriptEnabled)
        {
            await Axe.AssertNoViolationsAsync(Page, bestPractice);
            return;
        }
        // axe is script and this page runs none (its timers never fire, so axe.run would never end). A twin with script
        // on, the same cookies and size, and the site's own scripts held back shows what this page shows, and axe runs there.
        await using var twin = await _context.Browser!.NewContextAsync(Chromium.ContextOptions(
            new Uri(Page.Url), Page.ViewportSize is { } size ? new ViewportSize { Width = size.Width, Height = size.Height } : null, javaScriptEnabled: true, await _context.StorageStateAsync()));
        var page = await twin.NewPageAsync();
        await page.RouteAsync("**/*.js", route => route.AbortAsync());
        await page.GotoAsync(Page.Url);
        await Axe.AssertNoViolationsAsync(page, bestPractice);
    }

    /// <summary>
    /// Saves a full-page screenshot as <c>artifacts/screenshots/&lt;test&gt;.png</c> (later ones in the same
    /// test get "-2", "-3" or <paramref name="suffix"/>) and prints the path.
    /// </summary>
    public Task<string> ScreenshotAsync(string? suffix = null)
    {
        _screenshots++;
        var name = suffix is not null ? $"{TestName}-{suffix}" : _screenshots == 1 ? TestName : $"{TestName}-{_screenshots}";
        return Screenshots.SaveAsync(Page, name, _output);
    }

    /// <summary>Tab to the skip link, follow it, and check that keyboard focus lands on &lt;main&gt;.</summary>
    public async Task AssertSkipLinkMovesFocusToMainAsync()
    {
        await Page.Keyboard.PressAsync("Tab");
        var skipLink = Page.Locator(":focus");
        await Assertions.Expect(skipLink).ToHaveTextAsync("Naar de inhoud");
        var box = await skipLink.BoundingBoxAsync();
        Assert.True(box is { Width: > 20, Height: > 20 }, "The focused skip link must be visible.");

        await Page.Keyboard.PressAsync("Enter");
        Assert.Equal("inhoud", await Page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("MAIN", await Page.EvaluateAsync<string>("() => document.activeElement.tagName"));
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private void Answered(IRequest request, string? failure)
    {
        lock (_lock)
        {
            _unanswered.Remove(request);
            if (failure is not null && _requested.Contains(request)) _brokenResources.Add(failure);
        }
    }

    /// <summary>Waits until every request of the page opened last has its answer (or has failed).</summary>
    private async Task ResourcesAnsweredAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(BrowserFixture.Timeout);
        while (true)
        {
            string[] waiting;
            lock (_lock)
            {
                waiting = _unanswered.Select(r => r.Url).ToArray();
            }
            if (waiting.Length == 0) return;
            if (DateTime.UtcNow > deadline)
            {
                throw new System.TimeoutException($"{path}: no answer within {BrowserFixture.Timeout / 1000} s for {string.Join(", ", waiting)}");
            }
            await Task.Delay(20);
        }
    }
}
