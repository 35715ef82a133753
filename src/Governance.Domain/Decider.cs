namespace Governance.Domain;

/// <summary>
/// A stream's behaviour as data: decide what happens, evolve the state by what happened, starting from
/// <paramref name="Initial"/>. The host loads, decides and appends through this one shape for every stream type.
/// </summary>
public sealed record Decider<TCommand, TEvent, TState>(
    Func<TCommand, TState, IReadOnlyList<TEvent>> Decide,
    Func<TState, TEvent, TState> Evolve,
    TState Initial,
    string StreamType)
    where TEvent : class
{
    public TState Fold(IEnumerable<TEvent> events) => events.Aggregate(Initial, Evolve);
}
