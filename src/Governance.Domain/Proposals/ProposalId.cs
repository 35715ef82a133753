using System.Diagnostics.CodeAnalysis;

namespace Governance.Domain.Proposals;

/// <summary>
/// The slug of a proposal within its alliance, e.g. <c>2026-05-12-speelstraat</c>. At most <see cref="MaxLength"/>
/// characters, so that its stream id (<c>proposal-</c> and the slug) is still a valid stream id of the store.
/// </summary>
public readonly record struct ProposalId : IIdentifier, IParsable<ProposalId>
{
    public const int MaxLength = 100 - 9; // the store's ids are slugs of at most 100 characters; "proposal-" takes 9

    private readonly string? _value;

    public ProposalId(string value)
    {
        if (!IsValid(value))
        {
            throw new FormatException($"'{value}' is not a valid proposal id: use {Slug.Rule}, at most {MaxLength}.");
        }

        _value = value;
    }

    public string Value => _value ?? throw new InvalidOperationException("This ProposalId was never initialised.");

    /// <summary>The id of this proposal's stream within its alliance's tenant.</summary>
    public string StreamId => "proposal-" + Value;

    // Not Value: a debugger or log line must not throw on a default instance.
    public override string ToString() => _value ?? string.Empty;

    public static ProposalId Parse(string s) => new(s);

    // Explicit: ids do not depend on culture, and a public provider overload would make callers pass one (CA1305).
    static ProposalId IParsable<ProposalId>.Parse(string s, IFormatProvider? provider) => new(s);

    static bool IParsable<ProposalId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ProposalId result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out ProposalId result)
    {
        if (IsValid(s))
        {
            result = new ProposalId(s);
            return true;
        }

        result = default;
        return false;
    }

    private static bool IsValid([NotNullWhen(true)] string? value) => Slug.IsValid(value) && value.Length <= MaxLength;
}
