using Governance.Api.Commands;
using Governance.EventStore;
using NodaTime;

namespace Governance.Api.Sweeping;

/// <summary>What one pass recorded: events per kind of deadline (a missed dispute step is two: the miss and the next step).</summary>
public sealed record SweepReport(IReadOnlyDictionary<string, int> Recorded, int StreamsChecked)
{
    public int Total => Recorded.Values.Sum();
}

/// <summary>
/// The catch-up for passed deadlines (<see cref="Deadlines"/>): asks every stream with a deadline whether it has passed and
/// records it once. Deadlines are noticed on time by Wolverine's scheduled messages (<see cref="DeadlineSchedule"/>); this
/// pass is for what no message was scheduled for (history from before, the demo's story, a moved simulated clock) and runs
/// once when a node starts and as `governance sweep`. Safe with several nodes: commands of one alliance run one at a time
/// and the domain finds nothing left to record the second time.
/// </summary>
public sealed class Sweeper(CommandBus commands, Ledger ledger, TimeProvider clock)
{
    /// <summary>The sweeper records as the system, not as a person.</summary>
    public static EventMetadata Metadata => Deadlines.Metadata;

    public async Task<SweepReport> SweepAllAsync(CancellationToken cancellationToken)
    {
        var recorded = Deadlines.All.ToDictionary(k => k.Name, _ => 0, StringComparer.Ordinal);
        var checkedStreams = 0;
        foreach (var tenant in await ledger.GetTenantHeadsAsync(cancellationToken))
        {
            foreach (var kind in Deadlines.All)
            {
                foreach (var stream in await ledger.ListStreamsAsync(tenant.TenantId, kind.StreamType + "-", cancellationToken))
                {
                    var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
                    var outcome = await commands.SendAsync(new ExecuteCommand(tenant.TenantId, stream, kind.StreamType, kind.Command(now), Metadata,
                        IfMatch: null, Idempotency: null), cancellationToken);
                    recorded[kind.Name] += outcome.Events.Count;
                    checkedStreams++;
                }
            }
        }
        return new SweepReport(recorded, checkedStreams);
    }
}

/// <summary>One catch-up pass when a node starts (after migrations), in the background, so start-up does not wait for it.</summary>
public sealed class StartupSweep(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<StartupSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Governance:Sweeper:OnStart", true)) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<Sweeper>().SweepAllAsync(stoppingToken);
            if (report.Total > 0) logger.LogInformation("Start-up sweep recorded {Count} passed deadlines", report.Total);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Start-up sweep failed; `governance sweep` catches up later");
        }
    }
}

public static class SweeperServices
{
    public static IServiceCollection AddSweeper(this IServiceCollection services)
    {
        services.AddScoped<Sweeper>();
        services.AddHostedService<StartupSweep>();
        return services;
    }
}
