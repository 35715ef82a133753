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
/// A real SMTP server (the SmtpServer library) on a loopback port, started by the test: the app sends to it with MailKit over
/// a real socket, and the test reads what arrived.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private readonly Channel<ReceivedMail> _inbox = Channel.CreateUnbounded<ReceivedMail>();
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
        services.Add(new Store(_inbox.Writer));
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

    /// <summary>The next mail that arrives (within <paramref name="timeout"/>, default 30 s), or a failing test.</summary>
    public async Task<ReceivedMail> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            return await _inbox.Reader.ReadAsync(cts.Token);
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
            while (true) all.Add(await _inbox.Reader.ReadAsync(cts.Token));
        }
        catch (OperationCanceledException)
        {
            return all;
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

    private sealed class Store(ChannelWriter<ReceivedMail> inbox) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            inbox.TryWrite(new ReceivedMail([.. transaction.To.Select(m => $"{m.User}@{m.Host}")], message));
            return SmtpResponse.Ok;
        }
    }
}
