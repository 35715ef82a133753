using System.Text.RegularExpressions;
using Governance.Domain;
using Governance.Projections.Alliances;

namespace Governance.Api.Timeline;

/// <summary>
/// Fills in a stored timeline sentence: <c>{p-…}</c> becomes the person's name (names are erasable, so the ledger keeps
/// only the id) and <c>{partner:…}</c> the partner's name as the alliance knows it (a resident does not know the slug).
/// Shared by the JSON timeline and the page, so both say the same.
/// </summary>
public static partial class TimelineText
{
    [GeneratedRegex(@"\{(p-[0-9a-f]{12})\}")]
    private static partial Regex PersonPattern();

    [GeneratedRegex(@"\{partner:([a-z0-9-]+)\}")]
    private static partial Regex PartnerPattern();

    /// <summary>The people a sentence names, to look their names up once per page.</summary>
    public static IEnumerable<PersonId> People(string sentence) =>
        PersonPattern().Matches(sentence).Select(m => m.Groups[1].Value).Where(p => PersonId.TryParse(p, out _)).Select(PersonId.Parse);

    /// <summary>
    /// The sentence with names: an erased person reads "iemand"; a partner the alliance does not know (never the case for
    /// its own events) keeps its short name.
    /// </summary>
    public static string FillIn(string sentence, IReadOnlyDictionary<PersonId, string> names, AllianceView alliance)
    {
        var withPeople = PersonPattern().Replace(sentence,
            m => names.TryGetValue(PersonId.Parse(m.Groups[1].Value), out var name) && name.Length > 0 ? name : "iemand");
        return PartnerPattern().Replace(withPeople,
            m => PartnerId.TryParse(m.Groups[1].Value, out var id) && alliance.Partner(id) is { } partner ? partner.Name : m.Groups[1].Value);
    }
}
