namespace Governance.Domain.Meetings;

/// <summary>
/// The numbers of the working agreements that one meeting applies, and the version they come from. Recorded on
/// the scheduling and every rescheduling event, so the meeting's own stream proves which numbers its checks
/// applied, and no amendment changes the deadlines of a meeting behind its back: a partner can never become late
/// for a deadline that did not exist while it could still meet it. Rescheduling applies the agreements then in force.
/// </summary>
public sealed record MeetingTerms(
    int AgreementsVersion,
    LeadTime DraftAgenda,
    LeadTime Documents,
    LeadTime AgendaItemIntake,
    LeadTime InformationDocuments,
    LeadTime UrgentItems,
    LeadTime ResidentsMeetingAnnouncement,
    LeadTime ResidentsMeetingFlyers,
    LeadTime InformationPeriod,
    bool ProfessionalsMayNotOutnumberResidents,
    OfficeHours OfficeHours)
{
    public static MeetingTerms From(WorkingAgreements agreements)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        return new(
            agreements.Version,
            agreements.DraftAgenda,
            agreements.Documents,
            agreements.AgendaItemIntake,
            agreements.InformationDocuments,
            agreements.UrgentItems,
            agreements.ResidentsMeetingAnnouncement,
            agreements.ResidentsMeetingFlyers,
            agreements.InformationPeriod,
            agreements.ProfessionalsMayNotOutnumberResidents,
            agreements.OfficeHours);
    }

    /// <summary>R6: social media and mail share one lead time, flyers have their own.</summary>
    public LeadTime Announcement(AnnouncementChannel channel) => channel switch
    {
        AnnouncementChannel.SocialMedia or AnnouncementChannel.Mail => ResidentsMeetingAnnouncement,
        AnnouncementChannel.Flyers => ResidentsMeetingFlyers,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown announcement channel."),
    };

    /// <summary>The lead time of a document by its purpose: R2 or R4.</summary>
    public LeadTime DocumentLeadTime(DocumentPurpose purpose) => purpose switch
    {
        DocumentPurpose.DecisionOrDiscussion => Documents,
        DocumentPurpose.InformationOnly => InformationDocuments,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown document purpose."),
    };
}
