using Governance.EventStore;

namespace Governance.Api.Commands;

/// <summary>
/// One command for one stream of one alliance, as it travels through Wolverine: the domain command (with the moment it
/// was given, <c>Now</c>), who gave it, and what the client sent to make a retry recognisable.
/// </summary>
/// <param name="Tenant">The alliance (Marten tenant).</param>
/// <param name="Stream">The stream the command is for (<c>commitment-…</c>).</param>
/// <param name="StreamType">Which decider decides (<see cref="Deciders"/>).</param>
/// <param name="Command">The domain command.</param>
/// <param name="Metadata">Actor, role, correlation, command id; stored with every event.</param>
/// <param name="IfMatch">The stream version the client decided on (HTTP If-Match), or null.</param>
/// <param name="Idempotency">The client's key and a digest of what it sent, or null when it sent no key.</param>
public sealed record ExecuteCommand(
    string Tenant, string Stream, string StreamType, object Command, EventMetadata Metadata, long? IfMatch, IdempotencyKey? Idempotency);

/// <summary>An Idempotency-Key with the digest of the request it came with: the same key with another request is a misuse.</summary>
public sealed record IdempotencyKey(string Key, string RequestDigest);

/// <summary>
/// What became of a command: the stream's version afterwards, the aliases of the events recorded (empty when nothing
/// changed), and whether this is the answer to an earlier request with the same Idempotency-Key.
/// </summary>
public sealed record CommandOutcome(long StreamVersion, IReadOnlyList<object> Events, IReadOnlyList<string> EventTypes, bool Replayed = false);

/// <summary>A stale <c>If-Match</c>: the client decided on a version that is no longer current (HTTP 412).</summary>
public sealed class PreconditionFailedException(long expected, long actual)
    : Exception($"The resource is at version {actual}, not {expected}.")
{
    public long Expected { get; } = expected;
    public long Actual { get; } = actual;
}

/// <summary>The Idempotency-Key was used before for another request (HTTP 409 <c>idempotency-key-reused</c>).</summary>
public sealed class IdempotencyKeyReusedException(string key)
    : Exception($"The Idempotency-Key '{key}' was used before for a different request.")
{
    public string Key { get; } = key;
}
