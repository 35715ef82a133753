using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Governance.EventStore;

/// <summary>
/// The bytes each link of an alliance's chain covers (format <c>ledger-v2</c>, ADR 0005):
/// <c>hash = SHA-256(previous hash ‖ envelope ‖ SHA-256(data))</c>. The event's content enters only through its own
/// digest, so a published record can leave a redacted event's data out and still be verified from the digest.
/// </summary>
/// <remarks>
/// The envelope is UTF-8 text, one field per line, each line ending in <c>\n</c>: the tag <c>ledger-v2</c>, tenant,
/// position, stream, stream version, event id (lower-case, hyphenated), type alias, recorded time in microseconds since
/// the Unix epoch, correlation id and causation id as JSON strings (or <c>null</c>), and the headers (actor, role,
/// command id, occurred-at) in PostgreSQL's jsonb text rendering (or <c>null</c>). No field holds a raw newline: ids
/// and aliases are restricted, JSON escapes control characters. The data digest is SHA-256 of the data's jsonb text.
/// The trigger <c>ledger.link_event</c> builds the same bytes in SQL; a test keeps the two equal.
/// </remarks>
public static class ChainFormat
{
    /// <summary>The format tag, the envelope's first line.</summary>
    public const string Tag = "ledger-v2";

    /// <summary>The hash before an alliance's first event: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> GenesisHash => new byte[32];

    /// <summary>The envelope of one event: every field except the data, which enters through its digest.</summary>
    public static byte[] Envelope(string tenant, long position, string stream, long streamVersion, Guid eventId, string type,
        DateTimeOffset recordedAt, string? correlationId, string? causationId, string? headersJson)
    {
        var text = new StringBuilder(256)
            .Append(Tag).Append('\n')
            .Append(tenant).Append('\n')
            .Append(position.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(stream).Append('\n')
            .Append(streamVersion.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(eventId.ToString("D")).Append('\n')
            .Append(type).Append('\n')
            .Append(Micros(recordedAt)).Append('\n')
            .Append(JsonString(correlationId)).Append('\n')
            .Append(JsonString(causationId)).Append('\n')
            .Append(headersJson ?? "null").Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>SHA-256 of the data's jsonb text: what a redacted event still publishes.</summary>
    public static byte[] DataDigest(string dataJson) => SHA256.HashData(Encoding.UTF8.GetBytes(dataJson));

    /// <summary>The next link: SHA-256(previous ‖ envelope ‖ data digest).</summary>
    public static byte[] Link(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> dataDigest)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(previous);
        sha.AppendData(envelope);
        sha.AppendData(dataDigest);
        return sha.GetHashAndReset();
    }

    private static string Micros(DateTimeOffset t) =>
        ((t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10).ToString(CultureInfo.InvariantCulture);

    /// <summary>A string as PostgreSQL's <c>to_jsonb(text)::text</c> writes it; <c>null</c> for none.</summary>
    internal static string JsonString(string? value)
    {
        if (value is null) return "null";
        var s = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': s.Append("\\\""); break;
                case '\\': s.Append("\\\\"); break;
                case '\b': s.Append("\\b"); break;
                case '\f': s.Append("\\f"); break;
                case '\n': s.Append("\\n"); break;
                case '\r': s.Append("\\r"); break;
                case '\t': s.Append("\\t"); break;
                case < ' ': s.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: s.Append(c); break;
            }
        }
        return s.Append('"').ToString();
    }
}
