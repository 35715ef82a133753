using System.Text.RegularExpressions;

namespace Governance.EventStore;

/// <summary>Checks tenant and stream ids before any SQL is sent.</summary>
public static partial class LedgerId
{
    /// <summary>Lower-case letters, digits and hyphens; starts with a letter or digit; at most 100 characters.</summary>
    public const string Pattern = "^[a-z0-9][a-z0-9-]{0,99}$";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Valid();

    /// <summary>True when <paramref name="id"/> is a valid tenant or stream id.</summary>
    public static bool IsValid(string? id) => id is not null && Valid().IsMatch(id);

    /// <summary>Throws <see cref="InvalidLedgerIdException"/> unless <paramref name="id"/> is valid.</summary>
    public static string Require(string? id, string what) =>
        IsValid(id) ? id! : throw new InvalidLedgerIdException(what, id);
}
