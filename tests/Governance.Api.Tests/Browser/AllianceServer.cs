using System.Runtime.CompilerServices;
using Governance.Api.Demo;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// A server of its own per test class, with the demo alliance "osdorp-de-punt" seeded exactly as `governance seed demo`
/// does, so the alliance pages are tested on the story residents will see. The browser is the test run's <see cref="Chromium"/>.
/// </summary>
public sealed class AllianceServer : IAsyncLifetime
{
    public const string Alliance = "osdorp-de-punt";

    private GovernanceServer? _server;

    public GovernanceServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public static DemoAccount Account(string email) => DemoSeed.Accounts.Single(a => a.Email == email);

    public static DemoAccount Admin => Account("beheer@osdorp.example");

    /// <summary>Fatima Yilmaz, who speaks for the residents' collective BCOP.</summary>
    public static DemoAccount Resident => Account("bewoner@osdorp.example");

    public async Task InitializeAsync()
    {
        // As BrowserFixture: the app's assembly holds the pages, and the app's wwwroot holds the built assets.
        _server = await GovernanceServer.StartAsync(null,
            "--applicationName", typeof(WebHost).Assembly.GetName().Name!,
            "--webroot", RepositoryFiles.WebRoot);
        await ActivatorUtilities.CreateInstance<DemoSeed>(_server.Services).SeedAsync(CancellationToken.None);
    }

    /// <summary>Waits until Marten's async daemon has caught up with the ledger (every projection, every alliance).</summary>
    public Task WaitForProjectionAsync(string consumer) =>
        Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(Server.Services.GetRequiredService<Marten.IDocumentStore>(), TimeSpan.FromSeconds(60));

    /// <summary>
    /// A fresh browser context (own cookies) on this server; screenshots are named after the calling test. Without
    /// JavaScript the page runs no script at all (nor can axe).
    /// </summary>
    public Task<BrowserSession> NewSessionAsync(
        Chromium browser, ITestOutputHelper output, bool javaScriptEnabled = true,
        [CallerMemberName] string testName = "", [CallerFilePath] string callerFile = "") =>
        browser.NewSessionAsync(Server, output, javaScriptEnabled, $"{Path.GetFileNameWithoutExtension(callerFile)}.{testName}");

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
