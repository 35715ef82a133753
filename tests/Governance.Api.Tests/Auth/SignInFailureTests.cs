using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Governance.Api.Tests.Auth;

/// <summary>
/// Wrong passwords, unknown addresses, lock-out and rate limits. Each test starts its own server: the rate limiters
/// live in the process, and some tests move a fake clock.
/// </summary>
public sealed partial class SignInFailureTests : IAsyncLifetime
{
    private readonly List<GovernanceServer> _servers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
    }

    private async Task<GovernanceServer> Start(FakeClock? clock = null, Dictionary<string, string?>? settings = null)
    {
        var server = await GovernanceServer.StartAsync(builder =>
        {
            if (clock is not null) builder.Services.AddSingleton<TimeProvider>(clock);
            foreach (var (key, value) in settings ?? []) builder.Configuration[key] = value;
        });
        _servers.Add(server);
        return server;
    }

    private static async Task<HttpResponseMessage> RequestToken(GovernanceServer server, string email, string password)
    {
        using var client = server.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
    }

    private static async Task<string> Code(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;

    // The trace id differs per request by design (it tells nothing about the account); everything else must match.
    private static async Task<string> BodyWithoutTraceId(HttpResponseMessage response) =>
        TraceId().Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"…\"");

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_give_byte_identical_problem_details()
    {
        var server = await Start();
        await server.CreateAccountAsync("bestaat@example.org");

        using var wrongPassword = await RequestToken(server, "bestaat@example.org", "niet-het-wachtwoord");
        using var unknownEmail = await RequestToken(server, "bestaat-niet@example.org", "niet-het-wachtwoord");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(wrongPassword.StatusCode, unknownEmail.StatusCode);
        Assert.Equal(wrongPassword.Content.Headers.ContentType, unknownEmail.Content.Headers.ContentType);
        Assert.Equal(wrongPassword.Content.Headers.ContentLength, unknownEmail.Content.Headers.ContentLength);
        Assert.Equal(await BodyWithoutTraceId(wrongPassword), await BodyWithoutTraceId(unknownEmail));
        Assert.Equal("sign-in.invalid-credentials", await Code(wrongPassword));
        Assert.Contains("E-mailadres of wachtwoord klopt niet.", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_15_minutes_even_for_the_right_password_and_then_it_opens_again()
    {
        var clock = new FakeClock();
        var server = await Start(clock);
        await server.CreateAccountAsync("slot@example.org");

        for (var i = 0; i < 5; i++)
        {
            using var failure = await RequestToken(server, "slot@example.org", "fout-wachtwoord");
            Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        }

        using (var locked = await RequestToken(server, "slot@example.org", AuthTestHelpers.Password))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            Assert.Equal("sign-in.locked-out", await Code(locked));
            Assert.Equal(TimeSpan.FromMinutes(15), locked.Headers.RetryAfter?.Delta);
        }

        clock.Advance(TimeSpan.FromMinutes(14));
        using (var stillLocked = await RequestToken(server, "slot@example.org", AuthTestHelpers.Password))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.StatusCode);
            Assert.Equal(TimeSpan.FromMinutes(1), stillLocked.Headers.RetryAfter?.Delta);
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        using var open = await RequestToken(server, "slot@example.org", AuthTestHelpers.Password);
        Assert.Equal(HttpStatusCode.Created, open.StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_is_locked_out_exactly_like_an_account_so_lock_out_reveals_nothing()
    {
        // A still clock: with the real one, the two Retry-After values could straddle a second.
        var server = await Start(new FakeClock());
        await server.CreateAccountAsync("echt@example.org");

        for (var i = 0; i < 5; i++)
        {
            (await RequestToken(server, "echt@example.org", "fout-wachtwoord")).Dispose();
            (await RequestToken(server, "verzonnen@example.org", "fout-wachtwoord")).Dispose();
        }
        using var known = await RequestToken(server, "echt@example.org", "fout-wachtwoord");
        using var unknown = await RequestToken(server, "verzonnen@example.org", "fout-wachtwoord");

        Assert.Equal(HttpStatusCode.TooManyRequests, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.Headers.RetryAfter, unknown.Headers.RetryAfter);
        Assert.Equal(await BodyWithoutTraceId(known), await BodyWithoutTraceId(unknown));
    }

    [Fact]
    public async Task Failures_further_apart_than_the_lock_out_window_do_not_add_up()
    {
        var clock = new FakeClock();
        var server = await Start(clock);
        await server.CreateAccountAsync("typo@example.org");

        for (var i = 0; i < 8; i++)
        {
            using var failure = await RequestToken(server, "typo@example.org", "fout-wachtwoord");
            Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
            clock.Advance(TimeSpan.FromMinutes(16));
        }
        using var success = await RequestToken(server, "typo@example.org", AuthTestHelpers.Password);
        Assert.Equal(HttpStatusCode.Created, success.StatusCode);
    }

    [Fact]
    public async Task A_successful_sign_in_starts_the_failure_count_afresh()
    {
        var server = await Start(settings: new() { ["Governance:SignIn:AttemptsPerMinutePerEmail"] = "100" });
        await server.CreateAccountAsync("herstel@example.org");
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 4; i++) (await RequestToken(server, "herstel@example.org", "fout-wachtwoord")).Dispose();
            using var success = await RequestToken(server, "herstel@example.org", AuthTestHelpers.Password);
            Assert.Equal(HttpStatusCode.Created, success.StatusCode);
        }
    }

    [Fact]
    public async Task Sign_in_attempts_per_email_address_are_rate_limited_with_429_and_Retry_After()
    {
        var server = await Start(settings: new() { ["Governance:SignIn:AttemptsPerMinutePerEmail"] = "3", ["Governance:SignIn:MaxFailedAttempts"] = "100" });
        await server.CreateAccountAsync("druk@example.org");

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await RequestToken(server, "druk@example.org", "fout-wachtwoord");
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }
        using var limited = await RequestToken(server, "DRUK@example.org", AuthTestHelpers.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("sign-in.rate-limited", await Code(limited));
        Assert.InRange(limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        // Another address from the same client still has its own allowance.
        await server.CreateAccountAsync("rustig@example.org");
        using var other = await RequestToken(server, "rustig@example.org", AuthTestHelpers.Password);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_per_client_address_are_rate_limited_across_email_addresses()
    {
        var server = await Start(settings: new() { ["Governance:SignIn:AttemptsPerMinutePerAddress"] = "4" });
        for (var i = 0; i < 4; i++)
        {
            using var allowed = await RequestToken(server, $"gok{i}@example.org", "fout-wachtwoord");
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }
        using var limited = await RequestToken(server, "gok9@example.org", "fout-wachtwoord");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("sign-in.rate-limited", await Code(limited));
        Assert.NotNull(limited.Headers.RetryAfter);
    }
}
