using System.Text.Json.Nodes;

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
        Assert.Equal((first.FirstTenantPosition, first.LastTenantPosition, first.StreamVersion),
            (retry.FirstTenantPosition, retry.LastTenantPosition, retry.StreamVersion));
        Assert.Equal(4, (await Store.ReadTenantAsync("t1", 0)).Count);
    }

    [Fact]
    public async Task The_same_ids_with_different_content_are_a_conflict_and_write_nothing()
    {
        var id = Guid.NewGuid();
        await Append("t1", "s1", ExpectedVersion.NoStream, Event(data: """{"n":1}""", id: id));

        await Assert.ThrowsAsync<EventIdConflictException>(() => Append("t1", "s1", ExpectedVersion.Any, Event(data: """{"n":2}""", id: id)));
        await Assert.ThrowsAsync<EventIdConflictException>(() => Append("t1", "s1", ExpectedVersion.Any, Event(data: """{"n":1}""", id: id), Event()));
        Assert.Single(await Store.ReadStreamAsync("t1", "s1"));
    }

    [Fact]
    public async Task An_archived_stream_is_readable_but_takes_no_more_events()
    {
        await Append("t1", "s1", ExpectedVersion.NoStream, Events(2));
        Assert.True(await Store.ArchiveStreamAsync("t1", "s1"));

        await Assert.ThrowsAsync<StreamArchivedException>(() => Append("t1", "s1", ExpectedVersion.Any, Event()));
        Assert.Equal(2, (await Store.ReadStreamAsync("t1", "s1")).Count);
        Assert.Equal((2L, true), await Store.GetStreamStateAsync("t1", "s1"));
        Assert.False(await Store.ArchiveStreamAsync("t1", "missing"));
    }

    [Theory]
    [InlineData("Upper", "s1")]
    [InlineData("t1", "-leading-hyphen")]
    [InlineData("t1", "has space")]
    [InlineData("", "s1")]
    [InlineData("t1", "drop table;")]
    public async Task Invalid_tenant_or_stream_ids_are_refused_before_any_sql(string tenant, string stream)
    {
        await Assert.ThrowsAsync<InvalidLedgerIdException>(() => Store.AppendAsync(tenant, stream, "test", ExpectedVersion.Any, [Event()]));
        await using var cmd = DataSource.CreateCommand("select count(*) from ledger.tenants");
        Assert.Equal(0L, await cmd.ExecuteScalarAsync());
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
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync("t1", "s1", "test", ExpectedVersion.Any, []));
    }

    [Fact]
    public async Task An_event_type_that_is_not_an_alias_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Append("t1", "s1", ExpectedVersion.Any, Event(type: "Governance.Domain.DocumentShared")));
    }

    [Fact]
    public async Task Recorded_time_comes_from_the_store_clock_and_occurred_time_from_the_caller()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 10, 18, 30, 0, TimeSpan.Zero).AddTicks(1234567));
        var store = new PostgresEventStore(DataSource, clock);
        var occurred = new DateTimeOffset(2026, 3, 3, 19, 45, 0, TimeSpan.FromHours(1));
        await store.AppendAsync("t1", "s1", "test", ExpectedVersion.Any, [Event() with { OccurredAt = occurred }]);

        var e = Assert.Single(await store.ReadStreamAsync("t1", "s1"));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 18, 30, 0, TimeSpan.Zero).AddTicks(1234560), e.RecordedAt);
        Assert.Equal(occurred, e.OccurredAt);
        Assert.Equal(new EventMetadata("p-actor", "admin", "corr", null, "cmd"), e.Metadata);
    }

    [Fact]
    public async Task Reading_as_of_an_instant_returns_only_what_was_recorded_by_then()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var store = new PostgresEventStore(DataSource, clock);
        await store.AppendAsync("t1", "s1", "test", ExpectedVersion.Any, [Event()]);
        clock.Now = clock.Now.AddDays(10);
        await store.AppendAsync("t1", "s1", "test", ExpectedVersion.Any, [Event()]);

        Assert.Single(await store.ReadStreamAsOfAsync("t1", "s1", clock.Now.AddDays(-5)));
        Assert.Equal(2, (await store.ReadStreamAsOfAsync("t1", "s1", clock.Now)).Count);
    }

    private sealed record Renamed(string Title, int Priority);

    [Fact]
    public async Task Older_schema_versions_are_upcast_on_read()
    {
        await Store.AppendAsync("t1", "s1", "test", ExpectedVersion.Any,
            [new EventData(Guid.NewGuid(), "test.renamed", 1, """{"name":"Speelstraat"}""", EventMetadata.None)]);
        var registry = new EventTypeRegistry(new(System.Text.Json.JsonSerializerDefaults.Web))
            .Register<Renamed>("test.renamed", schemaVersion: 3)
            .Upcast("test.renamed", 1, v1 => new JsonObject { ["title"] = v1["name"]!.GetValue<string>() })
            .Upcast("test.renamed", 2, v2 => { v2["priority"] = 2; return v2; });

        var recorded = Assert.Single(await Store.ReadStreamAsync("t1", "s1"));
        Assert.Equal(new Renamed("Speelstraat", 2), registry.Deserialize(recorded));
    }

    [Fact]
    public async Task An_unknown_alias_on_read_is_an_error_naming_the_alias_and_the_position()
    {
        await Append("t1", "s1", ExpectedVersion.Any, Event(type: "test.known"), Event(type: "test.forgotten"));
        var registry = new EventTypeRegistry(new(System.Text.Json.JsonSerializerDefaults.Web)).Register<Renamed>("test.known");

        var events = await Store.ReadStreamAsync("t1", "s1");
        var ex = Assert.Throws<UnknownEventTypeException>(() => events.Select(registry.Deserialize).ToList());
        Assert.Equal("test.forgotten", ex.Alias);
        Assert.Equal(2, ex.TenantPosition);
        Assert.Contains("position 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_a_stream_from_a_version_skips_the_earlier_events()
    {
        await Append("t1", "s1", ExpectedVersion.Any, Events(5));
        var tail = await Store.ReadStreamAsync("t1", "s1", fromVersion: 4);
        Assert.Equal([4L, 5L], tail.Select(e => e.StreamVersion));
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
