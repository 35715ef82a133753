using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.EventStore;
using Governance.Projections.Proposals;
using Marten;
using NodaTime;

namespace Governance.Projections.Tests;

/// <summary>The proposal and advice documents (inline): written with the append, the same as a live fold, and the same after a rebuild.</summary>
public sealed class ProposalProjectionTests : ProjectionDatabase
{
    private const string Tenant = "osdorp-de-punt";
    private static readonly AllianceId Alliance = AllianceId.Parse(Tenant);
    private static readonly PartnerId Bcop = PartnerId.Parse("bcop");
    private static readonly PartnerId Ymere = PartnerId.Parse("ymere");
    private static readonly PartnerId Stadsdeel = PartnerId.Parse("stadsdeel");
    private static readonly PersonId Fatima = PersonId.Parse("p-000000000001");
    private static readonly PersonId Sanne = PersonId.Parse("p-000000000002");
    private static readonly PersonId Pieter = PersonId.Parse("p-000000000003");
    private static readonly MeetingId Meeting = MeetingId.Parse("2026-05-12");

    private Instant Now => Instant.FromDateTimeOffset(Clock.GetUtcNow());

    private ProposalQueries Queries => new(Store);

    private void Later(int minutes = 1) => Clock.Now = Clock.Now.AddMinutes(minutes).AddTicks(1234);   // ticks: finer than PostgreSQL keeps

    private async Task Append(ProposalId proposal, params ProposalEvent[] events) =>
        await Store.AppendAsync(Tenant, proposal.StreamId, ExpectedVersion.Any, [.. events.Select(e => new EventData(e, EventMetadata.None))]);

    private static Electorate Electorate(bool present = true) => new(1, Majority.Default, Quorum.Default, false,
        [new(Bcop, PartnerBody.Residents, 2, true, present), new(Ymere, PartnerBody.Professional, 1, false, present), new(Stadsdeel, PartnerBody.Professional, 1, false, present)],
        [new(Fatima, Bcop, true), new(Sanne, Ymere, true), new(Pieter, Stadsdeel, true)]);

    private async Task Table(ProposalId id, string title) =>
        await Append(id, new ProposalTabled(id, Meeting, AgendaItemId.Parse("verlichting"), title, "Twee lantaarns.", Bcop, Fatima, [Stadsdeel, Ymere], false, 1, Now));

    /// <summary>Everything a proposal's record holds: versions, contributions, an objection tested and resolved, a void vote, recusal, a vote, advice.</summary>
    private async Task<ProposalId> FullHistory()
    {
        var id = ProposalId.Parse("lantaarns");
        await Table(id, "Lantaarns");
        Later();
        await Append(id, new ConsentRoundOpened(1, Now), new ContributionRecorded(1, ContributionKind.Question, Sanne, Ymere, "Wat kost het?", 1));
        Later();
        await Append(id, new ObjectionRaised(1, Pieter, Stadsdeel, "Te duur.", 1));
        Later();
        await Append(id, new ObjectionTested(1, ObjectionFinding.ValidObjection, "Klopt."), new ProposalAmended(2, "Eén lantaarn.", "Goedkoper.", Now),
            new ObjectionResolved(1, ObjectionResolution.Amendment, "", 2, null, null));
        Later();
        await Append(id, new ObjectionRaised(2, Sanne, Ymere, "Wie betaalt het onderhoud?", 2), new ObjectionTested(2, ObjectionFinding.ValidObjection, ""),
            new ObjectionResolved(2, ObjectionResolution.Deferral, "Komt terug in juni.", null, Sanne, new LocalDate(2026, 6, 9)));
        Later();
        await Append(id, new VoteOpened(1, VoteGround.ConsentFailed, 2, Electorate(present: false), Now));
        Later();
        await Append(id, new VoteClosed(1, VoteOutcome.Void, 2, 0, 0, 0, 0, 0, 0, new QuorumStatus(0, 3, false, false), 1, Now));
        Later();
        await Append(id, new VoteOpened(2, VoteGround.ConsentFailed, 2, Electorate(), Now), new VoteCast(Bcop, Fatima, VoteChoice.For, null, Now));
        Later();
        await Append(id, new VoteCast(Ymere, Sanne, VoteChoice.Against, null, Now));
        await Append(id, new VoteCast(Ymere, Sanne, VoteChoice.Abstain, VoteChoice.Against, Now));
        await Append(id, new VoteCast(Stadsdeel, Pieter, VoteChoice.Against, null, Now));
        await Append(id, new RepresentativeRecused(Pieter, Stadsdeel, RecusalGround.DeclaredAtTheTable, null, "Buurman van de leverancier.", true));
        Later();
        await Append(id, new VoteClosed(2, VoteOutcome.Adopted, 2, 1, 2, 0, 0, 1, 1, new QuorumStatus(3, 3, true, true), 1, Now));
        Later(60);
        await Append(id, new ExecutionDeclined(Stadsdeel, Pieter, "Geen budget.", Now, Now + Duration.FromDays(28), 1));
        Later(60);
        await Append(id, new ExecutionDeclined(Ymere, Sanne, "Geen tijd.", Now, Now + Duration.FromDays(28), 1));
        Later(60 * 24 * 30);
        await Append(id, new AdviceMotivationOverdue(Stadsdeel, Now - Duration.FromDays(2), Now));
        Later();
        await Append(id, new AdviceMotivationRecorded(Ymere, Sanne, "Volgend jaar.", false, Now, true));
        return id;
    }

    private string Json(object value) => Documents.Options.Serializer().ToJson(value);

    [Fact]
    public async Task The_document_is_written_with_the_append_and_reads_as_the_live_fold_of_the_stream()
    {
        var id = await FullHistory();

        // No daemon has run: inline documents are written in the appending transaction.
        await using var session = Documents.QuerySession(Tenant);
        var stored = await session.LoadAsync<ProposalDocument>(id.StreamId);
        Assert.NotNull(stored);
        var events = await Store.ReadStreamAsync(Tenant, id.StreamId);
        ProposalDocument? folded = null;
        foreach (var e in events) folded = ProposalDocument.Apply(folded, id.StreamId, (ProposalEvent)e.Data, e.StreamVersion, e.RecordedAt);
        Assert.Equal(Json(folded!), Json(stored));

        Assert.Equal(("advice-overdue", true, 23L), (stored.Status, stored.Decided, stored.StreamVersion));
        Assert.Equal(events[^1].StreamVersion, stored.StreamVersion);
        // The envelope's time, to the microsecond PostgreSQL keeps, as a live fold reads it.
        Assert.Equal(Instant.FromDateTimeOffset(events[2].RecordedAt), stored.Contributions[0].RecordedAt);

        // The state survives JSON: the decider's own tally and status from the document are the fold's.
        var view = stored.ToView();
        var live = (await Queries.GetAsync(Alliance, id, DateTimeOffset.MaxValue))!;
        Assert.Equal(Json(ProposalStateData.From(live.State)), Json(ProposalStateData.From(view.State)));
        Assert.Equal(Json(live.State.Tally!), Json(view.State.Tally!));
        Assert.Equal(live.State.Status, view.State.Status);
        Assert.Equal(2, view.Rounds.Count);
        Assert.Equal(VoteOutcome.Void, view.Rounds[0].Closed!.Outcome);
        Assert.Single(view.Recusals, r => r.VoidsVote && r.Round == 2);
        Assert.Equal(["overdue", "answered"], view.Advice.Select(a => a.StatusAt(Now)));
        Assert.Equal((Sanne, new LocalDate(2026, 6, 9)), (view.Objections[1].Owner!.Value, view.Objections[1].Due!.Value));
    }

    [Fact]
    public async Task A_rebuild_gives_the_same_proposal_and_advice_documents_as_the_appends_did()
    {
        await FullHistory();
        await Table(ProposalId.Parse("bankjes"), "Bankjes");
        await Append(ProposalId.Parse("bankjes"), new ProposalDeferred("Eerst de begroting.", MeetingId.Parse("2026-06-09"), Now));
        async Task<(string, string)> Snapshot()
        {
            await using var session = Documents.QuerySession(Tenant);
            var proposals = await session.Query<ProposalDocument>().OrderBy(d => d.Id).ToListAsync();
            var advice = await session.Query<AdviceDocument>().OrderBy(d => d.Id).ToListAsync();
            Assert.Equal(2, proposals.Count);
            Assert.Equal(2, advice.Count);
            return (Json(proposals), Json(advice));
        }
        var before = await Snapshot();

        using var daemon = await Documents.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync("proposals", TimeSpan.FromSeconds(60), CancellationToken.None);
        await daemon.RebuildProjectionAsync("advice", TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task Lists_page_through_the_documents_with_the_total()
    {
        for (var i = 1; i <= 5; i++)
        {
            var id = ProposalId.Parse($"voorstel-{i}");
            await Table(id, $"Voorstel {i}");
            Later();
            if (i % 2 == 1) await Append(id, new ConsentRoundOpened(1, Now), new ConsentReached(1, Now));
            Later();
        }

        var (first, total) = await Queries.ListAsync(Alliance, 1, 2);
        Assert.Equal(5, total);
        Assert.Equal(["voorstel-1", "voorstel-2"], first.Select(p => p.Id.Value));
        var (last, _) = await Queries.ListAsync(Alliance, 3, 2);
        Assert.Equal(["voorstel-5"], last.Select(p => p.Id.Value));
        var (beyond, counted) = await Queries.ListAsync(Alliance, 4, 2);
        Assert.Equal((0, 5L), (beyond.Count, counted));   // past the end: no rows, and still the total

        var (decisions, decided) = await Queries.DecisionsAsync(Alliance, 1, 2, newestFirst: true);
        Assert.Equal(3, decided);
        Assert.Equal(["voorstel-5", "voorstel-3"], decisions.Select(p => p.Id.Value));
        var (inOrder, _) = await Queries.DecisionsAsync(Alliance, 1, 10, newestFirst: false);
        Assert.Equal(["voorstel-1", "voorstel-3", "voorstel-5"], inOrder.Select(p => p.Id.Value));
        var (undecided, open) = await Queries.UndecidedAsync(Alliance, 1, 10);
        Assert.Equal(2, open);
        Assert.Equal(["voorstel-4", "voorstel-2"], undecided.Select(p => p.Id.Value));
        Assert.Equal(5, (await Queries.ForMeetingAsync(Alliance, Meeting)).Count);
        Assert.Empty(await Queries.ForMeetingAsync(Alliance, MeetingId.Parse("2026-06-09")));
    }

    [Fact]
    public async Task Advice_is_filtered_by_its_status_at_the_moment_asked_and_awaiting_motivation_reads_as_it_stood_on_a_day_R9()
    {
        var id = await FullHistory();
        var declinedStadsdeel = (await Store.ReadStreamAsync(Tenant, id.StreamId)).Single(e => e.Data is ExecutionDeclined { Partner.Value: "stadsdeel" }).RecordedAt;
        var motivated = (await Store.ReadStreamAsync(Tenant, id.StreamId)).Single(e => e.Data is AdviceMotivationRecorded).RecordedAt;

        async Task<string[]> Status(string? status, Instant at) =>
            [.. (await Queries.AdviceAsync(Alliance, status, at, 1, 50)).Items.Select(r => $"{r.Advice.Partner}:{r.Title}")];
        Assert.Equal(["stadsdeel:Lantaarns"], await Status("overdue", Now));
        Assert.Equal(["ymere:Lantaarns"], await Status("answered", Now));
        Assert.Empty(await Status("pending", Now));
        Assert.Equal(2, (await Queries.AdviceAsync(Alliance, null, Now, 1, 50)).Total);

        // Now: only the Stadsdeel's waits. As of the moment after the Ymere declined (before the overdue mark): both wait, pending.
        Assert.Equal([("stadsdeel", "overdue")], (await Queries.AwaitingMotivationAsync(Alliance)).Select(r => (r.Advice.Partner.Value, r.StatusAt(Now))));
        var asOf = motivated.AddDays(-30);
        var then = await Queries.AwaitingMotivationAsync(Alliance, asOf);
        Assert.Equal([("stadsdeel", "pending"), ("ymere", "pending")], then.Select(r => (r.Advice.Partner.Value, r.StatusAt(Instant.FromDateTimeOffset(asOf)))));
        // The same as folding the stream as of then.
        var folded = (await Queries.GetAsync(Alliance, id, asOf))!.Advice;
        Assert.Equal(folded.Select(a => (a.Partner.Value, a.StatusAt(Instant.FromDateTimeOffset(asOf)))),
            then.Select(r => (r.Advice.Partner.Value, r.StatusAt(Instant.FromDateTimeOffset(asOf)))));
        // Before the first refusal was recorded there was nothing to answer; at that very moment there was.
        Assert.Empty(await Queries.AwaitingMotivationAsync(Alliance, declinedStadsdeel.AddTicks(-10)));
        Assert.Single(await Queries.AwaitingMotivationAsync(Alliance, declinedStadsdeel));
    }
}
