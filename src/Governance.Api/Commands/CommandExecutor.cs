using Governance.Domain;
using Governance.EventStore;
using Governance.Projections;
using Marten;

namespace Governance.Api.Commands;

/// <summary>The result of running one command: an outcome, or the working agreement that refused it.</summary>
public sealed record CommandResult(CommandOutcome? Outcome, RuleViolated? Refusal)
{
    /// <summary>The outcome, or the refusal thrown as the caller has always seen it.</summary>
    public CommandOutcome OutcomeOrThrow() => Outcome ?? throw new RuleViolated(Refusal!.Code, Refusal.Detail);
}

/// <summary>
/// Load, decide, append, in one transaction of the session's alliance: the job of the one Wolverine handler
/// (<see cref="ExecuteCommandHandler"/>) and of CLI verbs that run without a host. The alliance's lock is taken first, so the
/// commands of one alliance run one at a time: a concurrent vote waits a moment instead of being refused for a race, and an
/// Idempotency-Key is checked under the same lock, so a repeated request can never record twice.
/// </summary>
public static class CommandExecutor
{
    /// <summary>Runs <paramref name="message"/> in <paramref name="session"/>; the events are recorded at <paramref name="now"/> (the bus's clock).</summary>
    public static async Task<CommandResult> ExecuteAsync(IDocumentSession session, ExecuteCommand message, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(message);
        LedgerId.Require(message.Tenant, "tenant");
        LedgerId.Require(message.Stream, "stream");
        await session.BeginTransactionAsync(ct);
        await session.QueryAsync<long>("select head_position from ledger.lock_head(?)", ct, message.Tenant);

        if (message.Idempotency is { } key && await session.LoadAsync<CommandRecord>(key.Key, ct) is { } earlier)
        {
            // Another request, or the same request from someone else: a key names one person's one command.
            if (earlier.RequestDigest != key.RequestDigest || earlier.ActorId != message.Metadata.ActorId) throw new IdempotencyKeyReusedException(key.Key);
            return earlier.Outcome == CommandRecord.Refused
                ? new CommandResult(null, new RuleViolated(earlier.RefusalCode!, earlier.RefusalDetail))
                : new CommandResult(new CommandOutcome(earlier.StreamVersion, await RecordedByAsync(session, earlier, ct), earlier.EventTypes, Replayed: true), null);
        }

        var history = await session.Events.FetchStreamAsync(message.Stream, token: ct);
        var version = history.Count == 0 ? 0 : history[^1].Version;
        if (message.IfMatch is { } expected && expected != version) throw new PreconditionFailedException(expected, version);

        IReadOnlyList<object> decided;
        try
        {
            decided = Deciders.For(message.StreamType).Decide(message.Command, history.Select(e => e.Data));
        }
        catch (RuleViolated refused)
        {
            // A refusal is an answer too: with a key, the repeat gets the same 409.
            if (message.Idempotency is { } k) session.Insert(Record(message, k, now, version, [], refused));
            return new CommandResult(null, refused);
        }

        if (decided.Count > 0)
        {
            session.CorrelationId = message.Metadata.CorrelationId;
            session.CausationId = message.Metadata.CausationId;
            session.Events.Append(message.Stream, version + decided.Count,
                [.. decided.Select(e => LedgerEvents.Wrap(new EventData(e, message.Metadata), recordedAt: now))]);
        }
        var types = decided.Select(e => DomainJson.AliasOf(e.GetType())).ToList();
        if (message.Idempotency is { } used) session.Insert(Record(message, used, now, version + decided.Count, types, refusal: null));
        return new CommandResult(new CommandOutcome(version + decided.Count, decided, types), null);
    }

    /// <summary>
    /// The events the earlier command recorded (the last of its stream at its version), so a replay answers what the first
    /// answer said: a page tells a double click what was recorded, not "nothing changed".
    /// </summary>
    private static async Task<IReadOnlyList<object>> RecordedByAsync(IDocumentSession session, CommandRecord earlier, CancellationToken ct)
    {
        if (earlier.EventTypes.Count == 0) return [];
        var upTo = await session.Events.FetchStreamAsync(earlier.Stream, earlier.StreamVersion, token: ct);
        return [.. upTo.Skip(upTo.Count - earlier.EventTypes.Count).Select(e => e.Data)];
    }

    private static CommandRecord Record(ExecuteCommand message, IdempotencyKey key, DateTimeOffset now, long version, List<string> types, RuleViolated? refusal) => new()
    {
        Id = key.Key,
        RequestDigest = key.RequestDigest,
        Stream = message.Stream,
        ActorId = message.Metadata.ActorId,
        RecordedAt = now,
        Outcome = refusal is null ? CommandRecord.Executed : CommandRecord.Refused,
        StreamVersion = version,
        EventTypes = types,
        RefusalCode = refusal?.Code,
        RefusalDetail = refusal?.Detail,
    };
}
