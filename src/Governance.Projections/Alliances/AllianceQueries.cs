using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.EventStore;

namespace Governance.Projections.Alliances;

/// <summary>Reads alliances by folding their streams (live), optionally as they stood at an instant.</summary>
public sealed class AllianceQueries(Ledger store)
{
    public async Task<AllianceView?> GetAsync(AllianceId alliance, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var events = await store.ReadStreamAsync(alliance.Value, Alliance.StreamId, asOf, cancellationToken);
        return AllianceView.Fold(events.Select(e => (e, (AllianceEvent)e.Data)));
    }

    /// <summary>Every alliance, by name.</summary>
    public async Task<IReadOnlyList<AllianceView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var views = new List<AllianceView>();
        foreach (var head in await store.GetTenantHeadsAsync(cancellationToken))
        {
            if (!AllianceId.TryParse(head.TenantId, out var id)) continue;
            if (await GetAsync(id, cancellationToken: cancellationToken) is { } view) views.Add(view);
        }
        return [.. views.OrderBy(v => v.Name, StringComparer.CurrentCulture)];
    }
}
