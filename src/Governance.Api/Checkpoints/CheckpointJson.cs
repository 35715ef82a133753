using System.Globalization;
using System.Text.Json;
using Governance.EventStore;

namespace Governance.Api.Checkpoints;

/// <summary>A checkpoint as it is published (API, page, export, witnesses): every field a string or a number, the time exactly as signed.</summary>
public sealed record CheckpointJson(string Format, string Alliance, long Position, string HeadHash, string Time, string KeyId, string PublicKey, string Signature)
{
    // Relaxed escaping: base64's '+' and '/' stay as they are, so the file reads as the signature was made.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static CheckpointJson From(Checkpoint c) =>
        new(Checkpoint.Format, c.Alliance, c.Position, c.HeadHash, Checkpoint.TimeText(c.Time), c.KeyId, c.PublicKey, c.Signature);

    /// <exception cref="FormatException">A field is missing or malformed (the message names it).</exception>
    public Checkpoint ToCheckpoint()
    {
        if (Format != Checkpoint.Format) throw new FormatException($"format is '{Format}', not '{Checkpoint.Format}'");
        if (Alliance is null || !LedgerId.IsValid(Alliance)) throw new FormatException($"alliance '{Alliance}' is not an alliance id");
        if (HeadHash is null || HeadHash.Length != 64 || !HeadHash.All(char.IsAsciiHexDigitLower)) throw new FormatException("headHash is not 64 lower-case hex digits");
        if (!DateTimeOffset.TryParseExact(Time, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            throw new FormatException($"time '{Time}' is not of the form 2026-03-12T18:30:00Z");
        if (PublicKey is null || Signature is null) throw new FormatException("publicKey or signature is missing");
        return new Checkpoint(Alliance, Position, HeadHash, time, PublicKey, Signature);
    }

    public static string Serialize(Checkpoint checkpoint) => JsonSerializer.Serialize(From(checkpoint), Options);

    public static string SerializeMany(IEnumerable<Checkpoint> checkpoints) => JsonSerializer.Serialize(checkpoints.Select(From), Options);

    /// <summary>
    /// Checkpoints from a published file: one checkpoint, an array of them, or an API page (<c>{"checkpoints":[…]}</c>).
    /// </summary>
    /// <exception cref="FormatException">Not JSON, or not checkpoints (the message says which one and why).</exception>
    public static IReadOnlyList<Checkpoint> ParseMany(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not JSON: {ex.Message}", ex);
        }
        using (document)
        {
            var root = document.RootElement;
            var items = root.ValueKind switch
            {
                JsonValueKind.Array => root.EnumerateArray().ToList(),
                JsonValueKind.Object when root.TryGetProperty("checkpoints", out var list) && list.ValueKind == JsonValueKind.Array => list.EnumerateArray().ToList(),
                JsonValueKind.Object => [root],
                _ => throw new FormatException("expected a checkpoint, an array of checkpoints or {\"checkpoints\": […]}"),
            };
            var checkpoints = new List<Checkpoint>();
            for (var i = 0; i < items.Count; i++)
            {
                try
                {
                    var parsed = items[i].Deserialize<CheckpointJson>(Options) ?? throw new FormatException("null");
                    checkpoints.Add(parsed.ToCheckpoint());
                }
                catch (Exception ex) when (ex is JsonException or FormatException)
                {
                    throw new FormatException($"checkpoint {i + 1}: {ex.Message}", ex);
                }
            }
            if (checkpoints.Count == 0) throw new FormatException("it holds no checkpoints");
            return checkpoints;
        }
    }
}
