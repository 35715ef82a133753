using Governance.Api.Auth;
using Governance.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace Governance.Api.Hosting;

/// <summary>
/// A clock that demos and acceptance tests can move forward (`--clock simulated`). It starts at the real time and
/// only ever moves forward: the ledger's recorded times must never run backwards. Allowed only in the environments
/// Development and Demo; the server says so in its log at start-up.
/// </summary>
public sealed class SimulatedClock(TimeProvider real) : TimeProvider
{
    private readonly Lock _gate = new();
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return real.GetUtcNow() + _offset;
    }

    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        lock (_gate)
        {
            _offset += by;
            return real.GetUtcNow() + _offset;
        }
    }

    public DateTimeOffset SetTo(DateTimeOffset now)
    {
        lock (_gate)
        {
            var by = now - (real.GetUtcNow() + _offset);
            if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(now), "The clock only moves forward.");
            _offset += by;
            return now;
        }
    }
}

public static class ClockServices
{
    public const string ConfigurationKey = "clock";

    /// <summary>The only environments that may start with the simulated clock (issue 12, point 7): Staging and Production never do.</summary>
    public static readonly IReadOnlyList<string> AllowedEnvironments = ["Development", "Demo"];

    /// <summary>`--clock simulated` (configuration key "clock") swaps in the simulated clock; only Development and Demo allow it.</summary>
    public static WebApplicationBuilder AddClock(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration[ConfigurationKey] ?? "system";
        switch (mode)
        {
            case "system":
                builder.Services.AddSingleton(TimeProvider.System);
                break;
            case "simulated" when !AllowedEnvironments.Any(builder.Environment.IsEnvironment):
                throw new CliException($"--clock simulated is only allowed in the environments {string.Join(" and ", AllowedEnvironments)}, "
                    + $"not in '{builder.Environment.EnvironmentName}': anywhere else recorded times must be real. "
                    + "Start with --environment Demo (or Development), or leave out --clock.");
            case "simulated":
                var clock = new SimulatedClock(TimeProvider.System);
                builder.Services.AddSingleton(clock);
                builder.Services.AddSingleton<TimeProvider>(clock);
                builder.Services.AddHostedService<SimulatedClockNotice>();
                break;
            default:
                throw new CliException($"--clock must be 'system' or 'simulated', not '{mode}'.");
        }
        return builder;
    }

    public sealed record ClockRequest(string? Advance, DateTimeOffset? Now);

    public sealed record ClockResponse(DateTimeOffset Now);

    public static IEndpointRouteBuilder MapDevClock(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/dev/clock", (TimeProvider clock) => TypedResults.Ok(new ClockResponse(clock.GetUtcNow()))).WithTags("Dev");
        app.MapPost("/api/v1/dev/clock", MoveClock).WithTags("Dev").RequireSystemAdmin();
        return app;
    }

    private static async Task<Results<Ok<ClockResponse>, ProblemHttpResult>> MoveClock(
        ClockRequest body, IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, CancellationToken ct)
    {
        var result = Move(body, services);
        // Scheduled deadlines fire on the wall clock; when the demo's clock jumps past some, record them now (the catch-up
        // sweep), so the story moves on as it would have. Tests switch it on where they want it (Governance:Sweeper:OnClockMove).
        if (result.Result is Ok<ClockResponse> && configuration.GetValue("Governance:Sweeper:OnClockMove", environment.IsEnvironment("Demo")))
        {
            await services.GetRequiredService<Sweeping.Sweeper>().SweepAllAsync(ct);
            // Issue 14: the reminders whose moment the clock jumped past go out now too (when mail is configured).
            await services.GetRequiredService<Mail.ReminderSweep>().RunAsync(ct);
        }
        return result;
    }

    private static Results<Ok<ClockResponse>, ProblemHttpResult> Move(ClockRequest body, IServiceProvider services)
    {
        if (services.GetService<SimulatedClock>() is not { } clock)
            return TypedResults.Problem(ApiProblems.Problem(StatusCodes.Status409Conflict, "The clock is real.",
                "Start the server with --clock simulated (only in the environments Development and Demo) to move time.", "clock.not-simulated"));
        if ((body.Advance is null) == (body.Now is null))
            return Invalid("Send either \"advance\" (an ISO 8601 period such as \"P14D\" or \"PT2H\") or \"now\".");
        try
        {
            if (body.Now is { } now) return TypedResults.Ok(new ClockResponse(clock.SetTo(now)));
            var parsed = PeriodPattern.NormalizingIso.Parse(body.Advance!);
            if (!parsed.Success)
                return Invalid($"'{body.Advance}' is not an ISO 8601 period such as \"P14D\" or \"PT2H\".");
            if (parsed.Value.Months != 0 || parsed.Value.Years != 0)
                return Invalid("Advance by weeks, days or hours (P14D, PT2H): months and years have no fixed length.");
            var by = parsed.Value.ToDuration().ToTimeSpan();
            if (by <= TimeSpan.Zero) return Invalid("Advance by a positive period: the clock only moves forward.");
            return TypedResults.Ok(new ClockResponse(clock.Advance(by)));
        }
        catch (ArgumentOutOfRangeException ex)
        {
            return Invalid(ex.Message.Split(" (Parameter")[0]);
        }
    }

    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(ApiProblems.Problem(StatusCodes.Status400BadRequest, "The request is not valid.", detail, "clock.invalid"));
}

/// <summary>Says at start-up, as a warning, that time on this server can be moved: nobody should mistake it for a real ledger.</summary>
internal sealed class SimulatedClockNotice(IHostEnvironment environment, ILogger<SimulatedClockNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("Simulated clock on (environment {Environment}): a system admin can move time forward with POST /api/v1/dev/clock. "
            + "Only for demos and development; recorded times here are not real.", environment.EnvironmentName);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
