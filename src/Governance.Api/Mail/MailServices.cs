using Wolverine;
using Wolverine.ErrorHandling;

namespace Governance.Api.Mail;

/// <summary>
/// E-mail (issue 14): settings (<see cref="MailSettings"/>), the SMTP sender, people's choices, unsubscribe tokens and the
/// mail server's health. Mails travel as <see cref="SendMail"/> messages through Wolverine's durable outbox: a command never
/// waits for the mail server, and a failing server is retried with back-off.
/// </summary>
public static class MailServices
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailSettings>().Bind(configuration.GetSection(MailSettings.Section));
        services.AddSingleton<MailPreferences>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<MailHealth>();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<ReminderMail>();
        services.AddSingleton<NoticeMail>();
        services.AddSingleton<MailAudience>();
        services.AddSingleton<WeeklyDigest>();
        services.AddScoped<ReminderSweep>();
        services.AddHostedService<WeeklyDigestSchedule>();
        return services;
    }

    /// <summary>The mail handlers and the back-off for a failing mail server, in Wolverine's options (from <c>AddCommands</c>).</summary>
    public static void ConfigureWolverine(WolverineOptions opts, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(opts);
        var settings = configuration.GetSection(MailSettings.Section).Get<MailSettings>() ?? new MailSettings();
        opts.Discovery.IncludeType(typeof(SendMailHandler)).IncludeType(typeof(ReminderDueHandler)).IncludeType(typeof(NoticeDueHandler)).IncludeType(typeof(WeeklyDigestHandler))
            .IncludeType(typeof(Checkpoints.CheckpointForWitnessesHandler)).IncludeType(typeof(Checkpoints.SendCheckpointToWitnessHandler));
        // Scheduled again, not retried in place: the mail waits in the durable inbox and the queue moves on.
        TimeSpan[] delays = settings.RetryDelays is { Length: > 0 } configured ? configured : [.. MailSettings.DefaultRetryDelays];
        opts.OnException<MailServerException>().ScheduleRetry(delays);
    }
}
