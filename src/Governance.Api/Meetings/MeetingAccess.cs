using Governance.Api.Auth;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;

namespace Governance.Api.Meetings;

/// <summary>
/// Who may send which meeting command. One list per command group, used by the endpoints'
/// <c>RequireRoles</c> and by the meeting pages (to show a form and to refuse a forged post), so the two never disagree.
/// </summary>
public static class MeetingRoles
{
    /// <summary>R17: the year planning is kept by the secretary and chair; an alliance admin may set it up.</summary>
    public static readonly Role[] Planners = [Role.Secretary, Role.Chair, Role.Admin];

    /// <summary>R1: the draft agenda is the secretary's (with the chair).</summary>
    public static readonly Role[] AgendaKeepers = [Role.Secretary, Role.Chair];

    /// <summary>R2–R5: a partner puts items and documents forward through its representative; the officers may enter them for a partner.</summary>
    public static readonly Role[] Contributors = [Role.Representative, Role.Secretary, Role.Chair];

    /// <summary>Accepting, deferring, rejecting and taking up items, opening and closing: the chair's.</summary>
    public static readonly Role[] Chair = [Role.Chair];

    /// <summary>R6: announcing the residents' meeting is the secretary's; so are the minutes.</summary>
    public static readonly Role[] Secretary = [Role.Secretary];

    /// <summary>Attendance (R15) and deadline extensions (R19): the chair and the secretary.</summary>
    public static readonly Role[] ChairOrSecretary = [Role.Chair, Role.Secretary];

    /// <summary>R7: only the residents themselves may waive their information period.</summary>
    public static readonly Role[] Waivers = [Role.Representative];
}

/// <summary>
/// The host's part of the meeting commands that needs facts from outside the meeting's stream: whether someone may act
/// for a partner, whether that partner is at the table (and its body), and whether an earlier meeting deferred an item
/// here (R3). The endpoints and the pages both decide with these, before the decider sees the command.
/// </summary>
public static class MeetingFacts
{
    public enum PartnerCheck
    {
        Allowed,

        /// <summary>Who you are: a representative acting for a partner they do not represent (403).</summary>
        Forbidden,

        /// <summary>The partner is unknown or has left (409 <c>partner.not-a-member</c>).</summary>
        NotAMember,
    }

    /// <summary>R2/R3: someone acting only as a representative acts for their own partner; the secretary and chair for any member partner.</summary>
    public static PartnerCheck MayContributeFor(Actor actor, AllianceView alliance, PartnerId partner)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(alliance);
        var officer = actor.Has(alliance.Id, Role.Secretary) || actor.Has(alliance.Id, Role.Chair);
        if (!officer && !actor.RepresentedPartners(alliance.Id).Contains(partner)) return PartnerCheck.Forbidden;
        return alliance.Partner(partner) is { IsMember: true } ? PartnerCheck.Allowed : PartnerCheck.NotAMember;
    }

    /// <summary>R7: a person waives only for a partner they represent; the partner's body (which the decider checks) comes from the alliance.</summary>
    public static PartnerCheck MayWaiveFor(Actor actor, AllianceView alliance, PartnerId partner)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(alliance);
        if (!actor.RepresentedPartners(alliance.Id).Contains(partner)) return PartnerCheck.Forbidden;
        return alliance.Partner(partner) is { IsMember: true } ? PartnerCheck.Allowed : PartnerCheck.NotAMember;
    }

    /// <summary>The member partner's body as the alliance records it (R7, R15 count it), or null when it is not at the table.</summary>
    public static PartnerBody? BodyOf(AllianceView alliance, PartnerId partner) =>
        alliance?.Partner(partner) is { IsMember: true } member ? member.Body : null;

    /// <summary>R3: <paramref name="from"/> deferred the item with this id, to <paramref name="to"/> or to no meeting in particular.</summary>
    public static async Task<bool> WasDeferredAsync(
        AllianceId alliance, MeetingId from, MeetingId to, AgendaItemId item, MeetingQueries meetings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        // From itself is the decider's refusal (item.carried-over-from-itself), with its own code.
        return from == to || (await meetings.GetAsync(alliance, from, null, cancellationToken) is { State: Meeting.State.Scheduled earlier }
            && earlier.Items.TryGetValue(item, out var deferred)
            && deferred.Status == AgendaItemStatus.Deferred && (deferred.DeferredTo is null || deferred.DeferredTo == to));
    }
}
