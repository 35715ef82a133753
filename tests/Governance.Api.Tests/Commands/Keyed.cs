using System.Net;
using System.Text;
using System.Text.Json;
using Governance.EventStore;

namespace Governance.Api.Tests.Commands;

/// <summary>What a client got back from one request: enough to compare a first answer with its replay.</summary>
public sealed record Answer(HttpStatusCode Status, string Body, bool Replayed, string? Location, string? ETag)
{
    public string? Code => Body.Length > 0 && Body[0] == '{' && JsonDocument.Parse(Body).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public override string ToString() => $"{(int)Status} {Body}";
}

/// <summary>Requests with an Idempotency-Key, and what the ledger holds afterwards.</summary>
public static class Keyed
{
    public const string Tenant = "osdorp-de-punt";

    public static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>POSTs <paramref name="json"/> to <paramref name="path"/>, with <paramref name="key"/> as Idempotency-Key when given.</summary>
    public static async Task<Answer> PostAsync(HttpClient client, string path, string json, string? key, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, cancellationToken);
        return await AnswerOf(response, cancellationToken);
    }

    public static async Task<Answer> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await AnswerOf(response, CancellationToken.None);
    }

    private static async Task<Answer> AnswerOf(HttpResponseMessage response, CancellationToken cancellationToken) => new(
        response.StatusCode,
        await response.Content.ReadAsStringAsync(cancellationToken),
        response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Contains("true"),
        response.Headers.Location?.OriginalString,
        response.Headers.ETag?.Tag);

    /// <summary>The aliases of the events in one stream of Osdorp de Punt, in order.</summary>
    public static async Task<IReadOnlyList<RecordedEvent>> StreamAsync(GovernanceServer server, string stream) =>
        await server.Services.GetRequiredService<Ledger>().ReadStreamAsync(Tenant, stream);

    public static async Task<int> CountAsync(GovernanceServer server, string stream, string type) =>
        (await StreamAsync(server, stream)).Count(e => e.Type == type);
}
