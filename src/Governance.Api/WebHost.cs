using Governance.Api.Health;
using Governance.Api.Hosting;

namespace Governance.Api;

/// <summary>The web application: a short list of what it adds and what it maps.</summary>
public static class WebHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://127.0.0.1:5080");
        configure?.Invoke(builder);

        builder.Services.AddGovernanceDatabase(builder.Configuration);
        builder.Services.AddLedger();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealth();
        app.MapGet("/", () => Results.Content(
            "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Wijkalliantie-logboek</title></head>" +
            "<body><main><h1>Wijkalliantie-logboek</h1><p>Het logboek draait. Zie <a href=\"/health\">/health</a>.</p></main></body></html>",
            "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }
}
