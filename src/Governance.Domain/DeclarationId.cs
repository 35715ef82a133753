using System.Diagnostics.CodeAnalysis;

namespace Governance.Domain;

/// <summary>Identifies one entry of the interest register (R16); chosen by the host, never reused.</summary>
public readonly record struct DeclarationId : IIdentifier, IParsable<DeclarationId>
{
    private readonly string? _value;

    public DeclarationId(string value)
    {
        if (!Slug.IsValid(value))
        {
            throw new FormatException($"'{value}' is not a valid declaration id: use {Slug.Rule}.");
        }

        _value = value;
    }

    public string Value => _value ?? throw new InvalidOperationException("This DeclarationId was never initialised.");

    // Not Value: a debugger or log line must not throw on a default instance.
    public override string ToString() => _value ?? string.Empty;

    public static DeclarationId Parse(string s) => new(s);

    // Explicit: ids do not depend on culture, and a public provider overload would make callers pass one (CA1305).
    static DeclarationId IParsable<DeclarationId>.Parse(string s, IFormatProvider? provider) => new(s);

    static bool IParsable<DeclarationId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out DeclarationId result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out DeclarationId result)
    {
        if (Slug.IsValid(s))
        {
            result = new DeclarationId(s);
            return true;
        }

        result = default;
        return false;
    }
}
