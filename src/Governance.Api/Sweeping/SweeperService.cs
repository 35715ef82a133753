using Governance.Api.Http;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.Proposals;
using Governance.EventStore;

namespace Governance.Api.Sweeping;

/// <summary>Every deadline the ledger records when it passes. A slice with a deadline adds its sweep here.</summary>
public static class DeadlineSweeps
{
    public static IReadOnlyList<IDeadlineSweep> All { get; } =
    [
        // R9: an advice's motivation not given by its due date.
        new DeadlineSweep<ProposalCommand, ProposalEvent, Proposal.State>("advice-motivations", Proposal.Decider, now => new RecordAdviceMotivationOverdue(now)),
        // R10: a promise whose due day ended unsettled.
        new DeadlineSweep<CommitmentCommand, CommitmentEvent, Commitment.State>("commitments", Commitment.Decider, now => new RecordCommitmentOverdue(now)),
        // R12: a dispute step whose response deadline passed unresolved; the dispute moves up in the same decision.
        new DeadlineSweep<EscalationCommand, EscalationEvent, Escalation.State>("escalation-steps", Escalation.Decider, now => new RecordEscalationStepOverdue(now)),
    ];
}

/// <summary>
/// Runs the sweeper in the host every <c>Governance:Sweeper:IntervalSeconds</c> (default 60; 0 switches it off, for
/// nodes that leave it to cron and `governance sweep`). Every node may run it: see <see cref="Sweeper"/>.
/// </summary>
public sealed class SweeperService(Sweeper sweeper, IConfiguration configuration, ILogger<SweeperService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Governance:Sweeper:IntervalSeconds", 60);
        if (seconds <= 0 || sweeper.Sweeps.Count == 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                var report = await sweeper.SweepAllAsync(stoppingToken);
                if (report.Total > 0) logger.LogInformation("Sweeper recorded {Count} passed deadlines", report.Total);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sweeper: will retry at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class SweeperServices
{
    public static IServiceCollection AddSweeper(this IServiceCollection services)
    {
        services.AddSingleton(sp => new Sweeper(sp.GetRequiredService<CommandPipeline>(), sp.GetRequiredService<Ledger>(), DeadlineSweeps.All));
        services.AddHostedService<SweeperService>();
        return services;
    }
}
