using NodaTime;

namespace Governance.Domain.Meetings;

/// <summary>
/// What someone asks of a meeting. Closed: every command is in this file. Times of day are Europe/Amsterdam
/// civil time (<see cref="LocalDateTime"/>); <see cref="Now"/> is the recorded time, so "shared at" and
/// "proposed at" are never client-supplied. Who may ask (chair, secretary, a partner's representative) is the
/// host's authorisation; the actor goes into the envelope's metadata.
/// </summary>
public abstract record MeetingCommand
{
    private protected MeetingCommand(Instant now) => Now = now;

    /// <summary>When the host received the command; the domain never reads a clock.</summary>
    public Instant Now { get; init; }
}

/// <summary>
/// R17: puts a meeting in the year planning. <paramref name="Agreements"/> are the working agreements in force,
/// which the meeting applies from now on (see <see cref="MeetingTerms"/>).
/// </summary>
public sealed record ScheduleMeeting(
    MeetingId Meeting,
    MeetingKind Kind,
    LocalDateTime Start,
    LocalDateTime End,
    string Place,
    WorkingAgreements Agreements,
    Instant Now) : MeetingCommand(Now);

/// <summary>Moves the meeting; every deadline follows the new start. Applies the <paramref name="Agreements"/> in force now.</summary>
public sealed record RescheduleMeeting(
    LocalDateTime Start,
    LocalDateTime End,
    string Place,
    string Reason,
    WorkingAgreements Agreements,
    Instant Now) : MeetingCommand(Now);

public sealed record CancelMeeting(string Reason, Instant Now) : MeetingCommand(Now);

/// <summary>R1: the secretary offers the draft agenda; the first publication is the one that counts.</summary>
public sealed record PublishDraftAgenda(Instant Now) : MeetingCommand(Now);

/// <summary>
/// A partner puts an item forward. <paramref name="CarriedOverFrom"/> names the previous meeting that put it on
/// this agenda, which makes it on time (R3); the host checks that that meeting did.
/// </summary>
public sealed record ProposeAgendaItem(
    AgendaItemId Item,
    PartnerId Partner,
    string Title,
    AgendaItemKind Kind,
    MeetingId? CarriedOverFrom,
    Instant Now) : MeetingCommand(Now);

public sealed record AcceptAgendaItem(AgendaItemId Item, Instant Now) : MeetingCommand(Now);

/// <summary>The chair moves an item to a later meeting, <paramref name="To"/> when it is known.</summary>
public sealed record DeferAgendaItem(AgendaItemId Item, string Reason, MeetingId? To, Instant Now) : MeetingCommand(Now);

public sealed record RejectAgendaItem(AgendaItemId Item, string Reason, Instant Now) : MeetingCommand(Now);

/// <summary>
/// A partner shares a document for an item. The host has stored the file under <paramref name="StorageKey"/>
/// and hashed it; the shared-at moment is <see cref="MeetingCommand.Now"/>, the recorded time (R2, R4).
/// </summary>
public sealed record ShareDocument(
    DocumentId Document,
    AgendaItemId Item,
    PartnerId Partner,
    string Title,
    DocumentPurpose Purpose,
    Sha256Digest Sha256,
    long SizeBytes,
    string StorageKey,
    Instant Now) : MeetingCommand(Now);

/// <summary>A new version of a shared document; the lead time counts from the version that is discussed. <paramref name="Title"/> null keeps the title.</summary>
public sealed record ReplaceDocument(
    DocumentId Document,
    string? Title,
    Sha256Digest Sha256,
    long SizeBytes,
    string StorageKey,
    string Reason,
    Instant Now) : MeetingCommand(Now);

/// <summary>R6: a residents' meeting announced on one channel; the first announcement per channel counts.</summary>
public sealed record AnnounceResidentsMeeting(AnnouncementChannel Channel, Instant Now) : MeetingCommand(Now);

/// <summary>
/// Someone present for a partner. <paramref name="Body"/> is that partner's body in the alliance (the host reads
/// it from the alliance stream), which R15 counts.
/// </summary>
public sealed record RecordAttendance(PersonId Person, PartnerId Partner, PartnerBody Body, Instant Now) : MeetingCommand(Now);

/// <summary>Corrects an attendance recorded by mistake; the record keeps both facts.</summary>
public sealed record WithdrawAttendance(PersonId Person, string Reason, Instant Now) : MeetingCommand(Now);

/// <summary>
/// Someone recorded as present for the wrong partner (issue 13): <paramref name="Partner"/> as it should have been recorded, with
/// its <paramref name="Body"/> in the alliance (the host reads it from the alliance stream), which R15 counts. Sent by the chair or
/// the secretary (<paramref name="CorrectedAs"/>, the office the host found), with a reason; the original stays on record.
/// </summary>
public sealed record CorrectAttendance(
    PersonId Person,
    PartnerId Partner,
    PartnerBody Body,
    PersonId CorrectedBy,
    Alliances.Office? CorrectedAs,
    string Reason,
    Instant Now) : MeetingCommand(Now);

public sealed record OpenMeeting(Instant Now) : MeetingCommand(Now);

public sealed record CloseMeeting(Instant Now) : MeetingCommand(Now);

/// <summary>The secretary publishes the minutes (stored and hashed by the host); a revision needs a <paramref name="Reason"/>.</summary>
public sealed record PublishMinutes(Sha256Digest Sha256, long SizeBytes, string StorageKey, string? Reason, Instant Now) : MeetingCommand(Now);

/// <summary>
/// R19: moves one deadline (<paramref name="Rule"/> R1, R2 or R6 of <paramref name="Subject"/>) to <paramref name="NewDue"/>,
/// with the reason and who agreed. Never a silent edit: the original due stays on record.
/// </summary>
public sealed record ExtendDeadline(
    string Rule,
    DeadlineSubject Subject,
    Instant NewDue,
    string Reason,
    PersonId AgreedBy,
    Instant Now) : MeetingCommand(Now);

/// <summary>
/// R7: a residents' representative lets the chair proceed with an item whose information came too late.
/// <paramref name="Partner"/> and <paramref name="Body"/> are whom <paramref name="By"/> represents, as the host reads them from the alliance.
/// </summary>
public sealed record WaiveInformationPeriod(
    AgendaItemId Item,
    PersonId By,
    PartnerId Partner,
    PartnerBody Body,
    string Reason,
    Instant Now) : MeetingCommand(Now);

/// <summary>
/// R1–R4, R6: records every deadline of the meeting that has passed without being met (status missing at <c>Now</c>),
/// once each: the ledger then says when it was noticed. Sent by the host when a due moment comes (and by its catch-up
/// sweep); idempotent, so a repeat records nothing.
/// </summary>
public sealed record RecordMissedDeadlines(Instant Now) : MeetingCommand(Now);

/// <summary>The chair takes up an item for discussion or decision at the open meeting; R7 decides whether that may happen.</summary>
public sealed record TakeUpAgendaItem(AgendaItemId Item, Instant Now) : MeetingCommand(Now);
