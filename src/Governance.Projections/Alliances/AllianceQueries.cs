using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.EventStore;
using Marten;

namespace Governance.Projections.Alliances;

/// <summary>
/// Reads alliances: as they stand now from their inline documents (<see cref="AllianceProjection"/>), and as they stood at
/// an instant by folding the stream live up to then.
/// </summary>
public sealed class AllianceQueries(Ledger store)
{
    /// <summary>The alliance now (its document), or as it stood at <paramref name="asOf"/> (a live fold); null when it did not exist.</summary>
    public async Task<AllianceView?> GetAsync(AllianceId alliance, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        if (asOf is not null)
        {
            var events = await store.ReadStreamAsync(alliance.Value, Alliance.StreamId, asOf, cancellationToken);
            return AllianceView.Fold(events.Select(e => (e, (AllianceEvent)e.Data)));
        }
        await using var session = store.Store.QuerySession(alliance.Value);
        return (await session.LoadAsync<AllianceDocument>(Alliance.StreamId, cancellationToken))?.View;
    }

    /// <summary>
    /// The ledger position (in the alliance's chain) of the alliance stream's event at <paramref name="streamVersion"/>: the
    /// last event a view folded. The chain is written by a trigger as the event is stored, so a document cannot carry it.
    /// </summary>
    public async Task<long> PositionAsync(AllianceId alliance, long streamVersion, CancellationToken cancellationToken = default)
    {
        await using var conn = store.Store.Storage.Database.CreateConnection();
        await conn.OpenAsync(cancellationToken);
        await using var cmd = new Npgsql.NpgsqlCommand(
            $"""
            select c.position from {store.Store.Options.Events.DatabaseSchemaName}.mt_events e join ledger.chain c on c.seq_id = e.seq_id
             where e.tenant_id = $1 and e.stream_id = $2 and e.version = $3
            """, conn);
        cmd.Parameters.Add(new() { Value = alliance.Value });
        cmd.Parameters.Add(new() { Value = Alliance.StreamId });
        cmd.Parameters.Add(new() { Value = streamVersion });
        return await cmd.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    /// <summary>One page of the alliances, by name, and how many there are in all.</summary>
    public async Task<(IReadOnlyList<AllianceView> Items, long Total)> PageAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var session = store.Store.QuerySession();
        var page = await Ordered(session).Stats(out var stats).Skip(skip).Take(take).ToListAsync(cancellationToken);
        // Past the last page the statistics have no row to ride on.
        var total = page.Count > 0 ? stats.TotalResults : await Ordered(session).LongCountAsync(cancellationToken);
        return ([.. page.Select(d => d.View)], total);
    }

    /// <summary>Every alliance, by name (the documents; for the few places that need them all, such as a contact's overview).</summary>
    public async Task<IReadOnlyList<AllianceView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var session = store.Store.QuerySession();
        return [.. (await Ordered(session).ToListAsync(cancellationToken)).Select(d => d.View)];
    }

    private static IQueryable<AllianceDocument> Ordered(IQuerySession session) =>
        session.Query<AllianceDocument>().Where(d => d.AnyTenant()).OrderBy(d => d.Name).ThenBy(d => d.Alliance);
}
