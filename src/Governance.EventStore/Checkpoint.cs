using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Governance.EventStore;

/// <summary>
/// A signed statement that an alliance's chain had <see cref="HeadHash"/> at <see cref="Position"/>, signed at
/// <see cref="Time"/> (format <c>ledger-checkpoint-v1</c>, ADR 0007). Held outside the database by whoever received it,
/// it lets a later check tell whether the ledger still extends what was published.
/// </summary>
/// <param name="Alliance">The tenant (alliance) id.</param>
/// <param name="Position">How many events the chain held: the position of <see cref="HeadHash"/>.</param>
/// <param name="HeadHash">The chain's hash at <see cref="Position"/>, 64 lower-case hex digits.</param>
/// <param name="Time">When it was signed, UTC, whole seconds.</param>
/// <param name="PublicKey">The signer's Ed25519 public key, base64 of its 32 raw bytes.</param>
/// <param name="Signature">Ed25519 (RFC 8032) over <see cref="SignedText"/>, base64 of its 64 bytes.</param>
public sealed record Checkpoint(string Alliance, long Position, string HeadHash, DateTimeOffset Time, string PublicKey, string Signature)
{
    /// <summary>The format tag, the first line of the signed text.</summary>
    public const string Format = "ledger-checkpoint-v1";

    /// <summary>
    /// The UTF-8 text that is signed: five lines, each ending in <c>\n</c>: the format tag, the alliance, the position,
    /// the head hash, and the time as <c>yyyy-MM-ddTHH:mm:ssZ</c>.
    /// </summary>
    public static string SignedTextOf(string alliance, long position, string headHash, DateTimeOffset time) =>
        string.Create(CultureInfo.InvariantCulture, $"{Format}\n{alliance}\n{position}\n{headHash}\n{TimeText(time)}\n");

    /// <summary>This checkpoint's signed text.</summary>
    public string SignedText => SignedTextOf(Alliance, Position, HeadHash, Time);

    /// <summary>A short id of the signing key: the first 16 hex digits of SHA-256 of its raw public key.</summary>
    public string KeyId => CheckpointKey.KeyIdOf(PublicKey);

    /// <summary>The time as it is signed and published.</summary>
    public static string TimeText(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>How the checkpoint is named in messages: alliance, position and time.</summary>
    public override string ToString() => $"checkpoint {Alliance}@{Position} ({TimeText(Time)})";

    /// <summary>True when <see cref="Signature"/> is a valid Ed25519 signature of <see cref="SignedText"/> by <see cref="PublicKey"/>.</summary>
    public bool HasValidSignature()
    {
        if (!TryBase64(PublicKey, 32, out var raw) || !TryBase64(Signature, 64, out var signature)) return false;
        if (!LedgerId.IsValid(Alliance) || Position < 0 || HeadHash.Length != 64 || !HeadHash.All(char.IsAsciiHexDigitLower)) return false;
        if (!PublicKeyImport(raw, out var key)) return false;
        return SignatureAlgorithm.Ed25519.Verify(key, Encoding.UTF8.GetBytes(SignedText), signature);
    }

    private static bool PublicKeyImport(byte[] raw, out NSec.Cryptography.PublicKey key) =>
        NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out key!);

    private static bool TryBase64(string text, int length, out byte[] bytes)
    {
        bytes = new byte[length];
        return Convert.TryFromBase64String(text, bytes, out var written) && written == length;
    }
}

/// <summary>
/// The Ed25519 key that signs checkpoints (NSec, on libsodium). It lives outside the database: a PKCS#8 PEM file
/// (<c>governance ledger keygen</c>) or a configured secret.
/// </summary>
public sealed class CheckpointKey : IDisposable
{
    private readonly Key _key;

    private CheckpointKey(Key key)
    {
        _key = key;
        PublicKey = Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The public key, base64 of its 32 raw bytes (what a checkpoint carries).</summary>
    public string PublicKey { get; }

    /// <summary>The public key's short id.</summary>
    public string KeyId => KeyIdOf(PublicKey);

    /// <summary>A new random key.</summary>
    public static CheckpointKey Create() =>
        new(Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>
    /// A key from its PKCS#8 PEM text (<c>-----BEGIN PRIVATE KEY-----</c>, as <c>keygen</c> and <c>openssl genpkey
    /// -algorithm ed25519</c> write it) or from base64 of its 32-byte seed.
    /// </summary>
    /// <exception cref="FormatException">The text is neither.</exception>
    public static CheckpointKey Import(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        var trimmed = text.Trim();
        if (trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            if (Key.TryImport(SignatureAlgorithm.Ed25519, Encoding.ASCII.GetBytes(trimmed), KeyBlobFormat.PkixPrivateKeyText, out var pem, in parameters) && pem is not null)
                return new CheckpointKey(pem);
            throw new FormatException("The PEM text is not an Ed25519 private key (PKCS#8).");
        }
        var seed = new byte[32];
        if (Convert.TryFromBase64String(trimmed, seed, out var written) && written == 32
            && Key.TryImport(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, out var raw, in parameters) && raw is not null)
            return new CheckpointKey(raw);
        throw new FormatException("The key is neither an Ed25519 private key in PEM (PKCS#8) nor base64 of a 32-byte seed.");
    }

    /// <summary>The private key as PKCS#8 PEM text, to store in a key file.</summary>
    public string ExportPem() => Encoding.ASCII.GetString(_key.Export(KeyBlobFormat.PkixPrivateKeyText));

    /// <summary>The public key as SubjectPublicKeyInfo PEM text (for <c>openssl pkeyutl -verify</c>).</summary>
    public string ExportPublicPem() => Encoding.ASCII.GetString(_key.PublicKey.Export(KeyBlobFormat.PkixPublicKeyText));

    /// <summary>Signs that <paramref name="alliance"/>'s chain had <paramref name="headHash"/> at <paramref name="position"/>, at <paramref name="time"/> (truncated to seconds).</summary>
    public Checkpoint Sign(string alliance, long position, ReadOnlySpan<byte> headHash, DateTimeOffset time)
    {
        LedgerId.Require(alliance, "alliance");
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        if (headHash.Length != 32) throw new ArgumentException("A head hash is 32 bytes.", nameof(headHash));
        var seconds = DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
        var hex = Convert.ToHexStringLower(headHash);
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(Checkpoint.SignedTextOf(alliance, position, hex, seconds)));
        return new Checkpoint(alliance, position, hex, seconds, PublicKey, Convert.ToBase64String(signature));
    }

    /// <summary>The first 16 hex digits of SHA-256 of the raw public key given in base64 (or the text itself when it is not base64).</summary>
    public static string KeyIdOf(string publicKey)
    {
        var raw = new byte[32];
        return Convert.TryFromBase64String(publicKey ?? "", raw, out var n) && n == 32
            ? Convert.ToHexStringLower(SHA256.HashData(raw))[..16]
            : "(no key)";
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
