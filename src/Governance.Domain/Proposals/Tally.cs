using System.Collections.Immutable;

namespace Governance.Domain.Proposals;

/// <summary>One partner's vote: which choice, cast by which of its representatives.</summary>
public sealed record Ballot(PersonId By, VoteChoice Choice);

/// <summary>One option of a vote: the partners that chose it, how many, and their weight together (R14).</summary>
public sealed record OptionTally(VoteChoice Choice, ImmutableArray<PartnerId> Partners, int Count, int Weight);

/// <summary>
/// The count of a vote at one moment, for the live tally and for the outcome at close. Pure: the same electorate
/// and ballots always give the same tally. <see cref="Outcome"/> is what closing the vote now would decide.
/// </summary>
public sealed record Tally(
    OptionTally For,
    OptionTally Against,
    OptionTally Abstain,
    ImmutableArray<PartnerId> Voted,
    ImmutableArray<PartnerId> NotYetVoted,
    ImmutableArray<PartnerId> CannotVote,
    QuorumStatus Quorum,
    VoteOutcome Outcome)
{
    public IEnumerable<OptionTally> Options => [For, Against, Abstain];

    /// <summary>
    /// Counts <paramref name="ballots"/> (the latest vote per partner) under <paramref name="electorate"/>.
    /// <paramref name="recused"/> are the people recused (R16); a partner that has no present representative with
    /// mandate who is not recused cannot vote.
    /// </summary>
    public static Tally Of(Electorate electorate, IReadOnlyDictionary<PartnerId, Ballot> ballots, IReadOnlySet<PersonId> recused)
    {
        ArgumentNullException.ThrowIfNull(electorate);
        ArgumentNullException.ThrowIfNull(ballots);
        ArgumentNullException.ThrowIfNull(recused);

        // Order of the snapshot, so that the tally reads the same every time.
        var counted = electorate.Partners.Where(p => ballots.ContainsKey(p.Partner)).ToList();
        OptionTally Option(VoteChoice choice)
        {
            var partners = counted.Where(p => ballots[p.Partner].Choice == choice).ToList();
            return new OptionTally(choice, [.. partners.Select(p => p.Partner)], partners.Count, partners.Sum(p => p.Weight));
        }

        var @for = Option(VoteChoice.For);
        var against = Option(VoteChoice.Against);
        var abstain = Option(VoteChoice.Abstain);
        var quorum = electorate.QuorumStatus();

        // R8: weighted, abstentions counted only if the agreements say so; a tie is not a majority. No quorum, no decision.
        var outcome = !quorum.Met ? VoteOutcome.Void
            : electorate.Majority.IsAdopted(@for.Weight, against.Weight, abstain.Weight) ? VoteOutcome.Adopted
            : VoteOutcome.Rejected;

        var canVote = electorate.Partners
            .Where(p => electorate.Representatives.Any(r => r.Partner == p.Partner && r.HasMandate && !recused.Contains(r.Person)))
            .Select(p => p.Partner)
            .ToHashSet();

        return new Tally(
            @for,
            against,
            abstain,
            [.. counted.Select(p => p.Partner)],
            [.. electorate.Partners.Where(p => !ballots.ContainsKey(p.Partner) && canVote.Contains(p.Partner)).Select(p => p.Partner)],
            [.. electorate.Partners.Where(p => !ballots.ContainsKey(p.Partner) && !canVote.Contains(p.Partner)).Select(p => p.Partner)],
            quorum,
            outcome);
    }
}
