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
        var all = await LedgerVerifier.VerifyAsync(Documents);
        Assert.True(all.Single(v => v.TenantId == "good").IsIntact);
        return all.Single(v => v.TenantId == "t1");
    }

    private static string AtT1(int position) => $"where seq_id = (select seq_id from ledger.chain where tenant_id = 't1' and position = {position})";

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
    public async Task Updating_deleting_or_truncating_stored_events_is_refused_by_the_ledger()
    {
        await Seed();
        var update = await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => Execute("update marten.mt_events set data = '{\"n\":9}'"));
        var delete = await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => Execute("delete from marten.mt_events"));
        var truncate = await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => Execute("truncate marten.mt_events cascade"));
        var chain = await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => Execute("delete from ledger.chain"));
        Assert.All(new[] { update, delete, truncate, chain }, ex => Assert.Equal("55000", ex.SqlState));
        Assert.True((await VerifyT1()).IsIntact);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public async Task A_chain_read_in_pages_verifies_whole_and_names_a_position_after_the_first_page(int pageSize)
    {
        await Seed();
        var intact = (await LedgerVerifier.VerifyAsync(Documents, "t1", pageSize: pageSize)).Single();
        Assert.True(intact.IsIntact);
        Assert.Equal(10, intact.EventCount);

        await Tamper("update marten.mt_events set data = '{\"n\":999}' " + AtT1(8));
        await Tamper("delete from marten.mt_events " + AtT1(9));
        var problem = (await LedgerVerifier.VerifyAsync(Documents, "t1", pageSize: pageSize)).Single().Problem!;
        Assert.Equal((8L, ChainProblemKind.AlteredEvent), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task Updated_event_data_is_reported_at_its_position()
    {
        await Seed();
        await Tamper("update marten.mt_events set data = '{\"n\":999}' " + AtT1(4));
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((4L, ChainProblemKind.AlteredEvent), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task Updated_headers_of_the_last_event_are_reported_at_its_position()
    {
        await Seed();
        await Tamper("update marten.mt_events set headers = '{\"actor\":\"p-someone-else\"}' " + AtT1(10));
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((10L, ChainProblemKind.AlteredEvent), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task A_changed_recorded_time_is_reported_at_its_position()
    {
        await Seed();
        await Tamper("update marten.mt_events set \"timestamp\" = \"timestamp\" - interval '1 day' " + AtT1(2));
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((2L, ChainProblemKind.AlteredEvent), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task A_deleted_event_is_reported_as_a_missing_position()
    {
        await Seed();
        await Tamper("delete from marten.mt_events " + AtT1(6));
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((6L, ChainProblemKind.MissingPosition), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task A_deleted_link_is_reported_as_a_missing_position()
    {
        await Seed();
        await Tamper("delete from ledger.chain where tenant_id = 't1' and position = 6");
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((6L, ChainProblemKind.MissingPosition), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task A_deleted_last_event_is_caught_by_the_tenant_head()
    {
        await Seed();
        await Tamper("delete from marten.mt_events " + AtT1(10) + "; delete from ledger.chain where tenant_id = 't1' and position = 10");
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((10L, ChainProblemKind.MissingPosition), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task Two_swapped_positions_are_reported_as_reordered_at_the_first()
    {
        await Seed();
        await Tamper("""
            update ledger.chain set position = -3 where tenant_id = 't1' and position = 3;
            update ledger.chain set position = 3 where tenant_id = 't1' and position = 7;
            update ledger.chain set position = 7 where tenant_id = 't1' and position = -3;
            update ledger.chain c set hash = x.hash from (select position, hash from ledger.chain where tenant_id = 't1') x
             where c.tenant_id = 't1' and ((c.position = 3 and x.position = 7) or (c.position = 7 and x.position = 3))
            """);
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((3L, ChainProblemKind.Reordered), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task A_changed_stored_hash_is_reported_as_such()
    {
        await Seed();
        await Tamper("update ledger.chain set hash = sha256('forged'::bytea) where tenant_id = 't1' and position = 5");
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((5L, ChainProblemKind.AlteredHash), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task A_rewritten_chain_tail_is_caught_by_the_tenant_head()
    {
        await Seed();
        // Delete the tail and move the head back: the head's hash no longer matches the chain.
        await Tamper("delete from marten.mt_events where seq_id in (select seq_id from ledger.chain where tenant_id = 't1' and position > 8)");
        await Tamper("delete from ledger.chain where tenant_id = 't1' and position > 8");
        await Tamper("update ledger.heads set position = 8 where tenant_id = 't1'");
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((8L, ChainProblemKind.HeadMismatch), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task An_event_inserted_behind_the_ledgers_back_is_reported_as_unchained()
    {
        await Seed();
        await Tamper("""
            insert into marten.mt_events (seq_id, id, stream_id, version, data, type, tenant_id, "timestamp", mt_dotnet_type, is_archived)
            values (nextval('marten.mt_events_sequence'), gen_random_uuid(), 's9', 1, '{"n":1}', 'test.happened', 't1', now(), null, false)
            """);
        var problem = (await VerifyT1()).Problem!;
        Assert.Equal((11L, ChainProblemKind.Unchained), (problem.Position, problem.Kind));
    }

    [Fact]
    public async Task The_sql_and_the_csharp_canonical_form_agree_on_unicode_and_escapes()
    {
        await Store.AppendAsync("t1", "s1", ExpectedVersion.Any,
        [
            Event(text: "Bewoners \"BCOP\"\nzeggen: café — ok\t✓ \u0001 \\ /") with
            {
                Metadata = new EventMetadata("p-1", "chair", "corr \"quoted\"\n\u0002", "cause\\\t", "cmd-ü"),
                OccurredAt = new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero),
            },
        ]);
        var verification = Assert.Single(await LedgerVerifier.VerifyAsync(Documents, "t1"));
        Assert.True(verification.IsIntact, verification.Problem?.Reason);
    }
}
