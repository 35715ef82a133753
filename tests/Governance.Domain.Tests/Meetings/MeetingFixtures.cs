using Governance.Domain.Meetings;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;

namespace Governance.Domain.Tests.Meetings;

/// <summary>
/// The alliance meeting of Tuesday 12 May 2026, 19:30–22:00 in Osdorp de Punt, and builders that keep histories short.
/// Its default deadlines: R1 Tue 21 April 19:30, R3 Mon 27 April 19:30, R2/R7 Tue 28 April 19:30, R4 Tue 5 May 19:30,
/// R5 Sun 10 May 19:30 (all Europe/Amsterdam summer time).
/// </summary>
internal static class MeetingFixtures
{
    public static readonly DateTimeZone Amsterdam = Meeting.Zone;

    public static readonly MeetingId May12 = MeetingId.Parse("2026-05-12-wijkalliantie");
    public static readonly MeetingId April14 = MeetingId.Parse("2026-04-14-wijkalliantie");
    public static readonly MeetingId June9 = MeetingId.Parse("2026-06-09-wijkalliantie");

    public static readonly LocalDateTime Start = new(2026, 5, 12, 19, 30);
    public static readonly LocalDateTime End = new(2026, 5, 12, 22, 0);
    public static readonly ZonedDateTime StartsAt = Start.InZoneStrictly(Amsterdam);
    public const string Place = "Buurthuis De Punt, Osdorp";

    public static readonly WorkingAgreements Agreements = WorkingAgreements.Default;
    public static readonly MeetingTerms Terms = MeetingTerms.From(Agreements);

    /// <summary>When the meeting went into the year planning.</summary>
    public static readonly Instant PlannedAt = At(2026, 1, 15, 10, 0);

    public static readonly Instant MeetingDay = At(2026, 5, 12, 19, 0);

    public static readonly AgendaItemId Traffic = AgendaItemId.Parse("verkeersveiligheid");
    public static readonly AgendaItemId Playground = AgendaItemId.Parse("speeltuin");
    public static readonly AgendaItemId News = AgendaItemId.Parse("mededelingen");
    public static readonly AgendaItemId Flooding = AgendaItemId.Parse("wateroverlast");

    public static readonly DocumentId TrafficPlan = DocumentId.Parse("verkeersplan");
    public static readonly DocumentId TrafficCounts = DocumentId.Parse("verkeerstellingen");
    public static readonly DocumentId Newsletter = DocumentId.Parse("nieuwsbrief");

    public static readonly Sha256Digest ContentA = Sha256Digest.Parse(new string('a', 64));
    public static readonly Sha256Digest ContentB = Sha256Digest.Parse(new string('b', 64));
    public static readonly Sha256Digest ContentC = Sha256Digest.Parse(new string('c', 64));

    public static Spec<MeetingCommand, MeetingEvent, Meeting.State> NewMeeting =>
        Spec.For<MeetingCommand, MeetingEvent, Meeting.State>(Meeting.Decide, Meeting.Evolve, Meeting.Initial);

    /// <summary>The 12 May alliance meeting, scheduled under the default agreements.</summary>
    public static Spec<MeetingCommand, MeetingEvent, Meeting.State> Scheduled => NewMeeting.Given(ScheduledEvent());

    /// <summary>Scheduled, with the traffic-safety decision item proposed by the municipality and accepted.</summary>
    public static Spec<MeetingCommand, MeetingEvent, Meeting.State> WithTrafficItem => Scheduled.Given(
        Proposed(Traffic, Stadsdeel, AgendaItemKind.Decision, DaysBefore(30)),
        new AgendaItemAccepted(Traffic));

    public static Spec<MeetingCommand, MeetingEvent, Meeting.State> Open => WithTrafficItem.Given(new MeetingOpened(MeetingDay));

    public static MeetingScheduled ScheduledEvent(MeetingKind kind = MeetingKind.AllianceMeeting, MeetingTerms? terms = null) =>
        new(May12, kind, Start, End, Place, terms ?? Terms, DuringOfficeHours: false);

    public static ScheduleMeeting Schedule(
        MeetingKind kind = MeetingKind.AllianceMeeting,
        LocalDateTime? start = null,
        LocalDateTime? end = null,
        string place = Place,
        WorkingAgreements? agreements = null) =>
        new(May12, kind, start ?? Start, end ?? End, place, agreements ?? Agreements, PlannedAt);

    public static AgendaItemProposed Proposed(
        AgendaItemId item, PartnerId partner, AgendaItemKind kind, Instant at, MeetingId? carriedOverFrom = null) =>
        new(item, partner, TitleOf(item), kind, carriedOverFrom, at, kind == AgendaItemKind.Urgent, Terms.AgreementsVersion);

    public static ProposeAgendaItem Propose(
        AgendaItemId item, PartnerId partner, AgendaItemKind kind, Instant at, MeetingId? carriedOverFrom = null) =>
        new(item, partner, TitleOf(item), kind, carriedOverFrom, at);

    public static DocumentShared Shared(
        DocumentId document, AgendaItemId item, PartnerId partner, Instant at,
        DocumentPurpose purpose = DocumentPurpose.DecisionOrDiscussion, Sha256Digest? content = null) =>
        new(document, item, partner, TitleOf(document), purpose, content ?? ContentA, 48_213, StorageKeyOf(document, 1), at);

    public static ShareDocument Share(
        DocumentId document, AgendaItemId item, PartnerId partner, Instant at,
        DocumentPurpose purpose = DocumentPurpose.DecisionOrDiscussion, Sha256Digest? content = null) =>
        new(document, item, partner, TitleOf(document), purpose, content ?? ContentA, 48_213, StorageKeyOf(document, 1), at);

    public static DocumentReplaced Replaced(DocumentId document, int version, Instant at, Sha256Digest content) =>
        new(document, version, TitleOf(document), content, 51_002, StorageKeyOf(document, version), "Corrected traffic counts", at);

    public static string StorageKeyOf(DocumentId document, int version) => $"osdorp-de-punt/{May12}/{document}/v{version}";

    /// <summary>A moment in Amsterdam civil time.</summary>
    public static Instant At(int year, int month, int day, int hour, int minute, int second = 0) =>
        new LocalDateTime(year, month, day, hour, minute, second).InZoneStrictly(Amsterdam).ToInstant();

    /// <summary>The same wall-clock time as the meeting's start, <paramref name="days"/> civil days earlier.</summary>
    public static Instant DaysBefore(int days) => Start.PlusDays(-days).InZoneStrictly(Amsterdam).ToInstant();

    public static Meeting.State.Scheduled AsScheduled(Meeting.State state) => Assert.IsType<Meeting.State.Scheduled>(state);

    private static string TitleOf(AgendaItemId item) => item.Value switch
    {
        "verkeersveiligheid" => "Verkeersveiligheid Tussen Meer",
        "speeltuin" => "Speeltuin Ookmeerweg",
        "mededelingen" => "Mededelingen",
        "wateroverlast" => "Wateroverlast na de storm",
        _ => item.Value,
    };

    private static string TitleOf(DocumentId document) => document.Value switch
    {
        "verkeersplan" => "Verkeersplan Tussen Meer",
        "verkeerstellingen" => "Verkeerstellingen 2025",
        "nieuwsbrief" => "Nieuwsbrief stadsdeel",
        _ => document.Value,
    };
}
