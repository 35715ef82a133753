using Governance.EventStore;
using Governance.Projections.Daemon;
using Governance.Projections.Timeline;
using Npgsql;

namespace Governance.Api.Hosting;

/// <summary>Runs the projection daemon in the host. Every node runs one; per tenant only the lock holder works.</summary>
public sealed class ProjectionDaemonService(ProjectionDaemon daemon, IConfiguration configuration, ILogger<ProjectionDaemonService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(configuration.GetValue("Governance:Projections:PollMilliseconds", 250));
        return daemon.RunAsync(poll, ex => logger.LogWarning(ex, "Projection daemon: will retry"), stoppingToken);
    }
}

public static class ProjectionServices
{
    public static IServiceCollection AddProjections(this IServiceCollection services)
    {
        services.AddSingleton<IAsyncProjection, TimelineProjection>();
        services.AddSingleton<IAsyncProjection, EventCountProjection>();
        services.AddSingleton<IAsyncProjection>(sp => new Governance.Projections.Punctuality.MeetingDeadlineProjection(
            sp.GetRequiredService<PostgresEventStore>(), sp.GetRequiredService<EventTypeRegistry>()));
        services.AddSingleton<TimelineQueries>();
        services.AddSingleton<Governance.Projections.Punctuality.PunctualityQueries>();
        services.AddSingleton(sp => new ProjectionDaemon(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<PostgresEventStore>(),
            sp.GetRequiredService<EventTypeRegistry>(), sp.GetServices<IAsyncProjection>()));
        services.AddHostedService<ProjectionDaemonService>();
        return services;
    }
}
