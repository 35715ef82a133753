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
                    var (version, _) = await Store.GetStreamStateAsync("t1", "hot", CancellationToken.None);
                    try
                    {
                        await Append("t1", "hot", ExpectedVersion.Exact(version), Event(data: $$"""{"w":{{w}},"i":{{i}}}"""));
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
        Assert.True((await LedgerVerifier.VerifyAsync(DataSource)).Single().IsIntact);
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
        Assert.Equal(8, (await LedgerVerifier.VerifyAsync(DataSource)).Count(v => v.IsIntact));
    }

    private async Task AssertGaplessAndVerified(string tenant, int expectedCount)
    {
        var events = await Store.ReadTenantAsync(tenant, 0, 100_000);
        Assert.Equal(Enumerable.Range(1, expectedCount).Select(p => (long)p), events.Select(e => e.TenantPosition));
        foreach (var stream in events.GroupBy(e => e.StreamId))
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.Select(e => e.StreamVersion));
        var verification = Assert.Single(await LedgerVerifier.VerifyAsync(DataSource, tenant));
        Assert.True(verification.IsIntact, verification.Problem?.Reason);
        Assert.Equal(expectedCount, verification.EventCount);
        var head = (await Store.GetTenantHeadsAsync()).Single(h => h.TenantId == tenant);
        Assert.Equal(verification.HeadHashHex, head.HashHex);
    }
}
