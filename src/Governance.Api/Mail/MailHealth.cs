namespace Governance.Api.Mail;

/// <summary>
/// How this node's last SMTP conversations went, for <c>/health</c>: failing from a failed send until the next one
/// succeeds. Per node: the node that tried knows; commands never wait for it.
/// </summary>
public sealed class MailHealth(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastSent;
    private DateTimeOffset? _lastFailure;
    private string? _lastError;

    public sealed record Report(string Status, DateTimeOffset? LastSentAt, DateTimeOffset? LastFailureAt, string? LastError);

    public void Sent()
    {
        lock (_gate) _lastSent = clock.GetUtcNow();
    }

    public void Failed(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        lock (_gate)
        {
            _lastFailure = clock.GetUtcNow();
            // The exception's type and message name the server's answer or the socket error; no address is in them.
            _lastError = $"{error.GetType().Name}: {error.Message}";
        }
    }

    /// <summary><c>not-configured</c>, <c>idle</c> (nothing sent yet), <c>ok</c> or <c>failing</c>.</summary>
    public Report Now(bool configured)
    {
        lock (_gate)
        {
            if (!configured) return new("not-configured", null, null, null);
            var failing = _lastFailure is { } f && (_lastSent is not { } s || f >= s);
            return new(failing ? "failing" : _lastSent is null ? "idle" : "ok", _lastSent, _lastFailure, failing ? _lastError : null);
        }
    }
}
