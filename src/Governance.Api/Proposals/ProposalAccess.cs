using Governance.Api.Auth;
using Governance.Domain;
using Governance.Projections.Alliances;

namespace Governance.Api.Proposals;

/// <summary>
/// Who may send which proposal command, one list per group, used by the endpoints' <c>RequireRoles</c> and by the
/// decision pages (to show a form and to refuse a forged post), so the two never disagree.
/// </summary>
public static class ProposalRoles
{
    /// <summary>A partner tables (and amends, and objects) through its representative; the chair and secretary may enter it for a partner.</summary>
    public static readonly Role[] Tablers = [Role.Chair, Role.Secretary, Role.Representative];

    /// <summary>R21: the record of questions and reactions: the chair, or the secretary who keeps it.</summary>
    public static readonly Role[] Recorders = [Role.Chair, Role.Secretary];

    /// <summary>R8: the consent round, testing and resolving objections, the vote, withdrawal and deferral are the chair's.</summary>
    public static readonly Role[] Chair = [Role.Chair];

    /// <summary>A representative casts its own partner's vote.</summary>
    public static readonly Role[] Voters = [Role.Representative];

    /// <summary>R16: someone recuses themselves; the chair records a recusal declared at the table.</summary>
    public static readonly Role[] Recusers = [Role.Chair, Role.Representative];

    /// <summary>R9: the partner declines through its representative, or the chair records it at the table.</summary>
    public static readonly Role[] Decliners = [Role.Representative, Role.Chair];

    /// <summary>R9: the partner's motivation, by its representative or entered by the secretary.</summary>
    public static readonly Role[] Motivators = [Role.Representative, Role.Secretary];
}

/// <summary>
/// The host's checks of a proposal command that need who the actor is and facts from the alliance: for whom someone
/// may table, object, vote, recuse and decline. The endpoints and the pages both decide with these before the decider
/// sees the command; mandate, presence and recusal are the decider's (as the vote snapshotted them).
/// </summary>
public static class ProposalAccess
{
    public enum Check
    {
        Allowed,

        /// <summary>Who you are: acting for a partner or person you may not act for (403).</summary>
        Forbidden,

        /// <summary>A partner that is unknown or has left (409 <c>partner.not-a-member</c>).</summary>
        NotAMember,

        /// <summary>In the name of someone who does not represent the partner (409 <c>person.not-a-representative</c>).</summary>
        NotARepresentative,
    }

    /// <summary>
    /// A statement on behalf of a partner (a proposal, an objection, declining a decision under R9) is made by one of
    /// that partner's representatives in this alliance. An officer may enter it for that representative, never in the
    /// name of someone else: otherwise a resident could be recorded as speaking for the municipality, in public.
    /// </summary>
    public static bool Represents(AllianceView alliance, PersonId person, PartnerId partner)
    {
        ArgumentNullException.ThrowIfNull(alliance);
        return alliance.Representatives.Any(r => r.Person == person && r.Partner == partner);
    }

    public static bool IsOfficer(Actor actor, AllianceId alliance) =>
        actor is not null && (actor.Has(alliance, Role.Chair) || actor.Has(alliance, Role.Secretary));

    /// <summary>
    /// Tabling for <paramref name="partner"/> in the name of <paramref name="proposer"/>: someone acting only as a
    /// representative tables for their own partner in their own name; the officers enter it for anyone. The partner
    /// and every partner it concerns must be members; <paramref name="notMember"/> names the first that is not.
    /// </summary>
    public static Check MayTable(Actor actor, AllianceView alliance, PartnerId partner, PersonId proposer, IEnumerable<PartnerId> concerns, out PartnerId? notMember)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(alliance);
        notMember = null;
        var officer = IsOfficer(actor, alliance.Id);
        if (!officer && !actor.RepresentedPartners(alliance.Id).Contains(partner)) return Check.Forbidden;
        foreach (var p in concerns.Prepend(partner))
        {
            if (alliance.Partner(p) is { IsMember: true }) continue;
            notMember = p;
            return Check.NotAMember;
        }
        if (proposer != actor.Person && !officer) return Check.Forbidden;
        return Represents(alliance, proposer, partner) ? Check.Allowed : Check.NotARepresentative;
    }

    /// <summary>An amendment: the officers amend any proposal in the round, a representative only its own partner's.</summary>
    public static bool MayAmend(Actor actor, AllianceId alliance, PartnerId proposerPartner) =>
        IsOfficer(actor, alliance) || actor.RepresentedPartners(alliance).Contains(proposerPartner);

    /// <summary>Someone acting only as a representative objects in their own name, for their own partner; the officers record anyone's.</summary>
    public static bool MayObject(Actor actor, AllianceId alliance, PersonId by, PartnerId? partner) =>
        IsOfficer(actor, alliance) || (by == actor.Person && partner is { } p && actor.RepresentedPartners(alliance).Contains(p));

    /// <summary>A vote is cast for a partner you represent.</summary>
    public static bool MayCastFor(Actor actor, AllianceId alliance, PartnerId partner) =>
        actor is not null && actor.RepresentedPartners(alliance).Contains(partner);

    /// <summary>R16: you recuse yourself; only the chair records someone else's recusal.</summary>
    public static bool MayRecuse(Actor actor, AllianceId alliance, PersonId person) =>
        person == actor.Person || actor.Has(alliance, Role.Chair);

    /// <summary>
    /// R9: who declines for <paramref name="partner"/>: the chair records the refusal of the representative
    /// <paramref name="by"/> at the table; a representative speaks for itself. Null when the actor may not.
    /// </summary>
    public static PersonId? Decliner(Actor actor, AllianceId alliance, PartnerId partner, PersonId? by)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var chair = actor.Has(alliance, Role.Chair);
        if (!chair && !actor.RepresentedPartners(alliance).Contains(partner)) return null;
        return chair && by is { } person ? person : actor.Person;
    }

    /// <summary>R9: the motivation comes from the partner's representative, or the secretary enters it.</summary>
    public static bool MayMotivate(Actor actor, AllianceId alliance, PartnerId partner) =>
        actor.Has(alliance, Role.Secretary) || actor.RepresentedPartners(alliance).Contains(partner);
}
