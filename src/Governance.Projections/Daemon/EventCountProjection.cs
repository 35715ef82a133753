using Governance.Projections.Daemon;
using Npgsql;

namespace Governance.Projections.Daemon;

/// <summary>Counts each tenant's events. Cheap, and the plainest proof that no event is ever applied twice.</summary>
public sealed class EventCountProjection : IAsyncProjection
{
    public string Name => "event-counts";

    public async Task ResetAsync(NpgsqlTransaction transaction, string tenant, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("delete from projections.event_counts where tenant_id = $1", transaction.Connection, transaction);
        cmd.Parameters.Add(new() { Value = tenant });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ApplyAsync(NpgsqlTransaction transaction, string tenant, IReadOnlyList<ProjectedEvent> events, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into projections.event_counts (tenant_id, events) values ($1, $2)
            on conflict (tenant_id) do update set events = projections.event_counts.events + excluded.events
            """, transaction.Connection, transaction);
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = (long)events.Count });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
