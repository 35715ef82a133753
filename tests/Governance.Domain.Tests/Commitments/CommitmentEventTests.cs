using System.Text.Json;
using Governance.Domain.Commitments;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Commitments.CommitmentFixtures;

namespace Governance.Domain.Tests.Commitments;

public class CommitmentEventTests
{
    public static TheoryData<CommitmentEvent> OneOfEach =>
    [
        MadeEvent(),
        MadeEvent(source: CommitmentSource.Orally("Buurtschouw", Resident, Caretaker), madeAt: MadeAt - Duration.FromDays(2)),
        MadeEvent(source: CommitmentSource.InDecision("speeltuin-2026")),
        new CommitmentProgressReported("Besteld", MadeAt),
        new CommitmentDueDateRenegotiated(June1, June1.PlusDays(30), "Leverancier", Resident, MadeAt),
        new CommitmentFulfilled("Gerepareerd", "https://example.org/foto.jpg", DueAt, June1, false),
        new CommitmentFulfilled("Gerepareerd", null, MadeAt, June1, true),
        new CommitmentReportedNotPossible("Geen budget", MadeAt),
        new CommitmentWithdrawn("Plein heringericht", Resident, MadeAt),
        new CommitmentBecameOverdue(June1, DueAt, DueAt),
        new CommitmentCorrected(Stadsdeel, CivilServant, June1, Ymere, HousingOfficer, June1.PlusDays(7), ProjectLeader, Governance.Domain.Alliances.Office.Secretary,
            "Verkeerd genoteerd", MadeAt),
    ];

    [Theory]
    [MemberData(nameof(OneOfEach))]
    public void Every_commitment_event_survives_a_round_trip_through_the_hosts_json(CommitmentEvent @event)
    {
        var json = JsonSerializer.Serialize(@event, @event.GetType(), SerialisationTests.Options);

        Assert.Equal(@event, JsonSerializer.Deserialize(json, @event.GetType(), SerialisationTests.Options));
    }

    [Fact]
    public void An_oral_source_is_written_with_its_kind_in_kebab_case_and_witnesses_as_plain_ids()
    {
        var json = JsonSerializer.Serialize(CommitmentSource.Orally("Buurtschouw", Resident), SerialisationTests.Options);

        Assert.Equal("""{"kind":"oral","meeting":null,"item":null,"reference":null,"occasion":"Buurtschouw","witnesses":["p-00000000000a"]}""", json);
    }
}
