using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.EventStore;
using NodaTime;

namespace Governance.Api.Commands;

/// <summary>A deadline of one stream has come: record what passing it means (the "…Overdue" / "…Missed" event), once.</summary>
/// <param name="Tenant">The alliance.</param>
/// <param name="Stream">The stream whose deadline it is.</param>
/// <param name="Kind">Which deadline (the name of its <see cref="Deadlines"/> entry).</param>
public sealed record DeadlineDue(string Tenant, string Stream, string Kind);

/// <summary>
/// Which events set a due moment, and the message Wolverine delivers at that moment (durable: stored with the events in
/// the outbox, delivered once by one node, also after a node was killed). An extension under R19 sets a new moment and so
/// schedules a new message; the old one finds nothing to record, because the decider judges the deadline in force.
/// </summary>
public static class DeadlineSchedule
{
    public sealed record Scheduled(DeadlineDue Message, Instant At);

    /// <summary>The moments a meeting's deadlines pass (just after each due moment: "by 19:30" is missed at 19:30 and a tick).</summary>
    private static IEnumerable<Instant> MeetingDueMoments(NodaTime.LocalDateTime start, MeetingTerms terms)
    {
        var startsAt = start.InZoneLeniently(Meeting.Zone);
        foreach (var lead in new[] { terms.DraftAgenda, terms.Documents, terms.AgendaItemIntake, terms.InformationDocuments,
                     terms.ResidentsMeetingAnnouncement, terms.ResidentsMeetingFlyers })
            yield return lead.DueBefore(startsAt).Plus(Duration.FromSeconds(1));
    }

    public static IEnumerable<Scheduled> For(ExecuteCommand command, IEnumerable<object> events)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var e in events)
        {
            // R1–R4, R6: a meeting's deadlines count back from its start; (re)scheduling sets them all, an extension (R19) one.
            var meetingDeadlines = e switch
            {
                MeetingScheduled s => MeetingDueMoments(s.Start, s.Terms),
                MeetingRescheduled r => MeetingDueMoments(r.Start, r.Terms),
                DeadlineExtended x => [x.NewDue],
                _ => [],
            };
            foreach (var moment in meetingDeadlines.Distinct())
                yield return new Scheduled(new DeadlineDue(command.Tenant, command.Stream, Deadlines.KindOf(command.StreamType)), moment);

            Instant? at = e switch
            {
                CommitmentMade made => Commitment.DueAt(made.Due),                         // R10
                CommitmentDueDateRenegotiated moved => Commitment.DueAt(moved.NewDue),     // R10, R19
                CommitmentCorrected c when c.Due != c.PreviousDue => Commitment.DueAt(c.Due),   // a date recorded in error
                ExecutionDeclined declined => declined.MotivationDue,                      // R9
                EscalationStepEntered step => step.RespondBy,                              // R12
                _ => null,
            };
            if (at is { } due)
                yield return new Scheduled(new DeadlineDue(command.Tenant, command.Stream, Deadlines.KindOf(command.StreamType)), due);
        }
    }
}

/// <summary>
/// Every deadline the ledger records when it passes, with the command that records it. The command is idempotent in the
/// domain: the "…Overdue" event the first time its moment has passed, nothing before that or after.
/// </summary>
public static class Deadlines
{
    public sealed record Kind(string Name, string StreamType, Func<Instant, object> Command);

    public static IReadOnlyList<Kind> All { get; } =
    [
        // R9: an advice's motivation not given by its due date.
        new("advice-motivations", Proposal.Decider.StreamType, now => new RecordAdviceMotivationOverdue(now)),
        // R10: a promise whose due day ended unsettled.
        new("commitments", Commitment.Decider.StreamType, now => new RecordCommitmentOverdue(now)),
        // R12: a dispute step whose response deadline passed unresolved; the dispute moves up in the same decision.
        // R1–R4, R6: a meeting deadline passed unmet.
        new("meeting-deadlines", Meeting.Decider.StreamType, now => new RecordMissedDeadlines(now)),
        new("escalation-steps", Escalation.Decider.StreamType, now => new RecordEscalationStepOverdue(now)),
    ];

    /// <summary>The system records passed deadlines, not a person.</summary>
    public static EventMetadata Metadata { get; } = new(ActorId: null, Role: "sweeper", CorrelationId: "deadline", CausationId: null, CommandId: null);

    public static string KindOf(string streamType) => All.Single(k => k.StreamType == streamType).Name;

    public static Kind Named(string name) => All.Single(k => k.Name == name);
}

/// <summary>Records a passed deadline when its scheduled moment comes (through the same executor as every command).</summary>
public static class DeadlineDueHandler
{
    public static async Task<CommandResult> Handle(DeadlineDue message, Marten.IDocumentSession session, Wolverine.IMessageContext context, TimeProvider clock,
        Microsoft.Extensions.Options.IOptions<Mail.MailSettings> mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var kind = Deadlines.Named(message.Kind);
        var now = clock.GetUtcNow();
        var result = await CommandExecutor.ExecuteAsync(session, new ExecuteCommand(message.Tenant, message.Stream, kind.StreamType,
            kind.Command(Instant.FromDateTimeOffset(now)), Deadlines.Metadata, IfMatch: null, Idempotency: null), now, cancellationToken);
        // Issue 14 §2: a missed deadline is news (the overdue promise, the missed document, the dispute moved up).
        if (mail.Value.Enabled && result.Outcome is { Replayed: false } outcome
            && Mail.Notices.For(message.Tenant, message.Stream, outcome.StreamVersion, outcome.Events) is { } notice)
            await context.PublishAsync(notice, new Wolverine.DeliveryOptions { TenantId = message.Tenant });
        return result;
    }
}
