namespace Governance.EventStore.Tests;

public sealed class StreamListTests : LedgerDatabase
{
    [Fact]
    public async Task ListStreams_names_a_tenants_streams_with_a_prefix_by_id_and_nothing_of_other_tenants()
    {
        await Store.AppendAsync("t1", "meeting-b", ExpectedVersion.NoStream, [Event()]);
        await Store.AppendAsync("t1", "alliance", ExpectedVersion.NoStream, [Event()]);
        await Store.AppendAsync("t1", "meeting-a", ExpectedVersion.NoStream, [Event()]);
        await Store.AppendAsync("t2", "meeting-c", ExpectedVersion.NoStream, [Event()]);

        Assert.Equal(["meeting-a", "meeting-b"], await Store.ListStreamsAsync("t1", "meeting-"));
        Assert.Equal(["alliance"], await Store.ListStreamsAsync("t1", "alliance"));
        Assert.Empty(await Store.ListStreamsAsync("t3", "meeting-"));
    }
}
