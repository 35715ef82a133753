using System.Collections.Immutable;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Meetings.MeetingFixtures;

namespace Governance.Domain.Tests.Proposals;

/// <summary>
/// A proposal on the traffic item of the 12 May meeting. At the table: BCOP (the residents' collective, weight 2,
/// two representatives with mandate), the Stadsdeel and Ymere (weight 1, one with mandate each) and Eigenwijks
/// (weight 1, its representative without mandate).
/// </summary>
internal static class ProposalFixtures
{
    public static readonly ProposalId Lighting = ProposalId.Parse("2026-05-12-avondverlichting");

    public static readonly PersonId Neighbour = PersonId.Parse("p-00000000001a");

    public const string TextV1 = "Het stadsdeel plaatst voor 1 oktober extra verlichting op het Tussen Meer-pad.";
    public const string TextV2 = "Het stadsdeel plaatst voor 1 oktober extra verlichting op het Tussen Meer-pad, zonder lichthinder voor de flats.";

    public static readonly Instant TabledAt = MeetingDay + Duration.FromMinutes(40);
    public static readonly Instant DuringTheMeeting = MeetingDay + Duration.FromHours(1);

    /// <summary>R7: decidable, the plan having been shared 20 days ahead.</summary>
    public static Decidability Decidable => Open.Given(Shared(TrafficPlan, Traffic, Stadsdeel, DaysBefore(20))).State.IsDecidable(Traffic);

    public static Spec<ProposalCommand, ProposalEvent, Proposal.State> NewProposal =>
        Spec.For<ProposalCommand, ProposalEvent, Proposal.State>(Proposal.Decide, Proposal.Evolve, Proposal.Initial);

    public static Spec<ProposalCommand, ProposalEvent, Proposal.State> TabledProposal => NewProposal.Given(Tabled());

    public static Spec<ProposalCommand, ProposalEvent, Proposal.State> InConsentRound => TabledProposal.Given(new ConsentRoundOpened(1, DuringTheMeeting));

    /// <summary>The consent round failed and the chair opened the vote with everyone present under the default agreements.</summary>
    public static Spec<ProposalCommand, ProposalEvent, Proposal.State> Voting => InConsentRound.Given(Opened(Electorate()));

    public static ProposalTabled Tabled(params PartnerId[] concerns) => new(
        Lighting, May12, Traffic, "Avondverlichting Tussen Meer", TextV1, Bcop, Resident,
        concerns.Length == 0 ? [Stadsdeel] : [.. concerns], UnderWaiver: false, AgreementsVersion: 1, TabledAt);

    public static TableProposal Table(Decidability decidability, params PartnerId[] concerns) => new(
        Lighting, May12, Traffic, "Avondverlichting Tussen Meer", TextV1, Bcop, Resident,
        concerns.Length == 0 ? [Stadsdeel] : [.. concerns], decidability, TabledAt);

    public static ImmutableArray<EligiblePartner> Members(params PartnerId[] absent) =>
    [
        new(Bcop, PartnerBody.Residents, IsResidentsCollective: true, Present: !absent.Contains(Bcop)),
        new(Stadsdeel, PartnerBody.Professional, IsResidentsCollective: false, Present: !absent.Contains(Stadsdeel)),
        new(Ymere, PartnerBody.Professional, IsResidentsCollective: false, Present: !absent.Contains(Ymere)),
        new(Eigenwijks, PartnerBody.Professional, IsResidentsCollective: false, Present: !absent.Contains(Eigenwijks)),
    ];

    public static ImmutableArray<PresentRepresentative> Representatives =>
    [
        new(Resident, Bcop, HasMandate: true),
        new(Neighbour, Bcop, HasMandate: true),
        new(CivilServant, Stadsdeel, HasMandate: true),
        new(HousingOfficer, Ymere, HasMandate: true),
        new(Caretaker, Eigenwijks, HasMandate: false),
    ];

    public static OpenVote OpenVote(
        VoteGround ground = VoteGround.ConsentFailed,
        WorkingAgreements? agreements = null,
        ImmutableArray<EligiblePartner>? members = null,
        ImmutableArray<InterestOnRecord>? declarations = null) =>
        new(ground, agreements ?? WorkingAgreements.Default, members ?? Members(), Representatives, declarations ?? [], DuringTheMeeting);

    /// <summary>The snapshot the default agreements make of <see cref="Members"/> and <see cref="Representatives"/>.</summary>
    public static Electorate Electorate(WorkingAgreements? agreements = null, ImmutableArray<EligiblePartner>? members = null)
    {
        var a = agreements ?? WorkingAgreements.Default;
        return new Electorate(
            a.Version, a.Majority, a.Quorum, a.SecretVotesUntilClose,
            [.. (members ?? Members()).Select(m => new Elector(m.Partner, m.Body, a.VoteWeights.For(m.Body), m.IsResidentsCollective, m.Present))],
            Representatives);
    }

    public static VoteOpened Opened(Electorate electorate, int round = 1, int version = 1, VoteGround ground = VoteGround.ConsentFailed) =>
        new(round, ground, version, electorate, DuringTheMeeting);

    public static VoteCast Cast(PartnerId partner, PersonId by, VoteChoice choice, VoteChoice? replaces = null) =>
        new(partner, by, choice, replaces, DuringTheMeeting);

    public static CastVote Vote(PersonId by, PartnerId partner, VoteChoice choice) => new(by, partner, choice, DuringTheMeeting);

    public static Proposal.State.Tabled AsTabled(Proposal.State state) => Assert.IsType<Proposal.State.Tabled>(state);
}
