using Governance.Domain;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using MimeKit;
using Wolverine;

namespace Governance.Api.Mail;

/// <summary>
/// One mail to one person, as it waits in Wolverine's durable outbox: the person's id, never their address (that is read
/// when the mail goes out, so an erased person gets nothing), the kind, and the text.
/// </summary>
/// <param name="Digest">The weekly digest, put together a moment ago with the person's choices applied: not checked again.</param>
public sealed record SendMail(string Person, string Kind, MailText Text, bool Digest = false);

/// <summary>Sends <see cref="SendMail"/> over SMTP; a failure is thrown, so Wolverine tries again later (MailServices: back-off).</summary>
public static class SendMailHandler
{
    public static Task Handle(SendMail message, Envelope envelope, SmtpMailer mailer, CancellationToken cancellationToken) =>
        mailer.SendAsync(message, envelope.Id, cancellationToken);
}

/// <summary>
/// Builds the message (plain text and HTML, RFC 8058 one-click unsubscribe headers) and hands it to the SMTP server with
/// MailKit. The person's choices are read now: a kind switched off, or an erased person, sends nothing.
/// </summary>
public sealed class SmtpMailer(IOptions<MailSettings> options, MailPreferences preferences, UnsubscribeTokens unsubscribe, MailHealth health,
    IServer server, TimeProvider clock, ILogger<SmtpMailer> logger)
{
    private MailSettings Settings => options.Value;

    public async Task SendAsync(SendMail message, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Settings.Enabled || MailKinds.Find(message.Kind) is not { } kind || !PersonId.TryParse(message.Person, out var person)) return;
        var delivery = message.Digest ? MailDelivery.Immediate : await preferences.DeliveryAsync(person, kind, cancellationToken);
        if (delivery == MailDelivery.Digest)
        {
            // Chosen for the weekly digest: kept until Monday (WeeklyDigest lists and removes it).
            await preferences.KeepForDigestAsync(person, kind, message.Text, cancellationToken);
            return;
        }
        if (delivery != MailDelivery.Immediate)
        {
            logger.LogDebug("Mail {Kind} to {Person} not sent: {Delivery}", kind.Id, person, delivery);
            return;
        }
        if (await preferences.RecipientAsync(person, cancellationToken) is not { } recipient)
        {
            logger.LogDebug("Mail {Kind} to {Person} not sent: no address (erased, or never given)", kind.Id, person);
            return;
        }

        await TransmitAsync(Build(message.Text, recipient, kind, id), cancellationToken);
    }

    /// <summary>
    /// A mail to a witness of the checkpoints (issue 15 §1): an address from configuration, no person, no choices to read;
    /// <paramref name="attachment"/> goes with it as a file.
    /// </summary>
    public async Task SendToWitnessAsync(string address, MailText text, (string Name, byte[] Bytes, string MediaType) attachment, Guid id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Settings.Enabled) return;
        var (plain, html) = MailTexts.RenderForWitness(text, Site());
        var body = new BodyBuilder { TextBody = plain, HtmlBody = html };
        body.Attachments.Add(attachment.Name, attachment.Bytes, ContentType.Parse(attachment.MediaType));
        var message = NewMessage(text.Subject, body, id);
        message.To.Add(MailboxAddress.Parse(address));
        await TransmitAsync(message, cancellationToken);
    }

    private async Task TransmitAsync(MimeMessage mime, CancellationToken cancellationToken)
    {
        try
        {
            using var smtp = new SmtpClient { Timeout = (int)Settings.Timeout.TotalMilliseconds };
            await smtp.ConnectAsync(Settings.Host!, Settings.Port, Settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(Settings.UserName)) await smtp.AuthenticateAsync(Settings.UserName, Settings.Password ?? "", cancellationToken);
            await smtp.SendAsync(mime, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Record it for /health and let Wolverine schedule the next attempt, with back-off (MailServices).
            health.Failed(ex);
            throw new MailServerException($"The mail server {Settings.Host}:{Settings.Port} did not take the mail: {ex.Message}", ex);
        }
        health.Sent();
    }

    public MimeMessage Build(MailText text, MailRecipient recipient, MailKind kind, Guid id)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(recipient);
        var site = Site();
        var unsubscribeLink = unsubscribe.Link(site, recipient.Person, kind);
        var (plain, html) = MailTexts.Render(text, recipient.Name, kind, site, unsubscribeLink);
        var message = NewMessage(text.Subject, new BodyBuilder { TextBody = plain, HtmlBody = html }, id);
        message.To.Add(new MailboxAddress(recipient.Name ?? "", recipient.Address));
        // RFC 8058: one click in the mail program unsubscribes from this kind, by a POST to the link, without signing in.
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeLink.AbsoluteUri}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return message;
    }

    private MimeMessage NewMessage(string subject, BodyBuilder body, Guid id)
    {
        var from = MailboxAddress.Parse(Settings.From);
        var message = new MimeMessage
        {
            Subject = subject,
            Date = clock.GetUtcNow(),
            // The same id on every attempt: a mail sent twice after a lost acknowledgement is one mail to the reader's program.
            MessageId = $"{id:N}@{from.Domain}",
            Body = body.ToMessageBody(),
        };
        message.From.Add(from);
        // RFC 3834: no out-of-office replies to a machine.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    /// <summary>The configured site address, or this server's own (a development machine, a test).</summary>
    public Uri Site()
    {
        var configured = Settings.SiteUrl;
        if (string.IsNullOrWhiteSpace(configured))
            configured = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        return new Uri(configured.EndsWith('/') ? configured : configured + "/");
    }
}

/// <summary>The SMTP server could not be reached or refused the mail; Wolverine tries again later (Governance:Mail:RetryDelays).</summary>
public sealed class MailServerException(string message, Exception inner) : Exception(message, inner);
