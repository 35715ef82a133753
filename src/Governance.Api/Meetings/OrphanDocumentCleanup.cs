namespace Governance.Api.Meetings;

/// <summary>
/// Issue 12 §4: removes, on its own, the bytes of uploads that no recorded event names once they are older than a grace
/// period (an upload whose request was interrupted between storing the bytes and appending the event). Every node runs
/// it; <see cref="DocumentFiles.RemoveOrphansAsync"/> lets one node at a time do a pass and never deletes a referenced
/// file. The grace period is far longer than any request, so an upload whose event is about to be appended is kept.
/// Settings: <c>Governance:Documents:OrphanGrace</c> (default 1 hour) and <c>Governance:Documents:OrphanCleanupInterval</c>
/// (default 15 minutes; zero turns the cleanup off).
/// </summary>
public sealed class OrphanDocumentCleanup(DocumentFiles files, TimeProvider clock, IConfiguration configuration, ILogger<OrphanDocumentCleanup> logger)
    : BackgroundService
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Governance:Documents:OrphanCleanupInterval", DefaultInterval);
        var grace = configuration.GetValue("Governance:Documents:OrphanGrace", DefaultGrace);
        if (interval <= TimeSpan.Zero) return;
        // The real clock paces the passes; the app's clock (simulated in demos) is the one uploads were stamped with.
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await files.RemoveOrphansAsync(clock.GetUtcNow() - grace, stoppingToken);
                if (removed > 0) logger.LogInformation("Removed {Count} uploaded files that no recorded event names", removed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Cleaning up unreferenced uploads failed; the next pass tries again");
            }
        }
    }
}
