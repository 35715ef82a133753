using System.Text.RegularExpressions;
using Governance.Api.Presentation;
using Governance.Api.Proposals;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.EventStore;
using Governance.Projections.Proposals;
using NodaTime;

namespace Governance.Api.Tests.Browser;

/// <summary>The words of the decision pages: a Dutch text for every proposal refusal, and the record in one plain sentence.</summary>
public sealed partial class DecisionTextTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 5, 12, 18, 0);

    [Fact]
    public void Every_refusal_the_proposal_decider_can_give_has_its_own_Dutch_text()
    {
        // Read from the decider's source, so a new refusal without a Dutch text fails here instead of showing the fallback.
        var source = RepositoryFiles.DeciderSource("Proposals", "Proposal");
        var codes = Code().Matches(source).Select(m => m.Groups[1].Value).Distinct().ToList();
        // TableProposal refuses with the item's decidability (R7), as Meeting.State.IsDecidable gives it.
        string[] decidability = ["R7.not-decidable", "R7.changed-after-waiver", "item.not-accepted", "item.information-only", "item.deferred",
            "item.rejected", "item.unknown", "meeting.not-scheduled", "meeting.cancelled"];

        Assert.Contains("vote.no-mandate", codes);
        Assert.Empty(codes.Concat(decidability).Concat(["partner.not-a-member", "proposal.unknown"]).Except(RuleMessage.KnownCodes));
        Assert.Contains("R16", RuleMessage.For("R16.recused").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vote_reads_as_one_sentence_with_the_weighted_count_who_abstained_and_what_was_done_with_the_objection()
    {
        var bcop = PartnerId.Parse("bcop");
        var ymere = PartnerId.Parse("ymere");
        var stadsdeel = PartnerId.Parse("stadsdeel");
        var fatima = PersonId.Parse("p-000000000001");
        var sanne = PersonId.Parse("p-000000000002");
        var pieter = PersonId.Parse("p-000000000003");
        var names = new Dictionary<PartnerId, string> { [bcop] = "BCOP", [ymere] = "Ymere", [stadsdeel] = "Stadsdeel" };
        var electorate = new Electorate(1, Majority.Default, Quorum.Default, false,
            [new(bcop, PartnerBody.Residents, 2, true, true), new(ymere, PartnerBody.Professional, 1, false, true), new(stadsdeel, PartnerBody.Professional, 1, false, true)],
            [new(fatima, bcop, true), new(sanne, ymere, true), new(pieter, stadsdeel, true)]);
        ProposalEvent[] events =
        [
            new ProposalTabled(ProposalId.Parse("lantaarns"), MeetingId.Parse("m"), AgendaItemId.Parse("i"), "Lantaarns", "Twee lantaarns.",
                bcop, fatima, [], false, 1, At),
            new ConsentRoundOpened(1, At),
            new ObjectionRaised(1, pieter, stadsdeel, "Te duur.", 1),
            new ObjectionTested(1, ObjectionFinding.ValidObjection, ""),
            new ProposalAmended(2, "Eén lantaarn.", "Goedkoper.", At),
            new ObjectionResolved(1, ObjectionResolution.Amendment, "", 2, null, null),
            new VoteOpened(1, VoteGround.ConsentFailed, 2, electorate, At),
            new VoteCast(bcop, fatima, VoteChoice.For, null, At),
            new VoteCast(stadsdeel, pieter, VoteChoice.Against, null, At),
            new VoteCast(ymere, sanne, VoteChoice.Abstain, null, At),
        ];
        var state = events.Aggregate(Proposal.Initial, Proposal.Decider.Evolve);
        var close = Proposal.Decider.Decide(new CloseVote(At), state);
        var view = ProposalQueries.Fold(ProposalId.Parse("lantaarns"),
            events.Concat(close).Select((e, i) => (new RecordedEvent("osdorp", i + 1, i + 1, "proposal-lantaarns", i + 1, Guid.NewGuid(), "t", e, new EventMetadata(), At.ToDateTimeOffset(), null), e)))!;

        Assert.Equal("Aangenomen met 2 van 3 gewogen stemmen; Ymere onthield zich; bezwaar van Stadsdeel verwerkt in versie 2.",
            ProposalTexts.Record(view, p => names[p], _ => "iemand"));
    }

    [Fact]
    public void The_count_of_a_closed_vote_gives_weighted_votes_and_partners_in_separate_sentences()
    {
        var closed = new VoteClosed(1, VoteOutcome.Adopted, 1, ForCount: 1, ForWeight: 2, AgainstCount: 1, AgainstWeight: 1, AbstainCount: 1, AbstainWeight: 1,
            new QuorumStatus(3, 3, true, true), 1, At);

        Assert.Equal("Gewogen stemmen: 2 voor, 1 tegen, 1 onthouden. Partners: 1 voor, 1 tegen, 1 onthouden",
            Governance.Api.Proposals.BesluitModel.Counts(closed));
    }

    [GeneratedRegex("\"((?:R\\d+|[a-z-]+)\\.[a-z-]+)\"")]
    private static partial Regex Code();
}
