using Microsoft.AspNetCore.Mvc.Razor;

namespace Governance.Api.Presentation;

/// <summary>
/// Razor Pages live with their slice (<c>Meetings/Vergadering.cshtml</c> beside <c>MeetingEndpoints.cs</c>), not under
/// <c>Pages/</c>: the pages' root is the project, and every page names its address in an absolute <c>@page</c> route.
/// The layout and the partials every slice uses are in <c>Presentation/</c>, found by name from any page.
/// </summary>
public static class SlicePages
{
    public static IServiceCollection AddSlicePages(this IServiceCollection services)
    {
        services.AddRazorPages(options => options.RootDirectory = "/");
        // After the page's own folder and the project root: the shared layout and partials.
        services.Configure<RazorViewEngineOptions>(options => options.PageViewLocationFormats.Add("/Presentation/{0}" + RazorViewEngine.ViewExtension));
        return services;
    }
}
