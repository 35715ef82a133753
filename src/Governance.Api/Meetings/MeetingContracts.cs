using Governance.Domain;
using Governance.Domain.Meetings;
using NodaTime;

namespace Governance.Api.Meetings;

// Requests: strings and nullables, so a missing or malformed field is a 400 with the field's name (the validators),
// never a binding failure without one. Times of day are Europe/Amsterdam civil time, "2026-03-10T19:30".

public sealed record ScheduleMeetingRequest(string? Id, string? Kind, string? Start, string? End, string? Place);
public sealed record RescheduleMeetingRequest(string? Start, string? End, string? Place, string? Reason);
public sealed record CancelMeetingRequest(string? Reason);
public sealed record ProposeAgendaItemRequest(string? Id, string? Partner, string? Title, string? Kind, string? CarriedOverFrom);
public sealed record DeferAgendaItemRequest(string? Reason, string? To);
public sealed record RejectAgendaItemRequest(string? Reason);
public sealed record AnnounceRequest(string? Channel);
public sealed record RecordAttendanceRequest(string? Person, string? Partner);
public sealed record WithdrawAttendanceRequest(string? Reason);

/// <summary>Issue 13: someone recorded as present for the wrong partner; <see cref="Partner"/> is the partner they were really there for.</summary>
public sealed record CorrectAttendanceRequest(string? Partner, string? Reason);

/// <summary>R19: one of <see cref="Item"/>, <see cref="Document"/>, <see cref="Channel"/> names the subject; none is the meeting (R1).</summary>
public sealed record ExtendDeadlineRequest(string? Rule, string? Item, string? Document, string? Channel, DateTimeOffset? NewDue, string? Reason, string? AgreedBy);

/// <summary>R7: <see cref="Partner"/> is the residents' body the signed-in representative waives for.</summary>
public sealed record WaiveInformationPeriodRequest(string? Partner, string? Reason);

// Responses.

public sealed record MeetingSummary(string Id, MeetingKind? Kind, string Status, LocalDateTime? Start, LocalDateTime? End, string? Place, bool DuringOfficeHours);

public sealed record DecidabilityResponse(bool Decidable, string? Refusal, string? Detail, bool UnderWaiver);

public sealed record AgendaItemResponse(
    string Id, string Partner, string Title, AgendaItemKind Kind, AgendaItemStatus Status, string? CarriedOverFrom,
    Instant ProposedAt, string? DeferredTo, bool TakenUp, DecidabilityResponse Decidability);

public sealed record DocumentVersionResponse(int Version, string Title, string Sha256, long SizeBytes, Instant SharedAt, string File);

public sealed record DocumentResponse(string Id, string Item, string Partner, string Title, DocumentPurpose Purpose, int Version, IReadOnlyList<DocumentVersionResponse> Versions);

public sealed record AttendeeResponse(string Person, string Partner, PartnerBody Body, IReadOnlyList<AttendanceCorrectionResponse> Corrections);

/// <summary>Issue 13: a correction of the partner someone was present for, with the partner it replaced, who corrected it (in which office), why and when.</summary>
public sealed record AttendanceCorrectionResponse(
    string PreviousPartner, string Partner, string CorrectedBy, Governance.Domain.Alliances.Office CorrectedAs, string Reason, Instant CorrectedAt);

public sealed record MinutesResponse(int Version, string Sha256, long SizeBytes, Instant PublishedAt, string File);

/// <summary>
/// A meeting: <see cref="DuringOfficeHours"/> is the R18 warning; <see cref="Balance"/> carries the R15 flag
/// (<c>professionalsOutnumberResidents</c>).
/// </summary>
public sealed record MeetingResponse(
    string Id, MeetingKind Kind, string Status, LocalDateTime Start, LocalDateTime End, string Place, bool DuringOfficeHours,
    int AgreementsVersion, int Reschedules, Instant? DraftAgendaPublishedAt, string? CancellationReason,
    IReadOnlyList<AgendaItemResponse> Items, IReadOnlyList<DocumentResponse> Documents,
    IReadOnlyDictionary<string, Instant> Announcements, IReadOnlyList<AttendeeResponse> Attendance, TableBalance Balance,
    IReadOnlyList<MinutesResponse> Minutes);

public sealed record ComplianceCheckResponse(
    string Rule, string Subject, string? ResponsiblePartner, string? ResponsibleOffice,
    Instant AgreedDueAt, Instant DueAt, Instant? DoneAt, DeadlineStatus Status);

public sealed record ComplianceResponse(int? AgreementsVersion, IReadOnlyList<ComplianceCheckResponse> Checks);
