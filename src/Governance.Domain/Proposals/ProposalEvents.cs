using System.Collections.Immutable;
using Governance.Domain.Meetings;
using NodaTime;

namespace Governance.Domain.Proposals;

public enum ContributionKind
{
    /// <summary>A clarifying question about the proposal.</summary>
    Question,

    /// <summary>A reaction: what someone thinks of it.</summary>
    Reaction,
}

public enum ObjectionFinding
{
    /// <summary>A reason why the proposal would do harm or cannot work: it blocks consent until resolved.</summary>
    ValidObjection,

    /// <summary>Recorded and answered, but it does not block consent.</summary>
    Concern,
}

public enum ObjectionResolution
{
    /// <summary>Integrated: a newer version of the text takes the objection in.</summary>
    Amendment,

    /// <summary>The objector withdrew it.</summary>
    Withdrawal,

    /// <summary>Parked with an owner and a date to come back to it.</summary>
    Deferral,
}

public enum RecusalGround
{
    /// <summary>R16: an active entry of the interest register concerns a partner the proposal concerns.</summary>
    InterestRegister,

    /// <summary>R16: declared at the table.</summary>
    DeclaredAtTheTable,
}

/// <summary>
/// A fact in a proposal's stream. Closed: every event is in this file. Moments the rules judge (tabled at, cast at,
/// motivation due) are the recorded time the host passed as the command's Now, repeated here because a decider sees
/// events, not envelopes. Every text version, objection, vote change and recusal stays on record (R21).
/// </summary>
public abstract record ProposalEvent
{
    private protected ProposalEvent()
    {
    }
}

/// <summary>
/// Version 1 of the text, on an agenda item R7 allowed to decide (<paramref name="UnderWaiver"/> when only a
/// residents' waiver allowed it, under agreements version <paramref name="AgreementsVersion"/>).
/// </summary>
[EventType("proposal.tabled", 1)]
public sealed record ProposalTabled(
    ProposalId Proposal,
    MeetingId Meeting,
    AgendaItemId Item,
    string Title,
    string Text,
    PartnerId ProposerPartner,
    PersonId Proposer,
    ImmutableArray<PartnerId> Concerns,
    bool UnderWaiver,
    int AgreementsVersion,
    Instant TabledAt) : ProposalEvent
{
    // ImmutableArray compares by reference; the same partners are the same fact.
    public bool Equals(ProposalTabled? other) =>
        other is not null
        && (Proposal, Meeting, Item, Title, Text, ProposerPartner, Proposer, UnderWaiver, AgreementsVersion, TabledAt)
            == (other.Proposal, other.Meeting, other.Item, other.Title, other.Text, other.ProposerPartner, other.Proposer,
                other.UnderWaiver, other.AgreementsVersion, other.TabledAt)
        && (Concerns.IsDefault ? [] : Concerns).SequenceEqual(other.Concerns.IsDefault ? [] : other.Concerns);

    public override int GetHashCode() => HashCode.Combine(Proposal, Meeting, Item, Title, Text, TabledAt);
}

/// <summary>Version <paramref name="Version"/> (2, 3 …) of the text.</summary>
[EventType("proposal.amended", 1)]
public sealed record ProposalAmended(int Version, string Text, string Reason, Instant AmendedAt) : ProposalEvent;

[EventType("proposal.consent-round-opened", 1)]
public sealed record ConsentRoundOpened(int Version, Instant OpenedAt) : ProposalEvent;

/// <summary>A question or reaction in the round, in summary, numbered from 1, on version <paramref name="Version"/>.</summary>
[EventType("proposal.contribution-recorded", 1)]
public sealed record ContributionRecorded(int Number, ContributionKind Kind, PersonId? By, PartnerId? Partner, string Summary, int Version) : ProposalEvent;

/// <summary>Objection <paramref name="Objection"/> (numbered from 1) against version <paramref name="Version"/>.</summary>
[EventType("proposal.objection-raised", 1)]
public sealed record ObjectionRaised(int Objection, PersonId By, PartnerId? Partner, string Reasons, int Version) : ProposalEvent;

/// <summary>
/// Objection <paramref name="Objection"/> was recorded with the wrong speaker and is corrected (issue 13): who objected, and for
/// which partner, as it should have been, with the values it replaces, who corrected it in which office, and why. The
/// <see cref="ObjectionRaised"/> stays as it was recorded.
/// </summary>
[EventType("proposal.objection-corrected", 1)]
public sealed record ObjectionCorrected(
    int Objection,
    PersonId PreviousBy,
    PartnerId? PreviousPartner,
    PersonId By,
    PartnerId? Partner,
    PersonId CorrectedBy,
    Alliances.Office CorrectedAs,
    string Reason,
    Instant CorrectedAt) : ProposalEvent;

[EventType("proposal.objection-tested", 1)]
public sealed record ObjectionTested(int Objection, ObjectionFinding Finding, string Note) : ProposalEvent;

/// <summary>What was done with a valid objection (R21): integrated in <paramref name="Version"/>, withdrawn, or deferred to an owner and date.</summary>
[EventType("proposal.objection-resolved", 1)]
public sealed record ObjectionResolved(
    int Objection,
    ObjectionResolution Resolution,
    string Note,
    int? Version,
    PersonId? Owner,
    LocalDate? Due) : ProposalEvent;

/// <summary>R8: adopted by consent, in version <paramref name="Version"/>.</summary>
[EventType("proposal.consent-reached", 1)]
public sealed record ConsentReached(int Version, Instant DecidedAt) : ProposalEvent;

/// <summary>Vote <paramref name="Round"/> (a void vote can be held again) on version <paramref name="Version"/>, with the electorate snapshotted.</summary>
[EventType("proposal.vote-opened", 1)]
public sealed record VoteOpened(int Round, VoteGround Ground, int Version, Electorate Electorate, Instant OpenedAt) : ProposalEvent;

/// <summary>
/// R16: <paramref name="Person"/> does not vote on this proposal: by the register entry <paramref name="Declaration"/>,
/// or declared at the table with a <paramref name="Reason"/>. <paramref name="VoidsVote"/> when the vote the person
/// had cast for <paramref name="Partner"/> no longer counts.
/// </summary>
[EventType("proposal.representative-recused", 1)]
public sealed record RepresentativeRecused(
    PersonId Person,
    PartnerId Partner,
    RecusalGround Ground,
    DeclarationId? Declaration,
    string? Reason,
    bool VoidsVote) : ProposalEvent;

/// <summary>A partner's vote; <paramref name="Replaces"/> is its earlier choice when the vote was changed before close.</summary>
[EventType("proposal.vote-cast", 1)]
public sealed record VoteCast(PartnerId Partner, PersonId By, VoteChoice Choice, VoteChoice? Replaces, Instant CastAt) : ProposalEvent;

/// <summary>The count at close: per option partners and weight, the quorum, and the outcome under the snapshot's agreements.</summary>
[EventType("proposal.vote-closed", 1)]
public sealed record VoteClosed(
    int Round,
    VoteOutcome Outcome,
    int Version,
    int ForCount,
    int ForWeight,
    int AgainstCount,
    int AgainstWeight,
    int AbstainCount,
    int AbstainWeight,
    QuorumStatus Quorum,
    int AgreementsVersion,
    Instant ClosedAt) : ProposalEvent;

[EventType("proposal.withdrawn", 1)]
public sealed record ProposalWithdrawn(string Reason, Instant WithdrawnAt) : ProposalEvent;

[EventType("proposal.deferred", 1)]
public sealed record ProposalDeferred(string Reason, MeetingId? To, Instant DeferredAt) : ProposalEvent;

/// <summary>
/// R9: the partner will not or cannot execute the adopted decision, which is non-binding advice to it from now on;
/// its motivation is due at <paramref name="MotivationDue"/> (agreements version <paramref name="AgreementsVersion"/>).
/// </summary>
[EventType("proposal.execution-declined", 1)]
public sealed record ExecutionDeclined(
    PartnerId Partner,
    PersonId By,
    string Reason,
    Instant DeclinedAt,
    Instant MotivationDue,
    int AgreementsVersion) : ProposalEvent;

/// <summary>R9: the partner's motivation; <paramref name="Late"/> when it came after the due moment.</summary>
[EventType("proposal.advice-motivation-recorded", 1)]
public sealed record AdviceMotivationRecorded(
    PartnerId Partner,
    PersonId By,
    string Motivation,
    bool FollowsAdvice,
    Instant RecordedAt,
    bool Late) : ProposalEvent;

/// <summary>R9: the motivation was due at <paramref name="Due"/> and had not come when the sweeper looked; a ground for escalation.</summary>
[EventType("proposal.advice-motivation-overdue", 1)]
public sealed record AdviceMotivationOverdue(PartnerId Partner, Instant Due, Instant RecordedAt) : ProposalEvent;
