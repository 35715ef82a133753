using MailKit.Security;

namespace Governance.Api.Mail;

/// <summary>
/// The <c>Governance:Mail</c> section: the SMTP server mail goes to, who it is from, and the site its links point to.
/// Without a <see cref="Host"/> the product sends no mail (and queues none); <c>/health</c> says <c>not-configured</c>.
/// </summary>
public sealed class MailSettings
{
    public const string Section = "Governance:Mail";

    /// <summary>The SMTP server's host name; empty means: send no mail.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>
    /// How the connection is secured (MailKit's <see cref="SecureSocketOptions"/>): <c>StartTls</c> for port 587,
    /// <c>SslOnConnect</c> for 465, <c>None</c> only for a catcher on loopback; <c>Auto</c> picks from the port.
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>The SMTP account; empty: no authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The From address, with a display name.</summary>
    public string From { get; set; } = "Logboek wijkalliantie <logboek@localhost>";

    /// <summary>The address people reach the site on (links and the unsubscribe link); empty: the server's own address.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>
    /// How long to wait before each new attempt when the SMTP server fails (back-off); after the last the mail goes to
    /// Wolverine's dead letters (<c>wolverine.wolverine_dead_letters</c>).
    /// </summary>
    /// Default: 1 and 5 minutes, 15 minutes, 1, 4 and 12 hours.
    public TimeSpan[]? RetryDelays { get; set; }

    public static IReadOnlyList<TimeSpan> DefaultRetryDelays { get; } =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromHours(12)];

    /// <summary>At most this long for one SMTP conversation.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
