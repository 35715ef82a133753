using System.Runtime.CompilerServices;
using Governance.Api.Auth;
using Governance.Api.Demo;
using Governance.Api.Tests.Auth;
using Governance.TestSupport;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// A server of its own per test class, with the demo alliance "osdorp-de-punt" seeded exactly as `governance seed demo`
/// does, so the alliance pages are tested on the story residents will see. The browser is the test run's <see cref="Chromium"/>.
/// The demo is seeded once per test run into a template database that each class's server gets a copy of (issue 16 §4:
/// seeding cost each class about 1.5 s of CPU, a copy a fraction of that); its times are those of the moment it was seeded.
/// </summary>
public sealed class AllianceServer : IAsyncLifetime
{
    public const string Alliance = "osdorp-de-punt";

    /// <summary>The demo alliance's API path.</summary>
    public const string Api = $"/api/v1/alliances/{Alliance}";

    private GovernanceServer? _server;

    public GovernanceServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public static DemoAccount Account(string email) => DemoSeed.Accounts.Single(a => a.Email == email);

    public static DemoAccount Admin => Account("beheer@osdorp.example");

    /// <summary>Fatima Yilmaz, who speaks for the residents' collective BCOP.</summary>
    public static DemoAccount Resident => Account("bewoner@osdorp.example");

    // As BrowserFixture: the app's assembly holds the pages, and the app's wwwroot holds the built assets.
    private static readonly string[] PagesAndAssets =
        ["--applicationName", typeof(WebHost).Assembly.GetName().Name!, "--webroot", RepositoryFiles.WebRoot];

    public async Task InitializeAsync() =>
        _server = await GovernanceServer.StartOnDatabaseAsync(await CreateDemoDatabaseAsync(), null,
            ["--Governance:Database:MigrateOnStart=false", .. PagesAndAssets]);

    /// <summary>
    /// A new database holding the seeded demo: a copy of a template that a server of its own migrated and seeded once per
    /// test run, and stopped once every projection had caught up.
    /// </summary>
    public static Task<string> CreateDemoDatabaseAsync() =>
        PostgresCluster.CreateMigratedDatabaseAsync("demo", "demo", async template =>
        {
            await using var seeder = await GovernanceServer.StartOnDatabaseAsync(template, null, PagesAndAssets);
            await ActivatorUtilities.CreateInstance<DemoSeed>(seeder.Services).SeedAsync(CancellationToken.None);
            await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(
                seeder.Services.GetRequiredService<Marten.IDocumentStore>(), TimeSpan.FromSeconds(60));
        });

    /// <summary>An API client signed in with a token as the demo account <paramref name="email"/>, and that account's person id.</summary>
    public async Task<(HttpClient Client, string Person)> ApiClientAsync(string email)
    {
        var person = await Server.Services.GetRequiredService<AccountService>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No demo account {email}.");
        return (await Server.CreateTokenClientAsync(person), person.Value);
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
