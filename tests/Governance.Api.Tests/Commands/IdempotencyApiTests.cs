using System.Net;
using Governance.Api.Tests.Commitments;
using Governance.Domain;
using static Governance.Api.Tests.Commands.Keyed;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Commands;

/// <summary>One Osdorp de Punt (see <see cref="PromiseWorld"/>) for a class whose tests each use promises of their own.</summary>
public sealed class PromiseWorldFixture : IAsyncLifetime
{
    public PromiseWorld World { get; private set; } = null!;

    public async Task InitializeAsync() => World = await PromiseWorld.StartAsync();

    public async Task DisposeAsync() => await World.DisposeAsync();
}

/// <summary>
/// Issue 11 §2 over real HTTP: a command sent with an Idempotency-Key is executed at most once, a repeat gets the first
/// answer, a reuse for another request is refused, and the sender can ask what became of it.
/// </summary>
public sealed class IdempotencyApiTests(PromiseWorldFixture fixture) : IClassFixture<PromiseWorldFixture>
{
    private PromiseWorld World => fixture.World;

    private string Base => World.Base;

    private AllianceId Osdorp => World.Osdorp;

    private async Task<string> PromiseAsync(string id)
    {
        await World.PromiseBenchesAsync((await World.TodayAsync()).PlusDays(30), id);
        return $"{Base}/commitments/{id}";
    }

    [Fact]
    public async Task Progress_sent_twice_with_one_key_is_recorded_once_and_the_second_answer_is_the_first_marked_as_a_replay()
    {
        var promise = await PromiseAsync("twee-keer-voortgang");
        var key = NewKey();

        var first = await PostAsync(World.Stadsdeel, $"{promise}/progress", """{"note":"Onderdelen besteld"}""", key);
        var second = await PostAsync(World.Stadsdeel, $"{promise}/progress", """{"note":"Onderdelen besteld"}""", key);

        Assert.True(first.Status == HttpStatusCode.OK, first.ToString());
        Assert.False(first.Replayed);
        Assert.Equal(["commitment.progress-reported"], first.Json.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(first.Status, second.Status);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.ETag, second.ETag);
        Assert.True(second.Replayed);
        Assert.Equal(1, await CountAsync(World.Server, "commitment-twee-keer-voortgang", "commitment.progress-reported"));
    }

    [Fact]
    public async Task A_create_repeated_with_one_key_answers_201_with_the_first_body_not_an_empty_list_of_events()
    {
        var due = Iso((await World.TodayAsync()).PlusDays(30));
        var body = $$"""{"id":"twee-keer-gemaakt","owner":"stadsdeel-nieuw-west","what":"De bankjes repareren","due":"{{due}}","source":{"kind":"decision","reference":"speeltuin-2026"} }""";
        var key = NewKey();

        var first = await PostAsync(World.Stadsdeel, $"{Base}/commitments", body, key);
        var second = await PostAsync(World.Stadsdeel, $"{Base}/commitments", body, key);

        Assert.True(first.Status == HttpStatusCode.Created, first.ToString());
        Assert.Equal(["commitment.made"], first.Json.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.True(second.Status == HttpStatusCode.Created, second.ToString());
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Location, second.Location);
        Assert.True(second.Replayed);
        Assert.Equal(["commitment.made"], (await StreamAsync(World.Server, "commitment-twee-keer-gemaakt")).Select(e => e.Type));
    }

    [Fact]
    public async Task The_same_key_with_another_body_or_for_another_command_is_409_idempotency_key_reused_and_records_nothing()
    {
        var promise = await PromiseAsync("sleutel-hergebruikt");
        var key = NewKey();
        var first = await PostAsync(World.Stadsdeel, $"{promise}/progress", """{"note":"Onderdelen besteld"}""", key);
        Assert.True(first.Status == HttpStatusCode.OK, first.ToString());

        var otherBody = await PostAsync(World.Stadsdeel, $"{promise}/progress", """{"note":"Aannemer gebeld"}""", key);
        var otherCommand = await PostAsync(World.Stadsdeel, $"{promise}/fulfilment", """{"evidence":"Gedaan"}""", key);

        foreach (var refused in new[] { otherBody, otherCommand })
        {
            Assert.True(refused.Status == HttpStatusCode.Conflict, refused.ToString());
            Assert.Equal("idempotency-key-reused", refused.Code);
            Assert.False(refused.Replayed);
        }
        Assert.Equal(["commitment.made", "commitment.progress-reported"], (await StreamAsync(World.Server, "commitment-sleutel-hergebruikt")).Select(e => e.Type));
        // What the key stands for is still the first command.
        var status = await GetAsync(World.Stadsdeel, $"{Base}/commands/{key}");
        Assert.Equal(["commitment.progress-reported"], status.Json.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_refusal_sent_twice_with_one_key_is_the_same_409_twice_and_records_nothing()
    {
        var promise = await PromiseAsync("al-nagekomen");
        await Ok(Post(World.Stadsdeel, $"{promise}/fulfilment", """{"evidence":"Bankjes gerepareerd"}"""));
        var before = await StreamAsync(World.Server, "commitment-al-nagekomen");
        var key = NewKey();

        var first = await PostAsync(World.Stadsdeel, $"{promise}/progress", """{"note":"Nog een laagje verf"}""", key);
        var second = await PostAsync(World.Stadsdeel, $"{promise}/progress", """{"note":"Nog een laagje verf"}""", key);

        Assert.True(first.Status == HttpStatusCode.Conflict, first.ToString());
        Assert.Equal("commitment.settled", first.Code);
        Assert.Equal(first.Status, second.Status);
        Assert.Equal(first.Code, second.Code);
        Assert.Equal(before.Count, (await StreamAsync(World.Server, "commitment-al-nagekomen")).Count);
        var status = await GetAsync(World.Stadsdeel, $"{Base}/commands/{key}");
        Assert.True(status.Status == HttpStatusCode.OK, status.ToString());
        Assert.Equal("refused", status.Json.GetProperty("outcome").GetString());
        Assert.Equal("commitment.settled", status.Json.GetProperty("code").GetString());
        Assert.Empty(status.Json.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task The_sender_can_ask_what_became_of_a_keyed_command_and_anyone_else_or_an_unknown_key_gets_404_and_no_sign_in_401()
    {
        var promise = await PromiseAsync("navragen");
        var key = NewKey();
        var sent = await PostAsync(World.Stadsdeel, $"{promise}/progress", """{"note":"Onderdelen besteld"}""", key);
        Assert.True(sent.Status == HttpStatusCode.OK, sent.ToString());
        var path = $"{Base}/commands/{key}";

        var mine = await GetAsync(World.Stadsdeel, path);
        var someoneElse = await GetAsync(World.Ymere, path);
        var unknown = await GetAsync(World.Stadsdeel, $"{Base}/commands/{NewKey()}");
        var anonymous = await GetAsync(World.Anonymous, path);

        Assert.True(mine.Status == HttpStatusCode.OK, mine.ToString());
        var outcome = mine.Json;
        Assert.Equal(key, outcome.GetProperty("key").GetString());
        Assert.Equal("executed", outcome.GetProperty("outcome").GetString());
        Assert.Equal("commitment-navragen", outcome.GetProperty("stream").GetString());
        Assert.Equal(sent.Json.GetProperty("version").GetInt64(), outcome.GetProperty("version").GetInt64());
        Assert.Equal(["commitment.progress-reported"], outcome.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, someoneElse.Status);
        Assert.Equal("command.unknown", someoneElse.Code);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("command.unknown", unknown.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal("unauthenticated", anonymous.Code);
    }
}
