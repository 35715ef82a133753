using Governance.Api.Meetings;

namespace Governance.Api;

/// <summary>
/// The meetings slice's two entry points for <see cref="WebHost"/>, in its namespace so that registering the slice
/// is exactly one line for the services and one for the routes.
/// </summary>
public static class MeetingsModule
{
    public static IServiceCollection AddMeetings(this IServiceCollection services) => services.AddMeetingServices();

    public static IEndpointRouteBuilder MapMeetingApi(this IEndpointRouteBuilder app) => app.MapMeetingEndpoints();
}
