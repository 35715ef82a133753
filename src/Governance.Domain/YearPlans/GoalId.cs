using System.Diagnostics.CodeAnalysis;

namespace Governance.Domain.YearPlans;

/// <summary>Identifies one goal of a plan, e.g. <c>speelplek-veilig</c>; chosen by the host, never reused within the plan.</summary>
public readonly record struct GoalId : IIdentifier, IParsable<GoalId>
{
    private readonly string? _value;

    public GoalId(string value)
    {
        if (!Slug.IsValid(value))
        {
            throw new FormatException($"'{value}' is not a valid goal id: use {Slug.Rule}.");
        }

        _value = value;
    }

    public string Value => _value ?? throw new InvalidOperationException("This GoalId was never initialised.");

    // Not Value: a debugger or log line must not throw on a default instance.
    public override string ToString() => _value ?? string.Empty;

    public static GoalId Parse(string s) => new(s);

    // Explicit: ids do not depend on culture, and a public provider overload would make callers pass one (CA1305).
    static GoalId IParsable<GoalId>.Parse(string s, IFormatProvider? provider) => new(s);

    static bool IParsable<GoalId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out GoalId result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out GoalId result)
    {
        if (Slug.IsValid(s))
        {
            result = new GoalId(s);
            return true;
        }

        result = default;
        return false;
    }
}
