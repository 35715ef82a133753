using Governance.EventStore;

namespace Governance.Api.Checkpoints;

/// <summary>
/// Where the checkpoint signing key comes from (ADR 7): never the database. In order: the secret
/// <c>Governance:Checkpoints:Key</c> (PEM text or base64 of the 32-byte seed, e.g. from the environment variable
/// <c>Governance__Checkpoints__Key</c>), the file <c>Governance:Checkpoints:KeyFile</c> (made by
/// <c>governance ledger keygen --out FILE</c>). Outside Production, with neither, a key is made on first use in the data
/// directory (<c>Governance:DataDirectory</c>), with a warning; in Production there is then no key and nothing is signed.
/// </summary>
public static class CheckpointKeys
{
    public const string KeySetting = "Governance:Checkpoints:Key";
    public const string KeyFileSetting = "Governance:Checkpoints:KeyFile";
    public const string DataDirectorySetting = "Governance:DataDirectory";
    public const string GeneratedKeyFileName = "checkpoint-signing-key.pem";

    /// <summary>The key, and a sentence saying where it came from; or null and why there is none.</summary>
    public sealed record Loaded(CheckpointKey? Key, string Source, string? Warning);

    public static string DataDirectory(IConfiguration configuration) =>
        configuration[DataDirectorySetting] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "governance");

    /// <exception cref="InvalidOperationException">A configured key or key file that cannot be read: a clear message, never a silent new key.</exception>
    public static Loaded Load(IConfiguration configuration, bool isProduction)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[KeySetting] is { Length: > 0 } secret)
        {
            try
            {
                return new(CheckpointKey.Import(secret), $"the configured secret {KeySetting}", null);
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException($"{KeySetting} is not a usable key: {ex.Message}", ex);
            }
        }
        if (configuration[KeyFileSetting] is { Length: > 0 } file)
            return new(ReadFile(file, KeyFileSetting), $"the key file {Path.GetFullPath(file)}", null);
        if (isProduction)
            return new(null, "none", $"No checkpoint signing key is configured ({KeyFileSetting} or {KeySetting}); no checkpoints are signed. " +
                "Make one with `governance ledger keygen --out FILE`.");

        var path = Path.Combine(DataDirectory(configuration), GeneratedKeyFileName);
        var made = !File.Exists(path) && TryCreateKeyFile(path);
        return new(ReadFile(path, "the generated key file"), $"the generated key file {path}",
            $"No checkpoint signing key is configured; {(made ? "made" : "using")} {path}. Fine for a demo or a test, " +
            $"not for real use: configure {KeyFileSetting} (made with `governance ledger keygen --out FILE`) and keep the key out of the database.");
    }

    /// <summary>Writes a new key to <paramref name="path"/> (owner-only permissions); false when the file exists already.</summary>
    public static bool TryCreateKeyFile(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        using var key = CheckpointKey.Create();
        // Written aside, then moved into place without overwriting: two processes starting at once end with one key.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(key.ExportPem());
        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
    }

    private static CheckpointKey ReadFile(string path, string what)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Cannot read the checkpoint key ({what}: {path}): {ex.Message}", ex);
        }
        try
        {
            return CheckpointKey.Import(text);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"The checkpoint key in {path} is not usable: {ex.Message}", ex);
        }
    }
}

/// <summary>The host's signing key, loaded once, with its warning logged once.</summary>
public sealed class CheckpointKeyHolder(IConfiguration configuration, IHostEnvironment environment, ILogger<CheckpointKeyHolder> logger) : IDisposable
{
    private readonly Lazy<CheckpointKeys.Loaded> _loaded = new(() =>
    {
        var loaded = CheckpointKeys.Load(configuration, environment.IsProduction());
        if (loaded.Key is null) logger.LogError("{Warning}", loaded.Warning);
        else if (loaded.Warning is not null) logger.LogWarning("{Warning}", loaded.Warning);
        else logger.LogInformation("Checkpoints are signed with key {KeyId} from {Source}", loaded.Key.KeyId, loaded.Source);
        return loaded;
    });

    /// <summary>The key, or null in Production when none is configured.</summary>
    public CheckpointKey? Key => _loaded.Value.Key;

    public void Dispose()
    {
        if (_loaded.IsValueCreated) _loaded.Value.Key?.Dispose();
    }
}
