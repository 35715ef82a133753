using Governance.Api;
using Governance.Api.Hosting;
using Governance.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Console;
using Npgsql;

namespace Governance.Api.Tests;

/// <summary>
/// The real application on real Kestrel, bound to a free loopback port, with a fresh database on the
/// test process's throw-away PostgreSQL cluster. Tests talk to it over real HTTP.
/// </summary>
public sealed class GovernanceServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GovernanceServer(WebApplication app, string connectionString, Uri baseAddress)
    {
        _app = app;
        ConnectionString = connectionString;
        BaseAddress = baseAddress;
    }

    public string ConnectionString { get; }
    public Uri BaseAddress { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<GovernanceServer> StartAsync(Action<WebApplicationBuilder>? configure = null, params string[] args)
    {
        // A copy of the migrated template: no schema check at start-up (a second or two of every server's start), as a node
        // deployed after `governance db migrate` would run.
        return await StartOnDatabaseAsync(await CreateDatabaseAsync(), configure, ["--Governance:Database:MigrateOnStart=false", .. args]);
    }

    /// <summary>
    /// A new database with every migration applied (a copy of a template migrated once per test run), Wolverine's tables
    /// included: the template is migrated as `governance db migrate` does, with the host's services.
    /// </summary>
    public static Task<string> CreateDatabaseAsync() =>
        PostgresCluster.CreateMigratedDatabaseAsync("api", "governance", async connectionString =>
        {
            await using var app = WebHost.Build(["--environment", "Testing",
                "--applicationName", typeof(WebHost).Assembly.GetName().Name!], builder =>
            {
                builder.Configuration["ConnectionStrings:Governance"] = connectionString;
                builder.Logging.ClearProviders();
            });
            await LedgerServices.MigrateHostAsync(app.Services);
        });

    /// <summary>Another app node on an existing database (e.g. <see cref="ConnectionString"/> of a running server).</summary>
    public static async Task<GovernanceServer> StartOnDatabaseAsync(string connectionString, Action<WebApplicationBuilder>? configure = null, params string[] args)
    {
        // applicationName: the test runner is the entry assembly, and Razor Pages look for their pages in the application's assembly.
        // The simulated clock is allowed only in Development and Demo (issue 12, point 7): tests that ask for it run in
        // Development, the others in Testing. A later "--environment" in args wins.
        var environment = args.Contains("simulated") ? "Development" : "Testing";
        var app = WebHost.Build(["--urls", "http://127.0.0.1:0", "--environment", environment,
            "--applicationName", typeof(WebHost).Assembly.GetName().Name!, .. args], builder =>
        {
            builder.Configuration["ConnectionStrings:Governance"] = connectionString;
            // The checkpoint key made on first use outside Production (issue 15): in the test run's own folder, not the user's.
            builder.Configuration["Governance:DataDirectory"] = DataDirectory;
            // Development also switches on the service provider's scope checks; the tests ran without them in Testing
            // (some resolve Wolverine's scoped IMessageBus from the root provider), so keep the services as they were.
            builder.Host.UseDefaultServiceProvider(options =>
            {
                options.ValidateScopes = false;
                options.ValidateOnBuild = false;
            });
            // Warnings and up, each on one line with its message (and exception). The app's appsettings.json asks for
            // Information, and the default console format put a bare "fail: <category>" line above an indented message.
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
            builder.Logging.AddFilter<ConsoleLoggerProvider>(level => level >= LogLevel.Warning);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GovernanceServer(app, connectionString, new Uri(address));
    }

    /// <summary>The test process's data directory (the generated checkpoint signing key lives there).</summary>
    public static string DataDirectory { get; } = Directory.CreateTempSubdirectory("governance-tests-").FullName;

    public HttpClient CreateClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = BaseAddress,
    };

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
