namespace Governance.EventStore.Tests;

public sealed class ExpectedVersionTests : LedgerDatabase
{
    [Fact]
    public async Task No_stream_accepts_a_new_stream_and_rejects_an_existing_one()
    {
        var first = await Append("t1", "s1", ExpectedVersion.NoStream, Events(2));
        Assert.Equal(2, first.StreamVersion);

        var ex = await Assert.ThrowsAsync<ConcurrencyException>(() => Append("t1", "s1", ExpectedVersion.NoStream, Event()));
        Assert.Equal(ExpectedVersion.NoStream, ex.Expected);
        Assert.Equal(2, ex.Actual);
    }

    [Fact]
    public async Task Stream_exists_rejects_a_missing_stream_and_accepts_an_existing_one()
    {
        var ex = await Assert.ThrowsAsync<ConcurrencyException>(() => Append("t1", "s1", ExpectedVersion.StreamExists, Event()));
        Assert.Equal(0, ex.Actual);
        Assert.Equal(ExpectedVersion.StreamExists, ex.Expected);

        await Append("t1", "s1", ExpectedVersion.NoStream, Event());
        var result = await Append("t1", "s1", ExpectedVersion.StreamExists, Event());
        Assert.Equal(2, result.StreamVersion);
    }

    [Fact]
    public async Task Any_appends_whatever_the_state()
    {
        Assert.Equal(1, (await Append("t1", "s1", ExpectedVersion.Any, Event())).StreamVersion);
        Assert.Equal(3, (await Append("t1", "s1", ExpectedVersion.Any, Events(2))).StreamVersion);
    }

    [Fact]
    public async Task Exact_accepts_the_current_version_and_rejects_any_other_with_expected_and_actual()
    {
        await Append("t1", "s1", ExpectedVersion.NoStream, Events(3));
        Assert.Equal(4, (await Append("t1", "s1", ExpectedVersion.Exact(3), Event())).StreamVersion);

        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() => Append("t1", "s1", ExpectedVersion.Exact(3), Event()));
        Assert.Equal(ExpectedVersion.Exact(3), stale.Expected);
        Assert.Equal(4, stale.Actual);

        var ahead = await Assert.ThrowsAsync<ConcurrencyException>(() => Append("t1", "s1", ExpectedVersion.Exact(9), Event()));
        Assert.Equal(4, ahead.Actual);
    }

    [Fact]
    public async Task Exact_zero_means_the_stream_must_not_exist()
    {
        Assert.Equal(ExpectedVersion.NoStream, ExpectedVersion.Exact(0));
        await Append("t1", "s1", ExpectedVersion.Exact(0), Event());
        await Assert.ThrowsAsync<ConcurrencyException>(() => Append("t1", "s1", ExpectedVersion.Exact(0), Event()));
    }

    [Fact]
    public async Task A_rejected_append_writes_nothing_and_draws_no_position()
    {
        await Append("t1", "s1", ExpectedVersion.NoStream, Event());
        await Assert.ThrowsAsync<ConcurrencyException>(() => Append("t1", "s1", ExpectedVersion.Exact(7), Events(3)));
        var next = await Append("t1", "s2", ExpectedVersion.NoStream, Event());

        Assert.Equal(2, next.FirstTenantPosition);
        Assert.Equal([1L, 2L], (await ChainOf("t1")).Select(e => e.Position));
    }
}
