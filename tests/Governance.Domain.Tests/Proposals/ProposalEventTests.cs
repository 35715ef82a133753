using System.Reflection;
using System.Text.Json;
using Governance.Domain.Proposals;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Meetings.MeetingFixtures;
using static Governance.Domain.Tests.Proposals.ProposalFixtures;

namespace Governance.Domain.Tests.Proposals;

public class ProposalEventTests
{
    private static readonly JsonSerializerOptions Options = SerialisationTests.Options;

    public static TheoryData<ProposalEvent> OneOfEach =>
    [
        Tabled(Stadsdeel, Ymere),
        Tabled() with { UnderWaiver = true },
        new ProposalAmended(2, TextV2, "Bezwaar verwerkt", DuringTheMeeting),
        new ConsentRoundOpened(1, DuringTheMeeting),
        new ContributionRecorded(1, ContributionKind.Question, Resident, Bcop, "Hoeveel lampen?", 1),
        new ContributionRecorded(2, ContributionKind.Reaction, null, null, "Publiek: goed idee", 1),
        new ObjectionRaised(1, Resident, Bcop, "Lichthinder", 1),
        new ObjectionCorrected(1, Resident, Bcop, HousingOfficer, Ymere, ProjectLeader, Governance.Domain.Alliances.Office.Secretary, "Verkeerd genoteerd", DuringTheMeeting),
        new ObjectionCorrected(2, Resident, null, CivilServant, Stadsdeel, IndependentChair, Governance.Domain.Alliances.Office.Chair, "Het was het stadsdeel", DuringTheMeeting),
        new ObjectionTested(1, ObjectionFinding.ValidObjection, "Raakt bewoners"),
        new ObjectionResolved(1, ObjectionResolution.Amendment, "Verwerkt", 2, null, null),
        new ObjectionResolved(1, ObjectionResolution.Deferral, "Later", null, CivilServant, new LocalDate(2026, 6, 9)),
        new ConsentReached(2, DuringTheMeeting),
        Opened(Electorate(WorkingAgreements.Default with { SecretVotesUntilClose = true }), ground: VoteGround.BudgetDeadlock),
        new RepresentativeRecused(HousingOfficer, Ymere, RecusalGround.InterestRegister, SubsidyDeclaration, null, false),
        new RepresentativeRecused(Resident, Bcop, RecusalGround.DeclaredAtTheTable, null, "Eigen tuin", true),
        Cast(Bcop, Resident, VoteChoice.For),
        Cast(Bcop, Resident, VoteChoice.Abstain, replaces: VoteChoice.For),
        CastingVotesTests.Closed(VoteOutcome.Adopted, f: (2, 3), a: (1, 1)),
        new ProposalWithdrawn("Ingetrokken", DuringTheMeeting),
        new ProposalDeferred("Later", June9, DuringTheMeeting),
        new ProposalDeferred("Later", null, DuringTheMeeting),
        new ExecutionDeclined(Stadsdeel, CivilServant, "Geen budget", DuringTheMeeting, DuringTheMeeting + Duration.FromDays(28), 1),
        new AdviceMotivationRecorded(Stadsdeel, CivilServant, "Omdat", false, DuringTheMeeting, true),
        new AdviceMotivationOverdue(Stadsdeel, DuringTheMeeting, DuringTheMeeting + Duration.FromDays(1)),
    ];

    [Theory]
    [MemberData(nameof(OneOfEach))]
    public void Every_proposal_event_survives_a_round_trip_through_the_hosts_json(ProposalEvent @event)
    {
        var json = JsonSerializer.Serialize(@event, @event.GetType(), Options);

        Assert.Equal(@event, JsonSerializer.Deserialize(json, @event.GetType(), Options));
    }

    [Fact]
    public void Snapshots_with_other_weights_are_other_facts() =>
        Assert.NotEqual(Opened(Electorate()), Opened(Electorate(WorkingAgreements.Default with { VoteWeights = new VoteWeights(3, 1) })));

    [Fact]
    public void Tabled_events_with_other_concerned_partners_are_other_facts() =>
        Assert.NotEqual(Tabled(Stadsdeel), Tabled(Stadsdeel, Ymere));

    [Fact]
    public void A_vote_is_written_with_its_choice_in_kebab_case() =>
        Assert.Equal(
            """{"partner":"bcop","by":"p-00000000000a","choice":"abstain","replaces":"for","castAt":"2026-05-12T18:00:00Z"}""",
            JsonSerializer.Serialize(Cast(Bcop, Resident, VoteChoice.Abstain, replaces: VoteChoice.For), Options));

    [Fact]
    public void Every_proposal_event_has_an_alias_in_the_proposal_stream_and_is_listed_for_the_host()
    {
        var proposalEvents = typeof(ProposalEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ProposalEvent)) && !t.IsAbstract)
            .ToList();

        Assert.Equal(18, proposalEvents.Count);   // proposal.objection-corrected (issue 13) is the 18th
        Assert.All(proposalEvents, t =>
        {
            var attribute = t.GetCustomAttribute<EventTypeAttribute>();
            Assert.True(attribute is not null, $"{t.Name} has no [EventType]");
            Assert.StartsWith("proposal.", attribute.Alias, StringComparison.Ordinal);
        });
        Assert.All(proposalEvents, t => Assert.Contains(DomainEvents.All, e => e.Type == t));
    }

    [Fact]
    public void A_proposal_id_names_its_stream_and_fits_the_stores_limit()
    {
        Assert.Equal("proposal-2026-05-12-avondverlichting", Lighting.StreamId);
        Assert.Equal(100, ProposalId.Parse(new string('a', ProposalId.MaxLength)).StreamId.Length);
        Assert.False(ProposalId.TryParse(new string('a', ProposalId.MaxLength + 1), out _));
        Assert.False(ProposalId.TryParse("Avondverlichting", out _));
    }
}
