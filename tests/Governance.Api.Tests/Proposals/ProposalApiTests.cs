using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Api.Auth;
using Governance.Api.Tests.Alliances;
using Governance.Domain;
using NodaTime;

namespace Governance.Api.Tests.Proposals;

/// <summary>
/// The proposals slice over real HTTP, on the simulated clock. The cast: BCOP (residents' collective, weight 2),
/// the Stadsdeel and Ymere (weight 1) with a representative with mandate each, and Eigenwijks whose representative
/// has no mandate; a meeting 20 days ahead whose decision item got its document in time (R7), opened on the day.
/// </summary>
public sealed class ProposalApiTests(SimulatedClockServer world) : IClassFixture<SimulatedClockServer>, IAsyncLifetime
{
    private const string Meeting = "2026-vergadering";
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
    // One server for the class (issue 16 §4); each test founds an alliance of its own.
    private readonly string _alliance = TestIds.NewAlliance("osdorp");
    private GovernanceServer _server => world.Server;
    private HttpClient _admin => world.Admin;
    private string Base => $"/api/v1/alliances/{_alliance}";
    private string P => Base + "/proposals/avondverlichting";
    private AllianceId Osdorp => AllianceId.Parse(_alliance);
    private HttpClient _chair = null!;
    private HttpClient _bcop = null!;
    private HttpClient _stadsdeel = null!;
    private HttpClient _ymere = null!;
    private HttpClient _eigenwijks = null!;
    private PersonId _bcopPerson;
    private PersonId _stadsdeelPerson;
    private PersonId _ymerePerson;
    private PersonId _eigenwijksPerson;

    public async Task InitializeAsync()
    {
        (_chair, _) = await _server.ClientWithRolesAsync("Dagvoorzitter", new RoleGrant(Osdorp, Role.Chair));
        (_bcop, _bcopPerson) = await Representative("Bea Bewoner", "bcop");
        (_stadsdeel, _stadsdeelPerson) = await Representative("Sanne Stadsdeel", "stadsdeel-nieuw-west");
        (_ymere, _ymerePerson) = await Representative("Youssef Ymere", "ymere");
        (_eigenwijks, _eigenwijksPerson) = await Representative("Eva Eigenwijks", "eigenwijks");
        await Ok(Post(_admin, "/api/v1/alliances", $$"""{"id":"{{_alliance}}","name":"Wijkalliantie Osdorp de Punt","neighbourhood":"Osdorp"}"""));
        await Ok(Post(_admin, $"{Base}/partners", """{"id":"bcop","name":"BCOP","kind":"residents-collective","body":"residents"}"""));
        await Ok(Post(_admin, $"{Base}/partners", """{"id":"stadsdeel-nieuw-west","name":"Stadsdeel Nieuw-West","kind":"municipality","body":"professional"}"""));
        await Ok(Post(_admin, $"{Base}/partners", """{"id":"ymere","name":"Ymere","kind":"housing-corporation","body":"professional"}"""));
        await Ok(Post(_admin, $"{Base}/partners", """{"id":"eigenwijks","name":"Eigenwijks","kind":"welfare","body":"professional"}"""));
        foreach (var (person, partner, mandate) in new[]
        {
            (_bcopPerson, "bcop", true), (_stadsdeelPerson, "stadsdeel-nieuw-west", true), (_ymerePerson, "ymere", true), (_eigenwijksPerson, "eigenwijks", false),
        })
        {
            await Ok(Post(_admin, $"{Base}/representatives", $$"""{"person":"{{person}}","partner":"{{partner}}","hasMandate":{{(mandate ? "true" : "false")}}}"""));
        }
    }

    public Task DisposeAsync()
    {
        foreach (var c in new[] { _chair, _bcop, _stadsdeel, _ymere, _eigenwijks }) c.Dispose();
        return Task.CompletedTask;
    }

    private Task<(HttpClient, PersonId)> Representative(string name, string partner) =>
        _server.ClientWithRolesAsync(name, new RoleGrant(Osdorp, Role.Representative, PartnerId.Parse(partner)));

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, string json) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> Problem(Task<HttpResponseMessage> call, HttpStatusCode status, string code)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {text}");
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    private async Task<JsonElement> Get(string path) => await _admin.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));

    private async Task<ZonedDateTime> NowInAmsterdam() =>
        Instant.FromDateTimeOffset((await Get("/api/v1/dev/clock")).GetProperty("now").GetDateTimeOffset()).InZone(Amsterdam);

    private Task<JsonElement> MoveClockTo(Instant at) => Ok(Post(_admin, "/api/v1/dev/clock", $$"""{"now":"{{at}}"}"""));

    private Task<JsonElement> Advance(string isoDuration) => Ok(Post(_admin, "/api/v1/dev/clock", $$"""{"advance":"{{isoDuration}}"}"""));

    /// <summary>The meeting with item "verlichting" (a decision); its document shared <paramref name="daysAhead"/> days ahead, or not at all.</summary>
    private async Task MeetingOnTheDayAsync(int? daysAhead = 20, bool present = true)
    {
        var now = await NowInAmsterdam();
        var start = now.Date.PlusDays(30).At(new LocalTime(19, 30));
        await Ok(Post(_chair, $"{Base}/meetings",
            $$"""{"id":"{{Meeting}}","kind":"alliance-meeting","start":"{{Local(start)}}","end":"{{Local(start.PlusHours(2))}}","place":"Buurthuis De Tump"}"""));
        await Ok(Post(_stadsdeel, $"{Base}/meetings/{Meeting}/items", """{"id":"verlichting","partner":"stadsdeel-nieuw-west","title":"Avondverlichting","kind":"decision"}"""));
        await Ok(Post(_chair, $"{Base}/meetings/{Meeting}/items/verlichting/acceptance", ""));
        var startsAt = start.InZoneStrictly(Amsterdam).ToInstant();
        if (daysAhead is { } days)
        {
            await MoveClockTo(start.PlusDays(-days).InZoneStrictly(Amsterdam).ToInstant());
            using var form = new MultipartFormDataContent
            {
                { new StringContent("verlichtingsplan"), "id" }, { new StringContent("verlichting"), "item" },
                { new StringContent("stadsdeel-nieuw-west"), "partner" }, { new StringContent("Verlichtingsplan"), "title" },
                { new StringContent("decision-or-discussion"), "purpose" },
            };
            var file = new ByteArrayContent([1, 2, 3, 4]);
            file.Headers.ContentType = new("application/pdf");
            form.Add(file, "file", "plan.pdf");
            await Ok(_stadsdeel.PostAsync(new Uri($"{Base}/meetings/{Meeting}/documents", UriKind.Relative), form));
        }

        await MoveClockTo(startsAt);
        await Ok(Post(_chair, $"{Base}/meetings/{Meeting}/opening", ""));
        if (!present) return;
        foreach (var (person, partner) in new[] { (_bcopPerson, "bcop"), (_stadsdeelPerson, "stadsdeel-nieuw-west"), (_ymerePerson, "ymere"), (_eigenwijksPerson, "eigenwijks") })
            await Ok(Post(_chair, $"{Base}/meetings/{Meeting}/attendance", $$"""{"person":"{{person}}","partner":"{{partner}}"}"""));
    }

    private static string Local(LocalDateTime t) => t.ToString("uuuu-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private Task<JsonElement> TableAsync(HttpClient? by = null, string concerns = """["stadsdeel-nieuw-west"]""") =>
        Ok(Post(by ?? _bcop, $"{Base}/proposals",
            $$"""{"id":"avondverlichting","meeting":"{{Meeting}}","item":"verlichting","title":"Avondverlichting Tussen Meer","text":"Extra lantaarns op het pad.","partner":"bcop","concerns":{{concerns}}}"""));

    private async Task VoteAsync(HttpClient client, string partner, string choice) =>
        await Ok(Post(client, $"{P}/vote/ballots", $$"""{"partner":"{{partner}}","choice":"{{choice}}"}"""));

    [Fact]
    public async Task R7_a_proposal_on_an_item_without_timely_information_is_refused_and_allowed_after_the_residents_waiver()
    {
        await MeetingOnTheDayAsync(daysAhead: 5);

        await Problem(Post(_bcop, $"{Base}/proposals",
            $$"""{"id":"avondverlichting","meeting":"{{Meeting}}","item":"verlichting","title":"Avondverlichting","text":"Licht.","partner":"bcop","concerns":[]}"""),
            HttpStatusCode.Conflict, "R7.not-decidable");
        await Ok(Post(_bcop, $"{Base}/meetings/{Meeting}/items/verlichting/waiver", """{"partner":"bcop","reason":"Wij kennen het plan"}"""));
        using var created = await Post(_bcop, $"{Base}/proposals",
            $$"""{"id":"avondverlichting","meeting":"{{Meeting}}","item":"verlichting","title":"Avondverlichting","text":"Licht.","partner":"bcop","concerns":[]}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(P, created.Headers.Location?.OriginalString);

        var proposal = await Get(P);
        Assert.True(proposal.GetProperty("underWaiver").GetBoolean());
        Assert.Equal("tabled", proposal.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Tabling_is_for_a_partner_one_represents_on_a_meeting_that_exists()
    {
        await MeetingOnTheDayAsync();

        await Problem(Post(_ymere, $"{Base}/proposals",
            $$"""{"id":"avondverlichting","meeting":"{{Meeting}}","item":"verlichting","title":"Licht","text":"Licht.","partner":"bcop"}"""),
            HttpStatusCode.Forbidden, "forbidden");
        await Problem(Post(_bcop, $"{Base}/proposals",
            $$"""{"id":"avondverlichting","meeting":"{{Meeting}}","item":"verlichting","title":"Licht","text":"Licht.","partner":"bcop","proposer":"{{_stadsdeelPerson}}"}"""),
            HttpStatusCode.Forbidden, "forbidden");
        await Problem(Post(_bcop, $"{Base}/proposals",
            """{"id":"avondverlichting","meeting":"bestaat-niet","item":"verlichting","title":"Licht","text":"Licht.","partner":"bcop"}"""),
            HttpStatusCode.NotFound, "meeting.unknown");
        await Problem(Post(_bcop, $"{Base}/proposals",
            $$"""{"id":"avondverlichting","meeting":"{{Meeting}}","item":"verlichting","title":"Licht","text":"Licht.","partner":"bcop","concerns":["vve-onbekend"]}"""),
            HttpStatusCode.Conflict, "partner.not-a-member");
        await Problem(Post(_chair, $"{Base}/proposals/bestaat-niet/consent-round", ""), HttpStatusCode.NotFound, "proposal.unknown");
        await Problem(Post(_chair, $"{Base}/proposals/Niet-Geldig/consent-round", ""), HttpStatusCode.BadRequest, "invalid-id");
    }

    [Fact]
    public async Task R8_R21_consent_after_an_objection_integrated_in_version_2_shows_on_the_proposal_and_in_the_decision_register()
    {
        await MeetingOnTheDayAsync();
        await TableAsync();
        await Ok(Post(_chair, $"{P}/consent-round", ""));
        await Ok(Post(_chair, $"{P}/contributions", """{"kind":"question","partner":"ymere","summary":"Hoeveel lantaarns?"}"""));
        await Ok(Post(_ymere, $"{P}/objections", """{"partner":"ymere","reasons":"Lichthinder in de flats"}"""));
        await Problem(Post(_ymere, $"{P}/objections", """{"partner":"bcop","reasons":"Namens een ander"}"""), HttpStatusCode.Forbidden, "forbidden");
        await Ok(Post(_chair, $"{P}/objections/1/test", """{"finding":"valid-objection","note":"Raakt bewoners direct"}"""));
        await Problem(Post(_chair, $"{P}/consent", ""), HttpStatusCode.Conflict, "R8.unresolved-objection");
        await Ok(Post(_bcop, $"{P}/amendments", """{"text":"Extra lantaarns op het pad, naar beneden gericht.","reason":"Bezwaar Ymere verwerkt"}"""));
        await Ok(Post(_chair, $"{P}/objections/1/resolution", """{"resolution":"amendment","note":"Lampen naar beneden gericht"}"""));
        var consent = await Ok(Post(_chair, $"{P}/consent", ""));
        Assert.Equal(["proposal.consent-reached"], consent.GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        var proposal = await Get(P);
        Assert.Equal("adopted", proposal.GetProperty("status").GetString());
        Assert.Equal("consent", proposal.GetProperty("method").GetString());
        Assert.Equal(2, proposal.GetProperty("decidedVersion").GetInt32());
        Assert.Equal("Extra lantaarns op het pad, naar beneden gericht.", proposal.GetProperty("decidedText").GetString());
        Assert.Equal(2, proposal.GetProperty("versions").GetArrayLength());
        var objection = Assert.Single(proposal.GetProperty("objections").EnumerateArray());
        Assert.Equal("valid-objection", objection.GetProperty("finding").GetString());
        Assert.Equal("amendment", objection.GetProperty("resolution").GetString());
        Assert.Equal(2, objection.GetProperty("integratedInVersion").GetInt32());
        Assert.False(objection.GetProperty("blocks").GetBoolean());
        Assert.Equal("Hoeveel lantaarns?", Assert.Single(proposal.GetProperty("contributions").EnumerateArray()).GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("vote").ValueKind);

        var decision = Assert.Single((await Get($"{Base}/decisions")).GetProperty("decisions").EnumerateArray());
        Assert.Equal("pass", decision.GetProperty("motion").GetProperty("result").GetString());
        Assert.Equal("consent", decision.GetProperty("motion").GetProperty("classification").GetString());
        Assert.Equal(2, decision.GetProperty("motion").GetProperty("text_version").GetInt32());
        Assert.Equal(JsonValueKind.Null, decision.GetProperty("vote_event").ValueKind);
        Assert.Equal(2, Assert.Single(decision.GetProperty("objections").EnumerateArray()).GetProperty("integrated_in_version").GetInt32());
    }

    [Fact]
    public async Task R8_R14_the_residents_weight_decides_a_vote_and_the_register_shows_the_popolo_vote_event()
    {
        await MeetingOnTheDayAsync();
        await TableAsync();
        await Problem(Post(_chair, $"{P}/vote", """{"ground":"consent-failed"}"""), HttpStatusCode.Conflict, "R8.consent-first");
        await Ok(Post(_chair, $"{P}/consent-round", ""));
        await Ok(Post(_chair, $"{P}/vote", """{"ground":"consent-failed"}"""));

        await VoteAsync(_bcop, "bcop", "for");
        await VoteAsync(_stadsdeel, "stadsdeel-nieuw-west", "against");
        await VoteAsync(_ymere, "ymere", "for");
        await VoteAsync(_ymere, "ymere", "abstain");   // changed before close
        await Problem(Post(_eigenwijks, $"{P}/vote/ballots", """{"partner":"eigenwijks","choice":"for"}"""), HttpStatusCode.Conflict, "vote.no-mandate");
        await Problem(Post(_ymere, $"{P}/vote/ballots", """{"partner":"bcop","choice":"against"}"""), HttpStatusCode.Forbidden, "forbidden");
        var closed = await Ok(Post(_chair, $"{P}/vote/closing", ""));
        Assert.Equal(["proposal.vote-closed"], closed.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        await Problem(Post(_stadsdeel, $"{P}/vote/ballots", """{"partner":"stadsdeel-nieuw-west","choice":"for"}"""), HttpStatusCode.Conflict, "vote.closed");

        var proposal = await Get(P);
        Assert.Equal("adopted", proposal.GetProperty("status").GetString());
        Assert.Equal("vote", proposal.GetProperty("method").GetString());
        var vote = proposal.GetProperty("vote");
        Assert.Equal(2, vote.GetProperty("electorate").EnumerateArray().Single(e => e.GetProperty("partner").GetString() == "bcop").GetProperty("weight").GetInt32());
        var options = vote.GetProperty("tally").GetProperty("options").EnumerateArray().ToDictionary(o => o.GetProperty("choice").GetString()!);
        Assert.Equal((1, 2), (options["for"].GetProperty("count").GetInt32(), options["for"].GetProperty("weight").GetInt32()));
        Assert.Equal((1, 1), (options["against"].GetProperty("count").GetInt32(), options["against"].GetProperty("weight").GetInt32()));
        Assert.Equal(["ymere"], options["abstain"].GetProperty("partners").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["eigenwijks"], vote.GetProperty("tally").GetProperty("cannotVote").EnumerateArray().Select(p => p.GetString()));
        Assert.True(vote.GetProperty("tally").GetProperty("quorum").GetProperty("met").GetBoolean());
        // The history keeps the changed vote.
        var ymereVotes = vote.GetProperty("votes").EnumerateArray().Where(v => v.GetProperty("partner").GetString() == "ymere").ToList();
        Assert.Equal(["for", "abstain"], ymereVotes.Select(v => v.GetProperty("choice").GetString()));
        Assert.Equal("for", ymereVotes[1].GetProperty("replaces").GetString());

        var voteEvent = Assert.Single((await Get($"{Base}/decisions")).GetProperty("decisions").EnumerateArray()).GetProperty("vote_event");
        Assert.Equal("pass", voteEvent.GetProperty("result").GetString());
        var counts = voteEvent.GetProperty("counts").EnumerateArray().ToDictionary(c => c.GetProperty("option").GetString()!);
        Assert.Equal((1, 2), (counts["yes"].GetProperty("value").GetInt32(), counts["yes"].GetProperty("weight").GetInt32()));
        Assert.Equal(1, counts["no"].GetProperty("value").GetInt32());
        Assert.Equal(1, counts["abstain"].GetProperty("value").GetInt32());
        var votes = voteEvent.GetProperty("votes").EnumerateArray().ToDictionary(v => v.GetProperty("voter_id").GetString()!, v => v.GetProperty("option").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["bcop"] = "yes", ["stadsdeel-nieuw-west"] = "no", ["ymere"] = "abstain" }, votes);
    }

    [Fact]
    public async Task R8_a_tie_is_rejected_and_without_the_residents_collective_present_a_vote_is_void()
    {
        await MeetingOnTheDayAsync(present: false);
        await Ok(Post(_chair, $"{Base}/meetings/{Meeting}/attendance", $$"""{"person":"{{_stadsdeelPerson}}","partner":"stadsdeel-nieuw-west"}"""));
        await Ok(Post(_chair, $"{Base}/meetings/{Meeting}/attendance", $$"""{"person":"{{_ymerePerson}}","partner":"ymere"}"""));
        await TableAsync();
        await Ok(Post(_chair, $"{P}/vote", """{"ground":"budget-deadlock"}"""));   // R13: straight to the vote
        await VoteAsync(_stadsdeel, "stadsdeel-nieuw-west", "for");
        await Problem(Post(_bcop, $"{P}/vote/ballots", """{"partner":"bcop","choice":"for"}"""), HttpStatusCode.Conflict, "vote.not-present");
        await Ok(Post(_chair, $"{P}/vote/closing", ""));
        Assert.Equal("void", (await Get(P)).GetProperty("status").GetString());
        Assert.Empty((await Get($"{Base}/decisions")).GetProperty("decisions").EnumerateArray());

        // BCOP arrives; round 2: 2 (BCOP) against 1 + 1 is a tie.
        await Ok(Post(_chair, $"{Base}/meetings/{Meeting}/attendance", $$"""{"person":"{{_bcopPerson}}","partner":"bcop"}"""));
        await Ok(Post(_chair, $"{P}/vote", """{"ground":"budget-deadlock"}"""));
        await VoteAsync(_bcop, "bcop", "against");
        await VoteAsync(_stadsdeel, "stadsdeel-nieuw-west", "for");
        await VoteAsync(_ymere, "ymere", "for");
        await Ok(Post(_chair, $"{P}/vote/closing", ""));

        var proposal = await Get(P);
        Assert.Equal("rejected", proposal.GetProperty("status").GetString());
        Assert.Equal(2, proposal.GetProperty("vote").GetProperty("round").GetInt32());
        var earlier = Assert.Single(proposal.GetProperty("earlierVotes").EnumerateArray());
        Assert.Equal("void", earlier.GetProperty("tally").GetProperty("outcome").GetString());
        Assert.False(earlier.GetProperty("tally").GetProperty("quorum").GetProperty("residentsCollectivePresent").GetBoolean());
        Assert.Equal("fail", Assert.Single((await Get($"{Base}/decisions")).GetProperty("decisions").EnumerateArray()).GetProperty("motion").GetProperty("result").GetString());
    }

    [Fact]
    public async Task R16_a_representative_with_a_registered_interest_is_recused_and_the_partner_does_not_vote()
    {
        await Ok(Post(_ymere, $"{Base}/interest-declarations",
            $$"""{"person":"{{_ymerePerson}}","kind":"subsidy-flow","description":"Subsidie van het stadsdeel voor een buurtproject","partner":"stadsdeel-nieuw-west"}"""));
        await MeetingOnTheDayAsync();
        await TableAsync();
        await Ok(Post(_chair, $"{P}/consent-round", ""));
        var opened = await Ok(Post(_chair, $"{P}/vote", """{"ground":"consent-failed"}"""));
        Assert.Equal(["proposal.vote-opened", "proposal.representative-recused"], opened.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        await Problem(Post(_ymere, $"{P}/vote/ballots", """{"partner":"ymere","choice":"for"}"""), HttpStatusCode.Conflict, "R16.recused");
        // Declared at the table: the chair records it, or the person themselves.
        await Problem(Post(_stadsdeel, $"{P}/vote/recusals", $$"""{"person":"{{_bcopPerson}}","reason":"Iets"}"""), HttpStatusCode.Forbidden, "forbidden");
        await Ok(Post(_stadsdeel, $"{P}/vote/recusals", """{"reason":"Mijn partner woont aan het pad"}"""));

        var proposal = await Get(P);
        var recusals = proposal.GetProperty("recusals").EnumerateArray().ToList();
        Assert.Equal(["interest-register", "declared-at-the-table"], recusals.Select(r => r.GetProperty("ground").GetString()));
        Assert.Equal(_ymerePerson.Value, recusals[0].GetProperty("person").GetString());
        Assert.Equal(JsonValueKind.String, recusals[0].GetProperty("declaration").ValueKind);
        var cannotVote = proposal.GetProperty("vote").GetProperty("tally").GetProperty("cannotVote").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal(["stadsdeel-nieuw-west", "ymere", "eigenwijks"], cannotVote);
    }

    [Fact]
    public async Task R9_a_declined_decision_becomes_advice_its_motivation_goes_overdue_once_and_is_answered_late()
    {
        await MeetingOnTheDayAsync();
        await TableAsync();
        await Ok(Post(_chair, $"{P}/consent-round", ""));
        await Ok(Post(_chair, $"{P}/consent", ""));
        await Problem(Post(_ymere, $"{P}/advice", """{"partner":"ymere","reason":"Niet ons werk"}"""), HttpStatusCode.Conflict, "R9.not-concerned");
        await Problem(Post(_ymere, $"{P}/advice", """{"partner":"stadsdeel-nieuw-west","reason":"Namens een ander"}"""), HttpStatusCode.Forbidden, "forbidden");
        await Ok(Post(_stadsdeel, $"{P}/advice", """{"partner":"stadsdeel-nieuw-west","reason":"Geen budget dit jaar"}"""));

        var proposal = await Get(P);
        Assert.Equal("advice-pending", proposal.GetProperty("status").GetString());
        var advice = Assert.Single(proposal.GetProperty("advice").EnumerateArray());
        var declinedAt = Instant.FromDateTimeOffset(advice.GetProperty("declinedAt").GetDateTimeOffset());
        var due = Instant.FromDateTimeOffset(advice.GetProperty("due").GetDateTimeOffset());
        Assert.Equal(declinedAt.InZone(Amsterdam).LocalDateTime.PlusDays(28), due.InZone(Amsterdam).LocalDateTime);
        Assert.Single((await Get($"{Base}/advice?status=pending")).GetProperty("advice").EnumerateArray());
        Assert.Empty((await Get($"{Base}/advice?status=overdue")).GetProperty("advice").EnumerateArray());

        await Advance("P29D");
        Assert.Equal("overdue", Assert.Single((await Get($"{Base}/advice?status=overdue")).GetProperty("advice").EnumerateArray()).GetProperty("status").GetString());
        var first = await Ok(Post(_admin, $"{P}/advice/overdue-check", ""));
        Assert.Equal(["proposal.advice-motivation-overdue"], first.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        var second = await Ok(Post(_admin, $"{P}/advice/overdue-check", ""));
        Assert.Empty(second.GetProperty("events").EnumerateArray());
        Assert.Equal("advice-overdue", (await Get(P)).GetProperty("status").GetString());

        await Ok(Post(_stadsdeel, $"{P}/advice/stadsdeel-nieuw-west/motivation", """{"motivation":"Het budget gaat naar veiligheid bij scholen.","followsAdvice":false}"""));
        var answered = Assert.Single((await Get($"{Base}/advice?status=answered")).GetProperty("advice").EnumerateArray());
        Assert.True(answered.GetProperty("late").GetBoolean());
        Assert.False(answered.GetProperty("followsAdvice").GetBoolean());
        Assert.Equal("advice-answered", (await Get(P)).GetProperty("status").GetString());
        await Problem(_admin.GetAsync(new Uri($"{Base}/advice?status=open", UriKind.Relative)), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task A_proposal_and_a_refusal_under_R9_on_behalf_of_a_partner_are_refused_unless_that_partners_representative_makes_them()
    {
        await MeetingOnTheDayAsync();
        string Tabling(string proposer) =>
            $$"""{"id":"avondverlichting","meeting":"{{Meeting}}","item":"verlichting","title":"Licht","text":"Licht.","partner":"bcop"{{proposer}},"concerns":["stadsdeel-nieuw-west"]}""";

        // Issue 12 §9: the chair enters a proposal for BCOP in the name of Ymere's representative, or in the chair's own name.
        var refused = await Problem(Post(_chair, $"{Base}/proposals", Tabling($$""","proposer":"{{_ymerePerson}}" """)),
            HttpStatusCode.Conflict, "person.not-a-representative");
        Assert.Contains(_ymerePerson.Value, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problem(Post(_chair, $"{Base}/proposals", Tabling("")), HttpStatusCode.Conflict, "person.not-a-representative");
        using (var missing = await _admin.GetAsync(new Uri(P, UriKind.Relative))) Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await Ok(Post(_chair, $"{Base}/proposals", Tabling($$""","proposer":"{{_bcopPerson}}" """)));
        Assert.Equal(_bcopPerson.Value, (await Get(P)).GetProperty("proposer").GetProperty("person").GetString());

        await Ok(Post(_chair, $"{P}/consent-round", ""));
        await Ok(Post(_chair, $"{P}/consent", ""));
        // R9: the chair records that the Stadsdeel will not carry it out, said by a BCOP resident, or by nobody named.
        await Problem(Post(_chair, $"{P}/advice", $$"""{"partner":"stadsdeel-nieuw-west","by":"{{_bcopPerson}}","reason":"Geen budget"}"""),
            HttpStatusCode.Conflict, "person.not-a-representative");
        await Problem(Post(_chair, $"{P}/advice", """{"partner":"stadsdeel-nieuw-west","reason":"Geen budget"}"""),
            HttpStatusCode.Conflict, "person.not-a-representative");
        Assert.Empty((await Get(P)).GetProperty("advice").EnumerateArray());
        await Ok(Post(_chair, $"{P}/advice", $$"""{"partner":"stadsdeel-nieuw-west","by":"{{_stadsdeelPerson}}","reason":"Geen budget"}"""));
        Assert.Single((await Get(P)).GetProperty("advice").EnumerateArray());
    }

    [Fact]
    public async Task An_objection_for_a_partner_is_refused_unless_its_representative_makes_it_and_anyone_present_may_object_in_their_own_name()
    {
        await MeetingOnTheDayAsync();
        await TableAsync();
        await Ok(Post(_chair, $"{P}/consent-round", ""));

        // Issue 12 §9: a BCOP resident recorded as objecting for the Stadsdeel.
        await Problem(Post(_chair, $"{P}/objections", $$"""{"by":"{{_bcopPerson}}","partner":"stadsdeel-nieuw-west","reasons":"Te duur"}"""),
            HttpStatusCode.Conflict, "person.not-a-representative");
        Assert.Empty((await Get(P)).GetProperty("objections").EnumerateArray());
        await Ok(Post(_chair, $"{P}/objections", $$"""{"by":"{{_bcopPerson}}","reasons":"Te donker nog"}"""));
        await Ok(Post(_chair, $"{P}/objections", $$"""{"by":"{{_stadsdeelPerson}}","partner":"stadsdeel-nieuw-west","reasons":"Te duur"}"""));
        var objections = (await Get(P)).GetProperty("objections").EnumerateArray().ToList();
        Assert.Equal(2, objections.Count);
        Assert.Equal("stadsdeel-nieuw-west", objections[1].GetProperty("partner").GetString());
    }

    [Fact]
    public async Task The_chairs_form_for_a_refusal_under_R9_offers_only_the_concerned_partners_representatives_and_refuses_another_speaker()
    {
        await MeetingOnTheDayAsync();
        await TableAsync();
        await Ok(Post(_chair, $"{P}/consent-round", ""));
        await Ok(Post(_chair, $"{P}/consent", ""));
        var email = $"{Guid.NewGuid():N}@example.org";
        await _server.CreateAccountAsync(email, new RoleGrant(Osdorp, Role.Chair));
        using var browser = await _server.CreateSignedInBrowserAsync(email);
        var page = $"/allianties/{_alliance}/vergaderingen/{Meeting}/leiden";

        var html = await browser.GetStringAsync(new Uri(page, UriKind.Relative));
        var speakers = OptionValues(html, "weigering-avondverlichting-wie");
        Assert.Equal([_stadsdeelPerson.Value], speakers);

        using var refused = await browser.PostFormAsync(page, new()
        {
            ["Form.Proposal"] = "avondverlichting", ["Form.Partner"] = "stadsdeel-nieuw-west", ["Form.By"] = _bcopPerson.Value, ["Form.Reason"] = "Geen budget",
        }, "Weigering");
        var answer = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("is geen vertegenwoordiger van Stadsdeel Nieuw-West", answer, StringComparison.Ordinal);
        Assert.Empty((await Get(P)).GetProperty("advice").EnumerateArray());

        using var recorded = await browser.PostFormAsync(page, new()
        {
            ["Form.Proposal"] = "avondverlichting", ["Form.Partner"] = "stadsdeel-nieuw-west", ["Form.By"] = _stadsdeelPerson.Value, ["Form.Reason"] = "Geen budget",
        }, "Weigering");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Single((await Get(P)).GetProperty("advice").EnumerateArray());
    }

    /// <summary>The non-empty option values of the select with HTML id <paramref name="id"/>.</summary>
    private static List<string> OptionValues(string html, string id)
    {
        var select = System.Text.RegularExpressions.Regex.Match(html, $"""<select[^>]*\bid="{id}"[^>]*>(?<inner>.*?)</select>""",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(select.Success, $"no select #{id} on the page");
        return [.. System.Text.RegularExpressions.Regex.Matches(select.Groups["inner"].Value, """<option[^>]*\bvalue="([^"]+)" """.TrimEnd())
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    [Fact]
    public async Task The_proposal_reads_as_it_stood_at_an_earlier_moment()
    {
        await MeetingOnTheDayAsync();
        await TableAsync();
        await Ok(Post(_chair, $"{P}/consent-round", ""));
        // The recorded time is the (simulated) server clock; five minutes into the ten is between the two steps.
        var before = (await NowInAmsterdam()).ToInstant() + Duration.FromMinutes(5);
        await Advance("PT10M");
        await Ok(Post(_chair, $"{P}/consent", ""));

        Assert.Equal("adopted", (await Get(P)).GetProperty("status").GetString());
        Assert.Equal("consent-round", (await Get($"{P}?asOf={Uri.EscapeDataString(before.ToString())}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_secret_vote_shows_who_voted_but_not_what_until_it_closes()
    {
        var current = (await Get($"{Base}/working-agreements"))[0].GetProperty("agreements");
        var agreements = JsonNode.Parse(current.GetRawText())!;
        agreements["secretVotesUntilClose"] = true;
        await Ok(Post(_admin, $"{Base}/working-agreements/amendments",
            new JsonObject { ["agreements"] = agreements, ["decisionReference"] = "Besluit geheime stemming" }.ToJsonString()));
        await MeetingOnTheDayAsync();
        await TableAsync();
        await Ok(Post(_chair, $"{P}/consent-round", ""));
        await Ok(Post(_chair, $"{P}/vote", """{"ground":"consent-failed"}"""));
        await VoteAsync(_bcop, "bcop", "against");

        var open = (await Get(P)).GetProperty("vote");
        Assert.True(open.GetProperty("tally").GetProperty("secretUntilClose").GetBoolean());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("tally").GetProperty("options").ValueKind);
        Assert.Equal(["bcop"], open.GetProperty("tally").GetProperty("voted").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(JsonValueKind.Null, Assert.Single(open.GetProperty("votes").EnumerateArray()).GetProperty("choice").ValueKind);

        await Ok(Post(_chair, $"{P}/vote/closing", ""));
        var closed = (await Get(P)).GetProperty("vote");
        Assert.Equal("against", Assert.Single(closed.GetProperty("votes").EnumerateArray()).GetProperty("choice").GetString());
        Assert.Equal("rejected", closed.GetProperty("tally").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task The_tally_stream_pushes_the_tally_when_a_vote_is_cast()
    {
        await MeetingOnTheDayAsync();
        await TableAsync();
        await Ok(Post(_chair, $"{P}/consent-round", ""));
        await Ok(Post(_chair, $"{P}/vote", """{"ground":"consent-failed"}"""));

        using var anonymous = _server.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await anonymous.GetAsync(new Uri($"{P}/tally/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var first = await NextTallyAsync(reader, timeout.Token);
        Assert.Empty(first.GetProperty("voted").EnumerateArray());
        Assert.Equal(["bcop", "stadsdeel-nieuw-west", "ymere"], first.GetProperty("notYetVoted").EnumerateArray().Select(p => p.GetString()));

        await VoteAsync(_bcop, "bcop", "for");
        var second = await NextTallyAsync(reader, timeout.Token);
        Assert.Equal(["bcop"], second.GetProperty("voted").EnumerateArray().Select(p => p.GetString()));
        // An open (not secret) vote shows the choices and their weight.
        var @for = second.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("choice").GetString() == "for");
        Assert.Equal(2, @for.GetProperty("weight").GetInt32());
    }

    private static async Task<JsonElement> NextTallyAsync(StreamReader reader, CancellationToken ct)
    {
        string? eventName = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) eventName = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "tally") return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
        }
        throw new InvalidOperationException("The stream ended without a tally.");
    }
}
