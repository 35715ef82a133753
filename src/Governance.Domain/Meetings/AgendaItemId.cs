using System.Diagnostics.CodeAnalysis;

namespace Governance.Domain.Meetings;

/// <summary>Identifies one agenda item of a meeting, e.g. <c>verkeersveiligheid</c>; chosen by the host, never reused within the meeting.</summary>
public readonly record struct AgendaItemId : IIdentifier, IParsable<AgendaItemId>
{
    private readonly string? _value;

    public AgendaItemId(string value)
    {
        if (!Slug.IsValid(value))
        {
            throw new FormatException($"'{value}' is not a valid agenda item id: use {Slug.Rule}.");
        }

        _value = value;
    }

    public string Value => _value ?? throw new InvalidOperationException("This AgendaItemId was never initialised.");

    // Not Value: a debugger or log line must not throw on a default instance.
    public override string ToString() => _value ?? string.Empty;

    public static AgendaItemId Parse(string s) => new(s);

    // Explicit: ids do not depend on culture, and a public provider overload would make callers pass one (CA1305).
    static AgendaItemId IParsable<AgendaItemId>.Parse(string s, IFormatProvider? provider) => new(s);

    static bool IParsable<AgendaItemId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out AgendaItemId result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out AgendaItemId result)
    {
        if (Slug.IsValid(s))
        {
            result = new AgendaItemId(s);
            return true;
        }

        result = default;
        return false;
    }
}
