using Governance.Domain.Alliances;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;

namespace Governance.Domain.Tests.Alliances;

public class EscalationContactTests
{
    [Fact]
    public void An_escalation_contact_of_the_programme_is_assigned() =>
        Founded
            .When(new AssignEscalationContact(ProgrammeContact, Now))
            .Then(new EscalationContactAssigned(ProgrammeContact))
            .AndThen(state => Assert.Contains(ProgrammeContact, AsFounded(state).EscalationContacts));

    [Fact]
    public void An_alliance_may_have_several_escalation_contacts() =>
        Founded.Given(new EscalationContactAssigned(ProgrammeContact))
            .When(new AssignEscalationContact(Stranger, Now))
            .Then(new EscalationContactAssigned(Stranger))
            .AndThen(state => Assert.Equal(2, AsFounded(state).EscalationContacts.Count));

    [Fact]
    public void Assigning_an_escalation_contact_again_changes_nothing() =>
        Founded.Given(new EscalationContactAssigned(ProgrammeContact))
            .When(new AssignEscalationContact(ProgrammeContact, Now))
            .ThenNothing();

    [Fact]
    public void An_escalation_contact_is_unassigned() =>
        Founded.Given(new EscalationContactAssigned(ProgrammeContact))
            .When(new UnassignEscalationContact(ProgrammeContact, Now))
            .Then(new EscalationContactUnassigned(ProgrammeContact))
            .AndThen(state => Assert.Empty(AsFounded(state).EscalationContacts));

    [Fact]
    public void Unassigning_a_person_who_is_not_an_escalation_contact_is_refused() =>
        Founded.Given(new EscalationContactAssigned(ProgrammeContact))
            .When(new UnassignEscalationContact(Stranger, Now))
            .ThenViolates("escalation-contact.not-assigned");
}
