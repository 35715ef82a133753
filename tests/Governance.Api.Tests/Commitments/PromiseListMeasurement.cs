using System.Diagnostics;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.EventStore;
using NodaTime;
using Xunit.Abstractions;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Commitments;

/// <summary>A fact that runs only when <c>GOVERNANCE_MEASURE=1</c>: a measurement to read, not a timed test that can fail.</summary>
public sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("GOVERNANCE_MEASURE") != "1") Skip = "A measurement: run with GOVERNANCE_MEASURE=1.";
    }
}

/// <summary>
/// How long the promise reads take and how much they send with 2,183 promises (issue 10 §5). Run:
/// <c>GOVERNANCE_MEASURE=1 dotnet test tests/Governance.Api.Tests -c Release --filter FullyQualifiedName~PromiseListMeasurement --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class PromiseListMeasurement(ITestOutputHelper output)
{
    private const int Promises = 2183;

    [MeasurementFact]
    public async Task The_promise_reads_with_2183_promises()
    {
        await using var world = await PromiseWorld.StartAsync();
        var ledger = world.Server.Services.GetRequiredService<Ledger>();
        var today = await world.TodayAsync();
        var partners = new[] { "bcop", "stadsdeel-nieuw-west", "ymere" }.Select(PartnerId.Parse).ToArray();
        var seeding = Stopwatch.StartNew();
        for (var i = 0; i < Promises; i++)
        {
            var id = CommitmentId.Parse($"belofte-{i:D5}");
            var due = today.PlusDays(i % 120 - 60);   // half of them due in the past
            var madeAt = Instant.FromDateTimeOffset(await world.NowAsync()) - Duration.FromDays(90);
            var events = new List<EventData>
            {
                new(new CommitmentMade(id, partners[i % partners.Length], world.StadsdeelPerson, $"Belofte nummer {i} over de buurt",
                    due, CommitmentSource.InDecision("speeltuin-2026"), madeAt, madeAt), EventMetadata.None),
            };
            if (i % 6 == 0) events.Add(new EventData(new CommitmentProgressReported("Er is een begin gemaakt.", madeAt), EventMetadata.None));
            if (i % 3 == 0)
                events.Add(new EventData(new CommitmentFulfilled("Gedaan", null, madeAt, due, OnTime: true), EventMetadata.None));
            await ledger.AppendAsync(Osdorp.Value, id.StreamId, ExpectedVersion.NoStream, events);
        }
        output.WriteLine($"seeded {Promises} promises in {seeding.Elapsed.TotalSeconds:0.0} s");
        // A day later, so that "as of" the end of seeding is a read of the past with every promise in it.
        var seeded = await world.NowAsync();
        await world.AdvanceAsync("P1D");

        foreach (var path in new[]
        {
            $"{Base}/commitments",
            $"{Base}/commitments?status=overdue",
            $"{Base}/commitments?partner=ymere&status=open",
            $"{Base}/partners/stadsdeel-nieuw-west/promises",
            $"{Base}/commitments?asOf={Query(seeded)}",
            $"{Base}/commitments?status=overdue&asOf={Query(seeded)}",
            "/allianties/osdorp-de-punt/beloftes",
        })
        {
            await Measure(world, path);
        }
    }

    private async Task Measure(PromiseWorld world, string path)
    {
        var times = new List<double>();
        long bytes = 0;
        for (var run = 0; run < 6; run++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await world.Anonymous.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsByteArrayAsync();
            clock.Stop();
            Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
            bytes = body.Length;
            if (run > 0) times.Add(clock.Elapsed.TotalMilliseconds);   // the first run warms up
        }
        times.Sort();
        output.WriteLine($"GET {path}: median {times[times.Count / 2]:0} ms (min {times[0]:0}, max {times[^1]:0}), {bytes:N0} bytes");
    }
}
