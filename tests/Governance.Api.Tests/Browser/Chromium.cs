using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, launched once per test process and shared by every browser test class; each
/// test gets a fresh <see cref="IBrowserContext"/> (own cookies, own storage), so sharing the browser shares no state.
/// As a class fixture it costs nothing: the browser classes are no longer one serial collection, and run in parallel
/// with each other and with the rest of the suite. Playwright never downloads a browser here: it drives /usr/bin/chromium
/// (apt-get install chromium).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// How long any browser wait may take — an action, a navigation, an expectation — in milliseconds. Quiet, a page
    /// takes well under a second; on a busy two-core machine (a build beside the tests) it has taken tens of seconds.
    /// </summary>
    public const float Timeout = 60_000;

    // --no-sandbox: tests run as root in a container; the rest keep Chromium off the network and quiet.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    static Chromium() => Assertions.SetDefaultExpectTimeout(Timeout);

    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => _browser = await Shared.Value;

    /// <summary>The browser stays up for the next class; it closes when the test process ends.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: apt-get install -y chromium (ops/test installs it).");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = Timeout,
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                browser.CloseAsync().Wait(TimeSpan.FromSeconds(10));
                playwright.Dispose();
            }
            catch (Exception e) when (e is PlaywrightException or AggregateException or ObjectDisposedException)
            {
                // The driver went first; Chromium ends with it.
            }
        };
        return browser;
    }

    /// <summary>
    /// A fresh browser context (own cookies) with one page on <paramref name="server"/>, waiting up to <see cref="Timeout"/>
    /// for anything. <paramref name="testName"/> names the screenshots. With <paramref name="javaScriptEnabled"/> false the
    /// page runs no script of its own (axe then runs on a twin page, see <see cref="BrowserSession.AssertNoAxeViolationsAsync()"/>).
    /// </summary>
    internal async Task<BrowserSession> NewSessionAsync(GovernanceServer server, ITestOutputHelper output, bool javaScriptEnabled, string testName)
    {
        var context = await Browser.NewContextAsync(ContextOptions(server.BaseAddress, new ViewportSize { Width = 1280, Height = 800 }, javaScriptEnabled));
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, output, testName, javaScriptEnabled);
    }

    /// <summary>A Dutch reader in Amsterdam on <paramref name="site"/>; <paramref name="cookies"/> carries a session over.</summary>
    internal static BrowserNewContextOptions ContextOptions(Uri site, ViewportSize? viewport, bool javaScriptEnabled, string? cookies = null) => new()
    {
        BaseURL = site.GetLeftPart(UriPartial.Authority),
        Locale = "nl-NL",
        TimezoneId = "Europe/Amsterdam",
        ViewportSize = viewport,
        JavaScriptEnabled = javaScriptEnabled,
        StorageState = cookies,
    };
}
