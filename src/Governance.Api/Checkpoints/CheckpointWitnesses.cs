using System.Text;
using Governance.Api.Mail;
using Governance.Domain;
using Governance.EventStore;
using Governance.Projections.Alliances;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine;

namespace Governance.Api.Checkpoints;

/// <summary>
/// Checkpoint <paramref name="Position"/> of <paramref name="Tenant"/> was signed: mail it to the witnesses, once
/// (<see cref="CheckpointWitnesses"/>).
/// </summary>
public sealed record CheckpointForWitnesses(string Tenant, long Position);

/// <summary>
/// One checkpoint to one witness, as it waits in Wolverine's durable outbox. The address is a witness's from configuration
/// (<c>Governance:Checkpoints:Witnesses</c>: an organisation such as the residents' collective or the programme), not a
/// person's from the people table.
/// </summary>
public sealed record SendCheckpointToWitness(string Tenant, long Position, string Address);

public static class CheckpointForWitnessesHandler
{
    public static Task Handle(CheckpointForWitnesses message, IDocumentSession session, IMessageContext context, CheckpointWitnesses witnesses,
        CancellationToken cancellationToken) =>
        witnesses.QueueAsync(message, session, context, cancellationToken);
}

public static class SendCheckpointToWitnessHandler
{
    public static Task Handle(SendCheckpointToWitness message, Envelope envelope, CheckpointWitnesses witnesses, CancellationToken cancellationToken) =>
        witnesses.SendAsync(message, envelope.Id, cancellationToken);
}

/// <summary>
/// Issue 15 §1: every new signed checkpoint goes by mail to the witnesses, who keep it outside the app, so that a later
/// ledger that does not extend it is caught (`ledger verify --checkpoints`). Through the mail path of issue 14: queued under
/// the alliance's lock, recorded once in <c>app.mail_sent</c> (key <c>checkpoint:&lt;alliance&gt;:&lt;position&gt;</c>) in the
/// transaction that puts one <see cref="SendCheckpointToWitness"/> per address in the outbox, so two nodes mail it once;
/// sent with MailKit and retried with back-off like every mail.
/// </summary>
public sealed class CheckpointWitnesses(IConfiguration configuration, IOptions<MailSettings> mail, NpgsqlDataSource dataSource,
    CheckpointStore checkpoints, AllianceQueries alliances, SmtpMailer mailer, ILogger<CheckpointWitnesses> logger)
{
    public const string Setting = "Governance:Checkpoints:Witnesses";

    /// <summary>The configured witnesses' addresses (<c>Governance:Checkpoints:Witnesses:0</c>, …).</summary>
    public IReadOnlyList<string> Addresses =>
        [.. (configuration.GetSection(Setting).Get<string[]>() ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    public bool Enabled => mail.Value.Enabled && Addresses.Count > 0;

    public static string Key(string tenant, long position) => $"checkpoint:{tenant}:{position}";

    /// <summary>
    /// Hands <paramref name="checkpoint"/> to the witnesses unless that was done: called by <see cref="CheckpointService"/> after
    /// each pass for the alliance's newest checkpoint, so one signed just before a node stopped is still mailed by the next pass.
    /// </summary>
    public async Task OfferAsync(Checkpoint checkpoint, IMessageBus bus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(bus);
        if (!Enabled) return;
        await using var cmd = dataSource.CreateCommand("select exists (select 1 from app.mail_sent where mail_key = $1)");
        cmd.Parameters.Add(new() { Value = Key(checkpoint.Alliance, checkpoint.Position) });
        if ((bool)(await cmd.ExecuteScalarAsync(cancellationToken))!) return;
        await bus.InvokeForTenantAsync(checkpoint.Alliance, new CheckpointForWitnesses(checkpoint.Alliance, checkpoint.Position), cancellationToken);
    }

    public async Task QueueAsync(CheckpointForWitnesses message, IDocumentSession session, IMessageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(context);
        if (!Enabled) return;
        await MailQueue.LockAllianceAsync(session, message.Tenant, cancellationToken);
        var key = Key(message.Tenant, message.Position);
        if ((await session.QueryAsync<string>("select person_id from app.mail_sent where mail_key = ?", cancellationToken, key)).Count > 0) return;
        // One row for the lot: the witnesses are queued together, in this transaction, or not at all. No address is stored.
        session.QueueSqlCommand("insert into app.mail_sent (mail_key, person_id, queued_at) values (?, ?, now())", key, "witnesses");
        foreach (var address in Addresses) await context.PublishAsync(new SendCheckpointToWitness(message.Tenant, message.Position, address));
    }

    public async Task SendAsync(SendCheckpointToWitness message, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await checkpoints.AtAsync(message.Tenant, message.Position, cancellationToken) is not { } checkpoint)
        {
            logger.LogWarning("Checkpoint {Alliance}@{Position} is not stored; nothing to send to {Witness}", message.Tenant, message.Position, message.Address);
            return;
        }
        var name = AllianceId.TryParse(message.Tenant, out var alliance) && await alliances.GetAsync(alliance, cancellationToken: cancellationToken) is { } view
            ? view.Name : message.Tenant;
        var file = FileName(checkpoint);
        var text = MailTexts.CheckpointForWitness(checkpoint.Alliance, name, checkpoint.Position, checkpoint.HeadHash, checkpoint.Time, checkpoint.KeyId, file);
        // The JSON exactly as the API publishes it: `ledger verify --checkpoints FILE` reads it as it is.
        var json = Encoding.UTF8.GetBytes(CheckpointJson.Serialize(checkpoint));
        await mailer.SendToWitnessAsync(message.Address, text, (file, json, "application/json"), id, cancellationToken);
    }

    public static string FileName(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return $"controlepunt-{checkpoint.Alliance}-{checkpoint.Position}.json";
    }
}
