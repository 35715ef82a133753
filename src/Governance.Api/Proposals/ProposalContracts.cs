using System.Text.Json.Serialization;
using Governance.Api.Http;
using Governance.Domain;
using Governance.Domain.Proposals;
using NodaTime;

namespace Governance.Api.Proposals;

// Requests: strings and nullables, so a missing or malformed field is a 400 with the field's name (the validators).
// People are person ids (p-…); when a request may name someone else, leaving it out means the signed-in person.

/// <summary>Tables version 1 of a proposal on an agenda item. <see cref="Concerns"/>: the partners that would execute it (R9).</summary>
public sealed record TableProposalRequest(
    string? Id, string? Meeting, string? Item, string? Title, string? Text, string? Partner, string? Proposer, IReadOnlyList<string>? Concerns);

public sealed record AmendProposalRequest(string? Text, string? Reason);

/// <summary>A question or reaction in the consent round, in summary.</summary>
public sealed record ContributionRequest(string? Kind, string? By, string? Partner, string? Summary);

public sealed record RaiseObjectionRequest(string? By, string? Partner, string? Reasons);

/// <summary>
/// Issue 13: an objection recorded with the wrong speaker. <see cref="By"/> is who really objected (required); <see cref="Partner"/>
/// the partner they objected for, or null when they objected in their own name. The reason is required.
/// </summary>
public sealed record CorrectObjectionRequest(string? By, string? Partner, string? Reason);

public sealed record TestObjectionRequest(string? Finding, string? Note);

/// <summary><see cref="Due"/> as "2026-06-09"; owner and due are needed for a deferral.</summary>
public sealed record ResolveObjectionRequest(string? Resolution, string? Note, string? Owner, string? Due);

/// <summary><see cref="Ground"/>: consent-failed, agenda-deadlock, year-planning-deadlock or budget-deadlock (R13).</summary>
public sealed record OpenVoteRequest(string? Ground);

public sealed record CastVoteRequest(string? Partner, string? Choice);

public sealed record RecusalRequest(string? Person, string? Reason);

public sealed record WithdrawProposalRequest(string? Reason);

public sealed record DeferProposalRequest(string? Reason, string? To);

/// <summary>R9: <see cref="Partner"/> will not or cannot execute the adopted decision.</summary>
public sealed record DeclineExecutionRequest(string? Partner, string? By, string? Reason);

public sealed record AdviceMotivationRequest(string? Motivation, bool? FollowsAdvice);

// Responses (issue 5 §3).

public sealed record ProposalSummary(string Id, string Title, string Meeting, string Item, ProposalStatus Status, DecisionMethod? Method, int Version, Instant TabledAt, Instant? DecidedAt);

/// <summary>One page of the proposals, in tabling order.</summary>
public sealed record ProposalListResponse(IReadOnlyList<ProposalSummary> Proposals, PageLinks Page);

/// <summary>One page of the decision register, in tabling order.</summary>
public sealed record DecisionListResponse(IReadOnlyList<DecisionEntry> Decisions, PageLinks Page);

/// <summary>One page of the advice (R9), by due date.</summary>
public sealed record AdviceListResponse(IReadOnlyList<AdviceEntry> Advice, PageLinks Page);

public sealed record ProposerResponse(string Partner, string Person);

public sealed record TextVersionResponse(int Version, string Text, string? Reason, Instant At);

public sealed record ContributionResponse(int Number, ContributionKind Kind, string? By, string? Partner, string Summary, int Version, Instant RecordedAt);

public sealed record ObjectionResponse(
    int Number, string By, string? Partner, string Reasons, int Version, Instant RaisedAt, ObjectionFinding? Finding, string? TestNote,
    ObjectionResolution? Resolution, string? ResolutionNote, int? IntegratedInVersion, string? Owner, LocalDate? Due, bool Blocks,
    IReadOnlyList<ObjectionCorrectionResponse> Corrections);

/// <summary>Issue 13: a correction of who objected, with the values it replaced, who corrected it (in which office), why and when.</summary>
public sealed record ObjectionCorrectionResponse(
    string PreviousBy, string? PreviousPartner, string By, string? Partner, string CorrectedBy, Governance.Domain.Alliances.Office CorrectedAs, string Reason,
    Instant CorrectedAt);

public sealed record ElectorResponse(string Partner, PartnerBody Body, int Weight, bool Present, bool ResidentsCollective);

public sealed record OptionResponse(VoteChoice Choice, IReadOnlyList<string> Partners, int Count, int Weight);

/// <summary>
/// The count of a vote. While a vote is open and the agreements keep votes secret until close, <see cref="Options"/>
/// is null: who voted shows, what they chose does not.
/// </summary>
public sealed record TallyResponse(
    long StreamVersion,
    int Round,
    bool Open,
    bool SecretUntilClose,
    IReadOnlyList<OptionResponse>? Options,
    IReadOnlyList<string> Voted,
    IReadOnlyList<string> NotYetVoted,
    IReadOnlyList<string> CannotVote,
    QuorumStatus Quorum,
    VoteOutcome? Outcome);

/// <summary>One vote as cast; <see cref="Choice"/> and <see cref="Replaces"/> are null while a secret vote is open.</summary>
public sealed record CastResponse(int Round, string Partner, string By, VoteChoice? Choice, VoteChoice? Replaces, Instant CastAt);

public sealed record VoteResponse(
    int Round, VoteGround Ground, int Version, Instant OpenedAt, Instant? ClosedAt, int AgreementsVersion, Majority Majority, Quorum QuorumRule,
    IReadOnlyList<ElectorResponse> Electorate, TallyResponse Tally, IReadOnlyList<CastResponse> Votes);

public sealed record RecusalResponse(int Round, string Person, string Partner, RecusalGround Ground, string? Declaration, string? Reason, bool VoidsVote, Instant RecordedAt);

public sealed record AdviceMotivationResponse(string By, string Motivation, bool FollowsAdvice, Instant RecordedAt, bool Late);

public sealed record AdviceResponse(
    string Partner, string By, string Reason, Instant DeclinedAt, Instant Due, int AgreementsVersion, string Status,
    AdviceMotivationResponse? Motivation, Instant? OverdueRecordedAt);

public sealed record ClosingNoteResponse(string Reason, string? To, Instant At);

public sealed record ProposalResponse(
    string Id,
    string Title,
    string Meeting,
    string Item,
    ProposerResponse Proposer,
    IReadOnlyList<string> Concerns,
    bool UnderWaiver,
    ProposalStatus Status,
    DecisionMethod? Method,
    int Version,
    string Text,
    int? DecidedVersion,
    string? DecidedText,
    Instant TabledAt,
    Instant? DecidedAt,
    IReadOnlyList<TextVersionResponse> Versions,
    IReadOnlyList<ContributionResponse> Contributions,
    IReadOnlyList<ObjectionResponse> Objections,
    VoteResponse? Vote,
    IReadOnlyList<VoteResponse> EarlierVotes,
    IReadOnlyList<RecusalResponse> Recusals,
    IReadOnlyList<AdviceResponse> Advice,
    ClosingNoteResponse? Withdrawn,
    ClosingNoteResponse? Deferred);

// The decision register (besluitenlijst) in Popolo's names where Popolo has one (motion, vote_event, counts, votes, result).

public sealed record DecisionEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("motion")] MotionResponse Motion,
    [property: JsonPropertyName("vote_event")] VoteEventResponse? VoteEvent,
    [property: JsonPropertyName("objections")] IReadOnlyList<DecisionObjection> Objections,
    [property: JsonPropertyName("advice")] IReadOnlyList<DecisionAdvice> Advice);

public sealed record MotionResponse(
    [property: JsonPropertyName("identifier")] string Identifier,
    [property: JsonPropertyName("organization_id")] string OrganizationId,
    [property: JsonPropertyName("creator_id")] string CreatorId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("text_version")] int TextVersion,
    [property: JsonPropertyName("classification")] string Classification,
    [property: JsonPropertyName("requirement")] string Requirement,
    [property: JsonPropertyName("date")] Instant? Date,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("meeting_id")] string MeetingId,
    [property: JsonPropertyName("agenda_item_id")] string AgendaItemId,
    [property: JsonPropertyName("concerns")] IReadOnlyList<string> Concerns);

public sealed record VoteEventResponse(
    [property: JsonPropertyName("identifier")] string Identifier,
    [property: JsonPropertyName("motion_id")] string MotionId,
    [property: JsonPropertyName("start_date")] Instant StartDate,
    [property: JsonPropertyName("end_date")] Instant? EndDate,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("counts")] IReadOnlyList<CountResponse> Counts,
    [property: JsonPropertyName("votes")] IReadOnlyList<VoteRecordResponse> Votes,
    [property: JsonPropertyName("quorum")] QuorumStatus Quorum,
    [property: JsonPropertyName("agreements_version")] int AgreementsVersion);

/// <summary>Popolo's count, with the weighted total (R14) next to the number of partners.</summary>
public sealed record CountResponse(
    [property: JsonPropertyName("option")] string Option,
    [property: JsonPropertyName("value")] int Value,
    [property: JsonPropertyName("weight")] int Weight);

/// <summary>Popolo's vote: the voter is the partner (one vote per partner), with its weight and the recused flag.</summary>
public sealed record VoteRecordResponse(
    [property: JsonPropertyName("voter_id")] string VoterId,
    [property: JsonPropertyName("option")] string Option,
    [property: JsonPropertyName("weight")] int Weight);

public sealed record DecisionObjection(
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("partner")] string? Partner,
    [property: JsonPropertyName("finding")] ObjectionFinding? Finding,
    [property: JsonPropertyName("resolution")] ObjectionResolution? Resolution,
    [property: JsonPropertyName("integrated_in_version")] int? IntegratedInVersion);

public sealed record DecisionAdvice(
    [property: JsonPropertyName("partner")] string Partner,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("due")] Instant Due);

/// <summary>One advice awaiting (or having) a motivation (R9).</summary>
public sealed record AdviceEntry(
    string Proposal, string Title, string Partner, string By, string Reason, Instant DeclinedAt, Instant Due, string Status,
    string? Motivation, bool? FollowsAdvice, Instant? MotivatedAt, bool? Late, Instant? OverdueRecordedAt);
