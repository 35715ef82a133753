using Governance.Domain;
using Governance.EventStore;
using NodaTime;

namespace Governance.Api.Http;

/// <summary>The outcome of a command: the stream's version afterwards and what happened (empty when nothing changed).</summary>
public sealed record CommandOutcome(long StreamVersion, IReadOnlyList<object> Events);

/// <summary>A stale <c>If-Match</c>: the client decided on a version that is no longer current (HTTP 412).</summary>
public sealed class PreconditionFailedException(long expected, long actual)
    : Exception($"The resource is at version {actual}, not {expected}.")
{
    public long Expected { get; } = expected;
    public long Actual { get; } = actual;
}

/// <summary>
/// Load, decide, append with the expected version; on a concurrent change reload and decide again. Deciding is
/// pure, so retrying is safe. A client that sent If-Match gets 412 instead of a silent retry.
/// </summary>
public sealed class CommandPipeline(Ledger store, TimeProvider clock)
{
    public const int MaxAttempts = 5;

    public async Task<long> StreamVersionAsync(string tenant, string stream, CancellationToken cancellationToken) =>
        await store.GetStreamVersionAsync(tenant, stream, cancellationToken);

    public async Task<CommandOutcome> HandleAsync<TCommand, TEvent, TState>(
        Decider<TCommand, TEvent, TState> decider, string tenant, string stream,
        Func<Instant, TCommand> command, EventMetadata metadata, long? ifMatch, CancellationToken cancellationToken)
        where TEvent : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var recorded = await store.ReadStreamAsync(tenant, stream, cancellationToken: cancellationToken);
            var version = recorded.Count == 0 ? 0 : recorded[^1].StreamVersion;
            if (ifMatch is { } expected && expected != version) throw new PreconditionFailedException(expected, version);

            var state = decider.Fold(recorded.Select(e => (TEvent)e.Data));
            var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
            var events = decider.Decide(command(now), state);
            if (events.Count == 0) return new CommandOutcome(version, []);

            try
            {
                var result = await store.AppendAsync(tenant, stream, ExpectedVersion.Exact(version),
                    [.. events.Select(e => new EventData(e, metadata))], cancellationToken);
                return new CommandOutcome(result.StreamVersion, [.. events]);
            }
            catch (ConcurrencyException ex) when (ifMatch is not null)
            {
                throw new PreconditionFailedException(ifMatch.Value, ex.Actual);
            }
            catch (ConcurrencyException) when (attempt < MaxAttempts)
            {
                // Someone else appended in between: decide again on the new state.
            }
        }
    }
}
