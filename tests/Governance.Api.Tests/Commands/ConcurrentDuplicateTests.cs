using System.Net;
using Governance.Api.Tests.Commitments;
using static Governance.Api.Tests.Commands.Keyed;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Commands;

/// <summary>
/// Issue 11 §2 under contention: a client (or a proxy) that fires the same keyed request eight times at once gets one
/// execution; every copy answers the same success.
/// </summary>
public sealed class ConcurrentDuplicateTests(PromiseWorldFixture fixture) : IClassFixture<PromiseWorldFixture>
{
    private const int Copies = 8;

    private PromiseWorld World => fixture.World;

    private string Base => World.Base;

    /// <summary>Sends <see cref="Copies"/> identical requests, released together.</summary>
    private static async Task<Answer[]> AllAtOnceAsync(HttpClient client, string path, string json, string key)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = Enumerable.Range(0, Copies).Select(async _ =>
        {
            await start.Task;
            return await PostAsync(client, path, json, key);
        }).ToList();
        start.SetResult();
        return await Task.WhenAll(sends);
    }

    [Fact]
    public async Task Eight_simultaneous_progress_reports_with_one_key_record_one_event_and_all_answer_the_same_success()
    {
        await World.PromiseBenchesAsync((await World.TodayAsync()).PlusDays(30), "acht-tegelijk");

        var answers = await AllAtOnceAsync(World.Stadsdeel, $"{Base}/commitments/acht-tegelijk/progress", """{"note":"Onderdelen besteld"}""", NewKey());

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, a.ToString()));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Equal(["commitment.progress-reported"], answers[0].Json.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        // One of them executed it; the other seven are its answer again.
        Assert.Equal(1, answers.Count(a => !a.Replayed));
        Assert.Equal(1, await CountAsync(World.Server, "commitment-acht-tegelijk", "commitment.progress-reported"));
    }

    [Fact]
    public async Task Eight_simultaneous_creates_with_one_key_make_one_promise_and_all_answer_201_with_the_same_body()
    {
        var due = Iso((await World.TodayAsync()).PlusDays(30));
        var body = $$"""{"id":"acht-keer-gemaakt","owner":"stadsdeel-nieuw-west","what":"De bankjes repareren","due":"{{due}}","source":{"kind":"decision","reference":"speeltuin-2026"} }""";

        var answers = await AllAtOnceAsync(World.Stadsdeel, $"{Base}/commitments", body, NewKey());

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Created, a.ToString()));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Equal(["commitment.made"], answers[0].Json.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, answers.Count(a => !a.Replayed));
        Assert.Equal(["commitment.made"], (await StreamAsync(World.Server, "commitment-acht-keer-gemaakt")).Select(e => e.Type));
    }
}
