using Governance.EventStore;
using Npgsql;

namespace Governance.Projections.Daemon;

/// <summary>An event with its envelope, as a projection sees it.</summary>
public sealed record ProjectedEvent(RecordedEvent Envelope, object Event);

/// <summary>
/// A read model kept by the daemon. <see cref="ApplyAsync"/> writes its rows inside the transaction it is given; the
/// daemon saves the checkpoint in the same transaction, so rows and checkpoint always move together.
/// </summary>
public interface IAsyncProjection
{
    /// <summary>The checkpoint name; change it to rebuild from position 1.</summary>
    string Name { get; }

    Task ApplyAsync(NpgsqlTransaction transaction, string tenant, IReadOnlyList<ProjectedEvent> events, CancellationToken cancellationToken);

    /// <summary>Deletes this projection's rows of <paramref name="tenant"/>, inside the rebuild's transaction.</summary>
    Task ResetAsync(NpgsqlTransaction transaction, string tenant, CancellationToken cancellationToken);
}
