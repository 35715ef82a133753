using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;
using static Governance.Domain.Tests.Meetings.MeetingFixtures;
using static Governance.Domain.Tests.Proposals.ProposalFixtures;

namespace Governance.Domain.Tests;

/// <summary>
/// What a page may offer now (issue 13): <see cref="Decider{TCommand,TEvent,TState}.Refusal"/> asks the decider itself,
/// with the time as input, so a button and the rule behind it cannot disagree.
/// </summary>
public class RefusalTests
{
    private static readonly ObjectionRaised LightNuisance = new(1, Resident, Bcop, "Lichthinder voor de flats aan het pad", 1);

    [Fact]
    public void Opening_a_meeting_16_days_early_is_refused_with_the_deciders_own_code_and_nothing_is_decided()
    {
        var state = Scheduled.State;

        var refusal = Meeting.Decider.Refusal(new OpenMeeting(MeetingDay - NodaTime.Duration.FromDays(16)), state);

        Assert.Equal("meeting.too-early", refusal?.Code);
    }

    [Fact]
    public void Opening_a_meeting_on_its_day_is_not_refused() =>
        Assert.Null(Meeting.Decider.Refusal(new OpenMeeting(MeetingDay), Scheduled.State));

    [Fact]
    public void Consent_is_refused_while_a_valid_objection_stands_R8()
    {
        var state = InConsentRound.Given(LightNuisance, new ObjectionTested(1, ObjectionFinding.ValidObjection, "")).State;

        Assert.Equal("R8.unresolved-objection", Proposal.Decider.Refusal(new ReachConsent(DuringTheMeeting), state)?.Code);
    }

    [Fact]
    public void Consent_is_not_refused_when_only_a_concern_was_raised_R8()
    {
        var state = InConsentRound.Given(LightNuisance, new ObjectionTested(1, ObjectionFinding.Concern, "")).State;

        Assert.Null(Proposal.Decider.Refusal(new ReachConsent(DuringTheMeeting), state));
    }
}
