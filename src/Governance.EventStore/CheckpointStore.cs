using Npgsql;

namespace Governance.EventStore;

/// <summary>
/// Where each consumer (projection) stands in each tenant's ledger. A consumer saves its checkpoint in the same
/// transaction as its own rows, so a crash never leaves rows without their checkpoint or the other way round.
/// </summary>
public static class CheckpointStore
{
    /// <summary>The last position <paramref name="consumer"/> processed in <paramref name="tenant"/> (0: none).</summary>
    public static async Task<long> GetAsync(NpgsqlConnection connection, string consumer, string tenant,
        NpgsqlTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        await using var cmd = new NpgsqlCommand(
            "select position from ledger.checkpoints where consumer = $1 and tenant_id = $2", connection, transaction);
        cmd.Parameters.Add(new() { Value = consumer });
        cmd.Parameters.Add(new() { Value = tenant });
        return await cmd.ExecuteScalarAsync(cancellationToken) is long p ? p : 0;
    }

    /// <summary>Saves the checkpoint inside <paramref name="transaction"/>, the consumer's own.</summary>
    public static async Task SaveAsync(NpgsqlTransaction transaction, string consumer, string tenant, long position,
        CancellationToken cancellationToken = default)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into ledger.checkpoints (consumer, tenant_id, position, updated_at, status, error)
            values ($1, $2, $3, now(), 'running', null)
            on conflict (consumer, tenant_id) do update
               set position = excluded.position, updated_at = excluded.updated_at, status = 'running', error = null
            """, transaction.Connection, transaction);
        cmd.Parameters.Add(new() { Value = consumer });
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = position });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records that the consumer stopped on an error at its current position (it does not move on).</summary>
    public static async Task MarkFailedAsync(NpgsqlDataSource dataSource, string consumer, string tenant, string error,
        CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            insert into ledger.checkpoints (consumer, tenant_id, position, updated_at, status, error)
            values ($1, $2, 0, now(), 'failed', $3)
            on conflict (consumer, tenant_id) do update set updated_at = now(), status = 'failed', error = excluded.error
            """);
        cmd.Parameters.Add(new() { Value = consumer });
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.Parameters.Add(new() { Value = error });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
