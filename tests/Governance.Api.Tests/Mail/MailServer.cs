namespace Governance.Api.Tests.Mail;

/// <summary>The settings that point a test's app at its SMTP listener (plain SMTP on loopback, quick retries).</summary>
public static class MailServer
{
    public static Action<WebApplicationBuilder> SendsTo(int port, params TimeSpan[] retryDelays) => builder =>
    {
        builder.Configuration["Governance:Mail:Host"] = "127.0.0.1";
        builder.Configuration["Governance:Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Governance:Mail:Security"] = "None";
        builder.Configuration["Governance:Mail:From"] = "Logboek Osdorp <logboek@wijkalliantie.test>";
        var delays = retryDelays.Length > 0 ? retryDelays : [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];
        for (var i = 0; i < delays.Length; i++)
            builder.Configuration[$"Governance:Mail:RetryDelays:{i}"] = delays[i].ToString("c", System.Globalization.CultureInfo.InvariantCulture);
    };
}
