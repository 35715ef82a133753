using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Governance.Api.Tests.Mail;

/// <summary>A mail as the SMTP server received it: the envelope's recipients (RCPT TO) and the parsed message.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> Recipients, MimeMessage Message)
{
    public string Text => Message.TextBody ?? "";
    public string Html => Message.HtmlBody ?? "";
    public string? Header(string name) => Message.Headers[name];
}

/// <summary>
/// Mails as they arrive at the <see cref="SmtpListener"/>: all of them, or only those to some addresses (a test on a server that
/// other tests share reads the mail of its own people; issue 16 §4).
/// </summary>
public sealed class Inbox
{
    private readonly Channel<ReceivedMail> _mails = Channel.CreateUnbounded<ReceivedMail>();
    private readonly HashSet<string>? _addresses;

    internal Inbox(IEnumerable<string>? addresses) =>
        _addresses = addresses is null ? null : new HashSet<string>(addresses, StringComparer.OrdinalIgnoreCase);

    internal void Offer(ReceivedMail mail)
    {
        if (_addresses is null || mail.Recipients.Any(_addresses.Contains)) _mails.Writer.TryWrite(mail);
    }

    /// <summary>The next mail that arrives (within <paramref name="timeout"/>, default 30 s), or a failing test.</summary>
    public async Task<ReceivedMail> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            return await _mails.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No mail arrived within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds} s.");
        }
    }

    /// <summary>Every mail that arrives within <paramref name="window"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> AllWithinAsync(TimeSpan window)
    {
        var all = new List<ReceivedMail>();
        using var cts = new CancellationTokenSource(window);
        try
        {
            while (true) all.Add(await _mails.Reader.ReadAsync(cts.Token));
        }
        catch (OperationCanceledException)
        {
            return all;
        }
    }

    /// <summary>How long <see cref="ArrivingAsync"/> goes on listening after the mails it waited for came.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The mails that arrive until they reach <paramref name="recipients"/> recipients together (waiting up to 30 s), and any
    /// that come within <see cref="Settle"/> after those: a mail sent twice (by two nodes, say) follows the first at once. The
    /// test asserts on what came, so too few or too many fail it with the mails named.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedMail>> ArrivingAsync(int recipients)
    {
        var all = new List<ReceivedMail>();
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            try
            {
                while (all.Sum(m => m.Recipients.Count) < recipients) all.Add(await _mails.Reader.ReadAsync(wait.Token));
            }
            catch (OperationCanceledException)
            {
                return all;
            }
        }
        return [.. all, .. await AllWithinAsync(Settle)];
    }
}

/// <summary>
/// A real SMTP server (the SmtpServer library) on a loopback port, started by the test: the app sends to it with MailKit over
/// a real socket, and the test reads what arrived.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private readonly Inbox _all = new(null);
    private readonly List<Inbox> _inboxes = [];
    private readonly CancellationTokenSource _stop = new();
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    private SmtpListener(int port) => Port = port;

    public int Port { get; }

    /// <summary>A free loopback port, for a listener that starts later (a mail server that is down first).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static async Task<SmtpListener> StartAsync(int? port = null)
    {
        var listener = new SmtpListener(port ?? FreePort());
        await listener.ListenAsync();
        return listener;
    }

    private async Task ListenAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
        // Listening once a connection is accepted.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"The SMTP listener did not start on port {Port}.");
    }

    /// <summary>Every mail that arrives, whoever it is to.</summary>
    public Inbox All => _all;

    /// <summary>The next mail that arrives (within <paramref name="timeout"/>, default 30 s), or a failing test.</summary>
    public Task<ReceivedMail> NextAsync(TimeSpan? timeout = null) => _all.NextAsync(timeout);

    /// <summary>Every mail that arrives within <paramref name="window"/>.</summary>
    public Task<IReadOnlyList<ReceivedMail>> AllWithinAsync(TimeSpan window) => _all.AllWithinAsync(window);

    /// <summary>From now on, the mails to any of <paramref name="addresses"/> also go to an inbox of their own.</summary>
    public Inbox InboxFor(IEnumerable<string> addresses)
    {
        var inbox = new Inbox(addresses);
        lock (_inboxes) _inboxes.Add(inbox);
        return inbox;
    }

    private void Deliver(ReceivedMail mail)
    {
        _all.Offer(mail);
        lock (_inboxes)
        {
            foreach (var inbox in _inboxes) inbox.Offer(mail);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
                // stopped, as asked
            }
        }
        _stop.Dispose();
    }

    private sealed class Store(SmtpListener listener) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            listener.Deliver(new ReceivedMail([.. transaction.To.Select(m => $"{m.User}@{m.Host}")], message));
            return SmtpResponse.Ok;
        }
    }
}
