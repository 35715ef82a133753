using Marten;

namespace Governance.EventStore.Tests;

public sealed class AppendRulesTests : LedgerDatabase
{
    [Fact]
    public async Task Retrying_an_append_with_the_same_ids_and_content_returns_the_original_positions()
    {
        await Append("t1", "other", ExpectedVersion.NoStream, Event());
        var events = Events(3);
        var first = await Append("t1", "s1", ExpectedVersion.NoStream, events);
        var retry = await Append("t1", "s1", ExpectedVersion.NoStream, events);

        Assert.False(first.WasDuplicate);
        Assert.True(retry.WasDuplicate);
        Assert.Equal((2L, 4L, 3L), (first.FirstTenantPosition, first.LastTenantPosition, first.StreamVersion));
        Assert.Equal((first.FirstTenantPosition, first.LastTenantPosition, first.StreamVersion),
            (retry.FirstTenantPosition, retry.LastTenantPosition, retry.StreamVersion));
        Assert.Equal(4, (await ChainOf("t1")).Count);
    }

    [Fact]
    public async Task Concurrent_retries_of_one_append_store_it_once_and_all_get_its_positions()
    {
        await Append("t1", "other", ExpectedVersion.NoStream, Event());
        var events = Events(2);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Append("t1", "s1", ExpectedVersion.Any, events))));

        Assert.Single(results, r => !r.WasDuplicate);
        Assert.All(results, r => Assert.Equal((2L, 3L, 2L), (r.FirstTenantPosition, r.LastTenantPosition, r.StreamVersion)));
        Assert.Equal(3, (await ChainOf("t1")).Count);
    }

    [Fact]
    public async Task The_same_ids_with_different_content_are_a_conflict_and_write_nothing()
    {
        var id = Guid.NewGuid();
        await Append("t1", "s1", ExpectedVersion.NoStream, Event(1, id));

        await Assert.ThrowsAsync<EventIdConflictException>(() => Append("t1", "s1", ExpectedVersion.Any, Event(2, id)));
        await Assert.ThrowsAsync<EventIdConflictException>(() => Append("t1", "s1", ExpectedVersion.Any, Event(1, id), Event()));
        await Assert.ThrowsAsync<EventIdConflictException>(() => Append("t1", "elsewhere", ExpectedVersion.Any, Event(1, id)));
        Assert.Single(await Store.ReadStreamAsync("t1", "s1"));
        Assert.Single(await ChainOf("t1"));
    }

    [Theory]
    [InlineData("Upper", "s1")]
    [InlineData("t1", "-leading-hyphen")]
    [InlineData("t1", "has space")]
    [InlineData("", "s1")]
    [InlineData("t1", "drop table;")]
    public async Task Invalid_tenant_or_stream_ids_are_refused_before_any_sql(string tenant, string stream)
    {
        await Assert.ThrowsAsync<InvalidLedgerIdException>(() => Store.AppendAsync(tenant, stream, ExpectedVersion.Any, [Event()]));
        Assert.Equal(0L, await Scalar<long>("select count(*) from ledger.heads"));
    }

    [Fact]
    public async Task Ids_that_bypass_the_adapter_are_refused_by_the_chain_trigger()
    {
        await using var session = Documents.LightweightSession("T1");
        session.Events.Append("s1", new TestHappened(1));
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
        Assert.Contains("lower-case letters", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_of_101_characters_is_refused_and_one_of_100_accepted()
    {
        await Assert.ThrowsAsync<InvalidLedgerIdException>(() => Append("t1", new string('a', 101), ExpectedVersion.Any, Event()));
        await Append("t1", new string('a', 100), ExpectedVersion.Any, Event());
    }

    [Fact]
    public async Task Appending_zero_events_is_an_error()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync("t1", "s1", ExpectedVersion.Any, []));
    }

    private sealed record NotRegistered(int N);

    [Fact]
    public async Task An_event_type_without_an_alias_is_refused()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            Append("t1", "s1", ExpectedVersion.Any, new EventData(new NotRegistered(1), EventMetadata.None)));
        Assert.Contains("NotRegistered", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_are_stored_under_their_alias_never_a_clr_name()
    {
        await Append("t1", "s1", ExpectedVersion.Any, Event(), new EventData(new TestNoted("x"), EventMetadata.None));
        Assert.Equal("test.happened,test.noted", await Scalar<string>("select string_agg(type, ',' order by version) from marten.mt_events"));
    }

    [Fact]
    public async Task Recorded_time_comes_from_the_ledger_clock_and_occurred_time_and_metadata_from_the_caller()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 10, 18, 30, 0, TimeSpan.Zero).AddTicks(1234567));
        var store = new Ledger(Documents, clock);
        var occurred = new DateTimeOffset(2026, 3, 3, 19, 45, 0, TimeSpan.FromHours(1));
        await store.AppendAsync("t1", "s1", ExpectedVersion.Any, [Event() with { OccurredAt = occurred }]);

        var e = Assert.Single(await store.ReadStreamAsync("t1", "s1"));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 18, 30, 0, TimeSpan.Zero).AddTicks(1234560), e.RecordedAt);
        Assert.Equal(occurred, e.OccurredAt);
        Assert.Equal(new EventMetadata("p-actor", "admin", "corr", null, "cmd"), e.Metadata);
        Assert.Equal((1L, 1L, "test.happened"), (e.TenantPosition, e.StreamVersion, e.Type));
        Assert.Equal(new TestHappened(1), e.Data);
    }

    [Fact]
    public async Task Appends_through_a_plain_marten_session_record_the_time_of_the_store_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
        using var documents = CreateStore(DataSource, clock);
        await using (var session = documents.LightweightSession("t1"))
        {
            session.Events.Append("s1", new TestHappened(1));
            await session.SaveChangesAsync();
        }

        Assert.Equal(clock.Now, Assert.Single(await new Ledger(documents).ReadStreamAsync("t1", "s1")).RecordedAt);
    }

    [Fact]
    public async Task Reading_as_of_an_instant_returns_only_what_was_recorded_by_then()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var store = new Ledger(Documents, clock);
        await store.AppendAsync("t1", "s1", ExpectedVersion.Any, [Event()]);
        clock.Now = clock.Now.AddDays(10);
        await store.AppendAsync("t1", "s1", ExpectedVersion.Any, [Event(2)]);

        Assert.Single(await store.ReadStreamAsync("t1", "s1", clock.Now.AddDays(-5)));
        Assert.Equal(2, (await store.ReadStreamAsync("t1", "s1", clock.Now)).Count);
    }

    private sealed record Renamed(string Title, int Priority);

    [Fact]
    public async Task Older_shapes_are_upcast_on_read_through_marten()
    {
        await Append("t1", "s1", ExpectedVersion.Any, new EventData(new TestNoted("Speelstraat"), EventMetadata.None));
        // The next version of the type is stored as `test.noted-v2`; Marten upcasts the old alias on read.
        using var documents = CreateStore(DataSource, events: [new(typeof(TestHappened), "test.happened"), new(typeof(Renamed), "test.noted", 2)],
            configure: o => o.Events.Upcast<TestNoted, Renamed>("test.noted", old => new Renamed(old.Note, 2)));

        var recorded = Assert.Single(await new Ledger(documents).ReadStreamAsync("t1", "s1"));
        Assert.Equal(new Renamed("Speelstraat", 2), recorded.Data);
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
