using Weasel.Core;

namespace Governance.Projections.Tests;

/// <summary>The read models' tables and indexes are part of the one migration, and a second start changes nothing.</summary>
public sealed class GovernanceSchemaTests : ProjectionDatabase
{
    [Fact]
    public async Task A_migrated_database_needs_no_change_for_the_documents_at_the_next_start()
    {
        // Weasel compares each table and index with PostgreSQL's own rendering: a difference would rebuild it at every start.
        using var again = GovernanceStore.Create(DataSource, TimeProvider.System);
        var migration = await again.Storage.Database.CreateMigrationAsync();
        Assert.True(migration.Difference == SchemaPatchDifference.None,
            string.Join(", ", migration.Deltas.Where(d => d.Difference != SchemaPatchDifference.None).Select(d => $"{d.SchemaObject.Identifier} {d.Difference}")));
    }
}
