using Governance.Api.Alliances;
using Governance.Api.Commands;
using Governance.Api.Auth;
using Governance.Api.Checkpoints;
using Governance.Api.Http;
using Governance.Api.Health;
using Governance.Api.Hosting;
using Governance.Api.OpenData;
using Governance.Api.Punctuality;
using Governance.Api.PublicRecord;
using Governance.Api.Timeline;
using Governance.Api.Mail;
using Governance.Api.Presentation;
using Governance.Api.Sweeping;

namespace Governance.Api;

/// <summary>The web application: a short list of what it adds and what it maps.</summary>
public static class WebHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Variables given to an in-process CLI run (the verbs that build a host) count as the environment's.
        if (Cli.CliEnvironment.Overlay.Count > 0) builder.Configuration.AddInMemoryCollection(Cli.CliEnvironment.AsConfiguration());
        builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://127.0.0.1:5080");
        // CommandBus are small JSON; a larger body is a mistake or an attack (413). Uploads raise it per endpoint.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
        builder.AddClock();
        configure?.Invoke(builder);

        builder.Services.AddGovernanceDatabase(builder.Configuration);
        builder.Services.AddLedger(builder.Configuration);
        builder.AddCommands();
        builder.Services.AddGovernanceAuth(builder.Configuration);
        builder.Services.AddInputChecks();
        builder.Services.AddExceptionHandler<ApiProblems>();
        builder.Services.AddAlliances();
        builder.Services.AddMeetings();
        builder.Services.AddProposals();
        builder.Services.AddCommitments();
        builder.Services.AddYearPlans();
        builder.Services.AddEscalations();
        builder.Services.AddSweeper();
        builder.Services.AddMail(builder.Configuration);
        builder.Services.AddCheckpoints();
        builder.Services.AddPublicRecord();
        builder.Services.AddOpenApi(o => o.AddInputLimits());
        builder.Services.AddSlicePages();
        builder.Services.AddSecurityHeaders();
        builder.Services.AddWriteRateLimits(builder.Configuration);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseErrorPages();
        app.UseInputChecks();
        app.UseStaticFiles();
        app.UseGovernanceAuth();
        app.UseRateLimiter();
        app.UseIdempotencyKeys();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealth();
        app.MapCommandApi();
        app.MapAuthApi();
        app.MapAllianceApi();
        app.MapMeetingApi();
        app.MapProposalApi();
        app.MapCommitmentApi();
        app.MapYearPlanApi();
        app.MapEscalationApi();
        app.MapTimelineApi();
        app.MapPunctualityApi();
        app.MapCheckpointApi();
        app.MapPublicRecord();
        app.MapOpenData();
        app.MapDevClock();
        app.MapRazorPages();
        return app;
    }
}
