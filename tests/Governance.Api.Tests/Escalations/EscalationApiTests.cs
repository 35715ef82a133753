using System.Net;
using System.Text.Json;
using Governance.Api.Tests.Commitments;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.EventStore;
using NodaTime;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Escalations;

/// <summary>Disputes over real HTTP (R12): the ladder, its deadlines, the escalation contact's view and advice, as of any moment.</summary>
public sealed class EscalationApiTests(SimulatedClockServer shared) : IClassFixture<SimulatedClockServer>, IAsyncLifetime
{
    private PromiseWorld _world = null!;

    private string Base => _world.Base;

    private string Dispute => $"{Base}/escalations/bankjes";

    private AllianceId Osdorp => _world.Osdorp;

    public async Task InitializeAsync() => _world = await PromiseWorld.FoundAsync(shared.Server);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    /// <summary>Stadsdeel's bench repairs, due tomorrow, overdue five days on; the core group raises a dispute about it.</summary>
    private async Task<DateTimeOffset> RaiseAboutOverdueBenchesAsync()
    {
        await _world.PromiseBenchesAsync((await _world.TodayAsync()).PlusDays(1));
        await _world.AdvanceAsync("P5D");
        await Ok(Post(_world.Admin, $"{Base}/commitments/bankjes-repareren/overdue-check"));
        var raisedAt = await _world.NowAsync();
        var raised = await Ok(Post(_world.CoreGroup, $"{Base}/escalations",
            """{"id":"bankjes","subject":{"kind":"overdue-commitment","reference":"bankjes-repareren"},"reason":"De bankjes zijn nog steeds kapot"}"""));
        Assert.Equal(["escalation.raised", "escalation.step-entered"], raised.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        return raisedAt;
    }

    private static Instant At(DateTimeOffset t) => Instant.FromDateTimeOffset(t);

    [Fact]
    public async Task R12_a_raised_dispute_is_at_step_one_with_a_deadline_14_days_on_and_shows_the_promise_it_is_about_inline()
    {
        var raisedAt = await RaiseAboutOverdueBenchesAsync();

        var detail = await Get(_world.CoreGroup, Dispute);

        var e = detail.GetProperty("escalation");
        Assert.Equal(1, e.GetProperty("step").GetInt32());
        Assert.Equal(4, e.GetProperty("steps").GetInt32());
        Assert.Equal("address each other directly", e.GetProperty("stepDescription").GetString());
        Assert.Equal(_world.CoreGroupPerson.Value, e.GetProperty("raisedBy").GetString());
        // 14 civil days in Amsterdam from the moment it was raised (the command's recorded time).
        var raised = At(e.GetProperty("raisedAt").GetDateTimeOffset());
        Assert.True(raised >= At(raisedAt));
        Assert.Equal(raised.InZone(Amsterdam).LocalDateTime.PlusDays(14).InZoneLeniently(Amsterdam).ToInstant(), At(e.GetProperty("nextDeadline").GetDateTimeOffset()));
        Assert.Equal(["escalation.raised", "escalation.step-entered"], detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("type").GetString()));
        var promise = Assert.Single(detail.GetProperty("commitments").EnumerateArray());
        Assert.Equal("overdue", promise.GetProperty("status").GetString());
        Assert.Equal(["commitment.made", "commitment.became-overdue"], promise.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task R12_a_missed_deadline_moves_the_dispute_up_once_and_as_of_before_it_shows_the_earlier_step()
    {
        await RaiseAboutOverdueBenchesAsync();
        await _world.AdvanceAsync("P15D");
        var beforeSweep = await _world.NowAsync();
        var swept = await Ok(Post(_world.Admin, $"{Dispute}/overdue-check"));
        var again = await Ok(Post(_world.Admin, $"{Dispute}/overdue-check"));

        Assert.Equal(["escalation.step-deadline-missed", "escalation.moved-to-next-step", "escalation.step-entered"],
            swept.GetProperty("events").EnumerateArray().Select(x => x.GetString()));
        Assert.Empty(again.GetProperty("events").EnumerateArray());
        var now = (await Get(_world.Contact, Dispute)).GetProperty("escalation");
        Assert.Equal(2, now.GetProperty("step").GetInt32());
        Assert.Equal(1, Assert.Single(now.GetProperty("missed").EnumerateArray()).GetProperty("step").GetInt32());
        var then = await Get(_world.Contact, $"{Dispute}?asOf={Query(beforeSweep)}");
        Assert.Equal(1, then.GetProperty("escalation").GetProperty("step").GetInt32());
        Assert.Empty(then.GetProperty("escalation").GetProperty("missed").EnumerateArray());
    }

    [Fact]
    public async Task The_escalations_step_clock_across_a_renegotiation_of_the_promise_it_is_about()
    {
        var raisedAt = await RaiseAboutOverdueBenchesAsync();
        var deadline = (await Get(_world.CoreGroup, Dispute)).GetProperty("escalation").GetProperty("nextDeadline").GetDateTimeOffset();
        await _world.AdvanceAsync("P3D");
        await Ok(Post(_world.Stadsdeel, $"{Base}/commitments/bankjes-repareren/renegotiation",
            $$"""{"newDue":"{{Iso((await _world.TodayAsync()).PlusDays(30))}}","reason":"Nieuwe leverancier"}"""));

        // The promise is open again, and the dispute shows that inline; its own deadline has not moved.
        var detail = await Get(_world.CoreGroup, Dispute);
        Assert.Equal(deadline, detail.GetProperty("escalation").GetProperty("nextDeadline").GetDateTimeOffset());
        var promise = Assert.Single(detail.GetProperty("commitments").EnumerateArray());
        Assert.Equal("open", promise.GetProperty("status").GetString());
        Assert.Equal("commitment.due-date-renegotiated", promise.GetProperty("history")[2].GetProperty("type").GetString());

        // Unresolved when its deadline passes, it moves up as agreed; resolving it is the parties' decision.
        await _world.AdvanceAsync("P12D");
        await Ok(Post(_world.Admin, $"{Dispute}/overdue-check"));
        Assert.Equal(2, (await Get(_world.CoreGroup, Dispute)).GetProperty("escalation").GetProperty("step").GetInt32());
        await Ok(Post(_world.Chair, $"{Dispute}/resolution", """{"outcome":"Nieuwe datum afgesproken","settles":["bankjes-repareren"]}"""));
        var resolved = (await Get(_world.CoreGroup, Dispute)).GetProperty("escalation");
        Assert.True(resolved.GetProperty("resolved").GetBoolean());
        Assert.Equal(JsonValueKind.Null, resolved.GetProperty("nextDeadline").ValueKind);
        Assert.True(At(raisedAt) < At(deadline));
    }

    [Fact]
    public async Task An_escalation_contact_sees_only_the_disputes_of_the_alliances_that_assigned_them()
    {
        await RaiseAboutOverdueBenchesAsync();

        var mine = await Get(_world.Contact, "/api/v1/escalations");
        var alliance = Assert.Single(mine.GetProperty("alliances").EnumerateArray());
        Assert.Equal(Osdorp.Value, alliance.GetProperty("alliance").GetString());
        Assert.Equal("bankjes", Assert.Single(alliance.GetProperty("escalations").EnumerateArray()).GetProperty("id").GetString());
        Assert.True(alliance.GetProperty("tenantPosition").GetInt64() > 0);

        // Geuzenveld's contact holds the role in Osdorp too, but Osdorp did not assign them.
        var theirs = await Get(_world.OtherContact, "/api/v1/escalations");
        var geuzenveld = Assert.Single(theirs.GetProperty("alliances").EnumerateArray());
        Assert.Equal(_world.Geuzenveld.Value, geuzenveld.GetProperty("alliance").GetString());
        Assert.Empty(geuzenveld.GetProperty("escalations").EnumerateArray());
        await Problem(_world.OtherContact.GetAsync(new Uri(Dispute, UriKind.Relative)), HttpStatusCode.Forbidden, "forbidden");
        await Problem(_world.OtherContact.GetAsync(new Uri($"{Base}/escalations", UriKind.Relative)), HttpStatusCode.Forbidden, "forbidden");
        await Problem(Post(_world.OtherContact, $"{Dispute}/advice", """{"advice":"Praat met elkaar","solicited":false}"""),
            HttpStatusCode.Forbidden, "escalation-contact.not-assigned");
        await Problem(_world.Anonymous.GetAsync(new Uri("/api/v1/escalations", UriKind.Relative)), HttpStatusCode.Unauthorized, "unauthenticated");
        await Problem(_world.Anonymous.GetAsync(new Uri(Dispute, UriKind.Relative)), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task R12_the_assigned_contact_advises_unsolicited_and_the_advice_is_on_the_timeline()
    {
        await RaiseAboutOverdueBenchesAsync();

        await Ok(Post(_world.Contact, $"{Dispute}/advice", """{"advice":"Spreek binnen een week een datum af","solicited":false}"""));

        var advice = (await Get(_world.Chair, Dispute)).GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("escalation.advice-given", advice.GetProperty("type").GetString());
        Assert.Equal(_world.ContactPerson.Value, advice.GetProperty("data").GetProperty("by").GetString());
        Assert.False(advice.GetProperty("data").GetProperty("solicited").GetBoolean());
        Assert.Equal("escalation-contact", advice.GetProperty("role").GetString());
    }

    [Fact]
    public async Task On_request_a_dispute_moves_up_and_past_the_last_step_it_is_refused()
    {
        await RaiseAboutOverdueBenchesAsync();
        foreach (var _ in Enumerable.Range(0, 3))
            await Ok(Post(_world.CoreGroup, $"{Dispute}/next-step", """{"reason":"Geen reactie"}"""));

        Assert.Equal(4, (await Get(_world.CoreGroup, Dispute)).GetProperty("escalation").GetProperty("step").GetInt32());
        await Problem(Post(_world.CoreGroup, $"{Dispute}/next-step", """{"reason":"Verder"}"""), HttpStatusCode.Conflict, "R12.no-further-step");
        await Problem(Post(_world.CoreGroup, $"{Base}/escalations",
            """{"id":"ander","subject":{"kind":"overdue-commitment","reference":"bestaat-niet"},"reason":"Kapot"}"""), HttpStatusCode.Conflict, "escalation.reference-unknown");
        await Problem(Post(_world.CoreGroup, $"{Base}/escalations/onbekend/next-step", """{"reason":"Verder"}"""), HttpStatusCode.NotFound, "escalation.unknown");
    }

    [Fact]
    public async Task A_dispute_about_a_decision_not_carried_out_shows_the_proposals_events_inline_and_an_unknown_proposal_is_refused()
    {
        // The proposal is another slice's stream: its tabling is appended here as that slice would record it.
        var store = _world.Server.Services.GetRequiredService<Ledger>();
        var tabled = new ProposalTabled(ProposalId.Parse("speeltuin-2026"), MeetingId.Parse("2026-05-12-wijkalliantie"), AgendaItemId.Parse("speeltuin"),
            "Speeltuin opknappen", "De speeltuin wordt opgeknapt", PartnerId.Parse("bcop"), _world.CoreGroupPerson,
            [PartnerId.Parse("stadsdeel-nieuw-west")], false, 1, Instant.FromDateTimeOffset(await _world.NowAsync()));
        await store.AppendAsync(Osdorp.Value, "proposal-speeltuin-2026", ExpectedVersion.NoStream, [new EventData(tabled, EventMetadata.None)]);

        await Problem(Post(_world.CoreGroup, $"{Base}/escalations",
            """{"id":"besluit","subject":{"kind":"decision-not-executed","reference":"bestaat-niet"},"reason":"Niet uitgevoerd"}"""),
            HttpStatusCode.Conflict, "escalation.reference-unknown");
        await Ok(Post(_world.CoreGroup, $"{Base}/escalations",
            """{"id":"besluit","subject":{"kind":"decision-not-executed","reference":"speeltuin-2026"},"reason":"Niet uitgevoerd"}"""));

        var detail = await Get(_world.CoreGroup, $"{Base}/escalations/besluit");
        var proposal = Assert.Single(detail.GetProperty("proposals").EnumerateArray());
        Assert.Equal("speeltuin-2026", proposal.GetProperty("id").GetString());
        Assert.Equal(["proposal.tabled"], proposal.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("type").GetString()));
        Assert.Empty(detail.GetProperty("commitments").EnumerateArray());
    }
}
