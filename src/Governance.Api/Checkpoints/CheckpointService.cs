using Governance.EventStore;

namespace Governance.Api.Checkpoints;

/// <summary>
/// Signs a checkpoint per alliance at a set interval (<c>Governance:Checkpoints:Interval</c>, default one hour) when its
/// ledger grew, and soon after every meeting (a <c>meeting.closed</c> or <c>meeting.minutes-published</c> after the last
/// checkpoint; looked for every <c>Governance:Checkpoints:Poll</c>, default 30 seconds). Several nodes may run it: a
/// position is stored once. Off with <c>Governance:Checkpoints:Enabled=false</c>. The newest checkpoint goes to the witnesses
/// (<see cref="CheckpointWitnesses"/>) when some are configured.
/// </summary>
public sealed class CheckpointService(IServiceProvider services, IConfiguration configuration, TimeProvider clock, ILogger<CheckpointService> logger)
    : BackgroundService
{
    public static readonly string[] MeetingEnded = ["meeting.closed", "meeting.minutes-published"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Governance:Checkpoints:Enabled", true)) return;
        var interval = configuration.GetValue("Governance:Checkpoints:Interval", TimeSpan.FromHours(1));
        var poll = configuration.GetValue("Governance:Checkpoints:Poll", TimeSpan.FromSeconds(30));
        var keys = services.GetRequiredService<CheckpointKeyHolder>();
        try
        {
            if (keys.Key is null) return;   // Production without a key: logged as an error by the holder
        }
        catch (InvalidOperationException ex)
        {
            logger.LogError("{Message}; no checkpoints are signed", ex.Message);
            return;
        }
        // Real time between passes: a simulated clock may jump, the checkpoints' own time comes from it.
        using var timer = new PeriodicTimer(poll);
        do
        {
            try
            {
                await PassAsync(keys.Key, interval, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Checkpoint pass failed; trying again in {Poll}", poll);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over every alliance.</summary>
    public async Task PassAsync(CheckpointKey key, TimeSpan interval, CancellationToken cancellationToken)
    {
        var ledger = services.GetRequiredService<Ledger>();
        var store = services.GetRequiredService<CheckpointStore>();
        var witnesses = services.GetRequiredService<CheckpointWitnesses>();
        foreach (var head in await ledger.GetTenantHeadsAsync(cancellationToken))
        {
            var latest = await store.LatestAsync(head.TenantId, cancellationToken);
            if (latest is null || latest.Position < head.Position) latest = await SignIfDueAsync(key, interval, head, latest, cancellationToken) ?? latest;
            // The newest checkpoint to the witnesses, unless they have it: also one signed by a node that stopped before it got so far.
            if (latest is not null && witnesses.Enabled)
            {
                await using var scope = services.CreateAsyncScope();
                await witnesses.OfferAsync(latest, scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>(), cancellationToken);
            }
        }
    }

    private async Task<Checkpoint?> SignIfDueAsync(CheckpointKey key, TimeSpan interval, TenantHead head, Checkpoint? latest, CancellationToken cancellationToken)
    {
        var ledger = services.GetRequiredService<Ledger>();
        var due = latest is null || clock.GetUtcNow() - latest.Time >= interval
            || await ledger.HasEventOfTypeAfterAsync(head.TenantId, latest.Position, MeetingEnded, cancellationToken);
        if (!due) return null;
        try
        {
            var (checkpoint, signed) = await services.GetRequiredService<CheckpointSigner>().SignHeadAsync(key, head.TenantId, cancellationToken);
            if (signed) logger.LogInformation("Signed {Checkpoint}, head {Hash}", checkpoint, checkpoint.HeadHash);
            return checkpoint;
        }
        catch (CheckpointRefusedException ex)
        {
            // Tampering, or a broken chain: signing over it would bless it. Loud, every pass, until someone looks.
            logger.LogError("Not signing a checkpoint for {Alliance}: {Reason}", head.TenantId, ex.Message);
            return null;
        }
    }
}

public static class CheckpointServices
{
    public static IServiceCollection AddCheckpoints(this IServiceCollection services)
    {
        services.AddSingleton<CheckpointKeyHolder>();
        services.AddSingleton<CheckpointStore>();
        services.AddSingleton(sp => new CheckpointSigner(sp.GetRequiredService<Marten.IDocumentStore>(), sp.GetRequiredService<CheckpointStore>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CheckpointWitnesses>();
        services.AddHostedService<CheckpointService>();
        return services;
    }
}
