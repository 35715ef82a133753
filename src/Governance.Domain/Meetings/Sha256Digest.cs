using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Governance.Domain.Meetings;

/// <summary>
/// The SHA-256 of a file's content as 64 lower-case hex digits: with it in the event, the ledger proves which
/// bytes were shared when, wherever the host keeps the file. The host hashes; the domain reads no files.
/// An <see cref="IIdentifier"/> because it identifies content, so the host writes it as its plain string.
/// </summary>
public readonly partial record struct Sha256Digest : IIdentifier, IParsable<Sha256Digest>
{
    public const int Bytes = 32;

    private readonly string? _value;

    public Sha256Digest(string value)
    {
        if (!IsValid(value))
        {
            throw new FormatException($"'{value}' is not a SHA-256 digest: use 64 lower-case hex digits.");
        }

        _value = value;
    }

    public string Value => _value ?? throw new InvalidOperationException("This Sha256Digest was never initialised.");

    /// <summary>The digest from the <see cref="Bytes"/> bytes that the host's hash function returned.</summary>
    public static Sha256Digest FromBytes(ReadOnlySpan<byte> digest) =>
        digest.Length == Bytes
            ? new Sha256Digest(Convert.ToHexStringLower(digest))
            : throw new ArgumentException($"A SHA-256 digest is exactly {Bytes} bytes.", nameof(digest));

    // Not Value: a debugger or log line must not throw on a default instance.
    public override string ToString() => _value ?? string.Empty;

    public static Sha256Digest Parse(string s) => new(s);

    // Explicit: digests do not depend on culture, and a public provider overload would make callers pass one (CA1305).
    static Sha256Digest IParsable<Sha256Digest>.Parse(string s, IFormatProvider? provider) => new(s);

    static bool IParsable<Sha256Digest>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Sha256Digest result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out Sha256Digest result)
    {
        if (IsValid(s))
        {
            result = new Sha256Digest(s);
            return true;
        }

        result = default;
        return false;
    }

    private static bool IsValid([NotNullWhen(true)] string? value) => value is not null && Pattern().IsMatch(value);

    // Lower case only: one digest has one spelling, so equal content always compares equal.
    [GeneratedRegex(@"^[0-9a-f]{64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
