using Governance.Domain.Alliances;
using NodaTime;

namespace Governance.Domain.Meetings;

/// <summary>
/// A fact in a meeting's stream. Closed: every event is in this file. Times of day are Europe/Amsterdam civil
/// time; the moments that deadlines are judged on (shared at, proposed at, announced at) are the recorded time
/// the host passed as the command's Now, repeated here because a decider sees events, not envelopes.
/// An event that applied a number of the working agreements names the version it applied.
/// </summary>
public abstract record MeetingEvent
{
    private protected MeetingEvent()
    {
    }
}

/// <summary>R17: in the year planning. R18: <paramref name="DuringOfficeHours"/> warns that residents would need time off.</summary>
[EventType("meeting.scheduled", 1)]
public sealed record MeetingScheduled(
    MeetingId Meeting,
    MeetingKind Kind,
    LocalDateTime Start,
    LocalDateTime End,
    string Place,
    MeetingTerms Terms,
    bool DuringOfficeHours) : MeetingEvent;

/// <summary>Every deadline follows the new start. R18: the warning is judged again on the new time.</summary>
[EventType("meeting.rescheduled", 1)]
public sealed record MeetingRescheduled(
    LocalDateTime PreviousStart,
    LocalDateTime Start,
    LocalDateTime End,
    string Place,
    string Reason,
    MeetingTerms Terms,
    bool DuringOfficeHours) : MeetingEvent;

[EventType("meeting.cancelled", 1)]
public sealed record MeetingCancelled(string Reason) : MeetingEvent;

/// <summary>R1.</summary>
[EventType("meeting.draft-agenda-published", 1)]
public sealed record DraftAgendaPublished(Instant PublishedAt) : MeetingEvent;

/// <summary>R3, or R5 for an urgent item, which is <paramref name="Exceptional"/> and was proposed within the limit of version <paramref name="AgreementsVersion"/>.</summary>
[EventType("meeting.agenda-item-proposed", 1)]
public sealed record AgendaItemProposed(
    AgendaItemId Item,
    PartnerId Partner,
    string Title,
    AgendaItemKind Kind,
    MeetingId? CarriedOverFrom,
    Instant ProposedAt,
    bool Exceptional,
    int AgreementsVersion) : MeetingEvent;

[EventType("meeting.agenda-item-accepted", 1)]
public sealed record AgendaItemAccepted(AgendaItemId Item) : MeetingEvent;

[EventType("meeting.agenda-item-deferred", 1)]
public sealed record AgendaItemDeferred(AgendaItemId Item, string Reason, MeetingId? To) : MeetingEvent;

[EventType("meeting.agenda-item-rejected", 1)]
public sealed record AgendaItemRejected(AgendaItemId Item, string Reason) : MeetingEvent;

/// <summary>Version 1 of a document (R2 or R4 by its purpose). The file is the host's; the digest proves which bytes.</summary>
[EventType("meeting.document-shared", 1)]
public sealed record DocumentShared(
    DocumentId Document,
    AgendaItemId Item,
    PartnerId Partner,
    string Title,
    DocumentPurpose Purpose,
    Sha256Digest Sha256,
    long SizeBytes,
    string StorageKey,
    Instant SharedAt) : MeetingEvent;

/// <summary>A new version (2, 3 …) of a document; the lead time now counts from this one.</summary>
[EventType("meeting.document-replaced", 1)]
public sealed record DocumentReplaced(
    DocumentId Document,
    int Version,
    string Title,
    Sha256Digest Sha256,
    long SizeBytes,
    string StorageKey,
    string Reason,
    Instant SharedAt) : MeetingEvent;

/// <summary>R6.</summary>
[EventType("meeting.residents-meeting-announced", 1)]
public sealed record ResidentsMeetingAnnounced(AnnouncementChannel Channel, Instant AnnouncedAt) : MeetingEvent;

/// <summary>R15: <paramref name="Balance"/> is the table after this arrival, judged under version <paramref name="AgreementsVersion"/>.</summary>
[EventType("meeting.attendance-recorded", 1)]
public sealed record AttendanceRecorded(
    PersonId Person,
    PartnerId Partner,
    PartnerBody Body,
    TableBalance Balance,
    int AgreementsVersion) : MeetingEvent;

/// <summary>A correction of <see cref="AttendanceRecorded"/>; R15: <paramref name="Balance"/> is the table after it.</summary>
[EventType("meeting.attendance-withdrawn", 1)]
public sealed record AttendanceWithdrawn(
    PersonId Person,
    PartnerId Partner,
    string Reason,
    TableBalance Balance,
    int AgreementsVersion) : MeetingEvent;

/// <summary>
/// A correction of the partner in <see cref="AttendanceRecorded"/> (issue 13): <paramref name="Person"/> was present for
/// <paramref name="Partner"/>, not for <paramref name="PreviousPartner"/>; who corrected it in which office, and why. R15:
/// <paramref name="Balance"/> is the table after it, judged under version <paramref name="AgreementsVersion"/>.
/// </summary>
[EventType("meeting.attendance-corrected", 1)]
public sealed record AttendanceCorrected(
    PersonId Person,
    PartnerId PreviousPartner,
    PartnerBody PreviousBody,
    PartnerId Partner,
    PartnerBody Body,
    PersonId CorrectedBy,
    Alliances.Office CorrectedAs,
    string Reason,
    TableBalance Balance,
    int AgreementsVersion,
    Instant CorrectedAt) : MeetingEvent;

[EventType("meeting.opened", 1)]
public sealed record MeetingOpened(Instant OpenedAt) : MeetingEvent;

[EventType("meeting.closed", 1)]
public sealed record MeetingClosed(Instant ClosedAt) : MeetingEvent;

/// <summary>Version 1, or a revision with its <paramref name="Reason"/>.</summary>
[EventType("meeting.minutes-published", 1)]
public sealed record MinutesPublished(
    int Version,
    Sha256Digest Sha256,
    long SizeBytes,
    string StorageKey,
    string? Reason,
    Instant PublishedAt) : MeetingEvent;

/// <summary>R19: one deadline moved from <paramref name="PreviousDue"/> to <paramref name="NewDue"/>, with why and who agreed.</summary>
[EventType("meeting.deadline-extended", 1)]
public sealed record DeadlineExtended(
    string Rule,
    DeadlineSubject Subject,
    Instant PreviousDue,
    Instant NewDue,
    string Reason,
    PersonId AgreedBy,
    int AgreementsVersion) : MeetingEvent;

/// <summary>
/// R1–R4, R6: the deadline <paramref name="Rule"/> of <paramref name="Subject"/> passed at <paramref name="DueAt"/> (after any
/// extension) without being met; <paramref name="ResponsiblePartner"/> or <paramref name="ResponsibleOffice"/> had to meet it.
/// </summary>
[EventType("meeting.deadline-missed", 1)]
public sealed record MeetingDeadlineMissed(
    string Rule,
    DeadlineSubject Subject,
    PartnerId? ResponsiblePartner,
    Office? ResponsibleOffice,
    Instant DueAt,
    Instant RecordedAt,
    int AgreementsVersion) : MeetingEvent;

/// <summary>R7: a residents' representative let the chair proceed although the information came too late.</summary>
[EventType("meeting.information-period-waived", 1)]
public sealed record InformationPeriodWaived(
    AgendaItemId Item,
    PersonId By,
    PartnerId Partner,
    string Reason,
    Instant WaivedAt,
    int AgreementsVersion) : MeetingEvent;

/// <summary>The chair took up the item; <paramref name="UnderWaiver"/> when R7 allowed it only by a waiver.</summary>
[EventType("meeting.agenda-item-taken-up", 1)]
public sealed record AgendaItemTakenUp(AgendaItemId Item, bool UnderWaiver, int AgreementsVersion) : MeetingEvent;
