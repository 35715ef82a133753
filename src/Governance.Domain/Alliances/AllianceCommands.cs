using NodaTime;

namespace Governance.Domain.Alliances;

/// <summary>What someone asks of an alliance. Closed: every command is in this file.</summary>
public abstract record AllianceCommand
{
    private protected AllianceCommand(Instant now) => Now = now;

    /// <summary>When the host received the command; the domain never reads a clock.</summary>
    public Instant Now { get; init; }
}

public sealed record FoundAlliance(AllianceId Alliance, string Name, string Neighbourhood, Instant Now) : AllianceCommand(Now);

public sealed record AdmitPartner(PartnerId Partner, string Name, PartnerKind Kind, PartnerBody Body, Instant Now) : AllianceCommand(Now);

public sealed record RecordPartnerDeparture(PartnerId Partner, string Reason, Instant Now) : AllianceCommand(Now);

/// <summary>Seats a person for a partner, or changes the mandate of one already seated for it.</summary>
public sealed record AppointRepresentative(PersonId Person, PartnerId Partner, bool HasMandate, Instant Now) : AllianceCommand(Now);

public sealed record WithdrawRepresentative(PersonId Person, PartnerId Partner, Instant Now) : AllianceCommand(Now);

/// <summary>Appoints the chair, the secretary or the confidant, replacing whoever held the office.</summary>
public sealed record AppointOfficer(Office Office, PersonId Person, bool DeclaresNoDirectInterest, Instant Now) : AllianceCommand(Now);

public sealed record VacateOffice(Office Office, string Reason, Instant Now) : AllianceCommand(Now);

public sealed record AssignEscalationContact(PersonId Person, Instant Now) : AllianceCommand(Now);

public sealed record UnassignEscalationContact(PersonId Person, Instant Now) : AllianceCommand(Now);

/// <summary>R16: an entry for the public interest register. <paramref name="Partner"/> or <paramref name="Organisation"/> names whom it concerns, when anyone.</summary>
public sealed record DeclareInterest(
    DeclarationId Declaration,
    PersonId Person,
    InterestKind Kind,
    string Description,
    PartnerId? Partner,
    string? Organisation,
    Instant Now) : AllianceCommand(Now);

public sealed record EndInterestDeclaration(DeclarationId Declaration, Instant Now) : AllianceCommand(Now);

/// <summary>
/// Replaces every number of the working agreements. <c>Agreements.Version</c> names the version amended;
/// <paramref name="DecisionReference"/> cites the decision that made the amendment.
/// </summary>
public sealed record AmendWorkingAgreements(WorkingAgreements Agreements, string DecisionReference, Instant Now) : AllianceCommand(Now);
