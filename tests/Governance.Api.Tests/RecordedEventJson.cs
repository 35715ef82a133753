using System.Text.Json;
using Governance.EventStore;
using Governance.Projections;

namespace Governance.Api.Tests;

public static class RecordedEventJson
{
    /// <summary>The event's body as the ledger's JSON conventions write it, for assertions on what was recorded.</summary>
    public static string Json(this RecordedEvent e) => JsonSerializer.Serialize(e.Data, e.Data.GetType(), DomainJson.Options);
}
