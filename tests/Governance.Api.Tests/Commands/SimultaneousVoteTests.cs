using System.Net;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Api.Tests.Alliances;
using Governance.Domain;
using NodaTime;
using static Governance.Api.Tests.Commands.Keyed;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Commands;

/// <summary>
/// Issue 11 §3: contention never reaches the user as a refusal. Ten partners with a representative with mandate each, all
/// present at the opened meeting, and a proposal in an open vote; the ten vote at the same moment and change their minds.
/// </summary>
public sealed class SimultaneousVoteTests : IAsyncLifetime
{
    private const int Partners = 10;
    private const string Meeting = "2026-drukke-vergadering";
    private const string Proposal = "speeltuin-vernieuwen";
    private const string Base = "/api/v1/alliances/" + Tenant;
    private const string P = Base + "/proposals/" + Proposal;
    private static readonly AllianceId Osdorp = AllianceId.Parse(Tenant);
    private static readonly string[] Choices = ["for", "against", "abstain"];

    private GovernanceServer _server = null!;
    private HttpClient _admin = null!;
    private HttpClient _chair = null!;
    private readonly List<(string Partner, HttpClient Client, PersonId Person)> _representatives = [];

    private static string PartnerName(int i) => i == 0 ? "bcop" : $"partner-{i:00}";

    public async Task InitializeAsync()
    {
        _server = await GovernanceServer.StartAsync(null, "--clock", "simulated");
        (_admin, _) = await _server.SystemAdminAsync();
        (_chair, _) = await _server.ClientWithRolesAsync("Dagvoorzitter", new RoleGrant(Osdorp, Role.Chair));
        await Ok(Post(_admin, "/api/v1/alliances", """{"id":"osdorp-de-punt","name":"Wijkalliantie Osdorp de Punt","neighbourhood":"Osdorp"}"""));
        for (var i = 0; i < Partners; i++)
        {
            var partner = PartnerName(i);
            var (kind, body) = i == 0 ? ("residents-collective", "residents") : ("welfare", "professional");
            await Ok(Post(_admin, $"{Base}/partners", $$"""{"id":"{{partner}}","name":"Partner {{i}}","kind":"{{kind}}","body":"{{body}}"}"""));
            var (client, person) = await _server.ClientWithRolesAsync($"Vertegenwoordiger {i}",
                new RoleGrant(Osdorp, Role.Representative, PartnerId.Parse(partner)));
            await Ok(Post(_admin, $"{Base}/representatives", $$"""{"person":"{{person}}","partner":"{{partner}}","hasMandate":true}"""));
            _representatives.Add((partner, client, person));
        }

        // A meeting 30 days ahead whose decision item got its document 20 days ahead (R7); on the day, opened, everyone present.
        var amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
        var now = Instant.FromDateTimeOffset((await Get(_admin, "/api/v1/dev/clock")).GetProperty("now").GetDateTimeOffset()).InZone(amsterdam);
        var start = now.Date.PlusDays(30).At(new LocalTime(19, 30));
        var (proposer, proposerClient, _) = _representatives[1];
        await Ok(Post(_chair, $"{Base}/meetings",
            $$"""{"id":"{{Meeting}}","kind":"alliance-meeting","start":"{{Local(start)}}","end":"{{Local(start.PlusHours(2))}}","place":"Buurthuis De Tump"}"""));
        await Ok(Post(proposerClient, $"{Base}/meetings/{Meeting}/items", $$"""{"id":"speeltuin","partner":"{{proposer}}","title":"Speeltuin","kind":"decision"}"""));
        await Ok(Post(_chair, $"{Base}/meetings/{Meeting}/items/speeltuin/acceptance"));
        await MoveClockTo(start.PlusDays(-20).InZoneStrictly(amsterdam).ToInstant());
        using (var form = new MultipartFormDataContent
        {
            { new StringContent("speeltuinplan"), "id" }, { new StringContent("speeltuin"), "item" }, { new StringContent(proposer), "partner" },
            { new StringContent("Speeltuinplan"), "title" }, { new StringContent("decision-or-discussion"), "purpose" },
        })
        {
            var file = new ByteArrayContent([1, 2, 3, 4]);
            file.Headers.ContentType = new("application/pdf");
            form.Add(file, "file", "plan.pdf");
            await Ok(proposerClient.PostAsync(new Uri($"{Base}/meetings/{Meeting}/documents", UriKind.Relative), form));
        }
        await MoveClockTo(start.InZoneStrictly(amsterdam).ToInstant());
        await Ok(Post(_chair, $"{Base}/meetings/{Meeting}/opening"));
        foreach (var (partner, _, person) in _representatives)
            await Ok(Post(_chair, $"{Base}/meetings/{Meeting}/attendance", $$"""{"person":"{{person}}","partner":"{{partner}}"}"""));
        await Ok(Post(proposerClient, $"{Base}/proposals",
            $$"""{"id":"{{Proposal}}","meeting":"{{Meeting}}","item":"speeltuin","title":"Speeltuin vernieuwen","text":"Nieuwe toestellen.","partner":"{{proposer}}","concerns":[]}"""));
        await Ok(Post(_chair, $"{P}/consent-round"));
        await Ok(Post(_chair, $"{P}/vote", """{"ground":"consent-failed"}"""));
    }

    public async Task DisposeAsync()
    {
        foreach (var (_, client, _) in _representatives) client.Dispose();
        _admin?.Dispose();
        _chair?.Dispose();
        await _server.DisposeAsync();
    }

    private Task<JsonElement> MoveClockTo(Instant at) => Ok(Post(_admin, "/api/v1/dev/clock", $$"""{"now":"{{at}}"}"""));

    private static string Local(LocalDateTime t) => t.ToString("uuuu-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Partner <paramref name="i"/>'s five casts: each differs from the one before, so each is a change.</summary>
    private static string[] CastsOf(int i) => [.. Enumerable.Range(0, 5).Select(k => Choices[(i + k) % Choices.Length])];

    [Fact]
    public async Task Ten_representatives_changing_their_vote_five_times_at_the_same_moment_are_all_accepted_and_each_partners_last_cast_counts()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var voters = _representatives.Select(async (r, i) =>
        {
            await start.Task;
            var answers = new List<(string Choice, Answer Answer)>();
            // One person's five casts go one after the other (each waits for its answer), all ten people at once.
            foreach (var choice in CastsOf(i))
                answers.Add((choice, await PostAsync(r.Client, $"{P}/vote/ballots", $$"""{"partner":"{{r.Partner}}","choice":"{{choice}}"}""", key: null)));
            return answers;
        }).ToList();
        start.SetResult();
        var all = (await Task.WhenAll(voters)).SelectMany(a => a).ToList();

        Assert.Equal(Partners * 5, all.Count);
        Assert.All(all, a => Assert.True(a.Answer.Status == HttpStatusCode.OK, $"{a.Choice}: {a.Answer}"));
        Assert.All(all, a => Assert.Equal(["proposal.vote-cast"], a.Answer.Json.GetProperty("events").EnumerateArray().Select(e => e.GetString())));

        var vote = (await Get(_admin, P)).GetProperty("vote");
        var tally = vote.GetProperty("tally");
        var expected = _representatives.Select((r, i) => (r.Partner, Final: CastsOf(i)[^1])).ToList();
        Assert.Equal(Partners, tally.GetProperty("voted").GetArrayLength());
        Assert.Empty(tally.GetProperty("notYetVoted").EnumerateArray());
        var options = tally.GetProperty("options").EnumerateArray().ToDictionary(o => o.GetProperty("choice").GetString()!);
        Assert.Equal(Partners, options.Values.Sum(o => o.GetProperty("count").GetInt32()));
        foreach (var choice in Choices)
        {
            IEnumerable<string> partners = options.TryGetValue(choice, out var option) ? option.GetProperty("partners").EnumerateArray().Select(p => p.GetString()!).Order() : [];
            Assert.Equal(expected.Where(e => e.Final == choice).Select(e => e.Partner).Order(), partners);
        }

        // Every change is in the history, each partner's in the order it was cast, each replacing the one before.
        var casts = vote.GetProperty("votes").EnumerateArray().ToList();
        Assert.Equal(Partners * 5, casts.Count);
        foreach (var (partner, i) in _representatives.Select((r, i) => (r.Partner, i)))
        {
            var own = casts.Where(c => c.GetProperty("partner").GetString() == partner).ToList();
            Assert.Equal(CastsOf(i), own.Select(c => c.GetProperty("choice").GetString()));
            Assert.Equal(new string?[] { null }.Concat(CastsOf(i)[..^1]), own.Select(c => c.GetProperty("replaces").GetString()));
        }
        Assert.Equal(Partners * 5, await CountAsync(_server, $"proposal-{Proposal}", "proposal.vote-cast"));
    }
}
