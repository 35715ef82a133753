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
    private readonly List<string> _brokenResources = [];
    private int _screenshots;

    internal BrowserSession(IBrowserContext context, IPage page, ITestOutputHelper output, string testName)
    {
        _context = context;
        _output = output;
        Page = page;
        TestName = testName;
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                _brokenResources.Add($"{response.Status} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) => _brokenResources.Add($"failed {request.Url}: {request.Failure}");
    }

    public IPage Page { get; }

    public string TestName { get; }

    /// <summary>Opens <paramref name="path"/> (relative to the server) and returns the document's response.</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        _brokenResources.Clear();
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(_brokenResources.Count == 0, $"{path} could not load: {string.Join("; ", _brokenResources)}");
        return response;
    }

    /// <summary>Signs in through the /inloggen form, as a person would.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await GotoAsync("/inloggen");
        await Page.GetByLabel("E-mailadres").FillAsync(email);
        await Page.GetByLabel("Wachtwoord").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Inloggen" }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Uitloggen" })).ToBeVisibleAsync();
    }

    /// <summary>Fails listing every WCAG 2.0/2.1 A and AA violation axe-core finds on the current page.</summary>
    public Task AssertNoAxeViolationsAsync() => Axe.AssertNoViolationsAsync(Page);

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
}
