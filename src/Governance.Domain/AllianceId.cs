using System.Diagnostics.CodeAnalysis;

namespace Governance.Domain;

/// <summary>The slug of an alliance, e.g. <c>osdorp-de-punt</c>; also the tenant id of the ledger.</summary>
public readonly record struct AllianceId : IIdentifier, IParsable<AllianceId>
{
    private readonly string? _value;

    public AllianceId(string value)
    {
        if (!Slug.IsValid(value))
        {
            throw new FormatException($"'{value}' is not a valid alliance id: use {Slug.Rule}.");
        }

        _value = value;
    }

    public string Value => _value ?? throw new InvalidOperationException("This AllianceId was never initialised.");

    // Not Value: a debugger or log line must not throw on a default instance.
    public override string ToString() => _value ?? string.Empty;

    public static AllianceId Parse(string s) => new(s);

    // Explicit: ids do not depend on culture, and a public provider overload would make callers pass one (CA1305).
    static AllianceId IParsable<AllianceId>.Parse(string s, IFormatProvider? provider) => new(s);

    static bool IParsable<AllianceId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out AllianceId result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out AllianceId result)
    {
        if (Slug.IsValid(s))
        {
            result = new AllianceId(s);
            return true;
        }

        result = default;
        return false;
    }
}
