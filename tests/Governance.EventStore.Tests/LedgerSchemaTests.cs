using Weasel.Core;

namespace Governance.EventStore.Tests;

/// <summary>The chain is part of Marten's own migration, and a second start changes nothing.</summary>
public sealed class LedgerSchemaTests : LedgerDatabase
{
    [Fact]
    public async Task A_migrated_database_needs_no_change_at_the_next_start()
    {
        // Weasel compares our functions and triggers with PostgreSQL's own rendering: any difference would recreate them at every start.
        using var again = CreateStore(DataSource);
        var migration = await again.Storage.Database.CreateMigrationAsync();
        Assert.True(migration.Difference == SchemaPatchDifference.None,
            string.Join(", ", migration.Deltas.Where(d => d.Difference != SchemaPatchDifference.None).Select(d => $"{d.SchemaObject.Identifier} {d.Difference}")));
    }

    [Fact]
    public async Task A_fresh_database_gets_the_chain_tables_and_triggers_from_martens_migration()
    {
        Assert.Equal(5L, await Scalar<long>("""
            select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
             where not t.tgisinternal and n.nspname = 'marten' and c.relname in ('mt_events', 'mt_streams')
            """));
        Assert.Equal(2L, await Scalar<long>("select count(*) from information_schema.tables where table_schema = 'ledger'"));
    }

    [Fact]
    public async Task A_database_holding_the_old_ledger_is_refused_with_a_clear_message()
    {
        await Execute("create table ledger.events (global_position bigint)");
        await using var conn = await DataSource.OpenConnectionAsync();
        var ex = await Assert.ThrowsAsync<LegacyLedgerException>(() => Ledger.RefuseLegacyLedgerAsync(conn));
        Assert.Contains("old ledger", ex.Message, StringComparison.Ordinal);
    }
}
