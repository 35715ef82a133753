using System.Diagnostics.CodeAnalysis;

namespace Governance.Domain.YearPlans;

/// <summary>
/// Identifies one plan within its alliance: its year (the year plan and the long-term plan that runs from it), e.g. <c>2026</c>. At most <see cref="MaxLength"/>
/// characters, so that its stream id (<c>yearplan-</c> and the slug) is still a valid stream id of the store.
/// </summary>
public readonly record struct YearPlanId : IIdentifier, IParsable<YearPlanId>
{
    public const int MaxLength = 100 - 9; // the store's ids are slugs of at most 100 characters; "yearplan-" takes 9

    private readonly string? _value;

    public YearPlanId(string value)
    {
        if (!IsValid(value))
        {
            throw new FormatException($"'{value}' is not a valid year plan id: use {Slug.Rule}, at most {MaxLength}.");
        }

        _value = value;
    }

    public string Value => _value ?? throw new InvalidOperationException("This YearPlanId was never initialised.");

    /// <summary>The id of this year plan's stream within its alliance's tenant.</summary>
    public string StreamId => "yearplan-" + Value;

    // Not Value: a debugger or log line must not throw on a default instance.
    public override string ToString() => _value ?? string.Empty;

    public static YearPlanId Parse(string s) => new(s);

    // Explicit: ids do not depend on culture, and a public provider overload would make callers pass one (CA1305).
    static YearPlanId IParsable<YearPlanId>.Parse(string s, IFormatProvider? provider) => new(s);

    static bool IParsable<YearPlanId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out YearPlanId result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out YearPlanId result)
    {
        if (IsValid(s))
        {
            result = new YearPlanId(s);
            return true;
        }

        result = default;
        return false;
    }

    private static bool IsValid([NotNullWhen(true)] string? value) => Slug.IsValid(value) && value.Length <= MaxLength;
}
