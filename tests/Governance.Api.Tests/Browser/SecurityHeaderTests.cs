using System.Net;
using Microsoft.AspNetCore.Hosting;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Governance.Api.Auth;
using Governance.Api.Presentation;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// Issue 12, point 8: the security headers on every page of the demo (walked link by link, signed out and signed in),
/// no Content-Security-Policy violation in Chromium on the main pages, Secure cookies and HSTS over HTTPS in Production.
/// </summary>
public sealed class SecurityHeaderTests(Chromium browser, AllianceServer demo, ITestOutputHelper output) : IClassFixture<Chromium>, IClassFixture<AllianceServer>
{
    private const int MaxPages = 250;

    [Fact]
    public async Task Every_page_of_the_demo_signed_out_and_signed_in_carries_the_security_headers()
    {
        using var anonymous = demo.Server.CreateClient();
        using var admin = await demo.Server.CreateSignedInBrowserAsync(AllianceServer.Admin.Email, AllianceServer.Admin.Password);
        var failures = new List<string>();

        var walked = await DemoWalk.WalkAsync(anonymous, MaxPages, (path, response) => Check(path, response, failures), "/", "/allianties/" + AllianceServer.Alliance);
        var walkedSignedIn = await DemoWalk.WalkAsync(admin, MaxPages, (path, response) => Check(path, response, failures), "/account", "/allianties/" + AllianceServer.Alliance);

        output.WriteLine($"{walked.Count} addresses signed out, {walkedSignedIn.Count} signed in, {walked.Concat(walkedSignedIn).Select(DemoWalk.Shape).Distinct().Count()} kinds of page");
        Assert.True(walked.Count > 50 && walkedSignedIn.Count > 50, "The walk found too few pages to mean anything.");
        Assert.Contains(walkedSignedIn, p => p == "/account");
        Assert.Empty(failures);
        // A stylesheet, an error page and an API answer too.
        foreach (var path in new[] { "/css/site.css", "/bestaat-niet", "/api/v1/bestaat-niet", "/api/v1/alliances" })
        {
            using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            await Check(path, response, failures);
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_main_pages_of_the_demo_show_no_content_security_policy_violation_in_chromium()
    {
        // One address per kind of page, found by walking the demo signed in (forms included).
        using var admin = await demo.Server.CreateSignedInBrowserAsync(AllianceServer.Admin.Email, AllianceServer.Admin.Password);
        var pages = new List<string>();
        await DemoWalk.WalkAsync(admin, MaxPages, (path, response) =>
        {
            if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html") pages.Add(path);
            return Task.CompletedTask;
        }, "/", "/allianties/" + AllianceServer.Alliance);
        var kinds = pages.GroupBy(DemoWalk.Shape).Select(g => g.First()).Take(40).ToList();
        Assert.True(kinds.Count >= 10, $"Only {kinds.Count} kinds of page found.");

        await using var session = await demo.NewSessionAsync(browser, output);
        var violations = new List<string>();
        session.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (violations) violations.Add($"{session.Page.Url}: {message.Text}");
        };
        await session.Page.Context.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
              window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """);
        await session.SignInAsync(AllianceServer.Admin.Email, AllianceServer.Admin.Password);
        foreach (var path in kinds)
        {
            await session.GotoAsync(path);
            foreach (var v in await session.Page.EvaluateAsync<string[]>("() => window.__cspViolations"))
                lock (violations) violations.Add($"{path}: {v}");
        }

        output.WriteLine($"{kinds.Count} kinds of page: {string.Join(", ", kinds)}");
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Over_https_in_production_every_cookie_is_secure_and_hsts_is_sent()
    {
        using var certificate = SelfSigned();
        await using var server = await GovernanceServer.StartAsync(
            builder => builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate)),
            "--urls", "https://127.0.0.1:0", "--environment", "Production",
            "--applicationName", typeof(WebHost).Assembly.GetName().Name!, "--webroot", RepositoryFiles.WebRoot);
        Assert.Equal("https", server.BaseAddress.Scheme);
        var email = $"https-{Guid.NewGuid():N}@example.org";
        await server.CreateAccountAsync(email);
        using var client = new HttpClient(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        }) { BaseAddress = server.BaseAddress };

        using var form = await client.GetAsync(new Uri("/inloggen", UriKind.Relative));
        var token = AuthTestHelpers.AntiforgeryToken(await form.Content.ReadAsStringAsync());
        using var signIn = await client.PostAsync(new Uri("/inloggen", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = AuthTestHelpers.Password, ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = form.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith(AuthServices.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        // HSTS is never sent for localhost (a developer's browser would keep it), so ask for the site by its name.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "wijkalliantie.example";
        using var page = await client.SendAsync(request);
        Assert.Equal("max-age=31536000", string.Join(",", page.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Outside_production_no_hsts_is_sent()
    {
        using var client = demo.Server.CreateClient();
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }

    private static Task Check(string path, HttpResponseMessage response, List<string> failures)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;
        var expected = new Dictionary<string, string>
        {
            ["Content-Security-Policy"] = SecurityHeaders.ContentSecurityPolicy,
            ["X-Content-Type-Options"] = "nosniff",
            ["Referrer-Policy"] = "same-origin",
            ["X-Frame-Options"] = "DENY",
        };
        foreach (var (name, value) in expected)
        {
            if (Header(name) != value) failures.Add($"{path} ({(int)response.StatusCode}): {name} is '{Header(name)}'");
        }
        var csp = Header("Content-Security-Policy") ?? "";
        if (csp.Contains("unsafe-inline", StringComparison.Ordinal) || !csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal))
            failures.Add($"{path}: CSP '{csp}'");
        return Task.CompletedTask;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("wijkalliantie.example");
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
