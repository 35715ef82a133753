using Governance.Api.Commands;
using Governance.Api.Meetings;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.Projections.Alliances;
using Marten;
using Microsoft.Extensions.Options;
using NodaTime;
using Wolverine;

namespace Governance.Api.Mail;

/// <summary>
/// A reminder's moment has come: mail the people who must act on the deadline <paramref name="Rule"/> of
/// <paramref name="Stream"/>, due at <paramref name="Due"/>, unless it has been met or moved by then.
/// </summary>
/// <param name="Deadline">The deadline kind (<see cref="Deadlines"/>: <c>commitments</c>, <c>meeting-deadlines</c>, …).</param>
/// <param name="Rule">R2 (documents), R3 (agenda items), R9 (motivation), R10 (promise), R12 (dispute step).</param>
/// <param name="DaysBefore">How many days before <paramref name="Due"/> this reminder is (7, 3 or 2).</param>
public sealed record ReminderDue(string Tenant, string Stream, string Deadline, string Rule, DateTimeOffset Due, int DaysBefore);

/// <summary>
/// Which events set a deadline worth a reminder, and when the reminders go: 7 and 2 days before a document (R2), agenda
/// (R3), motivation (R9) or promise (R10) deadline, 3 days before a dispute step's (R12). Like <see cref="DeadlineSchedule"/>
/// they are durable Wolverine messages stored with the events; a moved deadline (R19) schedules new ones, and the old ones
/// find, when they come, that the deadline in force is another and send nothing.
/// </summary>
public static class ReminderSchedule
{
    private static readonly int[] Before = [7, 2];
    private static readonly int[] BeforeStep = [3];

    /// <summary>How many days before a deadline of <paramref name="rule"/> its reminders go (R12: 3; the others 7 and 2).</summary>
    public static IReadOnlyList<int> DaysBefore(string rule) => rule == "R12" ? BeforeStep : Before;

    /// <summary>Reminders for a promise go at 09:00 on their day: a promise is due by the end of a day, not at a time.</summary>
    private static readonly LocalTime PromiseReminderTime = new(9, 0);

    public sealed record Scheduled(ReminderDue Message, Instant At);

    public static IEnumerable<Scheduled> For(ExecuteCommand command, IEnumerable<object> events)
    {
        ArgumentNullException.ThrowIfNull(command);
        return For(command.Tenant, command.Stream, command.StreamType, events);
    }

    public static IEnumerable<Scheduled> For(string tenant, string stream, string streamType, IEnumerable<object> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        // Alliances and year plans set no deadlines that pass.
        if (Deadlines.All.SingleOrDefault(k => k.StreamType == streamType)?.Name is not { } deadline) yield break;
        foreach (var e in events)
        {
            IEnumerable<(string Rule, Instant Due, int[] Days)> dues = e switch
            {
                MeetingScheduled s => ForMeeting(s.Kind, s.Start, s.Terms),
                MeetingRescheduled r => ForMeeting(null, r.Start, r.Terms),
                DeadlineExtended { Rule: "R2" } x => [("R2", x.NewDue, Before)],           // R19: the new moment
                CommitmentMade m => [("R10", Commitment.DueAt(m.Due), Before)],
                CommitmentDueDateRenegotiated m => [("R10", Commitment.DueAt(m.NewDue), Before)],   // R19
                CommitmentCorrected c when c.Due != c.PreviousDue => [("R10", Commitment.DueAt(c.Due), Before)],
                ExecutionDeclined d => [("R9", d.MotivationDue, Before)],
                EscalationStepEntered s => [("R12", s.RespondBy, BeforeStep)],
                _ => [],
            };
            foreach (var (rule, due, days) in dues)
            foreach (var d in days)
                yield return new Scheduled(new ReminderDue(tenant, stream, deadline, rule, due.ToDateTimeOffset(), d), MomentOf(rule, due, d));
        }
    }

    // R2 and R3 count back from the meeting's start. A rescheduled meeting keeps its kind; R3 reminders are for alliance
    // meetings only (the agenda partners put items on), so a reschedule (kind unknown here) reminds of R3 too and the
    // handler drops it for other kinds.
    private static IEnumerable<(string, Instant, int[])> ForMeeting(MeetingKind? kind, LocalDateTime start, MeetingTerms terms)
    {
        var startsAt = start.InZoneLeniently(Meeting.Zone);
        yield return ("R2", terms.Documents.DueBefore(startsAt), Before);
        if (kind is null or MeetingKind.AllianceMeeting) yield return ("R3", terms.AgendaItemIntake.DueBefore(startsAt), Before);
    }

    /// <summary>N civil days before the due moment in Amsterdam (the same clock time); for a promise 09:00 on the day N days before its due day.</summary>
    public static Instant MomentOf(string rule, Instant due, int daysBefore)
    {
        var local = due.InZone(Meeting.Zone).LocalDateTime;
        return rule == "R10"
            ? local.Date.PlusDays(-1 - daysBefore).At(PromiseReminderTime).InZoneLeniently(Meeting.Zone).ToInstant()
            : local.PlusDays(-daysBefore).InZoneLeniently(Meeting.Zone).ToInstant();
    }
}

/// <summary>Mails the reminder when its moment comes (<see cref="ReminderMail"/>).</summary>
public static class ReminderDueHandler
{
    public static Task Handle(ReminderDue message, IDocumentSession session, IMessageContext context, ReminderMail reminders, CancellationToken cancellationToken) =>
        reminders.QueueAsync(message, session, context, cancellationToken);
}

/// <summary>
/// Decides at the reminder's moment whether it is still due (checked at send time: met, moved or cancelled means no mail),
/// who must act, and queues one <see cref="SendMail"/> per person through the outbox, in the transaction that records
/// in <c>app.mail_sent</c> that it was queued; under the alliance's lock, so two nodes never both queue it.
/// </summary>
public sealed class ReminderMail(IOptions<MailSettings> settings, MailAudience audience, AllianceQueries alliances, TimeProvider clock, ILogger<ReminderMail> logger)
{
    public async Task QueueAsync(ReminderDue message, IDocumentSession session, IMessageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(context);
        if (!settings.Value.Enabled) return;
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        if (Late(message, now) is { } why)
        {
            logger.LogDebug("Reminder {Rule} for {Stream} due {Due}, {Days} days before: not sent, {Why}", message.Rule, message.Stream, message.Due, message.DaysBefore, why);
            return;
        }

        // The alliance's lock first, so the check below sees what another node queued for the same reminder.
        await MailQueue.LockAllianceAsync(session, message.Tenant, cancellationToken);
        var history = (await session.Events.FetchStreamAsync(message.Stream, token: cancellationToken)).Select(e => e.Data).ToList();
        var alliance = await alliances.GetAsync(AllianceId.Parse(message.Tenant), cancellationToken: cancellationToken);
        if (alliance is null || history.Count == 0) return;

        var mails = await MailsAsync(message, alliance, history, now, cancellationToken);
        if (mails.Count == 0)
        {
            logger.LogDebug("Reminder {Rule} for {Stream} due {Due}: met, moved or nobody to tell", message.Rule, message.Stream, message.Due);
            return;
        }

        var key = $"reminder:{message.Tenant}:{message.Stream}:{message.Rule}:{message.Due.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}:{message.DaysBefore}";
        await MailQueue.QueueOnceAsync(session, context, key, MailKinds.Reminders, mails, cancellationToken);
    }

    /// <summary>
    /// Why a reminder that comes late (a node was down, Wolverine catches up; the demo's clock jumped) is not sent: its deadline
    /// passed (the missed-deadline notice tells that), or a nearer reminder's moment passed too (that one says it, once). Null: send.
    /// </summary>
    public static string? Late(ReminderDue message, Instant now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var due = Instant.FromDateTimeOffset(message.Due);
        if (now >= due) return "its deadline has passed";
        return ReminderSchedule.DaysBefore(message.Rule).Any(d => d < message.DaysBefore && ReminderSchedule.MomentOf(message.Rule, due, d) <= now)
            ? "a nearer reminder is due as well"
            : null;
    }

    /// <summary>
    /// Civil days left in Amsterdam from <paramref name="now"/> to the deadline, as the mail says it: a reminder that comes late
    /// says the real time left ("over 3 dagen", "morgen", "vandaag"), not the days it was scheduled for. A promise (R10) is due
    /// by the end of its day, so its own date counts.
    /// </summary>
    public static int DaysLeft(string rule, Instant due, Instant now)
    {
        var dueDay = due.InZone(Presentation.DutchFormat.Amsterdam).Date;
        return Math.Max(0, Presentation.DutchFormat.DaysBetween(now, rule == "R10" ? dueDay.PlusDays(-1) : dueDay));
    }

    private async Task<List<(PersonId Person, MailText Text)>> MailsAsync(ReminderDue m, AllianceView alliance, List<object> history, Instant now, CancellationToken ct)
    {
        var due = Instant.FromDateTimeOffset(m.Due);
        var daysLeft = DaysLeft(m.Rule, due, now);
        var result = new List<(PersonId, MailText)>();
        string PartnerName(PartnerId p) => alliance.Partner(p)?.Name ?? p.Value;
        switch (m.Rule)
        {
            case "R10":
            {
                // R10: open, and still due on the same day (a renegotiated date has reminders of its own).
                if (Commitment.Decider.Fold(history.OfType<CommitmentEvent>()) is not Commitment.State.Made { IsSettled: false } promise || promise.DueAt != due) break;
                var text = MailTexts.PromiseReminder(m.Tenant, promise.Id.Value, PartnerName(promise.Owner), promise.What, promise.Due, daysLeft);
                foreach (var p in await audience.RepresentativesAsync(m.Tenant, promise.Owner, ct)) result.Add((p, text));
                break;
            }
            case "R9":
            {
                // R9: every partner that declined with this due moment and has not given its motivation yet.
                var title = history.OfType<ProposalTabled>().LastOrDefault()?.Title ?? m.Stream;
                var motivated = history.OfType<AdviceMotivationRecorded>().Select(r => r.Partner).ToHashSet();
                foreach (var declined in history.OfType<ExecutionDeclined>().Where(d => d.MotivationDue == due && !motivated.Contains(d.Partner)).DistinctBy(d => d.Partner))
                {
                    var text = MailTexts.MotivationReminder(m.Tenant, title, PartnerName(declined.Partner), due, daysLeft);
                    foreach (var p in await audience.RepresentativesAsync(m.Tenant, declined.Partner, ct)) result.Add((p, text));
                }
                break;
            }
            case "R2" or "R3":
            {
                if (Meeting.Decider.Fold(history.OfType<MeetingEvent>()) is not Meeting.State.Scheduled meeting) break;   // cancelled: nothing due
                var start = meeting.StartsAt.ToInstant();
                var name = NoticeMail.MeetingName(meeting);
                var checks = MeetingDeadlines.Of(meeting, due).Checks;
                if (m.Rule == "R3")
                {
                    // R3: until 15 days before, any partner may put an item on the agenda of an alliance meeting.
                    if (meeting.Kind != MeetingKind.AllianceMeeting || meeting.Terms.AgendaItemIntake.DueBefore(meeting.StartsAt) != due) break;
                    var text = MailTexts.AgendaReminder(m.Tenant, meeting.Id.Value, name, start, due, daysLeft);
                    foreach (var p in await audience.RepresentativesAsync(m.Tenant, null, ct)) result.Add((p, text));
                    break;
                }
                // R2: each document still to share by this moment (the one in force, after any extension), to its partner.
                foreach (var check in checks.Where(c => c.Rule == "R2" && c.DoneAt is null && c.DueAt == due && c.ResponsiblePartner is not null))
                {
                    var text = MailTexts.DocumentsReminder(m.Tenant, meeting.Id.Value, name, start, DeadlineTexts.Subject(meeting, check.Subject), due, daysLeft);
                    foreach (var p in await audience.RepresentativesAsync(m.Tenant, check.ResponsiblePartner, ct)) result.Add((p, text));
                }
                break;
            }
            case "R12":
            {
                // R12: unresolved and still at the step whose deadline this is.
                if (Escalation.Decider.Fold(history.OfType<EscalationEvent>()) is not Escalation.State.Raised { Resolved: false } dispute || dispute.RespondBy != due) break;
                var raised = history.OfType<EscalationRaised>().First();
                var text = MailTexts.DisputeStepReminder(m.Tenant, dispute.Id.Value, raised.Reason, dispute.Step,
                    Alliances.AgreementTexts.Step(dispute.Ladder.Step(dispute.Step).Description), due, daysLeft);
                // The people on the dispute: who raised it, who answered or advised on it, and the alliance's escalation contacts.
                var people = new List<PersonId> { raised.RaisedBy };
                people.AddRange(history.OfType<EscalationResponseRecorded>().Select(r => r.By));
                people.AddRange(history.OfType<EscalationAdviceGiven>().Select(a => a.By));
                people.AddRange(alliance.EscalationContacts);
                foreach (var p in people.Distinct()) result.Add((p, text));
                break;
            }
        }
        return result;
    }
}
