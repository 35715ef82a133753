using System.Text.Json;
using Governance.Domain.Escalations;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;

namespace Governance.Domain.Tests.Escalations;

public class EscalationEventTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 6, 2, 18, 0);

    public static TheoryData<EscalationEvent> OneOfEach =>
    [
        new EscalationRaised(EscalationId.Parse("bankjes"), Resident, new EscalationSubject(EscalationSubjectKind.OverdueCommitment, "bankjes"), "Kapot", EscalationLadder.Default, 1, At),
        new EscalationRaised(EscalationId.Parse("gedrag"), Resident, new EscalationSubject(EscalationSubjectKind.Conduct, null), "Toon", EscalationLadder.Default, 2, At),
        Escalation.Enter(EscalationLadder.Default, 2, At),
        new EscalationResponseRecorded(1, CivilServant, "Week 25", At),
        new EscalationAdviceGiven(3, ProgrammeContact, "Spreek af", false, At),
        new EscalationStepDeadlineMissed(1, At, At),
        new EscalationMovedToNextStep(1, 2, null, "Termijn verstreken", true, At),
        new EscalationMovedToNextStep(1, 2, Resident, "Geen reactie", false, At),
        new EscalationResolved(3, "Afgesproken", ["bankjes", "advies-12"], At),
        new EscalationReopened(3, Resident, "Weer kapot", At),
    ];

    [Theory]
    [MemberData(nameof(OneOfEach))]
    public void Every_escalation_event_survives_a_round_trip_through_the_hosts_json(EscalationEvent @event)
    {
        var json = JsonSerializer.Serialize(@event, @event.GetType(), SerialisationTests.Options);

        Assert.Equal(@event, JsonSerializer.Deserialize(json, @event.GetType(), SerialisationTests.Options));
    }
}
