using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Api.PublicRecord;

/// <summary>
/// One line of <c>events.jsonl</c> in a public record (format <c>public-record-v1</c>, docs/public-record.md). The
/// <see cref="Envelope"/> is the exact text the chain hashed, and <see cref="Data"/> the exact data text whose SHA-256
/// is <see cref="DataDigest"/>, so <c>hash = SHA-256(previous ‖ envelope ‖ dataDigest)</c> can be recomputed by anyone.
/// A redacted event has no data, only its digest, and says why (<see cref="Redaction"/>).
/// </summary>
public sealed record PublicEvent(
    long Position,
    string Hash,
    string Stream,
    string Type,
    string RecordedAt,
    string Envelope,
    string DataDigest,
    string? Data,
    Redaction? Redaction,
    IReadOnlyDictionary<string, string> People);

/// <summary><c>manifest.json</c>: what the archive holds.</summary>
public sealed record PublicManifest(
    string Format,
    string ChainFormat,
    string Alliance,
    string Name,
    long Events,
    string HeadHash,
    string? AsOf,
    string ExportedAt,
    IReadOnlyList<PublicRedactionEntry> Redactions);

/// <summary>One withheld event as the manifest lists it.</summary>
public sealed record PublicRedactionEntry(long Position, string Type, string Ground, string Reason);

public static class PublicRecordFormat
{
    public const string Format = "public-record-v1";
    public const string Events = "events.jsonl";
    public const string Manifest = "manifest.json";
    public const string Checkpoint = "checkpoint.json";
    public const string CheckpointText = "checkpoint.txt";
    public const string CheckpointSignature = "checkpoint.sig";
    public const string CheckpointPublicKey = "checkpoint-public-key.pem";
    public const string Readme = "README.md";
    public const string Sums = "SHA256SUMS";

    /// <summary>One JSON object per line, fields in a fixed order, strings kept as they are (jq prints them back byte for byte).</summary>
    public static readonly JsonSerializerOptions Line = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Indented = new(Line) { WriteIndented = true };
}
