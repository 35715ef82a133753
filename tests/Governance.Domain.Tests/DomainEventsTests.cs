using System.Reflection;
using Governance.Domain.Alliances;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.Domain.YearPlans;

namespace Governance.Domain.Tests;

public class DomainEventsTests
{
    [Fact]
    public void Every_alias_is_unique() =>
        Assert.Equal(DomainEvents.All.Count, DomainEvents.All.Select(e => e.Alias).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void Every_alias_is_a_lower_case_stream_dot_kebab_name_with_a_positive_schema_version() =>
        Assert.All(DomainEvents.All, e =>
        {
            Assert.True(EventTypeAttribute.IsWellFormedAlias(e.Alias), $"{e.Type.Name}: '{e.Alias}'");
            Assert.True(e.SchemaVersion >= 1, $"{e.Type.Name}: schema version {e.SchemaVersion}");
        });

    [Fact]
    public void Every_alliance_event_has_an_alias_in_the_alliance_stream()
    {
        var allianceEvents = typeof(AllianceEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(AllianceEvent)) && !t.IsAbstract)
            .ToList();

        Assert.Equal(14, allianceEvents.Count);
        Assert.All(allianceEvents, t =>
        {
            var attribute = t.GetCustomAttribute<EventTypeAttribute>();
            Assert.True(attribute is not null, $"{t.Name} has no [EventType]");
            Assert.StartsWith("alliance.", attribute.Alias, StringComparison.Ordinal);
        });
        Assert.All(allianceEvents, t => Assert.Contains(DomainEvents.All, e => e.Type == t));
    }

    [Fact]
    public void Only_event_types_are_listed() =>
        Assert.All(DomainEvents.All, e => Assert.True(
            e.Type.IsSubclassOf(typeof(AllianceEvent)) || e.Type.IsSubclassOf(typeof(MeetingEvent)) || e.Type.IsSubclassOf(typeof(ProposalEvent))
            || e.Type.IsSubclassOf(typeof(CommitmentEvent)) || e.Type.IsSubclassOf(typeof(YearPlanEvent)) || e.Type.IsSubclassOf(typeof(EscalationEvent)),
            e.Type.Name));

    [Theory]
    [InlineData("alliance.partner-admitted", true)]
    [InlineData("meeting.document-shared", true)]
    [InlineData("alliance.r2", true)]
    [InlineData("Alliance.PartnerAdmitted", false)]
    [InlineData("alliance", false)]
    [InlineData("alliance.", false)]
    [InlineData(".partner-admitted", false)]
    [InlineData("alliance.partner.admitted", false)]
    [InlineData("alliance.partner_admitted", false)]
    [InlineData("alliance.partner-admitted\n", false)]
    public void An_alias_is_well_formed_only_as_stream_dot_kebab_name(string alias, bool wellFormed) =>
        Assert.Equal(wellFormed, EventTypeAttribute.IsWellFormedAlias(alias));
}
