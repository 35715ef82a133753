namespace Governance.Domain.Meetings;

/// <summary>The meetings of the year planning (R17).</summary>
public enum MeetingKind
{
    /// <summary>Wijkalliantievergadering: the alliance's decision meeting; R1 applies to its draft agenda.</summary>
    AllianceMeeting,

    /// <summary>Bewonersbijeenkomst: open to all residents, at least once per quarter (R20); announced per R6.</summary>
    ResidentsMeeting,

    /// <summary>The residents' collective's core group, at least monthly (R20).</summary>
    CoreGroupMeeting,
}

public enum AgendaItemKind
{
    /// <summary>To be decided: R2 documents, R3 intake, R7 information period.</summary>
    Decision,

    /// <summary>To be discussed: the same lead times as a decision, since residents must be able to take part (R7).</summary>
    Discussion,

    /// <summary>Ter kennisgeving: R3 intake; its documents follow R4.</summary>
    Information,

    /// <summary>Actualiteit: exceptional, until 48 hours before (R5) instead of R3; R7 still needs a waiver to decide.</summary>
    Urgent,
}

public enum AgendaItemStatus
{
    /// <summary>Proposed by a partner; the chair has not ruled yet.</summary>
    Proposed,
    Accepted,

    /// <summary>Moved to a later meeting, where it counts as on time (R3).</summary>
    Deferred,
    Rejected,
}

public enum DocumentPurpose
{
    /// <summary>For decision or discussion: shared 14 days ahead (R2) and what R7 counts.</summary>
    DecisionOrDiscussion,

    /// <summary>Ter kennisgeving: shared 7 days ahead (R4).</summary>
    InformationOnly,
}

/// <summary>R6: how a residents' meeting reaches residents; each channel has its own deadline.</summary>
public enum AnnouncementChannel
{
    /// <summary>28 days ahead by default, with mail.</summary>
    SocialMedia,

    /// <summary>28 days ahead by default, with social media.</summary>
    Mail,

    /// <summary>Door to door, 14 days ahead by default.</summary>
    Flyers,
}

public enum MeetingPhase
{
    /// <summary>On the planning; agenda, documents and announcements are gathered.</summary>
    Planned,

    /// <summary>Opened by the chair.</summary>
    Open,

    /// <summary>Closed by the chair; the minutes follow.</summary>
    Closed,
}

/// <summary>
/// R15: the people present for residents' bodies and for professional bodies, and whether professionals
/// outnumber residents (always false when the agreements in force do not ask for the check).
/// </summary>
public sealed record TableBalance(int Residents, int Professionals, bool ProfessionalsOutnumberResidents)
{
    public static TableBalance Empty { get; } = new(0, 0, false);

    public static TableBalance Of(IEnumerable<PartnerBody> present, bool professionalsMayNotOutnumberResidents)
    {
        ArgumentNullException.ThrowIfNull(present);
        var bodies = present.ToList();
        var residents = bodies.Count(b => b == PartnerBody.Residents);
        var professionals = bodies.Count(b => b == PartnerBody.Professional);
        return new(residents, professionals, professionalsMayNotOutnumberResidents && professionals > residents);
    }
}
