using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Api.Cli;
using Governance.TestSupport;

namespace Governance.Api.Tests.PublicRecord;

/// <summary>
/// Issue 15 points 3–4: the public record of the demo alliance, verified; one byte changed, a redaction removed, an event
/// dropped: each fails naming it; a person erased after an export: a new export still verifies against the old checkpoint.
/// </summary>
[RunsLong(26)]
public sealed class PublicRecordTests : IAsyncLifetime
{
    private const string Alliance = "osdorp-de-punt";
    private const string KeyFileVariable = "Governance__Checkpoints__KeyFile";

    /// <summary>The key the seeded demo's checkpoints were signed with, made once per run with the seeded template.</summary>
    private static readonly string SigningKey = Path.Combine(Directory.CreateTempSubdirectory("public-record-key-").FullName, "signing.pem");

    private string _connectionString = "";
    private readonly string _folder = Directory.CreateTempSubdirectory("public-record-tests-").FullName;
    private readonly Dictionary<string, string> _environment = new() { [KeyFileVariable] = SigningKey };

    public async Task InitializeAsync() =>
        // The demo is seeded once per run and copied per test (issue 16 §4): seeding takes seconds, a copy a fraction of one,
        // and a test that erases or redacts changes only its own copy.
        _connectionString = await PostgresCluster.CreateMigratedDatabaseAsync("record", "public_record_demo", async template =>
        {
            var keygen = await CliRunner.RunAsync(template, _environment, "ledger", "keygen", "--out", SigningKey);
            Assert.True(keygen.Exit == 0, keygen.Err);
            var seed = await CliRunner.RunAsync(template, _environment, "seed", "demo");
            Assert.True(seed.Exit == 0, seed.Err);
        });

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.RunAsync(_connectionString, _environment, args);

    private string File(string name) => Path.Combine(_folder, name);

    private async Task<string> Export(string name, params string[] extra)
    {
        var (exit, output, error) = await Run(["export", "public", "--alliance", Alliance, "--out", File(name), .. extra]);
        Assert.True(exit == 0, output + error);
        Assert.Matches(@"wrote .*: \d+ events of osdorp-de-punt, \d+ redacted, head [0-9a-f]{64}", output);
        return File(name);
    }

    private static List<JsonObject> Lines(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.GetEntry("events.jsonl")!.Open());
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())];
    }

    /// <summary>A copy of <paramref name="zip"/> whose events.jsonl is <paramref name="change"/>d (nothing else: SHA256SUMS is left as it was).</summary>
    private string Tampered(string zip, string name, Func<List<string>, List<string>> change)
    {
        var copy = File(name);
        System.IO.File.Copy(zip, copy);
        using var archive = ZipFile.Open(copy, ZipArchiveMode.Update);
        var entry = archive.GetEntry("events.jsonl")!;
        List<string> lines;
        using (var reader = new StreamReader(entry.Open())) lines = [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
        entry.Delete();
        using var writer = new StreamWriter(archive.CreateEntry("events.jsonl").Open(), new UTF8Encoding(false));
        foreach (var line in change(lines)) writer.Write(line + "\n");
        return copy;
    }

    [Fact]
    public async Task The_demo_export_verifies_lists_its_redactions_and_names_people_only_by_role_and_partner()
    {
        var zip = await Export("demo.zip");
        var (exit, output, _) = await Run("export", "verify", zip);
        Assert.True(exit == 0, output);
        Assert.Matches(@"osdorp-de-punt: verified \d+ events, \d+ redacted, head [0-9a-f]{64}", output);
        Assert.Matches(@"checkpoint osdorp-de-punt@\d+ \(\S+\): holds", output);
        Assert.Matches(@"redacted: position \d+ \(escalation\.raised\): Woo 5\.1\.2\.i: ", output);

        var lines = Lines(zip);
        Assert.All(lines.Where(l => l["type"]!.GetValue<string>().StartsWith("escalation.", StringComparison.Ordinal)),
            l => Assert.Null(l["data"]));
        var people = lines.SelectMany(l => l["people"]!.AsObject().Select(p => p.Value!.GetValue<string>())).ToHashSet();
        foreach (var label in new[] { "vertegenwoordiger van Bewonerscollectief Osdorp de Punt (BCOP)", "dagvoorzitter" })
            Assert.True(people.Contains(label), $"no '{label}' among: {string.Join(" | ", people)}");
        using var archive = ZipFile.OpenRead(zip);
        foreach (var entry in archive.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            var text = reader.ReadToEnd();
            foreach (var name in new[] { "Fatima Yilmaz", "Anouk de Vries", "@osdorp.example" })
                Assert.False(text.Contains(name, StringComparison.Ordinal), $"{entry.FullName} holds '{name}'");
        }
    }

    [Fact]
    public async Task One_byte_changed_in_an_event_fails_naming_the_event()
    {
        var zip = await Export("demo.zip");
        var target = Lines(zip).First(l => l["data"] is not null && l["type"]!.GetValue<string>() == "alliance.partner-admitted");
        var position = target["position"]!.GetValue<long>();
        var tampered = Tampered(zip, "byte.zip", lines => [.. lines.Select(l =>
        {
            var o = JsonNode.Parse(l)!.AsObject();
            if (o["position"]!.GetValue<long>() != position) return l;
            var data = o["data"]!.GetValue<string>();
            var at = data.IndexOf("Ymere", StringComparison.Ordinal) is var i and >= 0 ? i : data.IndexOf('e', StringComparison.Ordinal);
            o["data"] = data[..at] + (char)(data[at] ^ 1) + data[(at + 1)..];   // one bit of one byte
            return o.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        })]);
        var (exit, output, _) = await Run("export", "verify", tampered);
        Assert.Equal(LedgerCommands.TamperedExitCode, exit);
        Assert.Contains($"FAILED: event at position {position} (alliance.partner-admitted): its data does not match its digest", output, StringComparison.Ordinal);
        Assert.Contains("FAILED: events.jsonl does not match its SHA-256 in SHA256SUMS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redaction_removed_fails_naming_the_event()
    {
        var zip = await Export("demo.zip");
        var position = Lines(zip).First(l => l["redaction"] is not null)["position"]!.GetValue<long>();
        var tampered = Tampered(zip, "unredacted.zip", lines => [.. lines.Select(l =>
        {
            var o = JsonNode.Parse(l)!.AsObject();
            if (o["position"]!.GetValue<long>() != position) return l;
            o["redaction"] = null;
            return o.ToJsonString();
        })]);
        var (exit, output, _) = await Run("export", "verify", tampered);
        Assert.Equal(LedgerCommands.TamperedExitCode, exit);
        Assert.Matches($@"FAILED: event at position {position} \(escalation\.[a-z-]+\): its data is left out without a Woo ground and a reason: a redaction was removed", output);
        Assert.Contains($"manifest.json lists a redaction at position {position}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_dropped_fails_naming_the_missing_position_and_a_dropped_tail_fails_the_checkpoint()
    {
        var zip = await Export("demo.zip");
        var middle = Tampered(zip, "middle.zip", lines => [.. lines.Where((_, i) => i != 9)]);
        var (exit, output, _) = await Run("export", "verify", middle);
        Assert.Equal(LedgerCommands.TamperedExitCode, exit);
        Assert.Contains("FAILED: position 10 is missing (the next event is at 11): an event was dropped", output, StringComparison.Ordinal);

        var count = Lines(zip).Count;
        var tail = Tampered(zip, "tail.zip", lines => lines[..^1]);
        var last = await Run("export", "verify", tail);
        Assert.Equal(LedgerCommands.TamperedExitCode, last.Exit);
        Assert.Contains($"manifest.json says {count} events, events.jsonl holds {count - 1}", last.Out, StringComparison.Ordinal);
        Assert.Matches($@"checkpoint osdorp-de-punt@{count} \(\S+\): FAILED: the archive holds {count - 1} events, fewer than the checkpoint's {count}", last.Out);
    }

    [Fact]
    public async Task A_person_erased_after_an_export_leaves_a_new_export_verifiable_against_the_old_checkpoint()
    {
        var first = await Export("before.zip");
        using (var archive = ZipFile.OpenRead(first))
            archive.GetEntry("checkpoint.json")!.ExtractToFile(File("kept-checkpoint.json"));
        var erase = await Run("accounts", "erase", "--email", "bewoner@osdorp.example");
        Assert.True(erase.Exit == 0, erase.Err);

        var second = await Export("after.zip");
        var (exit, output, _) = await Run("export", "verify", second, "--checkpoint", File("kept-checkpoint.json"));
        Assert.True(exit == 0, output);
        Assert.Matches(@"checkpoint osdorp-de-punt@\d+ \(\S+\): holds", output);
        Assert.Equal(Lines(first).Select(l => l["hash"]!.GetValue<string>()), Lines(second).Select(l => l["hash"]!.GetValue<string>()).Take(Lines(first).Count));
    }

    [Fact]
    public async Task A_redaction_on_request_leaves_only_the_digest_and_an_export_as_of_a_date_holds_fewer_events()
    {
        var target = Lines(await Export("demo.zip")).First(l => l["type"]!.GetValue<string>() == "alliance.interest-declared");
        var position = target["position"]!.GetValue<long>();
        var redact = await Run("export", "redact", "--alliance", Alliance, "--position", position.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--ground", "5.1.2.e", "--reason", "Persoonlijke gegevens van een bewoner.");
        Assert.True(redact.Exit == 0, redact.Err);
        var zip = await Export("redacted.zip");
        var line = Lines(zip).Single(l => l["position"]!.GetValue<long>() == position);
        Assert.Null(line["data"]);
        Assert.Equal(target["dataDigest"]!.GetValue<string>(), line["dataDigest"]!.GetValue<string>());
        var (exit, output, _) = await Run("export", "verify", zip);
        Assert.True(exit == 0, output);
        Assert.Contains($"redacted: position {position} (alliance.interest-declared): Woo 5.1.2.e: Persoonlijke gegevens van een bewoner.", output, StringComparison.Ordinal);

        var firstDay = DateTimeOffset.Parse(Lines(zip)[0]["recordedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var early = await Export("early.zip", "--as-of", firstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(Lines(early).Count, 1, Lines(zip).Count - 1);
        Assert.Equal(0, (await Run("export", "verify", early)).Exit);
    }

    [Fact]
    public async Task The_readme_check_with_sha256sum_and_jq_accepts_the_export_and_names_a_changed_event()
    {
        var zip = await Export("demo.zip");
        var good = await RunReadmeScript(zip, "good");
        Assert.Matches(@"keten klopt: \d+ stappen, code [0-9a-f]{64}", good);
        var position = Lines(zip).First(l => l["data"] is not null)["position"]!.GetValue<long>();
        var tampered = Tampered(zip, "byte.zip", lines => [.. lines.Select(l =>
        {
            var o = JsonNode.Parse(l)!.AsObject();
            if (o["position"]!.GetValue<long>() == position) o["data"] = o["data"]!.GetValue<string>().Replace('a', 'b');
            return o.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        })]);
        Assert.Contains($"stap {position}: inhoud veranderd", await RunReadmeScript(tampered, "bad"), StringComparison.Ordinal);
    }

    /// <summary>Runs the shell check exactly as the archive's README gives it, in the unpacked archive.</summary>
    private async Task<string> RunReadmeScript(string zip, string name)
    {
        var folder = File(name);
        ZipFile.ExtractToDirectory(zip, folder);
        var readme = await System.IO.File.ReadAllTextAsync(Path.Combine(folder, "README.md"));
        var section = readme[readme.IndexOf("Dan de keten", StringComparison.Ordinal)..readme.IndexOf("En de handtekening", StringComparison.Ordinal)];
        var script = string.Join('\n', section.Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l[4..]));
        await System.IO.File.WriteAllTextAsync(Path.Combine(folder, "check.sh"), script + "\n");
        using var bash = Process.Start(new ProcessStartInfo("bash", "check.sh") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        var error = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        return output + error;
    }
}
