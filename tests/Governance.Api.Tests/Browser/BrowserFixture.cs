using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>Browser tests share one server and one Chromium: starting either costs seconds.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// The real app on Kestrel (<see cref="GovernanceServer"/>) and Debian's Chromium driven by Playwright.
/// Playwright never downloads a browser here: it drives /usr/bin/chromium (apt-get install chromium).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Paths that throw, so that tests can see the 500 responses. Only the browser tests' server has them.</summary>
    public const string ThrowingPath = "/test/kapot";

    public const string ThrowingApiPath = "/api/test/kapot";

    /// <summary>
    /// How long any browser wait may take — an action, a navigation, an expectation — in milliseconds. Quiet, a page
    /// takes well under a second; on a busy two-core machine (a build beside the tests) it has taken tens of seconds.
    /// </summary>
    public const float Timeout = 60_000;

    static BrowserFixture() => Assertions.SetDefaultExpectTimeout(Timeout);

    // --no-sandbox: tests run as root in a container; the rest keep Chromium off the network and quiet.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private GovernanceServer? _server;

    public GovernanceServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: apt-get install -y chromium (ops/test installs it).");
        }
        // In a test process the entry assembly is the test host, so name the app's assembly: Razor Pages are
        // discovered from it. The test binaries have no wwwroot of their own; serve the app's, where the build put lib/.
        _server = await GovernanceServer.StartAsync(
            builder => builder.Services.AddSingleton<IStartupFilter>(new ThrowingEndpoint()),
            "--applicationName", typeof(WebHost).Assembly.GetName().Name!,
            "--webroot", RepositoryFiles.WebRoot);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = Timeout,
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies) with one page on the server. <paramref name="testName"/> names the
    /// screenshots; by default it is "&lt;test class file&gt;.&lt;test method&gt;". With <paramref name="javaScriptEnabled"/>
    /// false the page runs no script of its own (axe cannot run then either).
    /// </summary>
    public Task<BrowserSession> NewSessionAsync(
        ITestOutputHelper output,
        bool javaScriptEnabled = true,
        [CallerMemberName] string testName = "",
        [CallerFilePath] string callerFile = "") =>
        NewSessionAsync(Server, output, javaScriptEnabled, $"{Path.GetFileNameWithoutExtension(callerFile)}.{testName}");

    /// <summary>A fresh browser context (own cookies) with one page on <paramref name="server"/>, waiting up to <see cref="Timeout"/> for anything.</summary>
    internal async Task<BrowserSession> NewSessionAsync(GovernanceServer server, ITestOutputHelper output, bool javaScriptEnabled, string testName)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            JavaScriptEnabled = javaScriptEnabled,
        });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, output, testName);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Runs after the app's own pipeline, so an unmatched request to a throwing path meets the app's error handling.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate inner) => context.Request.Path == ThrowingPath || context.Request.Path == ThrowingApiPath
                ? throw new InvalidOperationException("Deliberate failure for the 500 page test.")
                : inner(context));
        };
    }
}
