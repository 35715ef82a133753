namespace Governance.EventStore.Tests;

public sealed class TenantPositionTests : LedgerDatabase
{
    [Fact]
    public async Task The_tenant_position_as_of_an_instant_is_the_last_event_recorded_by_then_and_without_one_the_head()
    {
        Assert.Equal(0, await Store.GetTenantPositionAsync("t1"));
        await Store.AppendAsync("t1", "a", ExpectedVersion.NoStream, [Event(), Event()]);
        var between = (await Store.ReadStreamAsync("t1", "a"))[^1].RecordedAt;
        await Task.Delay(20);
        await Store.AppendAsync("t1", "b", ExpectedVersion.NoStream, [Event()]);
        await Store.AppendAsync("t2", "a", ExpectedVersion.NoStream, [Event()]);

        Assert.Equal(3, await Store.GetTenantPositionAsync("t1"));
        Assert.Equal(2, await Store.GetTenantPositionAsync("t1", between));
        Assert.Equal(0, await Store.GetTenantPositionAsync("t1", between.AddDays(-1)));
        Assert.Equal(1, await Store.GetTenantPositionAsync("t2"));
    }
}
