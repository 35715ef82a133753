using Governance.Api.Auth;

namespace Governance.Api.Tests.Auth;

public sealed class FirstAdminTests
{
    private static Action<WebApplicationBuilder> FirstAdmin(string email) => builder =>
    {
        builder.Configuration["Governance:FirstAdmin:Email"] = email;
        builder.Configuration["Governance:FirstAdmin:Password"] = "eerste-beheerder-wachtwoord";
    };

    [Fact]
    public async Task On_an_empty_database_the_configured_first_admin_is_created_as_system_wide_admin()
    {
        await using var server = await GovernanceServer.StartAsync(FirstAdmin("beheer@example.org"));

        var person = await server.Services.GetRequiredService<AccountService>().FindByEmailAsync("beheer@example.org");
        Assert.NotNull(person);
        var grant = Assert.Single((await server.Services.GetRequiredService<AccountService>().ActiveGrantsAsync(person.Value))!);
        Assert.Equal(new RoleGrant(null, Role.Admin), grant);
        var signIn = await server.Services.GetRequiredService<SignInService>().SignInAsync("beheer@example.org", "eerste-beheerder-wachtwoord", null);
        Assert.Equal(SignInStatus.Succeeded, signIn.Status);
    }

    [Fact]
    public async Task When_any_account_exists_no_first_admin_is_created()
    {
        await using var first = await GovernanceServer.StartAsync();
        await first.CreateAccountAsync("al-iemand@example.org");

        await using var second = await GovernanceServer.StartOnDatabaseAsync(first.ConnectionString, FirstAdmin("te-laat@example.org"));

        Assert.Null(await second.Services.GetRequiredService<AccountService>().FindByEmailAsync("te-laat@example.org"));
    }
}
