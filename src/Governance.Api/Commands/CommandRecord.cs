namespace Governance.Api.Commands;

/// <summary>
/// What became of a command sent with an Idempotency-Key, stored (per alliance, as a Marten document) in the same transaction
/// as its events: a repeat gets the first answer, a client that lost its connection can ask
/// (<c>GET /api/v1/alliances/{a}/commands/{key}</c>), and the same key with another request is refused.
/// </summary>
public sealed class CommandRecord
{
    /// <summary>The Idempotency-Key.</summary>
    public string Id { get; set; } = "";

    /// <summary>SHA-256 of what the client sent (method, path and body, or the form's fields).</summary>
    public string RequestDigest { get; set; } = "";

    public string Stream { get; set; } = "";

    /// <summary>Who sent it: only they (or an admin) may ask what became of it.</summary>
    public string? ActorId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary><c>executed</c> (events recorded, or nothing to record) or <c>refused</c> (a working agreement said no).</summary>
    public string Outcome { get; set; } = "";

    public long StreamVersion { get; set; }

    public List<string> EventTypes { get; set; } = [];

    public string? RefusalCode { get; set; }

    public string? RefusalDetail { get; set; }

    public const string Executed = "executed";
    public const string Refused = "refused";
}
