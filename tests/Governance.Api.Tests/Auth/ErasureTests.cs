using System.Net;
using Governance.Api.Auth;
using Governance.Domain;

namespace Governance.Api.Tests.Auth;

public sealed class ErasureTests(SharedServer shared) : IClassFixture<SharedServer>
{
    /// <summary>One server for the class: its tests use accounts and ids of their own.</summary>
    private GovernanceServer Server => shared.Server;

    [Fact]
    public async Task Erasing_a_person_clears_name_email_and_phone_and_disables_sign_in_tokens_sessions_and_roles()
    {
        var account = await Server.CreateAccountAsync("wis@example.org", new RoleGrant(new AllianceId("osdorp-de-punt"), Role.CoreGroup));
        await using (var db = Server.CreateDataSource())
        await using (var cmd = db.CreateCommand("update app.people set phone = '06-12345678' where person_id = $1"))
        {
            cmd.Parameters.Add(new() { Value = account.Person.Value });
            await cmd.ExecuteNonQueryAsync();
        }
        using var api = await Server.CreateTokenClientAsync(account.Person);
        using var browser = await Server.CreateSignedInBrowserAsync("wis@example.org");

        Assert.True(await Server.Services.GetRequiredService<PeopleStore>().EraseAsync(account.Person));

        var person = await Server.Services.GetRequiredService<PeopleStore>().GetAsync(account.Person);
        Assert.NotNull(person);
        Assert.True(person.IsErased);
        Assert.Equal((null, null, null), (person.DisplayName, person.Email, person.Phone));
        await using (var db = Server.CreateDataSource())
        await using (var cmd = db.CreateCommand("""
            select a.email_normalized, a.password_hash, a.disabled_at is not null,
                   (select count(*) from app.role_grants g where g.person_id = a.person_id),
                   (select count(*) from app.api_tokens t where t.person_id = a.person_id and t.revoked_at is null)
            from app.accounts a where a.person_id = $1
            """))
        {
            cmd.Parameters.Add(new() { Value = account.Person.Value });
            await using var row = await cmd.ExecuteReaderAsync();
            Assert.True(await row.ReadAsync());
            Assert.True(row.IsDBNull(0));
            Assert.True(row.IsDBNull(1));
            Assert.True(row.GetBoolean(2));
            Assert.Equal(0L, row.GetInt64(3));
            Assert.Equal(0L, row.GetInt64(4));
        }

        using (var me = await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        using (var page = await browser.GetAsync(new Uri("/account", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Null(await Server.Services.GetRequiredService<AccountService>().FindByEmailAsync("wis@example.org"));
        var signIn = await Server.Services.GetRequiredService<SignInService>().SignInAsync("wis@example.org", AuthTestHelpers.Password, null);
        Assert.Equal(SignInStatus.InvalidCredentials, signIn.Status);
    }

    [Fact]
    public async Task After_erasure_the_email_address_is_free_for_a_new_account()
    {
        var first = await Server.CreateAccountAsync("opnieuw@example.org");
        await Server.Services.GetRequiredService<PeopleStore>().EraseAsync(first.Person);

        var second = await Server.CreateAccountAsync("opnieuw@example.org");

        Assert.NotEqual(first.Person, second.Person);
    }

    [Fact]
    public async Task Erasing_twice_or_erasing_an_unknown_person_reports_false()
    {
        var people = Server.Services.GetRequiredService<PeopleStore>();
        var person = await people.AddAsync("Zonder Account", phone: "020-1234567");
        Assert.True(await people.EraseAsync(person));
        Assert.False(await people.EraseAsync(person));
        Assert.False(await people.EraseAsync(PersonId.FromBytes(new byte[6])));
    }
}
