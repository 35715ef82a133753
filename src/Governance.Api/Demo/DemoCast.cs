using Governance.Domain;
using Governance.Domain.Alliances;

namespace Governance.Api.Demo;

/// <summary>
/// Who plays whom in the demo story: people by e-mail (a short form "bewoner@" means "bewoner@osdorp.example"),
/// the partner each representative sits for, and each partner's mandated representative.
/// </summary>
public sealed class DemoCast(
    IReadOnlyDictionary<string, PersonId> people,
    IReadOnlyDictionary<string, (PartnerId Partner, PartnerBody Body)> seats,
    IReadOnlyDictionary<string, string> partnerNames,
    IReadOnlyDictionary<string, string> mandatedRepresentatives)
{
    public const string Domain = "osdorp.example";

    public PersonId Person(string email) => people[Full(email)];

    public (PartnerId Partner, PartnerBody Body) SeatOf(string email) => seats[Full(email)];

    public static PartnerId Partner(string id) => PartnerId.Parse(id);

    public string PartnerName(string id) => partnerNames[id];

    /// <summary>The e-mail of the partner's representative with mandate, who acts for it in the story.</summary>
    public string RepresentativeOf(string partner) => mandatedRepresentatives[partner];

    private static string Full(string email) => email.EndsWith('@') ? email + Domain : email;
}
