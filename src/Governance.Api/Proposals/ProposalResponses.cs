using Governance.Domain;
using Governance.Domain.Proposals;
using Governance.Projections.Proposals;
using NodaTime;

namespace Governance.Api.Proposals;

/// <summary>Maps the folded proposal to the API's shapes; enums are kebab-case through the shared JSON options.</summary>
public static class ProposalResponses
{
    public static ProposalSummary Summary(ProposalView v) =>
        new(v.Id.Value, v.State.Title, v.State.Meeting.Value, v.State.Item.Value, v.State.Status, v.State.Method, v.State.Version, v.TabledAt, v.DecidedAt);

    public static ProposalResponse From(ProposalView v, Instant now)
    {
        var s = v.State;
        var rounds = v.Rounds.Select(r => Vote(v, r)).ToList();
        return new ProposalResponse(
            v.Id.Value, s.Title, s.Meeting.Value, s.Item.Value, new ProposerResponse(s.ProposerPartner.Value, s.Proposer.Value),
            [.. s.Concerns.Select(c => c.Value)], s.UnderWaiver, s.Status, s.Method, s.Version, s.Text, s.DecidedVersion, v.DecidedText,
            v.TabledAt, v.DecidedAt,
            [.. v.Versions.Select(t => new TextVersionResponse(t.Version, t.Text, t.Reason, t.At))],
            [.. v.Contributions.Select(c => new ContributionResponse(c.Number, c.Kind, c.By?.Value, c.Partner?.Value, c.Summary, c.Version, c.RecordedAt))],
            [.. v.Objections.Select(o => new ObjectionResponse(o.Number, o.By.Value, o.Partner?.Value, o.Reasons, o.Version, o.RaisedAt, o.Finding, o.TestNote,
                o.Resolution, o.ResolutionNote, o.IntegratedInVersion, o.Owner?.Value, o.Due,
                Blocks: o.Finding is null || (o.Finding == ObjectionFinding.ValidObjection && o.Resolution is null),
                Corrections: [.. o.Corrections.Select(c => new ObjectionCorrectionResponse(c.PreviousBy.Value, c.PreviousPartner?.Value, c.By.Value,
                    c.Partner?.Value, c.CorrectedBy.Value, c.CorrectedAs, c.Reason, c.CorrectedAt))]))],
            rounds.Count == 0 ? null : rounds[^1],
            rounds.Count <= 1 ? [] : rounds[..^1],
            [.. v.Recusals.Select(r => new RecusalResponse(r.Round, r.Person.Value, r.Partner.Value, r.Ground, r.Declaration?.Value, r.Reason, r.VoidsVote, r.RecordedAt))],
            [.. v.Advice.Select(a => Advice(a, now))],
            v.Withdrawn is { } w ? new ClosingNoteResponse(w.Reason, null, w.WithdrawnAt) : null,
            v.Deferred is { } d ? new ClosingNoteResponse(d.Reason, d.To?.Value, d.DeferredAt) : null);
    }

    /// <summary>The tally of the current (or last) vote; null before any vote was opened.</summary>
    public static TallyResponse? Tally(ProposalView v) => v.LastRound is { } round ? TallyOf(v, round) : null;

    private static TallyResponse TallyOf(ProposalView v, VoteRoundView round)
    {
        var open = round.Closed is null;
        var electorate = round.Electorate;
        // The current round's count is the state's; an earlier round's comes from its own casts and recusals.
        var tally = round.Round == v.State.Round && v.State.Electorate is not null
            ? v.State.Tally!
            : Governance.Domain.Proposals.Tally.Of(electorate, BallotsOf(v, round.Round), RecusedIn(v, round.Round));
        var hidden = open && electorate.SecretUntilClose;
        return new TallyResponse(
            v.StreamVersion, round.Round, open, electorate.SecretUntilClose,
            hidden ? null : [.. tally.Options.Select(o => new OptionResponse(o.Choice, [.. o.Partners.Select(p => p.Value)], o.Count, o.Weight))],
            [.. tally.Voted.Select(p => p.Value)], [.. tally.NotYetVoted.Select(p => p.Value)], [.. tally.CannotVote.Select(p => p.Value)],
            tally.Quorum, round.Closed?.Outcome);
    }

    private static VoteResponse Vote(ProposalView v, VoteRoundView round)
    {
        var hidden = round.Closed is null && round.Electorate.SecretUntilClose;
        var e = round.Electorate;
        return new VoteResponse(round.Round, round.Ground, round.Version, round.OpenedAt, round.Closed?.ClosedAt, e.AgreementsVersion, e.Majority, e.Quorum,
            [.. e.Partners.Select(p => new ElectorResponse(p.Partner.Value, p.Body, p.Weight, p.Present, p.IsResidentsCollective))],
            TallyOf(v, round),
            [.. v.Casts.Where(c => c.Round == round.Round).Select(c => new CastResponse(c.Round, c.Partner.Value, c.By.Value,
                hidden ? null : c.Choice, hidden ? null : c.Replaces, c.CastAt))]);
    }

    private static Dictionary<PartnerId, Ballot> BallotsOf(ProposalView v, int round)
    {
        var ballots = new Dictionary<PartnerId, Ballot>();
        foreach (var c in v.Casts.Where(c => c.Round == round)) ballots[c.Partner] = new Ballot(c.By, c.Choice);
        foreach (var r in v.Recusals.Where(r => r.Round == round && r.VoidsVote)) ballots.Remove(r.Partner);
        return ballots;
    }

    private static HashSet<PersonId> RecusedIn(ProposalView v, int round) => [.. v.Recusals.Where(r => r.Round <= round).Select(r => r.Person)];

    public static AdviceResponse Advice(AdviceView a, Instant now) => new(
        a.Partner.Value, a.By.Value, a.Reason, a.DeclinedAt, a.Due, a.AgreementsVersion, a.StatusAt(now),
        a.Motivation is { } m ? new AdviceMotivationResponse(m.By.Value, m.Motivation, m.FollowsAdvice, m.RecordedAt, m.Late) : null,
        a.OverdueRecordedAt);

    public static AdviceEntry AdviceEntry(AdviceRow r, Instant now)
    {
        ArgumentNullException.ThrowIfNull(r);
        var a = r.Advice;
        return new(r.Proposal.Value, r.Title, a.Partner.Value, a.By.Value, a.Reason, a.DeclinedAt, a.Due, a.StatusAt(now),
            a.Motivation?.Motivation, a.Motivation?.FollowsAdvice, a.Motivation?.RecordedAt, a.Motivation?.Late, a.OverdueRecordedAt);
    }

    /// <summary>A register line for a decided proposal (adopted or rejected); null for one not decided.</summary>
    public static DecisionEntry? Decision(AllianceId alliance, ProposalView v, Instant now)
    {
        var s = v.State;
        if (s.Method is not { } method || s.DecidedVersion is not { } version) return null;
        var adopted = s.Phase == Proposal.Phase.Adopted;
        var result = adopted ? "pass" : "fail";
        var round = method == DecisionMethod.Vote ? v.LastRound : null;
        var requirement = method == DecisionMethod.Consent
            ? "consent: no valid objection left standing (R8)"
            : $"more than {round!.Electorate.Majority.MoreThan} of the weighted votes cast, abstentions {(round.Electorate.Majority.AbstentionsCount ? "counted" : "not counted")} (R8, R14)";
        var motion = new MotionResponse(v.Id.Value, alliance.Value, s.ProposerPartner.Value, s.Title, v.DecidedText ?? s.Text, version,
            method == DecisionMethod.Consent ? "consent" : "vote", requirement, v.DecidedAt, result, s.Meeting.Value, s.Item.Value,
            [.. s.Concerns.Select(c => c.Value)]);
        VoteEventResponse? voteEvent = null;
        if (round?.Closed is { } closed)
        {
            var weights = round.Electorate.Partners.ToDictionary(p => p.Partner, p => p.Weight);
            var ballots = BallotsOf(v, round.Round);
            voteEvent = new VoteEventResponse($"{v.Id.Value}-{round.Round}", v.Id.Value, round.OpenedAt, closed.ClosedAt, result,
                [
                    new CountResponse("yes", closed.ForCount, closed.ForWeight),
                    new CountResponse("no", closed.AgainstCount, closed.AgainstWeight),
                    new CountResponse("abstain", closed.AbstainCount, closed.AbstainWeight),
                ],
                [.. round.Electorate.Partners.Where(p => ballots.ContainsKey(p.Partner))
                    .Select(p => new VoteRecordResponse(p.Partner.Value, Popolo(ballots[p.Partner].Choice), weights[p.Partner]))],
                closed.Quorum, closed.AgreementsVersion);
        }

        return new DecisionEntry(v.Id.Value, motion, voteEvent,
            [.. v.Objections.Select(o => new DecisionObjection(o.Number, o.Partner?.Value, o.Finding, o.Resolution, o.IntegratedInVersion))],
            [.. v.Advice.Select(a => new DecisionAdvice(a.Partner.Value, a.StatusAt(now), a.Due))]);
    }

    /// <summary>Popolo's vote options.</summary>
    private static string Popolo(VoteChoice choice) => choice switch
    {
        VoteChoice.For => "yes",
        VoteChoice.Against => "no",
        _ => "abstain",
    };
}
