using System.Diagnostics.CodeAnalysis;

namespace Governance.Domain;

/// <summary>The slug of a partner organisation within an alliance, e.g. <c>ymere</c>.</summary>
public readonly record struct PartnerId : IIdentifier, IParsable<PartnerId>
{
    private readonly string? _value;

    public PartnerId(string value)
    {
        if (!Slug.IsValid(value))
        {
            throw new FormatException($"'{value}' is not a valid partner id: use {Slug.Rule}.");
        }

        _value = value;
    }

    public string Value => _value ?? throw new InvalidOperationException("This PartnerId was never initialised.");

    // Not Value: a debugger or log line must not throw on a default instance.
    public override string ToString() => _value ?? string.Empty;

    public static PartnerId Parse(string s) => new(s);

    // Explicit: ids do not depend on culture, and a public provider overload would make callers pass one (CA1305).
    static PartnerId IParsable<PartnerId>.Parse(string s, IFormatProvider? provider) => new(s);

    static bool IParsable<PartnerId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PartnerId result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out PartnerId result)
    {
        if (Slug.IsValid(s))
        {
            result = new PartnerId(s);
            return true;
        }

        result = default;
        return false;
    }
}
