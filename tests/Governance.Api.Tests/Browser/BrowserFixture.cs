using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// The browser classes that share one server (<see cref="BrowserFixture"/>: the pages without an alliance, sign-in, errors).
/// The classes with a server of their own (<see cref="AllianceServer"/>) are not in it: they take <see cref="Chromium"/> as
/// a class fixture and run in parallel.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// The real app on Kestrel (<see cref="GovernanceServer"/>) and the test process's Chromium (<see cref="Chromium"/>, one
/// per test run) driven by Playwright.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = Chromium.ChromiumPath;

    /// <summary>Paths that throw, so that tests can see the 500 responses. Only the browser tests' server has them.</summary>
    public const string ThrowingPath = "/test/kapot";

    public const string ThrowingApiPath = "/api/test/kapot";

    /// <inheritdoc cref="Chromium.Timeout"/>
    public const float Timeout = Chromium.Timeout;

    private readonly Chromium _chromium = new();
    private GovernanceServer? _server;

    public GovernanceServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public IBrowser Browser => _chromium.Browser;

    public async Task InitializeAsync()
    {
        // In a test process the entry assembly is the test host, so name the app's assembly: Razor Pages are
        // discovered from it. The test binaries have no wwwroot of their own; serve the app's, where the build put lib/.
        var server = GovernanceServer.StartAsync(
            builder => builder.Services.AddSingleton<IStartupFilter>(new ThrowingEndpoint()),
            "--applicationName", typeof(WebHost).Assembly.GetName().Name!,
            "--webroot", RepositoryFiles.WebRoot);
        await _chromium.InitializeAsync();
        _server = await server;
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
        _chromium.NewSessionAsync(Server, output, javaScriptEnabled, $"{Path.GetFileNameWithoutExtension(callerFile)}.{testName}");

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
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
