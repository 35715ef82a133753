using System.Text.Json;
using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.YearPlans;
using Governance.EventStore;
using Governance.Projections.Alliances;
using Governance.Projections.Commitments;
using Governance.Projections.Escalations;
using Governance.Projections.YearPlans;
using Marten;
using NodaTime;

namespace Governance.Projections.Tests;

/// <summary>
/// The promise, plan and dispute documents (issue 10 §5): kept inline, rebuilt the same, and read by lists that answer exactly
/// what a live fold of every stream answers, now and as of earlier moments (R10, R19, R11, R12).
/// </summary>
public sealed class PromiseProjectionTests : ProjectionDatabase
{
    private const string Tenant = "osdorp-de-punt";
    private static readonly AllianceId Alliance = AllianceId.Parse(Tenant);
    private static readonly PartnerId Stadsdeel = PartnerId.Parse("stadsdeel-nieuw-west");
    private static readonly PartnerId Ymere = PartnerId.Parse("ymere");
    private static readonly PartnerId Bcop = PartnerId.Parse("bcop");
    private static readonly PersonId Person = PersonId.Parse("p-0000000000aa");
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
    // Day 0 is Monday 5 January 2026 in Amsterdam; every step happens at 10:00 and some ticks, which PostgreSQL drops.
    private static readonly LocalDate Day0 = new(2026, 1, 5);

    private readonly List<CommitmentId> _made = [];

    private CommitmentQueries Queries => new(Store);

    private Instant Now => Instant.FromDateTimeOffset(Clock.GetUtcNow());

    private void OnDay(int day, int hour = 10) =>
        Clock.Now = Day0.PlusDays(day).At(new LocalTime(hour, 0)).InZoneStrictly(Amsterdam).ToDateTimeOffset().AddTicks(day * 7 + 3);

    private static DateTimeOffset EndOf(int day) => Commitment.DueAt(Day0.PlusDays(day)).ToDateTimeOffset().AddTicks(-10);

    private async Task<CommitmentId> Promise(string id, PartnerId owner, int dueDay)
    {
        var commitment = CommitmentId.Parse(id);
        await Decide(commitment, new MakeCommitment(commitment, owner, Person, $"Belofte {id}", Day0.PlusDays(dueDay),
            CommitmentSource.InDecision("speeltuin-2026"), null, Now));
        _made.Add(commitment);
        return commitment;
    }

    private async Task Decide(CommitmentId commitment, CommitmentCommand command)
    {
        var recorded = await Store.ReadStreamAsync(Tenant, commitment.StreamId);
        var state = Commitment.Decider.Fold(recorded.Select(e => (CommitmentEvent)e.Data));
        await Store.AppendAsync(Tenant, commitment.StreamId, ExpectedVersion.Exact(recorded.Count),
            [.. Commitment.Decide(command, state).Select(e => new EventData(e, new EventMetadata("p-0000000000bb", "chair")))]);
    }

    /// <summary>
    /// Three partners' promises over twelve days: kept on time, kept late after the sweeper recorded it overdue, renegotiated
    /// before and after it was overdue (R19), reported not possible (R10), withdrawn, and a dozen due on the same day.
    /// </summary>
    private async Task StoryAsync()
    {
        OnDay(0);
        var onTime = await Promise("a-op-tijd", Stadsdeel, 10);
        var late = await Promise("b-te-laat", Stadsdeel, 3);
        var moved = await Promise("c-verzet", Ymere, 4);
        var movedWhenOverdue = await Promise("d-verzet-na-te-laat", Ymere, 2);
        var notPossible = await Promise("e-lukt-niet", Bcop, 7);
        var withdrawn = await Promise("f-ingetrokken", Bcop, 15);
        // Same due day: the order within it is by id, ordinal ('-' before digits).
        foreach (var id in new[] { "x-2", "x1", "x-10", "x-1", "x", "x-1-a" }) await Promise(id, Stadsdeel, 12);
        OnDay(1);
        await Decide(onTime, new ReportCommitmentProgress("Besteld", Now));
        OnDay(2);
        await Decide(moved, new RenegotiateDueDate(Day0.PlusDays(20), "Leverancier later", Person, Now));
        OnDay(4);
        await Decide(movedWhenOverdue, new RecordCommitmentOverdue(Now));
        OnDay(5);
        await Decide(onTime, new FulfilCommitment("Klaar", null, Now));
        await Decide(late, new RecordCommitmentOverdue(Now));
        OnDay(6);
        await Decide(notPossible, new ReportCommitmentNotPossible("Geen budget", Now));
        OnDay(7);
        await Promise("h-later-gemaakt", Bcop, 9);
        OnDay(8);
        await Decide(late, new FulfilCommitment("Klaar, te laat", "https://example.org/foto.jpg", Now));
        OnDay(9);
        await Decide(movedWhenOverdue, new RenegotiateDueDate(Day0.PlusDays(30), "Nieuwe aannemer", Person, Now));
        OnDay(10);
        await Decide(withdrawn, new WithdrawCommitment("Plein heringericht", Person, Now));
        OnDay(12);
    }

    [Fact]
    public async Task Promises_are_kept_inline_with_their_history_and_derived_fields()
    {
        await StoryAsync();

        await using var session = Documents.QuerySession(Tenant);
        var late = await session.LoadAsync<CommitmentDocument>("commitment-b-te-laat");
        Assert.NotNull(late);
        Assert.Equal(["commitment.made", "commitment.became-overdue", "commitment.fulfilled"], late.History.Select(h => h.Type));
        Assert.Equal(3, late.Version);
        Assert.Equal("fulfilled-late", late.Settlement);
        Assert.Equal(5, late.DaysLateWhenSettled);   // due on day 3, kept on day 8
        Assert.Equal("chair", late.History[0].Role);
        // Recorded times as PostgreSQL keeps them: the clock's extra ticks are gone.
        Assert.Equal(0, late.History[2].RecordedAt.UtcTicks % 10);
        Assert.Equal((await Store.ReadStreamAsync(Tenant, "commitment-b-te-laat"))[2].RecordedAt, late.History[2].RecordedAt);

        var moved = await session.LoadAsync<CommitmentDocument>("commitment-d-verzet-na-te-laat");
        Assert.Null(moved!.OverdueRecordedAt);   // R19: the new date makes it open again
        Assert.Equal("2026-02-04", moved.Due);
        Assert.True(moved.DueSince > moved.RecordedAt);
        Assert.Equal(13, await session.Query<CommitmentDocument>().CountAsync());
    }

    [Fact]
    public async Task A_document_holds_the_events_as_recorded_and_its_view_equals_a_live_fold()
    {
        await StoryAsync();

        foreach (var id in _made)
        {
            var live = await Queries.GetAsync(Alliance, id);
            var listed = Assert.Single((await Queries.ListAsync(Alliance, new CommitmentFilter(), null, Now, 0, 200)).Items, v => v.Id == id);
            Assert.Equal(live!.State, listed.State);
            Assert.Equal(live.StreamVersion, listed.StreamVersion);
            Assert.Equal(live.History, listed.History);
        }
    }

    [Fact]
    public async Task A_rebuild_writes_the_same_documents_as_the_inline_run()
    {
        await StoryAsync();
        await RaiseAndPlanAsync();
        var before = await SnapshotAsync();

        using var daemon = await Documents.BuildProjectionDaemonAsync();
        foreach (var projection in new[] { CommitmentProjection.ProjectionName, YearPlanProjection.ProjectionName, EscalationProjection.ProjectionName })
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal(before, await SnapshotAsync());
        Assert.Contains("Belofte b-te-laat", before, StringComparison.Ordinal);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var session = Documents.QuerySession(Tenant);
        return JsonSerializer.Serialize(new
        {
            commitments = (await session.Query<CommitmentDocument>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal),
            plans = (await session.Query<YearPlanDocument>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal),
            disputes = (await session.Query<EscalationDocument>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal),
        }, DomainJson.Options);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(11)]
    public async Task Lists_and_records_as_of_a_day_answer_what_live_folds_as_of_that_day_answer(int? day)
    {
        await StoryAsync();
        DateTimeOffset? asOf = day is { } d ? EndOf(d) : null;
        var at = Instant.FromDateTimeOffset(asOf ?? Clock.GetUtcNow());
        var folded = new List<CommitmentView>();
        foreach (var id in _made)
            if (await Queries.GetAsync(Alliance, id, asOf) is { } view) folded.Add(view);

        var filters = new List<CommitmentFilter> { new() };
        foreach (var status in Enum.GetValues<CommitmentStatus>()) filters.Add(new CommitmentFilter(Status: status));
        foreach (var partner in new[] { Stadsdeel, Ymere, Bcop })
        {
            filters.Add(new CommitmentFilter(partner));
            filters.Add(new CommitmentFilter(partner, CommitmentStatus.Overdue));
            filters.Add(new CommitmentFilter(partner, CommitmentStatus.Open));
        }
        filters.Add(new CommitmentFilter(Status: CommitmentStatus.Open, DueBy: Day0.PlusDays(12)));
        foreach (var filter in filters)
        {
            var expected = folded
                .Where(v => (filter.Owner is null || v.State.Owner == filter.Owner) && (filter.Status is null || v.State.StatusAt(at) == filter.Status)
                    && (filter.DueBy is null || v.State.Due <= filter.DueBy))
                .OrderBy(v => v.State.Due).ThenBy(v => v.Id.Value, StringComparer.Ordinal).ToList();
            foreach (var size in new[] { 1, 2, 5, 200 })
            {
                for (var skip = 0; skip < Math.Max(1, expected.Count); skip += size)
                {
                    var page = await Queries.ListAsync(Alliance, filter, asOf, Now, skip, size);
                    Assert.Equal(expected.Count, page.Total);
                    var want = expected.Skip(skip).Take(size).ToList();
                    Assert.Equal(want.Select(v => v.Id), page.Items.Select(v => v.Id));
                    Assert.Equal(want.Select(v => v.State), page.Items.Select(v => v.State));
                    Assert.Equal(want.Select(v => v.History), page.Items.Select(v => v.History), new SequenceComparer<LedgerEntry>());
                }
            }
        }

        var records = await Queries.RecordsAsync(Alliance, [Stadsdeel, Ymere, Bcop], asOf, Now);
        foreach (var partner in new[] { Stadsdeel, Ymere, Bcop })
        {
            var states = folded.Where(v => v.State.Owner == partner).Select(v => v.State).ToList();
            var record = records[partner];
            foreach (var status in Enum.GetValues<CommitmentStatus>())
                Assert.Equal(states.Count(s => s.StatusAt(at) == status), record.Counts[status]);
            Assert.Equal(PromiseKeeping.KeepRate(states, at), record.KeepRate);
            Assert.Equal(PromiseKeeping.MedianDaysLate(states, at), record.MedianDaysLate);
        }
    }

    [Fact]
    public async Task As_of_day_6_the_promise_renegotiated_on_day_9_is_overdue_by_its_old_date_and_sorted_by_it()
    {
        await StoryAsync();

        var overdue = await Queries.ListAsync(Alliance, new CommitmentFilter(Ymere, CommitmentStatus.Overdue), EndOf(6), Now, 0, 50);

        var row = Assert.Single(overdue.Items);
        Assert.Equal("d-verzet-na-te-laat", row.Id.Value);
        Assert.Equal(Day0.PlusDays(2), row.State.Due);
        Assert.Equal(2, row.History.Count);   // made, became overdue; not yet the renegotiation
        var all = await Queries.ListAsync(Alliance, new CommitmentFilter(), EndOf(6), Now, 0, 50);
        Assert.Equal("d-verzet-na-te-laat", all.Items[0].Id.Value);
        Assert.DoesNotContain(all.Items, v => v.Id.Value == "h-later-gemaakt");
        Assert.Equal(12, all.Total);
    }

    [Fact]
    public async Task Every_history_entry_carries_its_chain_position()
    {
        await StoryAsync();

        var page = await Queries.ListAsync(Alliance, new CommitmentFilter(Stadsdeel), null, Now, 0, 50);
        var positions = page.Items.SelectMany(v => v.History).Select(h => h.TenantPosition).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Count, positions.Distinct().Count());
    }

    private async Task RaiseAndPlanAsync()
    {
        await Store.AppendAsync(Tenant, Domain.Alliances.Alliance.StreamId, ExpectedVersion.NoStream,
            [new EventData(new AllianceFounded(Alliance, "Wijkalliantie Osdorp de Punt", "Osdorp"), EventMetadata.None)]);
        var plan = YearPlanId.Parse("jaarplan-2026");
        await Store.AppendAsync(Tenant, plan.StreamId, ExpectedVersion.NoStream, [
            new EventData(new YearPlanStarted(plan, "Jaarplan 2026", Now), EventMetadata.None),
            new EventData(new GoalSet(GoalId.Parse("veilig"), GoalHorizon.ShortTerm, "Veilig spelen", Stadsdeel, Day0.PlusDays(300), [], Now), EventMetadata.None),
            new EventData(new GoalSet(GoalId.Parse("zwembad"), GoalHorizon.Dream, "Zwembad", null, null, [], Now), EventMetadata.None)]);
        var dispute = EscalationId.Parse("bankjes");
        var raised = Escalation.Decide(new RaiseEscalation(dispute, Person, new EscalationSubject(EscalationSubjectKind.OverdueCommitment, "b-te-laat"),
            "Nog steeds kapot", EscalationLadder.Default, 1, Now), Escalation.Initial);
        await Store.AppendAsync(Tenant, dispute.StreamId, ExpectedVersion.NoStream, [.. raised.Select(e => new EventData(e, EventMetadata.None))]);
    }

    [Fact]
    public async Task A_dispute_and_a_plan_are_kept_inline_and_a_dispute_knows_the_title_of_its_promise()
    {
        await StoryAsync();
        await RaiseAndPlanAsync();

        await using var session = Documents.QuerySession(Tenant);
        var plan = Assert.Single(await session.Query<YearPlanDocument>().ToListAsync());
        Assert.Equal(("jaarplan-2026", "Jaarplan 2026", 1, 1, 3L), (plan.Plan, plan.Title, plan.Goals, plan.Dreams, plan.Version));
        var disputes = await new EscalationQueries(Store, Queries, new AllianceQueries(Store)).ListAsync(Alliance, null, 0, 50);
        var row = Assert.Single(disputes.Items);
        Assert.Equal("Belofte b-te-laat", row.SubjectTitle);
        Assert.Equal(1, row.State.Step);
        Assert.Equal(2, row.StreamVersion);
        // Before it was raised, there was no dispute.
        Assert.Equal(0, (await new EscalationQueries(Store, Queries, new AllianceQueries(Store)).ListAsync(Alliance, EndOf(11), 0, 50)).Total);
    }

    [Fact]
    public async Task R12_a_dispute_listed_as_of_a_moment_reads_as_its_live_fold_as_of_that_moment()
    {
        await StoryAsync();
        await RaiseAndPlanAsync();
        var beforeMoving = Clock.GetUtcNow().AddHours(1);
        OnDay(13);
        var dispute = EscalationId.Parse("bankjes");
        var recorded = await Store.ReadStreamAsync(Tenant, dispute.StreamId);
        var state = Escalation.Decider.Fold(recorded.Select(e => (EscalationEvent)e.Data));
        await Store.AppendAsync(Tenant, dispute.StreamId, ExpectedVersion.Exact(recorded.Count),
            [.. Escalation.Decide(new MoveEscalationToNextStep(Person, "Geen antwoord", Now), state).Select(e => new EventData(e, EventMetadata.None))]);
        var queries = new EscalationQueries(Store, Queries, new AllianceQueries(Store));

        foreach (DateTimeOffset? asOf in new DateTimeOffset?[] { beforeMoving, null })
        {
            var live = (await queries.GetAsync(Alliance, dispute, asOf))!.Row;
            var listed = Assert.Single((await queries.ListAsync(Alliance, asOf, 0, 50)).Items);
            Assert.Equal((live.Id, live.State, live.Raised, live.StreamVersion, live.SubjectTitle), (listed.Id, listed.State, listed.Raised, listed.StreamVersion, listed.SubjectTitle));
            Assert.Equal(live.Missed, listed.Missed);
            Assert.Equal(asOf is null ? 2 : 1, listed.State.Step);
        }
    }

    [Fact]
    public async Task The_document_tables_with_their_columns_and_indexes_need_no_change_at_the_next_start()
    {
        // Weasel compares duplicated columns and indexes with the database's own: any difference would alter them at every start.
        var migration = await Documents.Storage.Database.CreateMigrationAsync();
        Assert.True(migration.Difference == Weasel.Core.SchemaPatchDifference.None,
            string.Join(", ", migration.Deltas.Where(d => d.Difference != Weasel.Core.SchemaPatchDifference.None).Select(d => $"{d.SchemaObject.Identifier} {d.Difference}")));
        Assert.Contains(migration.Deltas, d => d.SchemaObject.Identifier.Name == "mt_doc_commitmentdocument");
    }

    private sealed class SequenceComparer<T> : IEqualityComparer<IReadOnlyList<T>>
    {
        public bool Equals(IReadOnlyList<T>? x, IReadOnlyList<T>? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(IReadOnlyList<T> obj) => obj.Count;
    }
}
