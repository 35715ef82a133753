using System.Net;
using Governance.Api.Tests.Commitments;
using Npgsql;
using Xunit.Abstractions;
using static Governance.Api.Tests.Commands.Keyed;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Commands;

/// <summary>
/// Issue 11 §2, "killed mid-request": a client that sent a keyed command and lost the connection before the answer asks
/// <c>GET …/commands/{key}</c> what became of it, and when it was not executed sends it again with the same key: whatever
/// the moment the connection was cut, the ledger ends with the command recorded exactly once.
/// </summary>
public sealed class AbandonedRequestTests(PromiseWorldFixture fixture, ITestOutputHelper output) : IClassFixture<PromiseWorldFixture>
{
    private const string Note = """{"note":"Onderdelen besteld"}""";

    private PromiseWorld World => fixture.World;

    private string Base => World.Base;

    /// <summary>Sends the command and gives up after <paramref name="after"/>: null when the client gave up before the answer.</summary>
    private static async Task<Answer?> SendAndAbandonAsync(string path, string key, TimeSpan after, HttpClient client)
    {
        using var giveUp = new CancellationTokenSource(after);
        try
        {
            return await PostAsync(client, path, Note, key, giveUp.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// What a client does after losing the answer: ask, and send again with the same key unless it was executed. Returns
    /// whether the first send had been executed by the time the client asked.
    /// </summary>
    private async Task<bool> FindOutAndSendAgainAsync(string promise, string key)
    {
        var stream = $"commitment-{promise}";
        var path = $"{Base}/commitments/{promise}/progress";
        var status = await GetAsync(World.Stadsdeel, $"{Base}/commands/{key}");
        var executed = status.Status == HttpStatusCode.OK;
        if (executed)
        {
            // The status and the event are stored in one transaction: an "executed" answer means the event is there.
            Assert.Equal("executed", status.Json.GetProperty("outcome").GetString());
            Assert.Equal(["commitment.progress-reported"], status.Json.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(1, await CountAsync(World.Server, stream, "commitment.progress-reported"));
        }
        else
        {
            Assert.True(status.Status == HttpStatusCode.NotFound, status.ToString());
            Assert.Equal("command.unknown", status.Code);
        }

        // Sending again is safe either way: executed, it is the first answer again; not (yet) executed, it runs once.
        var again = await PostAsync(World.Stadsdeel, path, Note, key);
        Assert.True(again.Status == HttpStatusCode.OK, again.ToString());
        if (executed) Assert.True(again.Replayed);
        Assert.Equal(["commitment.made", "commitment.progress-reported"], (await StreamAsync(World.Server, stream)).Select(e => e.Type));
        var after = await GetAsync(World.Stadsdeel, $"{Base}/commands/{key}");
        Assert.True(after.Status == HttpStatusCode.OK, after.ToString());
        Assert.Equal(again.Json.GetProperty("version").GetInt64(), after.Json.GetProperty("version").GetInt64());
        return executed;
    }

    [Fact]
    public async Task A_client_that_gave_up_while_the_alliance_was_busy_learns_its_command_was_not_executed_and_sending_again_records_it_once()
    {
        await World.PromiseBenchesAsync((await World.TodayAsync()).PlusDays(30), "opgegeven");
        var key = NewKey();

        // Another writer holds the alliance's lock, so the command cannot run before the client gives up.
        await using var dataSource = World.Server.CreateDataSource();
        Answer? answer;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var busy = await connection.BeginTransactionAsync();
            await using (var lockHead = new NpgsqlCommand("select ledger.lock_head($1)", connection, busy) { Parameters = { new() { Value = Tenant } } })
                await lockHead.ExecuteNonQueryAsync();
            answer = await SendAndAbandonAsync($"{Base}/commitments/opgegeven/progress", key, TimeSpan.FromMilliseconds(500), World.Stadsdeel);
            // The node notices the client left and stops waiting: nothing of the command is left to run later.
            Assert.False(await StillWaitsForTheLockAsync(dataSource), "The node still waits to run a command whose client left.");
            await busy.RollbackAsync();
        }

        Assert.Null(answer);
        Assert.False(await FindOutAndSendAgainAsync("opgegeven", key));
    }

    [Fact]
    public async Task Whenever_the_connection_is_cut_the_client_finds_out_what_happened_and_the_command_is_recorded_once()
    {
        var today = await World.TodayAsync();
        foreach (var ms in new[] { 1, 5, 15, 30, 60, 120, 250, 500 })
        {
            var promise = $"afgebroken-{ms}";
            await World.PromiseBenchesAsync(today.PlusDays(30), promise);
            var key = NewKey();
            var answer = await SendAndAbandonAsync($"{Base}/commitments/{promise}/progress", key, TimeSpan.FromMilliseconds(ms), World.Stadsdeel);
            var executed = await FindOutAndSendAgainAsync(promise, key);
            output.WriteLine($"cut after {ms,3} ms: {(answer is null ? "no answer" : answer.Status.ToString())}, executed when asked: {executed}");
        }
    }

    /// <summary>Whether, five seconds on, some backend of the server still waits for the alliance's lock (the command still in flight).</summary>
    private static async Task<bool> StillWaitsForTheLockAsync(NpgsqlDataSource dataSource)
    {
        await using var query = dataSource.CreateCommand(
            "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%lock_head%' and datname = current_database() and pid <> pg_backend_pid()");
        for (var tries = 0; tries < 50; tries++)
        {
            if ((long)(await query.ExecuteScalarAsync())! == 0) return false;
            await Task.Delay(100);
        }
        return true;
    }
}
