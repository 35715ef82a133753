using Governance.Domain.Meetings;

namespace Governance.Domain.Commitments;

/// <summary>Where a promise was made (R10): at the table, in a decision, in an advice, or orally.</summary>
public enum CommitmentSourceKind
{
    /// <summary>Recorded at the table, under an agenda item of a meeting.</summary>
    MeetingItem,

    /// <summary>Part of a decision: <see cref="CommitmentSource.Reference"/> is the proposal's id.</summary>
    Decision,

    /// <summary>In reply to an advice: <see cref="CommitmentSource.Reference"/> is the advice's id.</summary>
    Advice,

    /// <summary>Said aloud somewhere (R10: oral promises are kept too), with the occasion and who witnessed it.</summary>
    Oral,
}

/// <summary>
/// Where a promise comes from. Which fields a kind needs is the decider's check (<c>commitment.source-incomplete</c>):
/// a meeting item names <see cref="Meeting"/> and <see cref="Item"/>; a decision or an advice names its id in
/// <see cref="Reference"/> (a string, since proposals and advice are other streams' ids); an oral promise names
/// the <see cref="Occasion"/> and at least one witness.
/// </summary>
public sealed record CommitmentSource(
    CommitmentSourceKind Kind,
    MeetingId? Meeting,
    AgendaItemId? Item,
    string? Reference,
    string? Occasion,
    IReadOnlyList<PersonId> Witnesses)
{
    public static CommitmentSource AtMeeting(MeetingId meeting, AgendaItemId item) => new(CommitmentSourceKind.MeetingItem, meeting, item, null, null, []);

    public static CommitmentSource InDecision(string proposal) => new(CommitmentSourceKind.Decision, null, null, proposal, null, []);

    public static CommitmentSource InAdvice(string advice) => new(CommitmentSourceKind.Advice, null, null, advice, null, []);

    public static CommitmentSource Orally(string occasion, params IReadOnlyList<PersonId> witnesses) =>
        new(CommitmentSourceKind.Oral, null, null, null, occasion, witnesses);

    public IReadOnlyList<PersonId> Witnesses { get; init; } = Witnesses ?? [];

    // A list compares by reference; two sources with the same witnesses are the same source.
    public bool Equals(CommitmentSource? other) =>
        other is not null
        && (Kind, Meeting, Item, Reference, Occasion) == (other.Kind, other.Meeting, other.Item, other.Reference, other.Occasion)
        && Witnesses.SequenceEqual(other.Witnesses);

    public override int GetHashCode() => HashCode.Combine(Kind, Meeting, Item, Reference, Occasion, Witnesses.Count);
}
