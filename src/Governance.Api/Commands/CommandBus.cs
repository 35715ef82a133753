using Governance.Domain;
using Governance.EventStore;
using NodaTime;
using Wolverine;

namespace Governance.Api.Commands;

/// <summary>
/// How endpoints, pages and the demo give a command: build it at this moment, send it to <see cref="ExecuteCommandHandler"/>
/// through Wolverine, and answer with its outcome (or the rule that refused it, thrown as <see cref="RuleViolated"/>).
/// </summary>
public abstract class CommandBus(Ledger ledger, TimeProvider clock)
{
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The stream's current version (0 when it does not exist), for pages that send it back as If-Match.</summary>
    public Task<long> StreamVersionAsync(string tenant, string stream, CancellationToken cancellationToken) =>
        ledger.GetStreamVersionAsync(tenant, stream, cancellationToken);

    public async Task<CommandOutcome> HandleAsync<TCommand, TEvent, TState>(
        Decider<TCommand, TEvent, TState> decider, string tenant, string stream,
        Func<Instant, TCommand> command, EventMetadata metadata, long? ifMatch, CancellationToken cancellationToken)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(command);
        var now = Instant.FromDateTimeOffset(Clock.GetUtcNow());
        var built = command(now)!;
        // Issue 12 §1: no text the database cannot store reaches an append (where it failed other people's writes too).
        Http.TextInput.EnsureClean(built);
        var key = await NextIdempotencyKeyAsync(cancellationToken);
        return await SendAsync(new ExecuteCommand(tenant, stream, decider.StreamType, built, metadata, ifMatch, key), cancellationToken);
    }

    /// <summary>Runs <paramref name="message"/>; a refusal is thrown as <see cref="RuleViolated"/>.</summary>
    public abstract Task<CommandOutcome> SendAsync(ExecuteCommand message, CancellationToken cancellationToken);

    /// <summary>The Idempotency-Key for the next command of the current request, if the request carries one.</summary>
    protected virtual Task<IdempotencyKey?> NextIdempotencyKeyAsync(CancellationToken cancellationToken) => Task.FromResult<IdempotencyKey?>(null);
}

/// <summary>The host's commands: through Wolverine's bus, for the alliance's tenant, with the request's Idempotency-Key.</summary>
public sealed class WolverineCommandBus(IMessageBus bus, IHttpContextAccessor http, Ledger ledger, TimeProvider clock) : CommandBus(ledger, clock)
{
    public override async Task<CommandOutcome> SendAsync(ExecuteCommand message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var result = await bus.InvokeForTenantAsync<CommandResult>(message.Tenant, message, cancellationToken);
        return result.OutcomeOrThrow();
    }

    protected override Task<IdempotencyKey?> NextIdempotencyKeyAsync(CancellationToken cancellationToken) =>
        http.HttpContext is { } context ? IdempotencyKeys.NextAsync(context, cancellationToken) : Task.FromResult<IdempotencyKey?>(null);
}

/// <summary>
/// CommandBus without a host (CLI verbs such as `seed demo` and `sweep`): the same executor, in a session of their own that they
/// commit. No deadlines are scheduled here; the host's sweep catches up anything that was never scheduled.
/// </summary>
public sealed class DirectCommandBus(Marten.IDocumentStore store, TimeProvider clock) : CommandBus(new Ledger(store, clock), clock)
{
    public override async Task<CommandOutcome> SendAsync(ExecuteCommand message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var session = store.LightweightSession(message.Tenant);
        var result = await CommandExecutor.ExecuteAsync(session, message, Clock.GetUtcNow(), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return result.OutcomeOrThrow();
    }
}
