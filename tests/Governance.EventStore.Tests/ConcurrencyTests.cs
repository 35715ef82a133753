namespace Governance.EventStore.Tests;

public sealed class ConcurrencyTests : LedgerDatabase
{
    [Fact]
    public async Task Thirty_two_appenders_on_one_stream_with_exact_versions_leave_versions_1_to_N_without_gaps_or_duplicates()
    {
        const int writers = 32, appendsPerWriter = 5;
        var conflicts = 0;
        await Append("t1", "hot", ExpectedVersion.NoStream, Event());

        await Parallel.ForEachAsync(Enumerable.Range(0, writers), new ParallelOptions { MaxDegreeOfParallelism = writers }, async (w, _) =>
        {
            for (var i = 0; i < appendsPerWriter; i++)
            {
                while (true)
                {
                    var version = await Store.GetStreamVersionAsync("t1", "hot", CancellationToken.None);
                    try
                    {
                        await Append("t1", "hot", ExpectedVersion.Exact(version), Event(100_000 + w * 1000 + i));
                        break;
                    }
                    catch (ConcurrencyException ex)
                    {
                        Assert.Equal(ExpectedVersion.Exact(version), ex.Expected);
                        Assert.True(ex.Actual > version);
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        });

        var events = await Store.ReadStreamAsync("t1", "hot");
        Assert.Equal(Enumerable.Range(1, 1 + writers * appendsPerWriter).Select(v => (long)v), events.Select(e => e.StreamVersion));
        Assert.Equal(events.Count, events.Select(e => e.Data).Distinct().Count());
        Assert.True(conflicts > 0, "with 32 writers on one stream some must lose a race");
        Assert.True((await LedgerVerifier.VerifyAsync(Documents)).Single().IsIntact);
    }

    [Fact]
    public async Task Sixteen_writers_appending_with_any_to_one_stream_never_see_a_conflict()
    {
        // Marten's quick append reads the version without a lock, so two `Any` appends to one stream can collide; the
        // adapter takes the alliance's lock first, so `Any` means any.
        await Parallel.ForEachAsync(Enumerable.Range(0, 16), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (w, _) =>
        {
            for (var i = 0; i < 25; i++) await Append("t1", "busy", ExpectedVersion.Any, Event(w * 100 + i));
        });

        await AssertGaplessAndVerified("t1", expectedCount: 16 * 25);
    }

    [Fact]
    public async Task Sixteen_writers_creating_the_same_streams_with_no_stream_get_one_winner_each_and_typed_conflicts()
    {
        var conflicts = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 16), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (w, _) =>
        {
            for (var s = 0; s < 10; s++)
            {
                try
                {
                    await Append("t1", $"new-{s}", ExpectedVersion.NoStream, Event(w));
                }
                catch (ConcurrencyException ex)
                {
                    Assert.Equal(1, ex.Actual);
                    Interlocked.Increment(ref conflicts);
                }
            }
        });

        Assert.Equal(16 * 10 - 10, conflicts);
        await AssertGaplessAndVerified("t1", expectedCount: 10);
    }

    [Fact]
    public async Task Sixteen_writers_on_many_streams_of_one_tenant_leave_gapless_positions_and_a_valid_chain()
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, 16), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (w, _) =>
        {
            for (var i = 0; i < 40; i++)
                await Append("t1", $"s-{w}-{i % 7}", ExpectedVersion.Any, Events(1 + i % 3));
        });

        await AssertGaplessAndVerified("t1", expectedCount: 16 * Enumerable.Range(0, 40).Sum(i => 1 + i % 3));
    }

    [Fact]
    public async Task Sixteen_writers_over_eight_tenants_leave_every_tenant_gapless_and_verified()
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, 16), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (w, _) =>
        {
            for (var i = 0; i < 30; i++)
                await Append($"tenant-{w % 8}", $"s-{w}-{i % 5}", ExpectedVersion.Any, Events(2));
        });

        for (var t = 0; t < 8; t++)
            await AssertGaplessAndVerified($"tenant-{t}", expectedCount: 2 * 30 * 2);
        Assert.Equal(8, (await LedgerVerifier.VerifyAsync(Documents)).Count(v => v.IsIntact));
    }

    private async Task AssertGaplessAndVerified(string tenant, int expectedCount)
    {
        var events = await ChainOf(tenant);
        Assert.Equal(Enumerable.Range(1, expectedCount).Select(p => (long)p), events.Select(e => e.Position));
        foreach (var stream in events.GroupBy(e => e.Stream))
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.Select(e => e.Version));
        var verification = Assert.Single(await LedgerVerifier.VerifyAsync(Documents, tenant));
        Assert.True(verification.IsIntact, verification.Problem?.Reason);
        Assert.Equal(expectedCount, verification.EventCount);
        var head = (await Store.GetTenantHeadsAsync()).Single(h => h.TenantId == tenant);
        Assert.Equal(verification.HeadHashHex, head.HashHex);
    }
}
