using Governance.Domain.Alliances;
using NodaTime;

namespace Governance.Domain.Meetings;

/// <summary>
/// What a deadline is about: the meeting itself (R1), an agenda item (R2 while it has no documents, R3, R5, R7),
/// a document (R2, R4) or an announcement channel (R6). Use the factories: at most one part is set.
/// </summary>
public sealed record DeadlineSubject(AgendaItemId? Item, DocumentId? Document, AnnouncementChannel? Channel)
{
    public static DeadlineSubject TheMeeting { get; } = new(null, null, null);

    public static DeadlineSubject ForItem(AgendaItemId item) => new(item, null, null);

    public static DeadlineSubject ForDocument(DocumentId document) => new(null, document, null);

    public static DeadlineSubject ForChannel(AnnouncementChannel channel) => new(null, null, channel);

    public override string ToString() => (Item, Document, Channel) switch
    {
        ({ } item, null, null) => $"item {item}",
        (null, { } document, null) => $"document {document}",
        (null, null, { } channel) => $"channel {channel}",
        (null, null, null) => "meeting",
        _ => $"item {Item}, document {Document}, channel {Channel}",
    };
}

public enum DeadlineStatus
{
    /// <summary>Not done yet, and not due yet.</summary>
    Pending,

    /// <summary>Done by the due moment the agreements set.</summary>
    OnTime,

    /// <summary>Done after the due moment (and after any extension).</summary>
    Late,

    /// <summary>Not done, and the due moment (or the extension) has passed.</summary>
    Missing,

    /// <summary>R7: late or missing, but a residents' representative recorded a waiver.</summary>
    Waived,

    /// <summary>R19: moved by a recorded extension, and not yet past it: done within it, or still to do.</summary>
    Extended,
}

/// <summary>
/// One check of one deadline: the rule, what it is about, who is responsible (a partner, or an office such as
/// the secretary for the draft agenda and the announcements), the due moment the agreements set, the due moment in
/// force after any extension, when it was done, and its status at the <c>now</c> it was computed for.
/// </summary>
public sealed record Deadline(
    string Rule,
    DeadlineSubject Subject,
    PartnerId? ResponsiblePartner,
    Office? ResponsibleOffice,
    LeadTime LeadTime,
    int AgreementsVersion,
    Instant AgreedDueAt,
    Instant DueAt,
    Instant? DoneAt,
    DeadlineStatus Status,
    DeadlineExtended? Extension,
    InformationPeriodWaived? Waiver);

/// <summary>Every check of a meeting, under the version of the agreements it applies (null before it is scheduled).</summary>
public sealed record DeadlineList(int? AgreementsVersion, IReadOnlyList<Deadline> Checks);

/// <summary>
/// Every deadline of a meeting with its status, computed from the meeting's state alone: the meeting compliance
/// view renders exactly this list, and partner punctuality counts it. One check per deadline per subject:
/// <list type="bullet">
/// <item>R1 the draft agenda of an alliance meeting (the secretary);</item>
/// <item>R2 each document for decision or discussion, and an item-level check for a decision or discussion item without one;</item>
/// <item>R3 each item's intake (carried over from the previous meeting: on time), or R5 for an urgent item;</item>
/// <item>R4 each document for information only;</item>
/// <item>R6 each channel of a residents' meeting (the secretary);</item>
/// <item>R7 each decision or discussion item: when its information was complete; <c>waived</c> lives here.</item>
/// </list>
/// Deferred and rejected items keep their intake check only. Urgent items are exempt from R2–R4 (R5 replaces
/// them), so their documents carry no check; R7 still gates deciding on them (see <see cref="Meeting.State.IsDecidable"/>).
/// A cancelled meeting has no checks.
/// </summary>
public static class MeetingDeadlines
{
    /// <summary>
    /// R19: the rules whose deadlines can still be pending, so moving them means something: the draft agenda (R1),
    /// the documents of a decision or discussion item that has none yet (R2, subject the item; the extension carries
    /// over to the documents that follow) and a channel (R6). R3, R4 and R5 time something that exists only once it is
    /// done (an item, a shared document), and R7 is lifted only by the residents' own waiver.
    /// </summary>
    public static readonly IReadOnlyList<string> ExtendableRules = ["R1", "R2", "R6"];

    public static DeadlineList Of(Meeting.State state, Instant now) => state switch
    {
        Meeting.State.Scheduled s => new(s.Terms.AgreementsVersion, Compute(s, now)),
        Meeting.State.Cancelled c => new(c.Terms.AgreementsVersion, []),
        _ => new(null, []),
    };

    private static List<Deadline> Compute(Meeting.State.Scheduled s, Instant now)
    {
        var start = s.StartsAt;
        var terms = s.Terms;
        var checks = new List<Deadline>();

        void Add(string rule, DeadlineSubject subject, PartnerId? partner, Office? office, LeadTime leadTime, Instant? done, DeadlineSubject? alsoExtendedVia = null)
        {
            var agreedDue = leadTime.DueBefore(start);
            var extension = ExtensionOf(s, rule, subject, alsoExtendedVia, agreedDue);
            var due = extension?.NewDue ?? agreedDue;
            var status = StatusOf(agreedDue, extension?.NewDue, done, now);
            checks.Add(new Deadline(rule, subject, partner, office, leadTime, terms.AgreementsVersion, agreedDue, due, done, status, extension, null));
        }

        // R1 is about the alliance meeting's agenda; the project leader (secretary) keeps the agenda.
        if (s.Kind == MeetingKind.AllianceMeeting)
        {
            Add("R1", DeadlineSubject.TheMeeting, null, Office.Secretary, terms.DraftAgenda, s.DraftAgendaPublishedAt);
        }

        if (s.Kind == MeetingKind.ResidentsMeeting)
        {
            foreach (var channel in Enum.GetValues<AnnouncementChannel>())
            {
                Add("R6", DeadlineSubject.ForChannel(channel), null, Office.Secretary, terms.Announcement(channel),
                    s.Announcements.TryGetValue(channel, out var at) ? at : null);
            }
        }

        foreach (var item in s.Items.Values.OrderBy(i => i.ProposedAt).ThenBy(i => i.Id.Value, StringComparer.Ordinal))
        {
            var subject = DeadlineSubject.ForItem(item.Id);
            if (item.Kind == AgendaItemKind.Urgent)
            {
                Add("R5", subject, item.Proposer, null, terms.UrgentItems, item.ProposedAt);
            }
            else if (item.CarriedOverFrom is not null)
            {
                // R3: put on this agenda by the previous meeting, so on time whenever it was entered here.
                var due = terms.AgendaItemIntake.DueBefore(start);
                checks.Add(new Deadline("R3", subject, item.Proposer, null, terms.AgendaItemIntake, terms.AgreementsVersion,
                    due, due, item.ProposedAt, DeadlineStatus.OnTime, null, null));
            }
            else
            {
                Add("R3", subject, item.Proposer, null, terms.AgendaItemIntake, item.ProposedAt);
            }

            if (item.Status is AgendaItemStatus.Deferred or AgendaItemStatus.Rejected || item.Kind == AgendaItemKind.Urgent)
            {
                continue;
            }

            var documents = s.DocumentsOf(item.Id).ToList();
            foreach (var document in documents)
            {
                var rule = document.Purpose == DocumentPurpose.DecisionOrDiscussion ? "R2" : "R4";

                // An extension granted while the item had no document yet carries over to the documents that follow.
                Add(rule, DeadlineSubject.ForDocument(document.Id), document.Partner, null, terms.DocumentLeadTime(document.Purpose),
                    document.SharedAt, alsoExtendedVia: rule == "R2" ? subject : null);
            }

            if (item.Kind is AgendaItemKind.Decision or AgendaItemKind.Discussion)
            {
                var forDecision = documents.Where(d => d.Purpose == DocumentPurpose.DecisionOrDiscussion).ToList();
                if (forDecision.Count == 0)
                {
                    Add("R2", subject, item.Proposer, null, terms.Documents, null);
                }

                checks.Add(InformationPeriod(s, item, forDecision, now));
            }
        }

        return [.. checks
            .OrderBy(c => c.DueAt)
            .ThenBy(c => c.Rule, StringComparer.Ordinal)
            .ThenBy(c => c.Subject.ToString(), StringComparer.Ordinal)];
    }

    // R7: the information is complete when the last version of the last document for decision arrived.
    private static Deadline InformationPeriod(Meeting.State.Scheduled s, Meeting.AgendaItem item, List<Meeting.SharedDocument> forDecision, Instant now)
    {
        var period = s.Terms.InformationPeriod;
        var due = period.DueBefore(s.StartsAt);
        Instant? done = forDecision.Count == 0 ? null : forDecision.Max(d => d.SharedAt);
        var status = StatusOf(due, null, done, now);
        var waiver = s.ValidWaiverFor(item.Id);
        if (waiver is not null && status != DeadlineStatus.OnTime)
        {
            status = DeadlineStatus.Waived;
        }

        return new Deadline("R7", DeadlineSubject.ForItem(item.Id), item.Proposer, null, period, s.Terms.AgreementsVersion,
            due, due, done, status, null, status == DeadlineStatus.Waived ? waiver : null);
    }

    // R19: only an extension that still moves the deadline later counts; a reschedule may have overtaken it.
    private static DeadlineExtended? ExtensionOf(Meeting.State.Scheduled s, string rule, DeadlineSubject subject, DeadlineSubject? via, Instant agreedDue)
    {
        DeadlineExtended? found = null;
        foreach (var key in via is null ? [subject] : new[] { subject, via })
        {
            if (s.Extensions.TryGetValue(new Meeting.DeadlineKey(rule, key), out var e) && e.NewDue > agreedDue && (found is null || e.NewDue > found.NewDue))
            {
                found = e;
            }
        }

        return found;
    }

    public static DeadlineStatus StatusOf(Instant agreedDue, Instant? extendedDue, Instant? done, Instant now)
    {
        if (done is { } d)
        {
            return d <= agreedDue ? DeadlineStatus.OnTime
                : extendedDue is { } e && d <= e ? DeadlineStatus.Extended
                : DeadlineStatus.Late;
        }

        // "Missing" only once the due moment has passed: until then it can still be done on time.
        return now > (extendedDue ?? agreedDue) ? DeadlineStatus.Missing
            : extendedDue is not null ? DeadlineStatus.Extended
            : DeadlineStatus.Pending;
    }
}
