using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Governance.Domain;

/// <summary>
/// A pseudonymous person: <c>p-</c> and 12 lower-case hex digits. Names, e-mail addresses and phone numbers
/// live in the host's erasable <c>people</c> table, never in events; the hex-only format keeps a name or an
/// address from being smuggled in as an id.
/// </summary>
public readonly partial record struct PersonId : IIdentifier, IParsable<PersonId>
{
    public const int RandomBytes = 6;

    private readonly string? _value;

    public PersonId(string value)
    {
        if (!IsValid(value))
        {
            throw new FormatException($"'{value}' is not a valid person id: use 'p-' and 12 lower-case hex digits.");
        }

        _value = value;
    }

    public string Value => _value ?? throw new InvalidOperationException("This PersonId was never initialised.");

    /// <summary>A new id from <see cref="RandomBytes"/> random bytes that the caller draws; the domain has no randomness of its own.</summary>
    public static PersonId FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == RandomBytes
            ? new PersonId("p-" + Convert.ToHexStringLower(bytes))
            : throw new ArgumentException($"A person id is made from exactly {RandomBytes} bytes.", nameof(bytes));

    // Not Value: a debugger or log line must not throw on a default instance.
    public override string ToString() => _value ?? string.Empty;

    public static PersonId Parse(string s) => new(s);

    // Explicit: ids do not depend on culture, and a public provider overload would make callers pass one (CA1305).
    static PersonId IParsable<PersonId>.Parse(string s, IFormatProvider? provider) => new(s);

    static bool IParsable<PersonId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PersonId result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out PersonId result)
    {
        if (IsValid(s))
        {
            result = new PersonId(s);
            return true;
        }

        result = default;
        return false;
    }

    private static bool IsValid([NotNullWhen(true)] string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex(@"^p-[0-9a-f]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
