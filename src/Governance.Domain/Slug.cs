using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Governance.Domain;

internal static partial class Slug
{
    public const string Rule = "1–100 lower-case letters, digits and hyphens, starting with a letter or digit";

    public static bool IsValid([NotNullWhen(true)] string? value) => value is not null && Pattern().IsMatch(value);

    // \z, not $: $ would also accept a trailing newline.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,99}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
