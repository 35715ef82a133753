using Governance.Api.Auth;
using Governance.Api.Commands;
using Governance.EventStore;

namespace Governance.Api.Http;

/// <summary>
/// What every command from a request records about itself, whether it came through the JSON API or a page form:
/// the same actor, role, correlation and command id, so the ledger cannot tell (and need not care) which door was used.
/// </summary>
public static class CommandMetadata
{
    /// <summary>
    /// The metadata for a command the signed-in actor gives in <paramref name="role"/>. The command id is the client's
    /// Idempotency-Key when it sent one (a retry keeps it), otherwise a new one.
    /// </summary>
    public static EventMetadata For(HttpContext http, string role) => new(
        ActorId: http.GetActor()?.Person.Value,
        Role: role,
        CorrelationId: System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier,
        CausationId: null,
        CommandId: http.Request.Headers[IdempotencyKeys.Header].FirstOrDefault()
            ?? (http.Request.HasFormContentType ? http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form?[IdempotencyKeys.FormField].FirstOrDefault() : null)
            ?? Guid.CreateVersion7().ToString());
}
