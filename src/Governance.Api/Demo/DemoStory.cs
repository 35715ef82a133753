using Governance.Api.Commands;
using Governance.Api.Http;
using Governance.Domain;
using Governance.EventStore;
using NodaTime;

namespace Governance.Api.Demo;

/// <summary>
/// The seed's clock: the demo's history is recorded at the moments it tells of (weeks and months ago), so that every
/// lead time, every "as of" read and the ledger's own recorded times agree with the story. It only moves forward and
/// never past the real time, so that what users do after seeding is always recorded later than the story.
/// </summary>
public sealed class StoryClock(TimeProvider real, Instant start) : TimeProvider
{
    private Instant _now = start;

    public override DateTimeOffset GetUtcNow() => _now.ToDateTimeOffset();

    public void MoveTo(Instant at)
    {
        if (at < _now) throw new InvalidOperationException($"The story clock only moves forward ({_now} → {at}).");
        var realNow = Instant.FromDateTimeOffset(real.GetUtcNow());
        if (at > realNow) throw new InvalidOperationException($"The story cannot be recorded in the future ({at} > {realNow}).");
        _now = at;
    }
}

/// <summary>
/// A demo story told as steps at moments relative to today (Europe/Amsterdam). Parts of the story (meetings,
/// decisions, promises) add their steps in any order; <see cref="RunAsync"/> plays them in time order, moving the
/// <see cref="StoryClock"/> to each step's moment, through the same <see cref="Commands"/> as the API.
/// </summary>
public sealed class DemoStory(CommandBus pipeline, StoryClock clock, AllianceId alliance, LocalDate today)
{
    private readonly List<(Instant At, int Order, Func<CancellationToken, Task> Step)> _steps = [];

    public AllianceId Alliance => alliance;

    public LocalDate Today => today;

    /// <summary>The instant of <paramref name="time"/> (HH:mm) on the day <paramref name="dayOffset"/> days from today, Amsterdam time.</summary>
    public Instant Day(int dayOffset, string time) => LocalTimeOn(dayOffset, time).InZoneLeniently(Domain.Meetings.Meeting.Zone).ToInstant();

    public LocalDateTime LocalTimeOn(int dayOffset, string time) =>
        today.PlusDays(dayOffset).At(NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(time).Value);

    public void At(Instant at, Func<CancellationToken, Task> step) => _steps.Add((at, _steps.Count, step));

    /// <summary>Records a command on <paramref name="stream"/> at <paramref name="at"/>, as <paramref name="actor"/> in <paramref name="role"/>.</summary>
    public void At<TCommand, TEvent, TState>(
        Instant at, Decider<TCommand, TEvent, TState> decider, string stream, PersonId actor, string role, Func<Instant, TCommand> command)
        where TEvent : class =>
        At(at, ct => RecordAsync(decider, stream, actor, role, command, ct));

    /// <summary>What the deadline sweeper records when it passes at <paramref name="at"/>: as the system, like the host's sweeper.</summary>
    public void SweepAt<TCommand, TEvent, TState>(Instant at, Decider<TCommand, TEvent, TState> decider, string stream, Func<Instant, TCommand> command)
        where TEvent : class =>
        At(at, ct => pipeline.HandleAsync(decider, alliance.Value, stream, command, Sweeping.Sweeper.Metadata, ifMatch: null, ct));

    /// <summary>Records a command at the story's current moment: for steps that first store a file.</summary>
    public Task RecordAsync<TCommand, TEvent, TState>(
        Decider<TCommand, TEvent, TState> decider, string stream, PersonId actor, string role, Func<Instant, TCommand> command,
        CancellationToken cancellationToken)
        where TEvent : class =>
        pipeline.HandleAsync(decider, alliance.Value, stream, command,
            new EventMetadata(actor.Value, role, "seed-demo", null, null), ifMatch: null, cancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var (at, _, step) in _steps.OrderBy(s => s.At).ThenBy(s => s.Order))
        {
            clock.MoveTo(at);
            await step(cancellationToken);
        }

        _steps.Clear();
    }
}
