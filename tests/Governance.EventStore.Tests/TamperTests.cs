namespace Governance.EventStore.Tests;

/// <summary>`ledger verify` must name the first bad position and why, for each way a row can be tampered with.</summary>
public sealed class TamperTests : LedgerDatabase
{
    private async Task Seed()
    {
        await Append("good", "s1", ExpectedVersion.Any, Events(10));
        for (var i = 0; i < 5; i++)
            await Append("t1", $"s{i % 2}", ExpectedVersion.Any, Events(2));   // positions 1..10 of t1
    }

    private async Task<ChainVerification> VerifyT1()
    {
        var all = await LedgerVerifier.VerifyAsync(DataSource);
        Assert.True(all.Single(v => v.TenantId == "good").IsIntact);
        return all.Single(v => v.TenantId == "t1");
    }

    [Fact]
    public async Task An_intact_chain_verifies_and_its_head_matches_the_published_head()
    {
        await Seed();
        var v = await VerifyT1();
        Assert.True(v.IsIntact);
        Assert.Equal(10, v.EventCount);
        Assert.Equal((await Store.GetTenantHeadsAsync()).Single(h => h.TenantId == "t1").HashHex, v.HeadHashHex);
    }

    [Fact]
    public async Task Updated_event_data_is_reported_at_its_position()
    {
        await Seed();
        await Execute("""update ledger.events set data = '{"n":999}' where tenant_id = 't1' and tenant_position = 4""");
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((4L, ChainProblemKind.AlteredEvent), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task Updated_metadata_of_the_last_event_is_reported_at_its_position()
    {
        await Seed();
        await Execute("""update ledger.events set metadata = '{"actorId":"p-someone-else"}' where tenant_id = 't1' and tenant_position = 10""");
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((10L, ChainProblemKind.AlteredEvent), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task A_deleted_event_is_reported_as_a_missing_position()
    {
        await Seed();
        await Execute("delete from ledger.events where tenant_id = 't1' and tenant_position = 6");
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((6L, ChainProblemKind.MissingPosition), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task A_deleted_last_event_is_caught_by_the_tenant_head()
    {
        await Seed();
        await Execute("delete from ledger.events where tenant_id = 't1' and tenant_position = 10");
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((10L, ChainProblemKind.MissingPosition), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task Two_swapped_positions_are_reported_as_reordered_at_the_first()
    {
        await Seed();
        await Execute("""
            update ledger.events set tenant_position = -3 where tenant_id = 't1' and tenant_position = 3;
            update ledger.events set tenant_position = 3 where tenant_id = 't1' and tenant_position = 7;
            update ledger.events set tenant_position = 7 where tenant_id = 't1' and tenant_position = -3;
            """);
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((3L, ChainProblemKind.Reordered), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task A_changed_stored_hash_is_reported_as_such()
    {
        await Seed();
        await Execute("update ledger.events set hash = sha256('forged'::bytea) where tenant_id = 't1' and tenant_position = 5");
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((5L, ChainProblemKind.AlteredHash), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task A_rewritten_chain_tail_is_caught_by_the_tenant_head()
    {
        await Seed();
        // Delete the tail and move the head back: the published head no longer matches.
        await Execute("delete from ledger.events where tenant_id = 't1' and tenant_position > 8");
        await Execute("update ledger.tenants set head_position = 8 where tenant_id = 't1'");
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((8L, ChainProblemKind.HeadMismatch), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task The_sql_and_the_csharp_canonical_form_agree_on_unicode_and_escapes()
    {
        await Append("t1", "s1", ExpectedVersion.Any,
            Event(data: """{"tekst":"Bewoners \"BCOP\"\nzeggen: café — ok\t✓","b":[1,2.50,true,null],"a":{"z":1,"aa":2}}"""));
        Assert.True((await LedgerVerifier.VerifyAsync(DataSource, "t1")).Single().IsIntact);
    }
}
