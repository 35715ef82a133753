using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.Api.Checkpoints;
using Governance.EventStore;

namespace Governance.Api.PublicRecord;

/// <summary>What checking an archive found: the problems (empty when it holds), and what it holds.</summary>
public sealed record ArchiveVerification(string? Alliance, long Events, string? HeadHash, IReadOnlyList<PublicRedactionEntry> Redacted,
    IReadOnlyList<CheckpointCheck> Checkpoints, IReadOnlyList<string> Problems)
{
    public bool Holds => Problems.Count == 0 && Checkpoints.All(c => c.Holds);
}

/// <summary>
/// Checks a public record (issue 15 point 4) without the database: every event's data against its digest, every redaction
/// has a Woo ground, the chain recomputed from the envelopes and digests, the manifest and SHA256SUMS, and the signed
/// checkpoint inside (or the ones given), whose position the chain must reach with the same hash.
/// </summary>
public static class PublicRecordVerifier
{
    private const int MaxProblems = 20;

    public static async Task<ArchiveVerification> VerifyAsync(Stream archive, IReadOnlyList<Checkpoint>? given, string? trustedPublicKey, CancellationToken ct)
    {
        var problems = new List<string>();
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            return new(null, 0, null, [], [], [$"not a zip archive: {ex.Message}"]);
        }
        using (zip)
        {
            var files = zip.Entries.ToDictionary(e => e.FullName, StringComparer.Ordinal);
            foreach (var required in new[] { PublicRecordFormat.Events, PublicRecordFormat.Manifest, PublicRecordFormat.Checkpoint, PublicRecordFormat.Sums })
                if (!files.ContainsKey(required)) problems.Add($"{required} is missing");
            if (problems.Count > 0) return new(null, 0, null, [], [], problems);

            PublicManifest? manifest = null;
            try
            {
                manifest = JsonSerializer.Deserialize<PublicManifest>(await ReadTextAsync(files[PublicRecordFormat.Manifest], ct), PublicRecordFormat.Line);
            }
            catch (JsonException ex)
            {
                problems.Add($"manifest.json is not readable: {ex.Message}");
            }
            var alliance = manifest?.Alliance;

            // The chain, event by event.
            var chain = ChainFormat.GenesisHash.ToArray();
            var hashes = new Dictionary<long, byte[]>();
            var redacted = new List<PublicRedactionEntry>();
            long count = 0;
            await using (var events = files[PublicRecordFormat.Events].Open())
            using (var reader = new StreamReader(events, new UTF8Encoding(false, throwOnInvalidBytes: true)))
            {
                string? text;
                var lineNumber = 0;
                while (problems.Count < MaxProblems && (text = await reader.ReadLineAsync(ct)) is not null)
                {
                    lineNumber++;
                    PublicEvent? e;
                    try
                    {
                        e = JsonSerializer.Deserialize<PublicEvent>(text, PublicRecordFormat.Line);
                    }
                    catch (JsonException ex)
                    {
                        problems.Add($"events.jsonl line {lineNumber} is not an event: {ex.Message}");
                        break;
                    }
                    if (e is null || e.Envelope is null || e.DataDigest is null || e.Hash is null)
                    {
                        problems.Add($"events.jsonl line {lineNumber} lacks envelope, dataDigest or hash");
                        break;
                    }
                    var expected = count + 1;
                    var name = $"event at position {e.Position} ({e.Type})";
                    if (e.Position != expected)
                    {
                        problems.Add(e.Position > expected
                            ? $"position {expected} is missing (the next event is at {e.Position}): an event was dropped"
                            : $"{name} is out of order (expected position {expected})");
                        break;
                    }
                    var envelope = e.Envelope.Split('\n');
                    if (envelope.Length != 12 || envelope[0] != ChainFormat.Tag || envelope[1] != alliance || envelope[2] != e.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        || envelope[3] != e.Stream || envelope[6] != e.Type)
                        problems.Add($"{name}: its envelope does not name this alliance, position, stream and type");
                    if (e.Data is not null)
                    {
                        if (e.Redaction is not null) problems.Add($"{name}: it is marked redacted ({e.Redaction.Ground}) but carries data");
                        if (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(e.Data))) != e.DataDigest)
                            problems.Add($"{name}: its data does not match its digest: the data was changed");
                    }
                    else if (e.Redaction is null || !Redaction.IsGround(e.Redaction.Ground) || string.IsNullOrWhiteSpace(e.Redaction.Reason))
                        problems.Add($"{name}: its data is left out without a Woo ground and a reason: a redaction was removed or altered");
                    else
                        redacted.Add(new PublicRedactionEntry(e.Position, e.Type, e.Redaction.Ground, e.Redaction.Reason));

                    byte[] digest;
                    try
                    {
                        digest = Convert.FromHexString(e.DataDigest);
                    }
                    catch (FormatException)
                    {
                        problems.Add($"{name}: dataDigest is not hex");
                        break;
                    }
                    chain = ChainFormat.Link(chain, Encoding.UTF8.GetBytes(e.Envelope), digest);
                    if (Convert.ToHexStringLower(chain) != e.Hash)
                    {
                        problems.Add($"{name}: the chain does not link here (recomputed {Convert.ToHexStringLower(chain)}, written {e.Hash}): the event or its envelope was changed");
                        break;
                    }
                    hashes[e.Position] = chain;
                    count++;
                }
            }

            var headHash = Convert.ToHexStringLower(chain);
            if (manifest is not null)
            {
                if (manifest.Format != PublicRecordFormat.Format) problems.Add($"manifest.json names format '{manifest.Format}', not '{PublicRecordFormat.Format}'");
                if (manifest.Events != count && problems.Count == 0)
                    problems.Add($"manifest.json says {manifest.Events} events, events.jsonl holds {count}: events were dropped or added");
                if (manifest.HeadHash != headHash && problems.Count == 0) problems.Add("manifest.json's headHash is not the chain's head");
                var listed = (manifest.Redactions ?? []).Select(r => (r.Position, r.Ground)).ToHashSet();
                foreach (var r in redacted.Where(r => !listed.Contains((r.Position, r.Ground))))
                    problems.Add($"event at position {r.Position} ({r.Type}) is redacted but manifest.json does not list it");
                foreach (var r in (manifest.Redactions ?? []).Where(l => !redacted.Any(r => r.Position == l.Position && r.Ground == l.Ground)))
                    problems.Add($"manifest.json lists a redaction at position {r.Position} ({r.Ground}) that events.jsonl does not have: a redaction was removed");
            }

            // SHA256SUMS: each listed file as it is.
            foreach (var line in (await ReadTextAsync(files[PublicRecordFormat.Sums], ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = line.Split("  ", 2);
                if (parts.Length != 2 || !files.TryGetValue(parts[1], out var entry))
                {
                    problems.Add($"SHA256SUMS names a file that is not in the archive: {line}");
                    continue;
                }
                await using var content = entry.Open();
                if (Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct)) != parts[0]) problems.Add($"{parts[1]} does not match its SHA-256 in SHA256SUMS");
            }

            // The signed checkpoint(s): inside the archive, or given.
            IReadOnlyList<Checkpoint> checkpoints;
            if (given is not null) checkpoints = [.. given.Where(c => c.Alliance == alliance)];
            else
            {
                try
                {
                    checkpoints = CheckpointJson.ParseMany(await ReadTextAsync(files[PublicRecordFormat.Checkpoint], ct));
                }
                catch (FormatException ex)
                {
                    problems.Add($"checkpoint.json is not a checkpoint: {ex.Message}");
                    checkpoints = [];
                }
            }
            if (given is not null && checkpoints.Count == 0) problems.Add($"the checkpoints given hold none of alliance '{alliance}'");
            var chainResult = new ChainVerification(alliance ?? "", count, chain, null);
            var checks = checkpoints.Select(c => new CheckpointCheck(c, CheckpointVerifier.Judge(c, chainResult, hashes, trustedPublicKey) is { } why
                ? why.Replace("the ledger holds", "the archive holds", StringComparison.Ordinal).Replace("its head was rewound", "events were dropped", StringComparison.Ordinal)
                : null)).ToList();
            return new(alliance, count, headHash, redacted, checks, problems);
        }
    }

    private static async Task<string> ReadTextAsync(ZipArchiveEntry entry, CancellationToken ct)
    {
        await using var stream = entry.Open();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }
}
