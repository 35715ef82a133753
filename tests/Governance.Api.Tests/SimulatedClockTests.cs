using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Api.Hosting;
using Governance.Api.Tests.Alliances;
using Governance.Domain;
using Governance.EventStore;

namespace Governance.Api.Tests;

public sealed class SimulatedClockTests(SimulatedClockTests.RefusingServer refusing) : IClassFixture<SimulatedClockTests.RefusingServer>
{
    /// <summary>
    /// One server on the simulated clock for the tests whose clock moves are all refused (400, 403): a refused move
    /// changes nothing, so they need no server of their own. The test that moves the clock has its own.
    /// </summary>
    public sealed class RefusingServer : IAsyncLifetime
    {
        private GovernanceServer? _server;

        public GovernanceServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

        public HttpClient Admin { get; private set; } = null!;

        public HttpClient Chair { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _server = await GovernanceServer.StartAsync(null, "--clock", "simulated");
            (Admin, _) = await _server.SystemAdminAsync();
            (Chair, _) = await _server.ClientWithRolesAsync("Voorzitter", new RoleGrant(AllianceId.Parse("osdorp-de-punt"), Role.Chair));
        }

        public async Task DisposeAsync()
        {
            Admin?.Dispose();
            Chair?.Dispose();
            if (_server is not null) await _server.DisposeAsync();
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<DateTimeOffset> Now(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/dev/clock", UriKind.Relative))).GetProperty("now").GetDateTimeOffset();

    [Fact]
    public async Task An_admin_moves_the_simulated_clock_forward_and_new_events_are_recorded_at_the_moved_time()
    {
        await using var server = await GovernanceServer.StartAsync(null, "--clock", "simulated");
        var (admin, _) = await server.SystemAdminAsync();
        var before = await Now(admin);

        using var moved = await admin.PostAsync(new Uri("/api/v1/dev/clock", UriKind.Relative), Json("""{"advance":"P14D"}"""));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var after = await Now(admin);
        Assert.InRange(after - before, TimeSpan.FromDays(14), TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));

        using var found = await admin.PostAsync(new Uri("/api/v1/alliances", UriKind.Relative),
            Json("""{"id":"osdorp-de-punt","name":"Osdorp de Punt","neighbourhood":"Osdorp"}"""));
        found.EnsureSuccessStatusCode();
        var recorded = (await server.Services.GetRequiredService<Ledger>().ReadStreamAsync("osdorp-de-punt", "alliance"))[0].RecordedAt;
        Assert.True(recorded >= after, $"recorded {recorded:O}, clock was moved to {after:O}");
    }

    [Theory]
    [InlineData("""{"advance":"-P1D"}""")]
    [InlineData("""{"advance":"P1M"}""")]
    [InlineData("""{"advance":"twee weken"}""")]
    [InlineData("""{"now":"2020-01-01T00:00:00Z"}""")]
    [InlineData("""{}""")]
    public async Task The_clock_refuses_to_go_back_or_to_move_by_something_unclear(string body)
    {
        var before = await Now(refusing.Admin);
        using var response = await refusing.Admin.PostAsync(new Uri("/api/v1/dev/clock", UriKind.Relative), Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("clock.invalid", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.InRange(await Now(refusing.Admin) - before, TimeSpan.Zero, TimeSpan.FromMinutes(1));   // it did not move
    }

    [Fact]
    public async Task Only_a_system_admin_may_move_the_clock()
    {
        using var response = await refusing.Chair.PostAsync(new Uri("/api/v1/dev/clock", UriKind.Relative), Json("""{"advance":"P1D"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Without_the_simulated_clock_moving_time_is_refused()
    {
        await using var server = await GovernanceServer.StartAsync();
        var (admin, _) = await server.SystemAdminAsync();
        using var response = await admin.PostAsync(new Uri("/api/v1/dev/clock", UriKind.Relative), Json("""{"advance":"P1D"}"""));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void Every_environment_but_Development_and_Demo_refuses_the_simulated_clock_at_start_up(string environment)
    {
        var ex = Assert.Throws<CliException>(() => WebHost.Build(["--environment", environment, "--clock", "simulated"]));
        Assert.Contains($"only allowed in the environments Development and Demo, not in '{environment}'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Demo")]
    public async Task Development_and_Demo_start_with_the_simulated_clock_and_say_so_in_the_log(string environment)
    {
        var log = new CapturedLog();
        await using var server = await GovernanceServer.StartAsync(builder => builder.Logging.AddProvider(log), "--clock", "simulated", "--environment", environment);

        Assert.Contains(log.Lines, line => line.StartsWith("Warning Simulated clock on (environment " + environment + ")", StringComparison.Ordinal));
        using var client = server.CreateClient();
        Assert.True((await Now(client)) > DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task The_real_clock_says_nothing_about_a_simulated_clock_at_start_up()
    {
        var log = new CapturedLog();
        await using var server = await GovernanceServer.StartAsync(builder => builder.Logging.AddProvider(log));

        Assert.DoesNotContain(log.Lines, line => line.Contains("Simulated clock", StringComparison.Ordinal));
    }

    /// <summary>Every log line of the server as "Level message".</summary>
    private sealed class CapturedLog : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {formatter(state, exception)}");
        }
    }
}
