using System.Net.Http.Headers;
using Governance.Api.Auth;
using Governance.Domain;

namespace Governance.Api.Tests.Alliances;

/// <summary>Accounts with given roles, and HTTP clients that send their bearer token.</summary>
public static class SignedInClients
{
    private static int _counter;

    public static async Task<(HttpClient Client, PersonId Person)> ClientWithRolesAsync(
        this GovernanceServer server, string name, params RoleGrant[] grants)
    {
        var accounts = server.Services.GetRequiredService<AccountService>();
        var tokens = server.Services.GetRequiredService<ApiTokenService>();
        var email = $"user{Interlocked.Increment(ref _counter)}@example.test";
        var account = await accounts.CreateAccountAsync(email, name, "correct horse battery staple", grants);
        var token = await tokens.IssueAsync(account.Person, "test");
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return (client, account.Person);
    }

    public static Task<(HttpClient Client, PersonId Person)> SystemAdminAsync(this GovernanceServer server) =>
        server.ClientWithRolesAsync("Beheerder", new RoleGrant(null, Role.Admin));
}
