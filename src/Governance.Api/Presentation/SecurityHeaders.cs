namespace Governance.Api.Presentation;

/// <summary>
/// Security headers on every response, pages, API, static files and error pages alike (issue 12, point 8): a
/// Content-Security-Policy without <c>unsafe-inline</c> (scripts and styles come only from files under wwwroot),
/// no framing, no MIME sniffing, the referrer only to this site, every cookie <c>Secure</c> when the request came
/// over HTTPS, and HSTS in Production.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Only this site. <c>img-src data:</c> is for the small SVG arrows inside the stylesheets (tokens.css);
    /// <c>connect-src 'self'</c> for the live tally (fetch and server-sent events).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        // Every cookie (session, antiforgery, any later one) gets Secure when the request came over HTTPS. Behind a
        // proxy that ends TLS, configure forwarded headers so the request is seen as HTTPS.
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });
        return services;
    }

    /// <summary>First in the pipeline, so that error answers (whose headers the exception handler clears) get the headers too.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        // HSTS only over HTTPS, and not for localhost (the middleware's own rule): a developer's browser must not pin it.
        if (app.Environment.IsProduction()) app.UseHsts();
        app.UseCookiePolicy();
        return app;
    }
}
