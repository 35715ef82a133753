using Governance.Domain;
using Marten;
using Wolverine;

namespace Governance.Api.Mail;

/// <summary>
/// Queues mails once per person and key (<c>app.mail_sent</c>) in the handler's transaction, with the <see cref="SendMail"/>
/// messages in Wolverine's outbox: both are committed, or neither.
/// </summary>
public static class MailQueue
{
    /// <summary>
    /// The alliance's lock, as every command takes it: the mails of one alliance are queued one at a time, so the check in
    /// <see cref="QueueOnceAsync"/> sees what another node queued for the same key. Call before reading the stream.
    /// </summary>
    public static async Task LockAllianceAsync(IDocumentSession session, string tenant, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await session.QueryAsync<long>("select head_position from ledger.lock_head(?)", ct, tenant);
    }

    public static async Task QueueOnceAsync(IDocumentSession session, IMessageContext context, string key, MailKind kind,
        IEnumerable<(PersonId Person, MailText Text)> mails, CancellationToken ct)
    {
        var queued = (await session.QueryAsync<string>("select person_id from app.mail_sent where mail_key = ?", ct, key)).ToHashSet(StringComparer.Ordinal);
        foreach (var (person, text) in mails)
        {
            if (!queued.Add(person.Value)) continue;
            session.QueueSqlCommand("insert into app.mail_sent (mail_key, person_id, queued_at) values (?, ?, now())", key, person.Value);
            await context.PublishAsync(new SendMail(person.Value, kind.Id, text));
        }
    }
}
