using System.Collections.Immutable;
using Governance.Domain.Meetings;
using NodaTime;

namespace Governance.Domain.Proposals;

/// <summary>
/// What someone asks of a proposal. Closed: every command is in this file. Facts from other streams (the item's
/// decidability, members, mandates, weights, attendance, interest declarations, the agreements in force) are
/// inputs the host reads and passes here; who may ask (chair, a partner's representative) is the host's authorisation.
/// </summary>
public abstract record ProposalCommand
{
    private protected ProposalCommand(Instant now) => Now = now;

    /// <summary>When the host received the command; the domain never reads a clock.</summary>
    public Instant Now { get; init; }
}

/// <summary>
/// Puts a proposal (version 1 of <paramref name="Text"/>) on an agenda item. <paramref name="Decidability"/> is
/// <see cref="Meeting.State.IsDecidable"/> of that item now (R7); <paramref name="Concerns"/> are the partners
/// that would have to execute it (R9).
/// </summary>
public sealed record TableProposal(
    ProposalId Proposal,
    MeetingId Meeting,
    AgendaItemId Item,
    string Title,
    string Text,
    PartnerId ProposerPartner,
    PersonId Proposer,
    ImmutableArray<PartnerId> Concerns,
    Decidability Decidability,
    Instant Now) : ProposalCommand(Now);

/// <summary>A new version of the text, e.g. to integrate an objection; the earlier versions stay on record.</summary>
public sealed record AmendProposal(string Text, string Reason, Instant Now) : ProposalCommand(Now);

/// <summary>The chair opens the consent round (R8: consent first).</summary>
public sealed record OpenConsentRound(Instant Now) : ProposalCommand(Now);

/// <summary>A clarifying question or a reaction in the round, in summary (R21).</summary>
public sealed record RecordContribution(ContributionKind Kind, PersonId? By, PartnerId? Partner, string Summary, Instant Now) : ProposalCommand(Now);

/// <summary>A participant objects to the current version, with reasons.</summary>
public sealed record RaiseObjection(PersonId By, PartnerId? Partner, string Reasons, Instant Now) : ProposalCommand(Now);

/// <summary>
/// Objection <paramref name="Objection"/> was recorded with the wrong speaker (issue 13): <paramref name="By"/> and
/// <paramref name="Partner"/> as they should have been recorded. Sent by the chair or the secretary
/// (<paramref name="CorrectedAs"/>, the office the host found), with a reason; the original stays on record. The host checks,
/// as for <see cref="RaiseObjection"/>, that a person who objected for a partner represents it.
/// </summary>
public sealed record CorrectObjection(
    int Objection,
    PersonId By,
    PartnerId? Partner,
    PersonId CorrectedBy,
    Alliances.Office? CorrectedAs,
    string Reason,
    Instant Now) : ProposalCommand(Now);

/// <summary>The round tests objection <paramref name="Objection"/>: a valid objection blocks consent, a concern is recorded and does not.</summary>
public sealed record TestObjection(int Objection, ObjectionFinding Finding, string Note, Instant Now) : ProposalCommand(Now);

/// <summary>
/// What was done with a valid objection: integrated by amendment (the current version must be newer than the one
/// objected to), withdrawn by the objector, or deferred to <paramref name="Owner"/> until <paramref name="Due"/>.
/// </summary>
public sealed record ResolveObjection(
    int Objection,
    ObjectionResolution Resolution,
    string Note,
    PersonId? Owner,
    LocalDate? Due,
    Instant Now) : ProposalCommand(Now);

/// <summary>The chair records consent: allowed only when no objection is untested and no valid objection is unresolved.</summary>
public sealed record ReachConsent(Instant Now) : ProposalCommand(Now);

/// <summary>
/// The chair opens the vote (R8 when consent failed; R13 straight away in a deadlock on the agenda, the year planning
/// or a budget). The host passes every member partner (with its body and whether it is present at the meeting), the
/// representatives present with their mandate, their active interest declarations (R16), and the agreements in force
/// (R14 weights, R8 majority, quorum, secrecy); the vote snapshots them.
/// </summary>
public sealed record OpenVote(
    VoteGround Ground,
    WorkingAgreements Agreements,
    ImmutableArray<EligiblePartner> Members,
    ImmutableArray<PresentRepresentative> Representatives,
    ImmutableArray<InterestOnRecord> Declarations,
    Instant Now) : ProposalCommand(Now);

/// <summary>A representative with mandate casts (or changes, until close) the vote of <paramref name="Partner"/>.</summary>
public sealed record CastVote(PersonId By, PartnerId Partner, VoteChoice Choice, Instant Now) : ProposalCommand(Now);

/// <summary>R16: someone at the table declares an interest in the proposal and recuses from the vote.</summary>
public sealed record DeclareRecusal(PersonId Person, string Reason, Instant Now) : ProposalCommand(Now);

/// <summary>The chair closes the vote; the outcome follows from the snapshot and the latest vote per partner.</summary>
public sealed record CloseVote(Instant Now) : ProposalCommand(Now);

public sealed record WithdrawProposal(string Reason, Instant Now) : ProposalCommand(Now);

/// <summary>Moves the proposal to a later meeting, <paramref name="To"/> when known; its history stays.</summary>
public sealed record DeferProposal(string Reason, MeetingId? To, Instant Now) : ProposalCommand(Now);

/// <summary>
/// R9: a representative of <paramref name="Partner"/>, which the adopted decision concerns, declares that the partner
/// will not or cannot execute it; the decision becomes non-binding advice to that partner, with a motivation due
/// after the <paramref name="Agreements"/>' <c>AdviceMotivation</c>.
/// </summary>
public sealed record DeclineExecution(PartnerId Partner, PersonId By, string Reason, WorkingAgreements Agreements, Instant Now) : ProposalCommand(Now);

/// <summary>R9: the partner's written motivation, and whether it follows the advice after all.</summary>
public sealed record RecordAdviceMotivation(PartnerId Partner, PersonId By, string Motivation, bool FollowsAdvice, Instant Now) : ProposalCommand(Now);

/// <summary>
/// R9: the sweeper's check. Records, once per partner, a motivation that is due and missing; decides nothing
/// (never a refusal) when there is none, so it can be called as often as the sweeper likes.
/// </summary>
public sealed record RecordAdviceMotivationOverdue(Instant Now) : ProposalCommand(Now);
