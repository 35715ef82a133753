using Governance.Domain.Commitments;
using Governance.Domain.Meetings;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;

namespace Governance.Domain.Tests.Commitments;

/// <summary>
/// Stadsdeel Nieuw-West promises at the 12 May 2026 meeting to repair the benches by Monday 1 June 2026: due at
/// 00:00 on 2 June, Amsterdam summer time (22:00 UTC on 1 June).
/// </summary>
internal static class CommitmentFixtures
{
    public static readonly CommitmentId Benches = CommitmentId.Parse("bankjes-repareren");
    public static readonly MeetingId May12 = MeetingId.Parse("2026-05-12-wijkalliantie");
    public static readonly AgendaItemId Playground = AgendaItemId.Parse("speeltuin");
    public const string What = "De bankjes bij de speeltuin repareren";

    public static readonly LocalDate June1 = new(2026, 6, 1);
    public static readonly Instant DueAt = Instant.FromUtc(2026, 6, 1, 22, 0);

    /// <summary>Recorded at the table, 12 May 2026 at 21:00 Amsterdam.</summary>
    public static readonly Instant MadeAt = Instant.FromUtc(2026, 5, 12, 19, 0);

    public static readonly CommitmentSource AtTheTable = CommitmentSource.AtMeeting(May12, Playground);

    public static Spec<CommitmentCommand, CommitmentEvent, Commitment.State> NewCommitment =>
        Spec.For<CommitmentCommand, CommitmentEvent, Commitment.State>(Commitment.Decide, Commitment.Evolve, Commitment.Initial);

    public static Spec<CommitmentCommand, CommitmentEvent, Commitment.State> Made => NewCommitment.Given(MadeEvent());

    public static CommitmentMade MadeEvent(LocalDate? due = null, CommitmentSource? source = null, Instant? madeAt = null) =>
        new(Benches, Stadsdeel, CivilServant, What, due ?? June1, source ?? AtTheTable, madeAt ?? MadeAt, MadeAt);

    public static MakeCommitment Make(LocalDate? due = null, CommitmentSource? source = null, Instant? occurredAt = null, string what = What) =>
        new(Benches, Stadsdeel, CivilServant, what, due ?? June1, source ?? AtTheTable, occurredAt, MadeAt);

    public static Commitment.State.Made AsMade(Spec<CommitmentCommand, CommitmentEvent, Commitment.State> spec) =>
        Assert.IsType<Commitment.State.Made>(spec.State);
}
