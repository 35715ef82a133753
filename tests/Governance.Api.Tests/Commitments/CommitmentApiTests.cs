using System.Net;
using System.Text.Json;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Commitments;

/// <summary>Who promised what over real HTTP (R10, R19), on the simulated clock so that due dates can pass.</summary>
public sealed class CommitmentApiTests(SimulatedClockServer shared) : IClassFixture<SimulatedClockServer>, IAsyncLifetime
{
    private PromiseWorld _world = null!;

    private string Base => _world.Base;

    public async Task InitializeAsync() => _world = await PromiseWorld.FoundAsync(shared.Server);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static JsonElement Only(JsonElement list, string id) =>
        Assert.Single(list.GetProperty("commitments").EnumerateArray(), c => c.GetProperty("id").GetString() == id);

    [Fact]
    public async Task R10_a_representative_makes_a_promise_for_their_partner_and_anyone_reads_it_with_its_source_and_history()
    {
        var due = (await _world.TodayAsync()).PlusDays(30);
        var made = await _world.PromiseBenchesAsync(due);
        Assert.Equal(["commitment.made"], made.GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        var read = await Get(_world.Anonymous, $"{Base}/commitments/bankjes-repareren");
        var c = read.GetProperty("commitment");
        Assert.Equal("stadsdeel-nieuw-west", c.GetProperty("owner").GetString());
        Assert.Equal(_world.StadsdeelPerson.Value, c.GetProperty("ownerPerson").GetString());
        Assert.Equal(Iso(due), c.GetProperty("due").GetString());
        Assert.Equal("open", c.GetProperty("status").GetString());
        Assert.Equal("decision", c.GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal("speeltuin-2026", c.GetProperty("source").GetProperty("reference").GetString());
        var history = Assert.Single(c.GetProperty("history").EnumerateArray());
        Assert.Equal("commitment.made", history.GetProperty("type").GetString());
        Assert.Equal("representative", history.GetProperty("role").GetString());
        Assert.True(read.GetProperty("tenantPosition").GetInt64() > 0);
    }

    [Fact]
    public async Task A_representative_cannot_make_or_settle_another_partners_promise()
    {
        var due = (await _world.TodayAsync()).PlusDays(30);
        await Problem(Post(_world.Ymere, $"{Base}/commitments",
            $$"""{"id":"bankjes","owner":"stadsdeel-nieuw-west","what":"Bankjes","due":"{{Iso(due)}}","source":{"kind":"decision","reference":"x"} }"""),
            HttpStatusCode.Forbidden, "forbidden");
        await _world.PromiseBenchesAsync(due);
        await Problem(Post(_world.Ymere, $"{Base}/commitments/bankjes-repareren/fulfilment", """{"evidence":"Gedaan"}"""), HttpStatusCode.Forbidden, "forbidden");
        // The chair records at the table for any partner.
        await Ok(Post(_world.Chair, $"{Base}/commitments/bankjes-repareren/progress", """{"note":"Onderdelen besteld"}"""));
    }

    [Fact]
    public async Task R10_an_oral_promise_records_when_it_was_said_the_occasion_and_the_witnesses()
    {
        var now = await _world.NowAsync();
        var said = now.AddDays(-2);
        await Ok(Post(_world.Chair, $"{Base}/commitments",
            $$"""{"id":"avondrondes","owner":"ymere","ownerPerson":"p-0000000000aa","what":"Rooster avondrondes delen","due":"{{Iso((await _world.TodayAsync()).PlusDays(14))}}","occurredAt":"{{said:O}}","source":{"kind":"oral","occasion":"Buurtschouw","witnesses":["{{_world.CoreGroupPerson}}"]} }"""));

        var c = (await Get(_world.Anonymous, $"{Base}/commitments/avondrondes")).GetProperty("commitment");
        Assert.Equal("oral", c.GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal([_world.CoreGroupPerson.Value], c.GetProperty("source").GetProperty("witnesses").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(said.ToUniversalTime(), c.GetProperty("madeAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_commitment_fulfilled_after_date_X_shows_open_as_of_X_and_fulfilled_now()
    {
        await _world.PromiseBenchesAsync((await _world.TodayAsync()).PlusDays(30));
        await _world.AdvanceAsync("P5D");
        var x = await _world.NowAsync();
        await _world.AdvanceAsync("P1D");
        await Ok(Post(_world.Stadsdeel, $"{Base}/commitments/bankjes-repareren/fulfilment", """{"evidence":"Bankjes gerepareerd","link":"https://example.org/foto.jpg"}"""));

        var then = await Get(_world.Anonymous, $"{Base}/commitments/bankjes-repareren?asOf={Query(x)}");
        var now = await Get(_world.Anonymous, $"{Base}/commitments/bankjes-repareren");

        Assert.Equal("open", then.GetProperty("commitment").GetProperty("status").GetString());
        Assert.Single(then.GetProperty("commitment").GetProperty("history").EnumerateArray());
        Assert.Equal("fulfilled", now.GetProperty("commitment").GetProperty("status").GetString());
        Assert.True(then.GetProperty("tenantPosition").GetInt64() < now.GetProperty("tenantPosition").GetInt64());
        Assert.Equal("open", Only(await Get(_world.Anonymous, $"{Base}/commitments?asOf={Query(x)}"), "bankjes-repareren").GetProperty("status").GetString());
        // Before it was made (six days before X), there was no promise at all.
        Assert.Empty((await Get(_world.Anonymous, $"{Base}/commitments?asOf={Query(x.AddDays(-6))}")).GetProperty("commitments").EnumerateArray());
    }

    [Fact]
    public async Task The_sweepers_command_records_a_promise_overdue_once_and_the_list_filters_on_it()
    {
        await _world.PromiseBenchesAsync((await _world.TodayAsync()).PlusDays(2));
        var check = $"{Base}/commitments/bankjes-repareren/overdue-check";
        Assert.Empty((await Ok(Post(_world.Admin, check))).GetProperty("events").EnumerateArray());

        await _world.AdvanceAsync("P4D");
        var first = await Ok(Post(_world.Admin, check));
        var second = await Ok(Post(_world.Admin, check));

        Assert.Equal(["commitment.became-overdue"], first.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(second.GetProperty("events").EnumerateArray());
        Assert.Equal("overdue", Only(await Get(_world.Anonymous, $"{Base}/commitments?status=overdue&partner=stadsdeel-nieuw-west"), "bankjes-repareren")
            .GetProperty("status").GetString());
        Assert.Empty((await Get(_world.Anonymous, $"{Base}/commitments?status=open")).GetProperty("commitments").EnumerateArray());
        await Problem(_world.Anonymous.GetAsync(new Uri($"{Base}/commitments?status=late", UriKind.Relative)), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task R10_a_partners_promises_show_counts_per_status_keep_rate_and_median_days_late()
    {
        var today = await _world.TodayAsync();
        await _world.PromiseBenchesAsync(today.PlusDays(1), "op-tijd");
        await _world.PromiseBenchesAsync(today.PlusDays(1), "te-laat");
        await _world.PromiseBenchesAsync(today.PlusDays(1), "nog-open");
        await _world.PromiseBenchesAsync(today.PlusDays(60), "later");
        await Ok(Post(_world.Stadsdeel, $"{Base}/commitments/op-tijd/fulfilment", """{"evidence":"Klaar"}"""));
        await _world.AdvanceAsync("P5D");
        await Ok(Post(_world.Stadsdeel, $"{Base}/commitments/te-laat/fulfilment", """{"evidence":"Klaar, te laat"}"""));

        var record = await Get(_world.CoreGroup, $"{Base}/partners/stadsdeel-nieuw-west/promises");

        var counts = record.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("fulfilled").GetInt32());
        Assert.Equal(1, counts.GetProperty("fulfilled-late").GetInt32());
        Assert.Equal(1, counts.GetProperty("overdue").GetInt32());
        Assert.Equal(1, counts.GetProperty("open").GetInt32());
        Assert.Equal(1, record.GetProperty("keptOnTime").GetInt32());
        Assert.Equal(3, record.GetProperty("due").GetInt32());
        Assert.Equal(1.0 / 3, record.GetProperty("keepRate").GetDouble(), 6);
        // Both late ones are 4 days past their due date (due tomorrow, 5 days on).
        Assert.Equal(4, record.GetProperty("medianDaysLate").GetDouble());
        Assert.Equal(4, record.GetProperty("commitments").GetArrayLength());
        var ymere = await Get(_world.Anonymous, $"{Base}/partners/ymere/promises");
        Assert.Equal(JsonValueKind.Null, ymere.GetProperty("keepRate").ValueKind);
        await Problem(_world.Anonymous.GetAsync(new Uri($"{Base}/partners/onbekend/promises", UriKind.Relative)), HttpStatusCode.NotFound, "partner.unknown");
    }

    [Fact]
    public async Task R19_a_new_due_date_is_recorded_with_its_reason_and_the_decider_refuses_what_is_settled()
    {
        var today = await _world.TodayAsync();
        await _world.PromiseBenchesAsync(today.PlusDays(10));
        await Problem(Post(_world.Stadsdeel, $"{Base}/commitments/bankjes-repareren/renegotiation", $$"""{"newDue":"{{Iso(today.PlusDays(40))}}"}"""),
            HttpStatusCode.BadRequest, "validation");
        await Ok(Post(_world.Stadsdeel, $"{Base}/commitments/bankjes-repareren/renegotiation",
            $$"""{"newDue":"{{Iso(today.PlusDays(40))}}","reason":"Leverancier kan pas later","agreedBy":"{{_world.CoreGroupPerson}}"}"""));

        var c = (await Get(_world.Anonymous, $"{Base}/commitments/bankjes-repareren")).GetProperty("commitment");
        Assert.Equal(Iso(today.PlusDays(40)), c.GetProperty("due").GetString());
        var renegotiated = c.GetProperty("history")[1];
        Assert.Equal("commitment.due-date-renegotiated", renegotiated.GetProperty("type").GetString());
        Assert.Equal(Iso(today.PlusDays(10)), renegotiated.GetProperty("data").GetProperty("previousDue").GetString());
        Assert.Equal(_world.CoreGroupPerson.Value, renegotiated.GetProperty("data").GetProperty("agreedBy").GetString());

        await Ok(Post(_world.Chair, $"{Base}/commitments/bankjes-repareren/withdrawal", """{"reason":"Plein wordt heringericht"}"""));
        await Problem(Post(_world.Stadsdeel, $"{Base}/commitments/bankjes-repareren/not-possible", """{"motivation":"Geen budget"}"""),
            HttpStatusCode.Conflict, "commitment.settled");
        await Problem(Post(_world.Stadsdeel, $"{Base}/commitments/onbekend/progress", """{"note":"x"}"""), HttpStatusCode.NotFound, "commitment.unknown");
    }

    [Fact]
    public async Task A_promise_for_a_partner_that_is_not_a_member_is_refused()
    {
        var due = (await _world.TodayAsync()).PlusDays(10);
        await Problem(Post(_world.Chair, $"{Base}/commitments",
            $$"""{"id":"x","owner":"politie","what":"Rondes","due":"{{Iso(due)}}","source":{"kind":"advice","reference":"a-1"} }"""),
            HttpStatusCode.Conflict, "partner.not-a-member");
        await Problem(Post(_world.Chair, $"{Base}/commitments",
            $$"""{"id":"x","owner":"ymere","what":"Rondes","due":"{{Iso(due)}}","source":{"kind":"oral","occasion":"Buurtschouw"} }"""),
            HttpStatusCode.Conflict, "commitment.source-incomplete");
    }
}
