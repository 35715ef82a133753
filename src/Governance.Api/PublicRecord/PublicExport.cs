using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Api.Checkpoints;
using Governance.EventStore;
using Marten;

namespace Governance.Api.PublicRecord;

/// <summary>What an export wrote.</summary>
public sealed record ExportSummary(string Alliance, long Events, string HeadHash, int Redacted, Checkpoint Checkpoint);

/// <summary>
/// The public record of one alliance under the Woo (issue 15 point 3): one zip with every event up to a signed checkpoint,
/// each with the exact bytes its chain link covers, the data of redacted events replaced by its digest and a Woo ground,
/// people named by role and partner only (names are never in events, and none are added), and a README that says how to
/// check it with `governance export verify` or with sha256sum and jq.
/// </summary>
public sealed partial class PublicExport(IDocumentStore documents, Ledger ledger, Redactions redactions, CheckpointSigner signer, TimeProvider clock)
{
    [GeneratedRegex(@"p-[0-9a-f]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex PersonPattern();

    /// <summary>Writes the record of <paramref name="alliance"/> (as of <paramref name="asOf"/>, or now) to <paramref name="output"/> as a zip.</summary>
    /// <exception cref="CheckpointRefusedException">The chain does not verify: nothing is exported.</exception>
    public async Task<ExportSummary> WriteAsync(CheckpointKey key, string alliance, string name, DateTimeOffset? asOf, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        var checkpoint = asOf is { } at
            ? await signer.AtAsync(key, alliance, await ledger.GetTenantPositionAsync(alliance, at, ct), ct)
            : (await signer.SignHeadAsync(key, alliance, ct)).Checkpoint;
        var withheld = await redactions.ForAsync(alliance, ct);
        var people = await PeopleAsync(alliance, checkpoint.Position, ct);

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var sums = new List<(string File, string Sha256)>();
        var listed = new List<PublicRedactionEntry>();
        var chain = ChainFormat.GenesisHash.ToArray();
        long count = 0;
        await using (var events = new HashedEntry(zip, PublicRecordFormat.Events))
        {
            await foreach (var row in LedgerVerifier.ReadChainAsync(documents, alliance, ct))
            {
                if (row.Position > checkpoint.Position) break;
                var envelope = row.EnvelopeAt(alliance, row.Position);
                var digest = ChainFormat.DataDigest(row.DataJson);
                chain = ChainFormat.Link(chain, envelope, digest);
                var redaction = withheld.TryGetValue(row.EventId, out var decided) ? decided : Redactions.ByDefault(row.Type);
                var envelopeText = Encoding.UTF8.GetString(envelope);
                var mentioned = PersonPattern().Matches(envelopeText + (redaction is null ? row.DataJson : ""))
                    .Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                    .ToDictionary(p => p, p => people.GetValueOrDefault(p, RoleOf(envelopeText, p)), StringComparer.Ordinal);
                var line = new PublicEvent(row.Position, Convert.ToHexStringLower(row.StoredHash), row.StreamId, row.Type,
                    row.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    envelopeText, Convert.ToHexStringLower(digest), redaction is null ? row.DataJson : null, redaction, mentioned);
                await events.WriteLineAsync(JsonSerializer.Serialize(line, PublicRecordFormat.Line), ct);
                if (redaction is not null) listed.Add(new PublicRedactionEntry(row.Position, row.Type, redaction.Ground, redaction.Reason));
                count++;
            }
            sums.Add((PublicRecordFormat.Events, events.Sha256));
        }
        if (count != checkpoint.Position || Convert.ToHexStringLower(chain) != checkpoint.HeadHash)
            throw new CheckpointRefusedException($"the events read ({count}) do not recompute to {checkpoint}: the ledger changed while exporting");

        var manifest = new PublicManifest(PublicRecordFormat.Format, ChainFormat.Tag, alliance, name, count, checkpoint.HeadHash,
            asOf is { } a ? Checkpoint.TimeText(a) : null, Checkpoint.TimeText(clock.GetUtcNow()), listed);
        sums.Add(await WriteAsync(zip, PublicRecordFormat.Manifest, JsonSerializer.Serialize(manifest, PublicRecordFormat.Indented) + "\n", ct));
        sums.Add(await WriteAsync(zip, PublicRecordFormat.Checkpoint, CheckpointJson.Serialize(checkpoint) + "\n", ct));
        sums.Add(await WriteAsync(zip, PublicRecordFormat.CheckpointText, checkpoint.SignedText, ct));
        sums.Add(await WriteAsync(zip, PublicRecordFormat.CheckpointSignature, Convert.FromBase64String(checkpoint.Signature), ct));
        sums.Add(await WriteAsync(zip, PublicRecordFormat.CheckpointPublicKey, PublicKeyPem(checkpoint.PublicKey), ct));
        sums.Add(await WriteAsync(zip, PublicRecordFormat.Readme, PublicRecordReadme.Text(alliance, name, checkpoint), ct));
        await WriteAsync(zip, PublicRecordFormat.Sums, string.Concat(sums.Select(s => $"{s.Sha256}  {s.File}\n")), ct);
        return new ExportSummary(alliance, count, checkpoint.HeadHash, listed.Count, checkpoint);
    }

    /// <summary>SubjectPublicKeyInfo PEM of a raw Ed25519 key: the fixed DER prefix of RFC 8410 and the 32 bytes.</summary>
    public static string PublicKeyPem(string rawBase64)
    {
        byte[] prefix = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
        return "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String([.. prefix, .. Convert.FromBase64String(rawBase64)]) + "\n-----END PUBLIC KEY-----\n";
    }

    /// <summary>
    /// Role and partner of everyone the alliance appointed up to <paramref name="upTo"/>, in Dutch: "vertegenwoordiger van
    /// Ymere", "dagvoorzitter". Read from the alliance's own events; names live elsewhere and are never read here.
    /// </summary>
    private async Task<Dictionary<string, string>> PeopleAsync(string alliance, long upTo, CancellationToken ct)
    {
        var partners = new Dictionary<string, string>(StringComparer.Ordinal);
        var roles = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Add(string person, string role)
        {
            if (!roles.TryGetValue(person, out var set)) roles[person] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(role);
        }
        await foreach (var row in LedgerVerifier.ReadChainAsync(documents, alliance, ct))
        {
            if (row.Position > upTo) break;
            if (!row.Type.StartsWith("alliance.", StringComparison.Ordinal)) continue;
            using var data = JsonDocument.Parse(row.DataJson);
            var d = data.RootElement;
            string? Text(string property) => d.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            switch (row.Type)
            {
                case "alliance.partner-admitted" when Text("partner") is { } partner:
                    partners[partner] = Text("name") ?? partner;
                    break;
                case "alliance.representative-appointed" when Text("person") is { } person && Text("partner") is { } partner:
                    Add(person, "vertegenwoordiger van " + partners.GetValueOrDefault(partner, partner));
                    break;
                case "alliance.officer-appointed" when Text("person") is { } person:
                    // Stored as the enum's name ("Chair"); compare without case in case that ever follows the JSON conventions.
                    Add(person, Text("office")?.ToUpperInvariant() switch
                    {
                        "CHAIR" => "dagvoorzitter",
                        "SECRETARY" => "projectleider",
                        "CONFIDANT" => "vertrouwenspersoon",
                        _ => "functionaris",
                    });
                    break;
                case "alliance.escalation-contact-assigned" when Text("person") is { } person:
                    Add(person, "escalatiecontactpersoon");
                    break;
            }
        }
        return roles.ToDictionary(r => r.Key, r => string.Join(" en ", r.Value), StringComparer.Ordinal);
    }

    /// <summary>Someone the alliance never appointed: the role they acted in, from the event's headers.</summary>
    private static string RoleOf(string envelope, string person)
    {
        var headers = envelope.Split('\n') is { Length: > 10 } lines ? lines[10] : "null";
        if (headers == "null") return "persoon";
        using var doc = JsonDocument.Parse(headers);
        var h = doc.RootElement;
        if (h.ValueKind != JsonValueKind.Object || !h.TryGetProperty("actor", out var actor) || actor.GetString() != person || !h.TryGetProperty("role", out var role))
            return "persoon";
        return role.GetString() switch
        {
            "chair" => "dagvoorzitter",
            "secretary" => "secretaris/projectleider",
            "representative" => "vertegenwoordiger",
            "core-group" => "kerngroep van de bewoners",
            "admin" => "beheerder",
            "escalation-contact" => "escalatiecontactpersoon",
            _ => "persoon",
        };
    }

    private static Task<(string, string)> WriteAsync(ZipArchive zip, string file, string text, CancellationToken ct) =>
        WriteAsync(zip, file, Encoding.UTF8.GetBytes(text), ct);

    private static async Task<(string, string)> WriteAsync(ZipArchive zip, string file, byte[] bytes, CancellationToken ct)
    {
        var entry = zip.CreateEntry(file, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using (var stream = entry.Open()) await stream.WriteAsync(bytes, ct);
        return (file, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>A zip entry written line by line while its SHA-256 is computed.</summary>
    private sealed class HashedEntry : IAsyncDisposable
    {
        private readonly Stream _stream;
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private string? _sha256;

        public HashedEntry(ZipArchive zip, string file)
        {
            var entry = zip.CreateEntry(file, CompressionLevel.Optimal);
            entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            _stream = entry.Open();
        }

        public string Sha256 => _sha256 ??= Convert.ToHexStringLower(_hash.GetHashAndReset());

        public async Task WriteLineAsync(string line, CancellationToken ct)
        {
            var bytes = Encoding.UTF8.GetBytes(line + "\n");
            _hash.AppendData(bytes);
            await _stream.WriteAsync(bytes, ct);
        }

        public async ValueTask DisposeAsync()
        {
            _ = Sha256;
            await _stream.DisposeAsync();
            _hash.Dispose();
        }
    }
}
