namespace Governance.Domain;

public enum PartnerKind
{
    ResidentsCollective,
    Municipality,
    HousingCorporation,
    Welfare,
    Care,
    Police,
    School,
    Business,
    OwnersOrTenantsAssociation,
    Other,
}

/// <summary>Whether a partner speaks for residents or is a professional body; R14 weighs their votes, R15 counts their seats.</summary>
public enum PartnerBody
{
    Residents,
    Professional,
}
