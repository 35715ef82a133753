using Governance.Api.Commands;
using Governance.EventStore;
using Microsoft.Extensions.Options;
using NodaTime;
using Wolverine;

namespace Governance.Api.Mail;

/// <summary>
/// The catch-up for reminders, like the <see cref="Sweeping.Sweeper"/> for passed deadlines: for every deadline still to
/// come whose reminder moment has passed, the nearest reminder (2 days rather than 7 when both passed) is handled now. For
/// what no message was scheduled for — the demo's seeded story, a simulated clock moved forward — and safe to repeat: a
/// reminder is queued once per person (<c>app.mail_sent</c>), and the scheduled message finds it queued when it comes.
/// </summary>
public sealed class ReminderSweep(Ledger ledger, IMessageBus bus, IOptions<MailSettings> settings, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!settings.Value.Enabled) return 0;
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var handled = 0;
        foreach (var tenant in await ledger.GetTenantHeadsAsync(cancellationToken))
        foreach (var kind in Deadlines.All)
        foreach (var stream in await ledger.ListStreamsAsync(tenant.TenantId, kind.StreamType + "-", cancellationToken))
        {
            var events = (await ledger.ReadStreamAsync(tenant.TenantId, stream, cancellationToken: cancellationToken)).Select(e => e.Data).ToList();
            var due = ReminderSchedule.For(tenant.TenantId, stream, kind.StreamType, events)
                .Where(r => r.At <= now && Instant.FromDateTimeOffset(r.Message.Due) > now)
                .GroupBy(r => (r.Message.Rule, r.Message.Due))
                .Select(g => g.MinBy(r => r.Message.DaysBefore)!);
            foreach (var reminder in due)
            {
                await bus.InvokeForTenantAsync(tenant.TenantId, reminder.Message, cancellationToken);
                handled++;
            }
        }
        return handled;
    }
}
