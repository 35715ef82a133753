using System.Collections.Immutable;

namespace Governance.Domain.Proposals;

public enum VoteChoice
{
    For,
    Against,
    Abstain,
}

/// <summary>Why the chair puts a proposal to the vote: consent failed (R8), or a deadlock on one of the subjects R13 names.</summary>
public enum VoteGround
{
    ConsentFailed,
    AgendaDeadlock,
    YearPlanningDeadlock,
    BudgetDeadlock,
}

public enum VoteOutcome
{
    /// <summary>R8: weighted for more than the majority of the weighted votes counted.</summary>
    Adopted,

    /// <summary>Not a majority: against won, a tie, or only abstentions.</summary>
    Rejected,

    /// <summary>The quorum was not met; the vote decided nothing.</summary>
    Void,
}

/// <summary>How a proposal was decided.</summary>
public enum DecisionMethod
{
    Consent,
    Vote,
}

/// <summary>A member partner as the host reads it from the alliance and the meeting when the chair opens a vote.</summary>
public sealed record EligiblePartner(PartnerId Partner, PartnerBody Body, bool IsResidentsCollective, bool Present);

/// <summary>A representative present at the meeting for <paramref name="Partner"/>; only one with mandate may cast its vote.</summary>
public sealed record PresentRepresentative(PersonId Person, PartnerId Partner, bool HasMandate);

/// <summary>R16: an active entry of the interest register of a present representative, as the host reads it from the alliance.</summary>
public sealed record InterestOnRecord(DeclarationId Declaration, PersonId Person, PartnerId? Partner, string? Organisation);

/// <summary>A member partner in the electorate snapshot: its weight under the agreements in force (R14) and whether it was present.</summary>
public sealed record Elector(PartnerId Partner, PartnerBody Body, int Weight, bool IsResidentsCollective, bool Present);

/// <summary>
/// Who may vote and how it is counted, snapshotted when the chair opens the vote: every member partner with its
/// weight (R14), the representatives present and whether they have mandate, and the agreements' majority (R8),
/// quorum and secrecy, from agreements version <see cref="AgreementsVersion"/>. Later changes to the alliance
/// or the table do not move a vote in progress.
/// </summary>
public sealed record Electorate
{
    public Electorate(
        int agreementsVersion,
        Majority majority,
        Quorum quorum,
        bool secretUntilClose,
        ImmutableArray<Elector> partners,
        ImmutableArray<PresentRepresentative> representatives)
    {
        AgreementsVersion = agreementsVersion;
        Majority = majority;
        Quorum = quorum;
        SecretUntilClose = secretUntilClose;
        Partners = partners.IsDefault ? [] : partners;
        Representatives = representatives.IsDefault ? [] : representatives;
    }

    public int AgreementsVersion { get; }

    public Majority Majority { get; }

    public Quorum Quorum { get; }

    /// <summary>Whether choices stay hidden until the vote closes; who has voted is always shown.</summary>
    public bool SecretUntilClose { get; }

    public ImmutableArray<Elector> Partners { get; }

    public ImmutableArray<PresentRepresentative> Representatives { get; }

    public Elector? ElectorOf(PartnerId partner) => Partners.FirstOrDefault(p => p.Partner == partner);

    public PresentRepresentative? RepresentativeOf(PersonId person) => Representatives.FirstOrDefault(r => r.Person == person);

    /// <summary>The quorum as the snapshot stands: which member partners were present when the vote opened.</summary>
    public QuorumStatus QuorumStatus()
    {
        var present = Partners.Count(p => p.Present);
        var residents = Partners.Any(p => p.IsResidentsCollective && p.Present);
        return new QuorumStatus(present, Partners.Length, residents, Quorum.IsMet(present, Partners.Length, residents));
    }

    // ImmutableArray compares by reference; two snapshots with the same partners are the same electorate.
    public bool Equals(Electorate? other) =>
        other is not null
        && (AgreementsVersion, Majority, Quorum, SecretUntilClose) == (other.AgreementsVersion, other.Majority, other.Quorum, other.SecretUntilClose)
        && Partners.SequenceEqual(other.Partners)
        && Representatives.SequenceEqual(other.Representatives);

    public override int GetHashCode() => HashCode.Combine(AgreementsVersion, Majority, Quorum, SecretUntilClose, Partners.Length, Representatives.Length);
}

/// <summary>The quorum (agreements' <see cref="Governance.Domain.Quorum"/>): member partners present, of how many, and the residents' collective.</summary>
public sealed record QuorumStatus(int MembersPresent, int Members, bool ResidentsCollectivePresent, bool Met);
