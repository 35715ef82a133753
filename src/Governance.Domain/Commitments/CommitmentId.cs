using System.Diagnostics.CodeAnalysis;

namespace Governance.Domain.Commitments;

/// <summary>
/// Identifies one promise within its alliance, chosen by the host and never reused, e.g. <c>2026-05-12-bankjes-repareren</c>. At most <see cref="MaxLength"/>
/// characters, so that its stream id (<c>commitment-</c> and the slug) is still a valid stream id of the store.
/// </summary>
public readonly record struct CommitmentId : IIdentifier, IParsable<CommitmentId>
{
    public const int MaxLength = 100 - 11; // the store's ids are slugs of at most 100 characters; "commitment-" takes 11

    private readonly string? _value;

    public CommitmentId(string value)
    {
        if (!IsValid(value))
        {
            throw new FormatException($"'{value}' is not a valid commitment id: use {Slug.Rule}, at most {MaxLength}.");
        }

        _value = value;
    }

    public string Value => _value ?? throw new InvalidOperationException("This CommitmentId was never initialised.");

    /// <summary>The id of this commitment's stream within its alliance's tenant.</summary>
    public string StreamId => "commitment-" + Value;

    // Not Value: a debugger or log line must not throw on a default instance.
    public override string ToString() => _value ?? string.Empty;

    public static CommitmentId Parse(string s) => new(s);

    // Explicit: ids do not depend on culture, and a public provider overload would make callers pass one (CA1305).
    static CommitmentId IParsable<CommitmentId>.Parse(string s, IFormatProvider? provider) => new(s);

    static bool IParsable<CommitmentId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CommitmentId result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out CommitmentId result)
    {
        if (IsValid(s))
        {
            result = new CommitmentId(s);
            return true;
        }

        result = default;
        return false;
    }

    private static bool IsValid([NotNullWhen(true)] string? value) => Slug.IsValid(value) && value.Length <= MaxLength;
}
