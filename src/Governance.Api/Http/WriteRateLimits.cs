using System.Threading.RateLimiting;
using Governance.Api.Auth;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Governance.Api.Http;

/// <summary>
/// Write limits, from configuration section <c>Governance:WriteLimits</c> (issue 12, point 11). A token bucket per
/// person (signed in by cookie or token), else per client address (an IPv6 client counts per /64): up to the limit
/// at once, then refilled evenly over a minute. Reads are never limited.
/// </summary>
public sealed class WriteLimitOptions
{
    public const string Section = "Governance:WriteLimits";

    /// <summary>
    /// Writes per minute per signed-in person. A person at a meeting records a few a minute; the tests, the demo seed
    /// and a bench client stay well below it. Someone filling the public lists with promises is stopped here.
    /// </summary>
    public int PerPersonPerMinute { get; set; } = 300;

    /// <summary>Writes per minute per client address without sign-in (sign-in attempts have their own, lower limits).</summary>
    public int PerAddressPerMinute { get; set; } = 300;
}

/// <summary>ASP.NET Core's rate limiter on every write (any method but GET, HEAD, OPTIONS, TRACE), pages and API alike.</summary>
public static class WriteRateLimits
{
    public const string Code = "rate-limited";

    public static IServiceCollection AddWriteRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WriteLimitOptions>().Bind(configuration.GetSection(WriteLimitOptions.Section))
            .Validate(o => o.PerPersonPerMinute > 0 && o.PerAddressPerMinute > 0, "Write limits must be positive.");
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<WriteLimitOptions>>((options, limits) =>
        {
            var perPerson = limits.Value.PerPersonPerMinute;
            var perAddress = limits.Value.PerAddressPerMinute;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (IsRead(context.Request.Method)
                    // The Dutch error page re-executes the refused request itself: that must not be refused again.
                    || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
                    return RateLimitPartition.GetNoLimiter("");
                return GovernancePrincipal.PersonOf(context.User) is { } person
                    ? RateLimitPartition.GetTokenBucketLimiter("person " + person.Value, _ => Bucket(perPerson))
                    : RateLimitPartition.GetTokenBucketLimiter("address " + SignInThrottle.PartitionOf(context.Connection.RemoteIpAddress), _ => Bucket(perAddress));
            });
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = Rejected;
        });
        return services;
    }

    private static bool IsRead(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    /// <summary>The whole minute's allowance at once, refilled evenly: every second, or for small limits one write at a time.</summary>
    internal static TokenBucketRateLimiterOptions Bucket(int perMinute)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, 60 / perMinute));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            ReplenishmentPeriod = period,
            TokensPerPeriod = Math.Max(1, (int)Math.Round(perMinute * period.TotalMinutes)),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    private static async ValueTask Rejected(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        context.Response.Headers.RetryAfter = AuthProblems.RetryAfterSeconds(wait);
        // Pages: the empty 429 becomes the Dutch error page (UseErrorPages); the API answers problem details.
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            await AuthProblems.WriteAsync(context, AuthProblems.Problem(StatusCodes.Status429TooManyRequests, "Too many changes.",
                $"{Message(wait)} / Too many writes in a short time: wait {AuthProblems.RetryAfterSeconds(wait)} seconds (Retry-After) and try again.",
                Code));
    }

    /// <summary>What a person reads (Dutch, B1).</summary>
    public static string Message(TimeSpan wait) =>
        $"U heeft in korte tijd te veel wijzigingen gedaan. Wacht {AuthProblems.RetryAfterSeconds(wait)} seconden en probeer het dan opnieuw.";
}
