using Governance.Domain;

namespace Governance.Domain.Tests;

/// <summary>Given a history, when a command is decided, then these events (or this refusal). Works for every decider.</summary>
public static class Spec
{
    public static Spec<TCommand, TEvent, TState> For<TCommand, TEvent, TState>(
        Func<TCommand, TState, IReadOnlyList<TEvent>> decide,
        Func<TState, TEvent, TState> evolve,
        TState initial) => new(decide, evolve, initial, []);

    /// <summary>"R13" matches "R13.direct-interest"; the full code matches itself; "R1" does not match "R13.x".</summary>
    public static bool CodeMatches(string code, string expected) =>
        code == expected || code.StartsWith(expected + ".", StringComparison.Ordinal);
}

public sealed class Spec<TCommand, TEvent, TState>
{
    private readonly Func<TCommand, TState, IReadOnlyList<TEvent>> _decide;
    private readonly Func<TState, TEvent, TState> _evolve;
    private readonly TState _initial;
    private readonly IReadOnlyList<TEvent> _history;

    internal Spec(
        Func<TCommand, TState, IReadOnlyList<TEvent>> decide,
        Func<TState, TEvent, TState> evolve,
        TState initial,
        IReadOnlyList<TEvent> history)
    {
        _decide = decide;
        _evolve = evolve;
        _initial = initial;
        _history = history;
    }

    /// <summary>The state after the history so far.</summary>
    public TState State => Fold(_initial, _history);

    /// <summary>Adds to the history; chains, so a shared starting point can be extended per test.</summary>
    public Spec<TCommand, TEvent, TState> Given(params IEnumerable<TEvent> events) =>
        new(_decide, _evolve, _initial, [.. _history, .. events]);

    public Outcome When(TCommand command) => new(this, command);

    private TState Fold(TState state, IEnumerable<TEvent> events) => events.Aggregate(state, _evolve);

    public sealed class Outcome
    {
        private readonly Spec<TCommand, TEvent, TState> _spec;
        private readonly TCommand _command;

        internal Outcome(Spec<TCommand, TEvent, TState> spec, TCommand command)
        {
            _spec = spec;
            _command = command;
        }

        public Outcome Then(params IEnumerable<TEvent> expected)
        {
            Assert.Equal(expected.ToList(), Decide().ToList());
            return this;
        }

        public Outcome ThenNothing() => Then();

        /// <summary>Asserts on the state after the history and the events this command decided.</summary>
        public Outcome AndThen(Action<TState> assert)
        {
            assert(_spec.Fold(_spec.State, Decide()));
            return this;
        }

        public void ThenViolates(string code)
        {
            IReadOnlyList<TEvent> decided;
            try
            {
                decided = Decide();
            }
            catch (RuleViolated violation)
            {
                Assert.True(
                    Spec.CodeMatches(violation.Code, code),
                    $"Expected a violation of {code}, but {violation.Code} was violated: {violation.Message}");
                return;
            }

            Assert.Fail($"Expected a violation of {code}, but the command decided [{string.Join(", ", decided)}].");
        }

        private IReadOnlyList<TEvent> Decide() => _spec._decide(_command, _spec.State);
    }
}
