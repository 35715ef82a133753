using System.Diagnostics.CodeAnalysis;

namespace Governance.Domain.Escalations;

/// <summary>
/// Identifies one dispute within its alliance, chosen by the host and never reused, e.g. <c>onbeantwoord-advies-bankjes</c>. At most <see cref="MaxLength"/>
/// characters, so that its stream id (<c>escalation-</c> and the slug) is still a valid stream id of the store.
/// </summary>
public readonly record struct EscalationId : IIdentifier, IParsable<EscalationId>
{
    public const int MaxLength = 100 - 11; // the store's ids are slugs of at most 100 characters; "escalation-" takes 11

    private readonly string? _value;

    public EscalationId(string value)
    {
        if (!IsValid(value))
        {
            throw new FormatException($"'{value}' is not a valid escalation id: use {Slug.Rule}, at most {MaxLength}.");
        }

        _value = value;
    }

    public string Value => _value ?? throw new InvalidOperationException("This EscalationId was never initialised.");

    /// <summary>The id of this escalation's stream within its alliance's tenant.</summary>
    public string StreamId => "escalation-" + Value;

    // Not Value: a debugger or log line must not throw on a default instance.
    public override string ToString() => _value ?? string.Empty;

    public static EscalationId Parse(string s) => new(s);

    // Explicit: ids do not depend on culture, and a public provider overload would make callers pass one (CA1305).
    static EscalationId IParsable<EscalationId>.Parse(string s, IFormatProvider? provider) => new(s);

    static bool IParsable<EscalationId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out EscalationId result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out EscalationId result)
    {
        if (IsValid(s))
        {
            result = new EscalationId(s);
            return true;
        }

        result = default;
        return false;
    }

    private static bool IsValid([NotNullWhen(true)] string? value) => Slug.IsValid(value) && value.Length <= MaxLength;
}
