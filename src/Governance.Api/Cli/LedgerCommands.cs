using System.CommandLine;
using Governance.Api.Checkpoints;
using Governance.Api.Hosting;
using Governance.EventStore;

namespace Governance.Api.Cli;

/// <summary>
/// `ledger verify`: recompute every hash chain, and with `--checkpoints` check that the ledger still extends what was
/// published; exit 3 on any altered, missing or reordered event or any checkpoint that no longer holds.
/// `ledger keygen`: a new checkpoint signing key. `ledger checkpoint`: sign each alliance's head now.
/// </summary>
public static class LedgerCommands
{
    public const int TamperedExitCode = 3;

    public static Command Build(TextWriter output, TextWriter error)
    {
        var ledger = new Command("ledger", "The hash-chained ledger of each alliance.");
        ledger.Subcommands.Add(Verify(output, error));
        ledger.Subcommands.Add(Keygen(output, error));
        ledger.Subcommands.Add(Sign(output, error));
        return ledger;
    }

    private static Command Verify(TextWriter output, TextWriter error)
    {
        var tenant = new Option<string?>("--tenant") { Description = "Verify only this alliance (tenant id)." };
        var checkpoints = new Option<string?>("--checkpoints")
        {
            Description = "A file or http(s) URL of published checkpoints (one, an array, or the API's page): fail when the ledger no longer extends one.",
        };
        var publicKey = new Option<string?>("--public-key")
        {
            Description = "Accept only checkpoints signed by this Ed25519 public key (base64 of its 32 bytes, as `keyId`/`publicKey` are published).",
        };
        var verify = new Command("verify", "Recompute every chain and report the first position that does not hold.") { tenant, checkpoints, publicKey };
        verify.SetAction((parse, ct) => GovernanceCli.Guarded(error, async () =>
        {
            var only = parse.GetValue(tenant);
            if (only is not null && !LedgerId.IsValid(only)) throw new CliException($"'{only}' is not a valid tenant id.");
            var source = parse.GetValue(checkpoints);
            var trusted = parse.GetValue(publicKey);
            if (trusted is not null && CheckpointKey.KeyIdOf(trusted) == "(no key)") throw new CliException("--public-key is not base64 of a 32-byte Ed25519 public key.");
            if (source is not null) return await VerifyCheckpointsAsync(output, source, only, trusted, ct);
            if (trusted is not null) throw new CliException("--public-key needs --checkpoints.");

            await using var db = await CliDatabase.OpenAsync(ct, migrate: false);
            var results = await LedgerVerifier.VerifyAsync(db.Store, only, cancellationToken: ct);
            if (only is not null && results.Count == 0) throw new CliException($"No ledger for tenant '{only}'.");
            var exit = 0;
            foreach (var r in results)
                if (!await WriteChainAsync(output, r)) exit = TamperedExitCode;
            if (results.Count == 0) await output.WriteLineAsync("no ledgers yet");
            return exit;
        }));
        return verify;
    }

    private static async Task<bool> WriteChainAsync(TextWriter output, ChainVerification r)
    {
        if (r.Problem is null)
        {
            await output.WriteLineAsync($"{r.TenantId}: verified {r.EventCount} events, head {r.HeadHashHex}");
            return true;
        }
        await output.WriteLineAsync($"{r.TenantId}: FAILED at position {r.Problem.Position}: {r.Problem.Kind}: {r.Problem.Reason}");
        return false;
    }

    private static async Task<int> VerifyCheckpointsAsync(TextWriter output, string source, string? only, string? trusted, CancellationToken ct)
    {
        var published = await CheckpointSource.ReadAsync(source, ct);
        if (only is not null) published = [.. published.Where(c => c.Alliance == only)];
        if (published.Count == 0) throw new CliException($"{source} holds no checkpoint of '{only}'.");
        await using var db = await CliDatabase.OpenAsync(ct, migrate: false);
        var result = await CheckpointVerifier.VerifyAsync(db.Store, published, trusted, ct);
        foreach (var chain in result.Chains) await WriteChainAsync(output, chain);
        foreach (var check in result.Checkpoints)
            await output.WriteLineAsync(check.Holds
                ? $"{check.Checkpoint}: extended (key {check.Checkpoint.KeyId})"
                : $"{check.Checkpoint}: FAILED: {check.Problem}");
        return result.Holds ? 0 : TamperedExitCode;
    }

    private static Command Keygen(TextWriter output, TextWriter error)
    {
        var file = new Option<string>("--out") { Description = "Where to write the private key (PKCS#8 PEM, readable by its owner only). Never overwritten.", Required = true };
        var keygen = new Command("keygen", "Make an Ed25519 key to sign checkpoints; configure it as Governance:Checkpoints:KeyFile.") { file };
        keygen.SetAction((parse, _) => GovernanceCli.Guarded(error, async () =>
        {
            var path = parse.GetValue(file)!;
            if (File.Exists(path)) throw new CliException($"{path} exists already; a signing key is never overwritten.");
            try
            {
                if (!CheckpointKeys.TryCreateKeyFile(path)) throw new CliException($"{path} exists already; a signing key is never overwritten.");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"Cannot write {path}: {ex.Message}");
            }
            using var key = CheckpointKey.Import(await File.ReadAllTextAsync(path));
            await output.WriteLineAsync($"wrote {Path.GetFullPath(path)}");
            await output.WriteLineAsync($"key id {key.KeyId}");
            await output.WriteLineAsync($"public key {key.PublicKey}");
            await output.WriteAsync(key.ExportPublicPem());
            return 0;
        }));
        return keygen;
    }

    private static Command Sign(TextWriter output, TextWriter error)
    {
        var alliance = new Option<string?>("--alliance") { Description = "Only this alliance." };
        var file = new Option<string?>("--out") { Description = "Also write the checkpoints (a JSON array) to this file." };
        var sign = new Command("checkpoint", "Sign a checkpoint of each alliance's head now (the server does so every hour and after each meeting).") { alliance, file };
        sign.SetAction((parse, ct) => GovernanceCli.Guarded(error, async () =>
        {
            var only = parse.GetValue(alliance);
            if (only is not null && !LedgerId.IsValid(only)) throw new CliException($"'{only}' is not a valid alliance id.");
            using var key = CliKeys.Load(error);
            await using var db = await CliDatabase.OpenAsync(ct);
            var store = new CheckpointStore(db.DataSource);
            var signer = new CheckpointSigner(db.Store, store, TimeProvider.System);
            var heads = (await db.Ledger.GetTenantHeadsAsync(ct)).Where(h => only is null || h.TenantId == only).ToList();
            if (only is not null && heads.Count == 0) throw new CliException($"No ledger for alliance '{only}'.");
            var signed = new List<Checkpoint>();
            var exit = 0;
            foreach (var head in heads)
            {
                try
                {
                    var (checkpoint, isNew) = await signer.SignHeadAsync(key, head.TenantId, ct);
                    signed.Add(checkpoint);
                    await output.WriteLineAsync($"{checkpoint}: {(isNew ? "signed" : "already signed")}, head {checkpoint.HeadHash}");
                }
                catch (CheckpointRefusedException ex)
                {
                    exit = TamperedExitCode;
                    await output.WriteLineAsync($"{head.TenantId}: NOT SIGNED: {ex.Message}");
                }
            }
            if (parse.GetValue(file) is { } path) await File.WriteAllTextAsync(path, CheckpointJson.SerializeMany(signed), ct);
            return exit;
        }));
        return sign;
    }
}

/// <summary>The signing key for CLI verbs: the same settings as the host, from environment variables (<c>Governance__Checkpoints__KeyFile</c>).</summary>
public static class CliKeys
{
    public static Microsoft.Extensions.Configuration.IConfiguration Configuration() =>
        new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(CliEnvironment.AsConfiguration()).Build();

    /// <summary>DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT, Production when neither is set (as for the host).</summary>
    public static bool IsProduction()
    {
        var name = CliEnvironment.Get("DOTNET_ENVIRONMENT") ?? CliEnvironment.Get("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return string.Equals(name, "Production", StringComparison.OrdinalIgnoreCase);
    }

    public static CheckpointKey Load(TextWriter error)
    {
        CheckpointKeys.Loaded loaded;
        try
        {
            loaded = CheckpointKeys.Load(Configuration(), IsProduction());
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException(ex.Message);
        }
        if (loaded.Key is null) throw new CliException(loaded.Warning!);
        if (loaded.Warning is not null) error.WriteLine("warning: " + loaded.Warning);
        return loaded.Key;
    }
}

/// <summary>Published checkpoints from a file or a URL (an API page's <c>next</c> links are followed).</summary>
public static class CheckpointSource
{
    public static async Task<IReadOnlyList<Checkpoint>> ReadAsync(string source, CancellationToken ct)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return await FetchAsync(uri, ct);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(source, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot read checkpoints from {source}: {ex.Message}");
        }
        return Parse(source, text);
    }

    private static IReadOnlyList<Checkpoint> Parse(string source, string text)
    {
        try
        {
            return CheckpointJson.ParseMany(text);
        }
        catch (FormatException ex)
        {
            throw new CliException($"{source} is not a checkpoints file: {ex.Message}");
        }
    }

    private static async Task<IReadOnlyList<Checkpoint>> FetchAsync(Uri uri, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var all = new List<Checkpoint>();
        Uri? next = uri;
        for (var pages = 0; next is not null && pages < 10_000; pages++)
        {
            string text;
            try
            {
                using var response = await http.GetAsync(next, ct);
                if (!response.IsSuccessStatusCode) throw new CliException($"{next} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                text = await response.Content.ReadAsStringAsync(ct);
            }
            catch (HttpRequestException ex)
            {
                throw new CliException($"Cannot fetch {next}: {ex.Message}");
            }
            all.AddRange(Parse(next.ToString(), text));
            next = NextPage(next, text);
        }
        return all;
    }

    private static Uri? NextPage(Uri current, string text)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
            && doc.RootElement.TryGetProperty("page", out var page) && page.ValueKind == System.Text.Json.JsonValueKind.Object
            && page.TryGetProperty("next", out var next) && next.GetString() is { Length: > 0 } link
            ? new Uri(current, link)
            : null;
    }
}
