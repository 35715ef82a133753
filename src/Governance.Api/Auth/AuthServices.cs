using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Governance.Api.Auth;

/// <summary>Sign-in, accounts, API tokens and role grants.</summary>
public static class AuthServices
{
    /// <summary>Picks <see cref="BearerScheme"/> when the request has an Authorization: Bearer header, else <see cref="CookieScheme"/>.</summary>
    public const string DefaultScheme = "Governance";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string BearerScheme = "Bearer";
    public const string CookieName = "wal.session";
    public const string SignInPath = "/inloggen";

    public static IServiceCollection AddGovernanceAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInOptions>().Bind(configuration.GetSection(SignInOptions.Section));
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<PeopleStore>();
        services.AddSingleton<ApiTokenService>();
        services.AddHostedService<FirstAdminOnStart>();

        // Every node reads one key ring from the database: cookies and antiforgery tokens work on whichever node
        // the load balancer picks, and survive a restart.
        services.AddDataProtection().SetApplicationName("governance");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new PostgresXmlRepository(sp.GetRequiredService<NpgsqlDataSource>())));

        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "Cookie for pages, bearer token for the API", options =>
                options.ForwardDefaultSelector = context =>
                    ApiTokenAuthenticationHandler.TryReadBearer(context.Request, out _) ? BearerScheme : CookieScheme)
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                options.LoginPath = SignInPath;
                options.LogoutPath = "/uitloggen";
                // Sessions end on the server (issue 12, point 6): the cookie carries the account's security stamp, every
                // request compares it (LoadActor), and signing out draws a new stamp, so a copied cookie dies too.
                options.Events.OnSigningIn = AddSecurityStamp;
                options.Events.OnSigningOut = EndSessions;
                options.Events.OnRedirectToLogin = context => IsApi(context.Request)
                    ? AuthProblems.WriteAsync(context.HttpContext, AuthProblems.Unauthenticated())
                    : Redirect(context);
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    if (IsApi(context.Request)) return AuthProblems.WriteAsync(context.HttpContext, AuthProblems.Forbidden());
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(BearerScheme, null);
        services.AddAuthorization();
        return services;
    }

    /// <summary>Authentication, then the actor (person and role grants) for the request; API writes by cookie need antiforgery.</summary>
    public static WebApplication UseGovernanceAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(LoadActor);
        app.Use(CookieApiWrites.GuardAsync);
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// Reads the person's grants on every request, so a revoked role or an erased account stops working at once,
    /// not when a cookie or a cached principal expires.
    /// </summary>
    private static async Task LoadActor(HttpContext context, RequestDelegate next)
    {
        // A bearer token that does not work is refused even where the public may read: a client must learn
        // that its token is dead rather than silently get the anonymous view.
        // (The bearer handler only declines without a header, so a header and no identity means a failed token.)
        if (context.User.Identity?.IsAuthenticated != true && ApiTokenAuthenticationHandler.TryReadBearer(context.Request, out _))
        {
            await context.ChallengeAsync(BearerScheme);
            return;
        }

        if (GovernancePrincipal.PersonOf(context.User) is { } person)
        {
            var account = await context.RequestServices.GetRequiredService<AccountService>().ActiveAccountAsync(person, context.RequestAborted);
            if (account is null || (IsSession(context.User) && !CarriesStamp(context.User, account.SecurityStamp)))
            {
                // The account was disabled or erased after the cookie was issued, or this session was ended (signed
                // out, a role revoked, the password changed): treat the request as anonymous and drop the cookie.
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (context.Request.Cookies.ContainsKey(CookieName)) await context.SignOutAsync(CookieScheme);
            }
            else
            {
                context.SetActor(new Actor(person, account.Grants));
            }
        }
        await next(context);
    }

    /// <summary>True when the request is authenticated by the session cookie (not by a bearer token).</summary>
    public static bool IsSession(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: CookieScheme };

    private static bool CarriesStamp(ClaimsPrincipal user, Guid stamp) =>
        Guid.TryParse(user.FindFirst(GovernancePrincipal.SecurityStampClaim)?.Value, out var carried) && carried == stamp;

    private static async Task AddSecurityStamp(CookieSigningInContext context)
    {
        if (context.Principal is not { Identity: ClaimsIdentity identity } principal || GovernancePrincipal.PersonOf(principal) is not { } person) return;
        var stamp = await context.HttpContext.RequestServices.GetRequiredService<AccountService>()
            .SecurityStampAsync(person, context.HttpContext.RequestAborted);
        // Without an enabled account there is no stamp, and the cookie is refused on its first use.
        if (stamp is { } s) identity.AddClaim(new Claim(GovernancePrincipal.SecurityStampClaim, s.ToString()));
    }

    /// <summary>Signing out ends every session of the person, on every device, not only this browser's cookie.</summary>
    private static async Task EndSessions(CookieSigningOutContext context)
    {
        var user = context.HttpContext.User;
        if (IsSession(user) && GovernancePrincipal.PersonOf(user) is { } person)
            await context.HttpContext.RequestServices.GetRequiredService<AccountService>().EndSessionsAsync(person, CancellationToken.None);
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
