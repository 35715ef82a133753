using Microsoft.AspNetCore.Diagnostics;

namespace Governance.Api.Presentation;

/// <summary>
/// Error responses in the form the caller can read: the API keeps RFC 9457 ProblemDetails (JSON), every
/// other path gets a Dutch HTML page from Presentation/Fout.cshtml, with the original status code and address.
/// </summary>
public static class ErrorPages
{
    public static bool IsApiPath(this HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static WebApplication UseErrorPages(this WebApplication app)
    {
        // API: ProblemDetails for an empty 4xx/5xx body (AddProblemDetails supplies the writer).
        app.UseWhen(IsApiPath, api => api.UseStatusCodePages());

        // Pages: re-executed (not redirected). This must sit on the main pipeline, not in a UseWhen branch:
        // a branch has no global route builder, so the re-executed request would never be routed to the page.
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        app.Use(static (context, next) =>
        {
            if (context.IsApiPath())
            {
                // The API's own status-code handler (above) answers instead.
                context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
                return next(context);
            }
            return RenderFaultsAsErrorPage(context, next);
        });
        return app;
    }

    /// <summary>
    /// A fault in a page becomes an empty 500 (or the request's own 4xx), which the re-execution above turns
    /// into the Dutch error page. The app's IExceptionHandler writes JSON and stays for the API only.
    /// </summary>
    private static async Task RenderFaultsAsErrorPage(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var status = exception is BadHttpRequestException bad ? bad.StatusCode
                : Http.DatabaseOutage.IsOutage(exception) ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status500InternalServerError;
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                context.Response.Clear();
                context.Response.StatusCode = status;
                context.Response.Headers.RetryAfter = Http.DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return;
            }
            if (status >= StatusCodes.Status500InternalServerError)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorPages))
                    .LogError(exception, "Unhandled error for {Method} {Path}", context.Request.Method, context.Request.Path);
            }
            context.Response.Clear();
            context.Response.StatusCode = status;
        }
    }
}
