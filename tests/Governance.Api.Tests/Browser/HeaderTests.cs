using Governance.Api.Auth;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>The header follows the sign-in state: Inloggen, or Mijn account and a POST Uitloggen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HeaderTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Signed_in_the_header_offers_the_account_and_signing_out_which_posts_with_antiforgery()
    {
        var email = $"kop-{Guid.NewGuid():N}@voorbeeld.nl";
        await browser.Server.Services.GetRequiredService<AccountService>().CreateAccountAsync(email, "Kim de Vries", "lang-genoeg-wachtwoord-1");
        await using var session = await browser.NewSessionAsync(output);

        await session.SignInAsync(email, "lang-genoeg-wachtwoord-1");

        var account = session.Page.GetByRole(AriaRole.Navigation, new() { Name = "Account" });
        await Assertions.Expect(account.GetByRole(AriaRole.Link, new() { Name = "Mijn account" })).ToHaveAttributeAsync("href", "/account");
        await Assertions.Expect(account.GetByRole(AriaRole.Link, new() { Name = "Inloggen" })).ToHaveCountAsync(0);
        await Assertions.Expect(account.Locator("form[action='/uitloggen'][method='post'] input[name='__RequestVerificationToken']")).ToHaveCountAsync(1);
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();

        await account.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAndWaitForPageAsync();

        await Assertions.Expect(account.GetByRole(AriaRole.Link, new() { Name = "Inloggen" })).ToBeVisibleAsync();
        await Assertions.Expect(account.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToHaveCountAsync(0);
    }
}
