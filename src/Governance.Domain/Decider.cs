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

    /// <summary>
    /// Why <paramref name="command"/> would be refused in <paramref name="state"/>, or null when it would be accepted.
    /// Pages ask this before they offer a button, so what they offer follows the decider's own rules instead of a
    /// second copy of them; the command's <c>Now</c> is the moment asked about. Nothing is appended.
    /// </summary>
    public RuleViolated? Refusal(TCommand command, TState state)
    {
        try
        {
            _ = Decide(command, state);
            return null;
        }
        catch (RuleViolated refused)
        {
            return refused;
        }
    }
}
