using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Api.Hosting;
using Governance.Domain;
using Governance.EventStore;
using Governance.Projections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NodaTime;
using NodaTime.Text;
using Npgsql;

namespace Governance.Api.Cli;

/// <summary>
/// `bench commands [--clients N] [--seconds S]`: the command path under load (issue 11). One alliance on a throw-away
/// cluster (fsync on), the real app on loopback, and N clients over real HTTP for S seconds sending a mix: vote casts on
/// one proposal (ten partners changing their minds), promise progress, and document shares on one meeting, each with an
/// Idempotency-Key. Afterwards every acknowledged command is checked to be in the ledger exactly once and the chain is
/// verified. One JSON line: commands/s (recorded ones), p50/p99 over all answers, unchanged (a vote repeating the partner's
/// choice, answered with no events), refusals that were not a rule (must be 0), lost, doubled, verified.
/// </summary>
public static class CommandBench
{
    public sealed record CommandBenchResult(
        string Scenario, int Clients, long Commands, double Seconds, double CommandsPerS, double P50Ms, double P99Ms,
        long Unchanged, long NonRuleRefusals, long RuleRefusals, long Lost, long Doubled, bool Verified);

    public static Command Build(TextWriter output, TextWriter error)
    {
        var clients = new Option<int>("--clients") { Description = "Concurrent clients (default 16).", DefaultValueFactory = _ => 16 };
        var seconds = new Option<int>("--seconds") { Description = "How long to send (default 60).", DefaultValueFactory = _ => 60 };
        var command = new Command("commands", "Command throughput over real HTTP: votes, promise progress and document shares in one alliance.") { clients, seconds };
        command.SetAction((parse, ct) => GovernanceCli.Guarded(error, async () =>
        {
            var n = parse.GetValue(clients);
            var s = parse.GetValue(seconds);
            if (n is < 1 or > 256) throw new CliException("--clients must be between 1 and 256.");
            if (s is < 1 or > 3600) throw new CliException("--seconds must be between 1 and 3600.");
            // Always a throw-away cluster: the run creates the alliance it sends to, which GOVERNANCE_DB may already hold.
            await error.WriteLineAsync("starting a throw-away cluster (fsync on) and the app on loopback ...");
            await using var cluster = await ThrowawayPostgres.StartAsync(durable: true);
            var connectionString = await cluster.CreateDatabaseAsync("bench");
            var result = await RunAsync(connectionString, n, TimeSpan.FromSeconds(s), error, ct);
            await output.WriteLineAsync(JsonSerializer.Serialize(result, BenchReport.JsonOptions));
            return result.NonRuleRefusals == 0 && result.Lost == 0 && result.Doubled == 0 && result.Verified ? 0 : 4;
        }));
        return command;
    }

    private const string Alliance = "osdorp-de-punt";
    private const string Base = "/api/v1/alliances/" + Alliance;
    private const string Meeting = "bench-vergadering";
    private const string Proposal = "bench-voorstel";
    private const int Partners = 10;

    private sealed record Sent(string Kind, string Key, string Stream);

    public static async Task<CommandBenchResult> RunAsync(string connectionString, int clientCount, TimeSpan duration, TextWriter log, CancellationToken ct)
    {
        var app = WebHost.Build(["--urls", "http://127.0.0.1:0", "--environment", "Development", "--clock", "simulated",
            "--applicationName", typeof(WebHost).Assembly.GetName().Name!], builder =>
        {
            builder.Configuration["ConnectionStrings:Governance"] = connectionString;
            builder.Configuration["Governance:Checkpoints:Enabled"] = "false";   // no checkpoint signed (and no key made) during a measurement
            // The bench measures the command path, not the write limits: its one chair sends a third of all commands
            // (some 800 a minute), beyond a person's 300 (docs/api.md, "Write limits").
            builder.Configuration[$"{Http.WriteLimitOptions.Section}:PerPersonPerMinute"] = "1000000";
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error); // the throw-away key ring needs no warning
        });
        await app.StartAsync(ct);
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var world = await SetUpAsync(app.Services, address, ct);
            await log.WriteLineAsync($"sending for {duration.TotalSeconds:0} s with {clientCount} clients ...");

            var latencies = new ConcurrentBag<double>();
            var acknowledged = new ConcurrentBag<Sent>();
            long nonRule = 0, rule = 0, unchanged = 0, counter = 0;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            stop.CancelAfter(duration);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clientCount).Select(c => Task.Run(async () =>
            {
                var random = new Random(c);
                while (!stop.IsCancellationRequested)
                {
                    var i = Interlocked.Increment(ref counter);
                    var (kind, client, path, content, stream) = (i % 3) switch
                    {
                        0 => Vote(world, random),
                        1 => Progress(world, random, i),
                        _ => Share(world, i),
                    };
                    var key = $"bench-{i}";
                    using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
                    request.Headers.Add("Idempotency-Key", key);
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await client.SendAsync(request, CancellationToken.None);
                        var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        // A vote for the choice the partner already made is answered with no events: nothing to find in the ledger.
                        if (response.IsSuccessStatusCode && RecordedNothing(body)) Interlocked.Increment(ref unchanged);
                        else if (response.IsSuccessStatusCode) acknowledged.Add(new Sent(kind, key, stream));
                        else if ((int)response.StatusCode == 409 && IsRuleRefusal(body)) Interlocked.Increment(ref rule);
                        else
                        {
                            Interlocked.Increment(ref nonRule);
                            await log.WriteLineAsync($"refused without a rule: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
                        }
                    }
                    catch (HttpRequestException ex)
                    {
                        Interlocked.Increment(ref nonRule);
                        await log.WriteLineAsync($"request failed: {ex.Message}");
                    }
                }
            }, CancellationToken.None)));
            clock.Stop();

            var (lost, doubled) = await CheckLedgerAsync(app.Services, acknowledged, ct);
            var verified = (await LedgerVerifier.VerifyAsync(app.Services.GetRequiredService<Marten.IDocumentStore>(), Alliance, cancellationToken: ct)).All(v => v.IsIntact);
            var sorted = latencies.Order().ToArray();
            double P(double p) => BenchReport.Percentile(sorted, p);
            var commands = acknowledged.Count;
            return new CommandBenchResult("commands", clientCount, commands, Math.Round(clock.Elapsed.TotalSeconds, 3),
                Math.Round(commands / clock.Elapsed.TotalSeconds, 0), Math.Round(P(0.50), 2), Math.Round(P(0.99), 2), unchanged, nonRule, rule, lost, doubled, verified);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    private static bool RecordedNothing(string body) =>
        JsonDocument.Parse(body).RootElement.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array
        && events.GetArrayLength() == 0;

    /// <summary>A 409 whose code is a working agreement's (a rule id and a slug), not a race or a reused key.</summary>
    private static bool IsRuleRefusal(string body) =>
        JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) && code.GetString() is { } c
        && c.Contains('.', StringComparison.Ordinal);

    private sealed record World(IReadOnlyList<(string Partner, HttpClient Client)> Representatives, HttpClient Chair, IReadOnlyList<string> Promises);

    private static (string, HttpClient, string, HttpContent, string) Vote(World w, Random random)
    {
        var (partner, client) = w.Representatives[random.Next(w.Representatives.Count)];
        var choice = new[] { "for", "against", "abstain" }[random.Next(3)];
        return ("proposal.vote-cast", client, $"{Base}/proposals/{Proposal}/vote/ballots",
            Json($$"""{"partner":"{{partner}}","choice":"{{choice}}"}"""), "proposal-" + Proposal);
    }

    private static (string, HttpClient, string, HttpContent, string) Progress(World w, Random random, long i)
    {
        var promise = w.Promises[random.Next(w.Promises.Count)];
        return ("commitment.progress-reported", w.Chair, $"{Base}/commitments/{promise}/progress",
            Json($$"""{"note":"Voortgang {{i}}: de aannemer is besteld."}"""), "commitment-" + promise);
    }

    private static (string, HttpClient, string, HttpContent, string) Share(World w, long i)
    {
        var (partner, client) = w.Representatives[(int)(i % w.Representatives.Count)];
        var form = new MultipartFormDataContent
        {
            { new StringContent($"stuk-{i}"), "id" }, { new StringContent("speeltuin"), "item" }, { new StringContent(partner), "partner" },
            { new StringContent($"Stuk {i}"), "title" }, { new StringContent("information-only"), "purpose" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"stuk {i}"));
        file.Headers.ContentType = new("application/pdf");
        form.Add(file, "file", $"stuk-{i}.pdf");
        return ("meeting.document-shared", client, $"{Base}/meetings/{Meeting}/documents", form, "meeting-" + Meeting);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<(long Lost, long Doubled)> CheckLedgerAsync(IServiceProvider services, IEnumerable<Sent> acknowledged, CancellationToken ct)
    {
        var ledger = services.GetRequiredService<Ledger>();
        long lost = 0, doubled = 0;
        foreach (var stream in acknowledged.GroupBy(a => a.Stream))
        {
            var recorded = await ledger.ReadStreamAsync(Alliance, stream.Key, cancellationToken: ct);
            foreach (var kind in stream.GroupBy(s => s.Kind))
            {
                var byCommand = recorded.Where(e => e.Type == kind.Key).GroupBy(e => e.Metadata.CommandId ?? "").ToDictionary(g => g.Key, g => g.Count());
                foreach (var sent in kind)
                {
                    var count = byCommand.GetValueOrDefault(sent.Key);
                    if (count == 0) lost++;
                    else if (count > 1) doubled++;
                }
            }
        }
        return (lost, doubled);
    }

    /// <summary>Ten partners with a representative each at an opened meeting with a proposal in an open vote, and promises.</summary>
    private static async Task<World> SetUpAsync(IServiceProvider services, Uri address, CancellationToken ct)
    {
        var accounts = services.GetRequiredService<AccountService>();
        var tokens = services.GetRequiredService<ApiTokenService>();
        var number = 0;
        async Task<(HttpClient, PersonId)> Client(string name, params RoleGrant[] grants)
        {
            var account = await accounts.CreateAccountAsync($"bench{++number}@example.test", name, "correct horse battery staple", grants, ct);
            var token = await tokens.IssueAsync(account.Person, "bench", ct);
            var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            return (client, account.Person);
        }
        async Task Ok(HttpClient client, string path, string json = "")
        {
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), Json(json), ct);
            if (!response.IsSuccessStatusCode)
                throw new CliException($"bench set-up failed at {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }

        var alliance = AllianceId.Parse(Alliance);
        var (admin, _) = await Client("Beheerder", new RoleGrant(null, Role.Admin));
        var (chair, _) = await Client("Dagvoorzitter", new RoleGrant(alliance, Role.Chair));
        await Ok(admin, "/api/v1/alliances", $$"""{"id":"{{Alliance}}","name":"Wijkalliantie Osdorp de Punt","neighbourhood":"Osdorp"}""");
        var representatives = new List<(string, HttpClient)>();
        var people = new List<(string, PersonId)>();
        for (var i = 0; i < Partners; i++)
        {
            var partner = i == 0 ? "bcop" : $"partner-{i:00}";
            var (kind, body) = i == 0 ? ("residents-collective", "residents") : ("welfare", "professional");
            await Ok(admin, $"{Base}/partners", $$"""{"id":"{{partner}}","name":"Partner {{i}}","kind":"{{kind}}","body":"{{body}}"}""");
            var (client, person) = await Client($"Vertegenwoordiger {i}", new RoleGrant(alliance, Role.Representative, PartnerId.Parse(partner)));
            await Ok(admin, $"{Base}/representatives", $$"""{"person":"{{person}}","partner":"{{partner}}","hasMandate":true}""");
            representatives.Add((partner, client));
            people.Add((partner, person));
        }

        var clock = services.GetRequiredService<SimulatedClock>();
        var zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
        var start = Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(zone).Date.PlusDays(30).At(new LocalTime(19, 30));
        string Local(LocalDateTime t) => LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Format(t);
        await Ok(chair, $"{Base}/meetings", $$"""{"id":"{{Meeting}}","kind":"alliance-meeting","start":"{{Local(start)}}","end":"{{Local(start.PlusHours(2))}}","place":"Buurthuis"}""");
        var (proposer, proposerClient) = representatives[1];
        await Ok(proposerClient, $"{Base}/meetings/{Meeting}/items", $$"""{"id":"speeltuin","partner":"{{proposer}}","title":"Speeltuin","kind":"decision"}""");
        await Ok(chair, $"{Base}/meetings/{Meeting}/items/speeltuin/acceptance");
        clock.SetTo(start.PlusDays(-20).InZoneStrictly(zone).ToDateTimeOffset());
        using (var form = new MultipartFormDataContent
        {
            { new StringContent("speeltuinplan"), "id" }, { new StringContent("speeltuin"), "item" }, { new StringContent(proposer), "partner" },
            { new StringContent("Speeltuinplan"), "title" }, { new StringContent("decision-or-discussion"), "purpose" },
        })
        {
            var file = new ByteArrayContent([1, 2, 3, 4]);
            file.Headers.ContentType = new("application/pdf");
            form.Add(file, "file", "plan.pdf");
            using var shared = await proposerClient.PostAsync(new Uri($"{Base}/meetings/{Meeting}/documents", UriKind.Relative), form, ct);
            shared.EnsureSuccessStatusCode();
        }
        var promises = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var (partner, _) = representatives[i % Partners];
            var due = start.Date.PlusDays(60).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
            await Ok(chair, $"{Base}/commitments",
                $$$"""{"id":"belofte-{{{i}}}","owner":"{{{partner}}}","what":"Belofte {{{i}}}","due":"{{{due}}}","source":{"kind":"decision","reference":"bench"}}""");
            promises.Add($"belofte-{i}");
        }
        clock.SetTo(start.InZoneStrictly(zone).ToDateTimeOffset());
        await Ok(chair, $"{Base}/meetings/{Meeting}/opening");
        foreach (var (partner, person) in people)
            await Ok(chair, $"{Base}/meetings/{Meeting}/attendance", $$"""{"person":"{{person}}","partner":"{{partner}}"}""");
        await Ok(proposerClient, $"{Base}/proposals",
            $$"""{"id":"{{Proposal}}","meeting":"{{Meeting}}","item":"speeltuin","title":"Speeltuin vernieuwen","text":"Nieuwe toestellen.","partner":"{{proposer}}","concerns":[]}""");
        await Ok(chair, $"{Base}/proposals/{Proposal}/consent-round");
        await Ok(chair, $"{Base}/proposals/{Proposal}/vote", """{"ground":"consent-failed"}""");
        return new World(representatives, chair, promises);
    }
}
