using System.Net;
using Governance.Api.Mail;
using Governance.Api.Tests.Auth;

namespace Governance.Api.Tests.Mail;

/// <summary>Issue 14 §4: under "Mijn account" each person chooses per kind of mail: at once, in the weekly digest, or off.</summary>
public sealed class MailPreferenceTests : IAsyncLifetime
{
    private GovernanceServer _server = null!;

    public async Task InitializeAsync() => _server = await GovernanceServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Mijn_account_shows_every_kind_with_its_choice_and_stores_what_the_person_picks()
    {
        var account = await _server.CreateAccountAsync("kies@example.test");
        using var browser = await _server.CreateSignedInBrowserAsync("kies@example.test");

        var page = await browser.GetStringAsync(new Uri("/account", UriKind.Relative));
        Assert.Contains("Wij sturen e-mail naar kies@example.test.", page, StringComparison.Ordinal);
        foreach (var kind in MailKinds.All)
            Assert.Contains($"<label class=\"ams-label\" for=\"mail-{kind.Id}\">{kind.Name}</label>", page, StringComparison.Ordinal);
        Assert.Matches("<select[^>]*name=\"reminders\"[^>]*>\\s*<option value=\"immediate\" selected=\"selected\">Meteen</option>", page);

        using var saved = await browser.PostFormAsync("/account", new()
        {
            ["reminders"] = "off",
            ["disputes"] = "digest",
            ["weekly-digest"] = "immediate",
            ["decisions"] = "whatever",   // not a choice the page offers: left as it was
        }, handler: "Mail");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var choices = await _server.Services.GetRequiredService<MailPreferences>().AllAsync(account.Person, default);
        Assert.Equal(MailDelivery.Off, choices[MailKinds.Reminders]);
        Assert.Equal(MailDelivery.Digest, choices[MailKinds.Disputes]);
        Assert.Equal(MailDelivery.Immediate, choices[MailKinds.WeeklyDigest]);
        Assert.Equal(MailDelivery.Immediate, choices[MailKinds.Decisions]);
        Assert.Equal(MailDelivery.Immediate, choices[MailKinds.Missed]);

        var after = await browser.GetStringAsync(new Uri("/account", UriKind.Relative));
        Assert.Contains("Uw keuzes voor e-mail zijn opgeslagen.", after, StringComparison.Ordinal);
        Assert.Matches("<select[^>]*name=\"reminders\"[^>]*>[\\s\\S]*?<option value=\"off\" selected=\"selected\">Uit</option>", after);
        Assert.Matches("<select[^>]*name=\"disputes\"[^>]*>[\\s\\S]*?<option value=\"digest\" selected=\"selected\">In het weekoverzicht</option>", after);
    }

    [Fact]
    public async Task Choosing_mail_needs_signing_in()
    {
        using var anonymous = _server.CreateBrowserClient();
        using var response = await anonymous.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/inloggen?ReturnUrl", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
