using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Api.Demo;
using Governance.Api.Tests.Alliances;
using Governance.Domain;
using Governance.EventStore;
using NodaTime;

namespace Governance.Api.Tests.Demo;

/// <summary>The demo's meetings (issue 4 §4) tell what the core group must be able to show, read back through the API.</summary>
public sealed class DemoStoryTests : IAsyncLifetime
{
    private const string Base = "/api/v1/alliances/osdorp-de-punt";
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
    private GovernanceServer _server = null!;
    private HttpClient _coreGroup = null!;
    private LocalDate _today;

    public async Task InitializeAsync()
    {
        _server = await GovernanceServer.StartAsync(null);
        _today = SystemClock.Instance.GetCurrentInstant().InZone(Amsterdam).Date;
        await ActivatorUtilities.CreateInstance<DemoSeed>(_server.Services).SeedAsync(CancellationToken.None);
        (_coreGroup, _) = await _server.ClientWithRolesAsync("Kerngroep", new RoleGrant(DemoSeed.Osdorp, Role.CoreGroup));
    }

    public async Task DisposeAsync()
    {
        _coreGroup.Dispose();
        await _server.DisposeAsync();
    }

    private string Meeting(string kind, int dayOffset) => $"{kind}-{_today.PlusDays(dayOffset):yyyy-MM-dd}";

    private async Task<JsonElement[]> ChecksAsync(string meeting)
    {
        var compliance = await _coreGroup.GetFromJsonAsync<JsonElement>(new Uri($"{Base}/meetings/{meeting}/compliance", UriKind.Relative));
        return [.. compliance.GetProperty("checks").EnumerateArray()];
    }

    private static JsonElement Check(JsonElement[] checks, string rule, string subject) =>
        Assert.Single(checks, c => c.GetProperty("rule").GetString() == rule && c.GetProperty("subject").GetString() == subject);

    [Fact]
    public async Task Meeting_2_shows_R2_late_for_the_Stadsdeel_plan_shared_12_days_ahead()
    {
        var check = Check(await ChecksAsync(Meeting("alliantie", -70)), "R2", "document:verkeersveiligheidsplan");
        Assert.Equal("late", check.GetProperty("status").GetString());
        Assert.Equal("stadsdeel-nieuw-west", check.GetProperty("responsiblePartner").GetString());
        var lead = check.GetProperty("dueAt").GetDateTimeOffset() - check.GetProperty("doneAt").GetDateTimeOffset();
        Assert.True(lead < TimeSpan.Zero, "shared after its due moment");
        var start = _today.PlusDays(-70).At(new LocalTime(19, 30)).InZoneLeniently(Amsterdam).ToDateTimeOffset();
        Assert.Equal(12, (start - check.GetProperty("doneAt").GetDateTimeOffset()).Days);
    }

    [Fact]
    public async Task Meeting_2_shows_R3_late_for_the_Ymere_item_which_the_chair_deferred_to_meeting_3()
    {
        var check = Check(await ChecksAsync(Meeting("alliantie", -70)), "R3", "item:groen-binnentuinen");
        Assert.Equal("late", check.GetProperty("status").GetString());
        Assert.Equal("ymere", check.GetProperty("responsiblePartner").GetString());

        var meeting = await _coreGroup.GetFromJsonAsync<JsonElement>(new Uri($"{Base}/meetings/{Meeting("alliantie", -70)}", UriKind.Relative));
        var item = Assert.Single(meeting.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == "groen-binnentuinen");
        Assert.Equal("deferred", item.GetProperty("status").GetString());
        Assert.Equal(Meeting("alliantie", -28), item.GetProperty("deferredTo").GetString());
    }

    [Fact]
    public async Task Meeting_3_shows_R1_late_the_carried_over_item_on_time_and_the_urgent_item_within_R5()
    {
        var checks = await ChecksAsync(Meeting("alliantie", -28));
        Assert.Equal("late", Check(checks, "R1", "meeting").GetProperty("status").GetString());
        Assert.Equal("on-time", Check(checks, "R3", "item:groen-binnentuinen").GetProperty("status").GetString());
        Assert.Equal("on-time", Check(checks, "R5", "item:overlast-na-brand").GetProperty("status").GetString());

        var meeting = await _coreGroup.GetFromJsonAsync<JsonElement>(new Uri($"{Base}/meetings/{Meeting("alliantie", -28)}", UriKind.Relative));
        var urgent = Assert.Single(meeting.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == "overlast-na-brand");
        Assert.Equal("urgent", urgent.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_upcoming_meeting_has_its_draft_agenda_on_time_and_the_Stadsdeel_document_due_in_2_days()
    {
        var checks = await ChecksAsync(Meeting("alliantie", 16));
        Assert.Equal("on-time", Check(checks, "R1", "meeting").GetProperty("status").GetString());
        var missing = Check(checks, "R2", "item:bankjes");
        Assert.Equal("pending", missing.GetProperty("status").GetString());
        Assert.Equal("stadsdeel-nieuw-west", missing.GetProperty("responsiblePartner").GetString());
        var due = Instant.FromDateTimeOffset(missing.GetProperty("dueAt").GetDateTimeOffset()).InZone(Amsterdam).LocalDateTime;
        Assert.Equal(_today.PlusDays(2).At(new LocalTime(19, 30)), due);
    }

    [Fact]
    public async Task The_last_residents_meeting_shows_R6_late_for_flyers_10_days_ahead()
    {
        var checks = await ChecksAsync(Meeting("bewoners", -40));
        Assert.Equal("late", Check(checks, "R6", "channel:flyers").GetProperty("status").GetString());
        Assert.Equal("on-time", Check(checks, "R6", "channel:social-media").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_story_is_recorded_at_the_moments_it_tells_of_and_the_ledger_verifies()
    {
        var store = _server.Services.GetRequiredService<PostgresEventStore>();
        var events = await store.ReadStreamAsync(DemoSeed.Osdorp.Value, "meeting-" + Meeting("alliantie", -70));
        var shared = Assert.Single(events, e => e.Type == "meeting.document-shared" && e.Data.Contains("verkeersveiligheidsplan", StringComparison.Ordinal));
        var expected = _today.PlusDays(-82).At(new LocalTime(15, 10)).InZoneLeniently(Amsterdam).ToDateTimeOffset();
        Assert.Equal(expected, shared.RecordedAt);
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.RecordedAt <= p.Second.RecordedAt), "recorded times never run backwards");

        var report = Assert.Single(await LedgerVerifier.VerifyAsync(_server.Services.GetRequiredService<Npgsql.NpgsqlDataSource>(), DemoSeed.Osdorp.Value));
        Assert.True(report.IsIntact, report.Problem?.Reason);
    }
}
