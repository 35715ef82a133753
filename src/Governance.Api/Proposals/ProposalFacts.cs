using System.Collections.Immutable;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.Projections.Alliances;
using NodaTime;

namespace Governance.Api.Proposals;

/// <summary>
/// The facts from other streams a proposal's commands need, read the same way by the API, the pages and the demo seed:
/// the vote's electorate from the alliance (members, bodies, mandates, declarations, agreements) and the meeting
/// (who is present).
/// </summary>
public static class ProposalFacts
{
    /// <summary>R8/R13/R14/R16: the chair opens the vote on the alliance and the table as they are now.</summary>
    public static Domain.Proposals.OpenVote OpenVote(VoteGround ground, AllianceView alliance, Meeting.State? meeting, Instant now)
    {
        ArgumentNullException.ThrowIfNull(alliance);
        var attendance = meeting is Meeting.State.Scheduled s ? s.Attendance : ImmutableDictionary<PersonId, Meeting.Attendee>.Empty;
        var presentPartners = attendance.Values.Select(a => a.Partner).ToHashSet();
        var members = alliance.Partners.Where(p => p.IsMember)
            .Select(p => new EligiblePartner(p.Id, p.Body, p.Kind == PartnerKind.ResidentsCollective, presentPartners.Contains(p.Id)));
        var representatives = alliance.Representatives.Where(r => attendance.ContainsKey(r.Person))
            .Select(r => new PresentRepresentative(r.Person, r.Partner, r.HasMandate)).ToList();
        var declarations = alliance.Declarations.Where(d => d.IsActive && representatives.Any(r => r.Person == d.Person))
            .Select(d => new InterestOnRecord(d.Id, d.Person, d.Partner, d.Organisation));
        return new Domain.Proposals.OpenVote(ground, alliance.Agreements, [.. members], [.. representatives], [.. declarations], now);
    }
}
