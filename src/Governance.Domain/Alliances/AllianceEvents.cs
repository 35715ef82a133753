namespace Governance.Domain.Alliances;

/// <summary>
/// A fact in an alliance's stream. Closed: every event is in this file. When it was recorded (and, where
/// different, when it occurred) lives in the envelope, not here. People appear only as <see cref="PersonId"/>.
/// </summary>
public abstract record AllianceEvent
{
    private protected AllianceEvent()
    {
    }
}

/// <summary>Always followed, in the same append, by <see cref="WorkingAgreementsAdopted"/> for version 1.</summary>
[EventType("alliance.founded", 1)]
public sealed record AllianceFounded(AllianceId Alliance, string Name, string Neighbourhood) : AllianceEvent;

[EventType("alliance.working-agreements-adopted", 1)]
public sealed record WorkingAgreementsAdopted(WorkingAgreements Agreements) : AllianceEvent;

[EventType("alliance.working-agreements-amended", 1)]
public sealed record WorkingAgreementsAmended(WorkingAgreements Agreements, string DecisionReference) : AllianceEvent;

[EventType("alliance.partner-admitted", 1)]
public sealed record PartnerAdmitted(PartnerId Partner, string Name, PartnerKind Kind, PartnerBody Body) : AllianceEvent;

/// <summary>Preceded, in the same append, by a <see cref="RepresentativeWithdrawn"/> for each of the partner's representatives.</summary>
[EventType("alliance.partner-left", 1)]
public sealed record PartnerLeft(PartnerId Partner, string Reason) : AllianceEvent;

[EventType("alliance.representative-appointed", 1)]
public sealed record RepresentativeAppointed(PersonId Person, PartnerId Partner, bool HasMandate) : AllianceEvent;

[EventType("alliance.representative-mandate-changed", 1)]
public sealed record RepresentativeMandateChanged(PersonId Person, PartnerId Partner, bool HasMandate) : AllianceEvent;

[EventType("alliance.representative-withdrawn", 1)]
public sealed record RepresentativeWithdrawn(PersonId Person, PartnerId Partner) : AllianceEvent;

/// <summary>
/// The person declared no direct interest in the neighbourhood (R13): without that declaration there is
/// no appointment. <paramref name="Replaces"/> is the holder whose term this appointment ended.
/// </summary>
[EventType("alliance.officer-appointed", 1)]
public sealed record OfficerAppointed(Office Office, PersonId Person, PersonId? Replaces) : AllianceEvent;

[EventType("alliance.office-vacated", 1)]
public sealed record OfficeVacated(Office Office, PersonId Person, string Reason) : AllianceEvent;

[EventType("alliance.escalation-contact-assigned", 1)]
public sealed record EscalationContactAssigned(PersonId Person) : AllianceEvent;

[EventType("alliance.escalation-contact-unassigned", 1)]
public sealed record EscalationContactUnassigned(PersonId Person) : AllianceEvent;

[EventType("alliance.interest-declared", 1)]
public sealed record InterestDeclared(
    DeclarationId Declaration,
    PersonId Person,
    InterestKind Kind,
    string Description,
    PartnerId? Partner,
    string? Organisation) : AllianceEvent;

[EventType("alliance.interest-declaration-ended", 1)]
public sealed record InterestDeclarationEnded(DeclarationId Declaration, PersonId Person) : AllianceEvent;
