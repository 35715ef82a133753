using Governance.Api.Mail;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Governance.Api.Commands;

/// <summary>
/// The one Wolverine handler of every write: runs the command (<see cref="CommandExecutor"/>) in the Marten session Wolverine
/// opened for the alliance, and schedules the deadlines its events set (<see cref="DeadlineSchedule"/>) through Wolverine's
/// outbox, so they are stored in the same transaction as the events, or not at all.
/// </summary>
public static class ExecuteCommandHandler
{
    public static async Task<CommandResult> Handle(ExecuteCommand message, IDocumentSession session, IMessageContext context, TimeProvider clock,
        IOptions<MailSettings> mail, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var result = await CommandExecutor.ExecuteAsync(session, message, now, cancellationToken);
        if (result.Outcome is { Replayed: false } outcome)
        {
            // A moment that has passed already (a meeting planned late) is the catch-up sweep's, not a message's.
            foreach (var due in DeadlineSchedule.For(message, outcome.Events).Where(d => d.At.ToDateTimeOffset() > now))
                await context.ScheduleAsync(due.Message, due.At.ToDateTimeOffset(), new DeliveryOptions { TenantId = message.Tenant });
            // Issue 14: reminders before those deadlines, in the same transaction; without a mail server there is no one to remind.
            if (mail.Value.Enabled)
            {
                foreach (var reminder in ReminderSchedule.For(message, outcome.Events).Where(r => r.At.ToDateTimeOffset() > now))
                    await context.ScheduleAsync(reminder.Message, reminder.At.ToDateTimeOffset(), new DeliveryOptions { TenantId = message.Tenant });
                // Issue 14 §2: news for the people who follow it, sent after the events are committed.
                if (Notices.For(message.Tenant, message.Stream, outcome.StreamVersion, outcome.Events) is { } notice)
                    await context.PublishAsync(notice, new DeliveryOptions { TenantId = message.Tenant });
            }
        }
        return result;
    }
}
