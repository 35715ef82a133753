using System.Text.RegularExpressions;
using Governance.Api.Auth;
using Governance.Api.Cli;
using Governance.Api.Hosting;
using Governance.Domain;
using Governance.TestSupport;
using Npgsql;

namespace Governance.Api.Tests.Auth;

/// <summary>`governance accounts …`, run in-process against a fresh database given through GOVERNANCE_DB.</summary>
public sealed partial class AccountCliTests : IAsyncLifetime
{
    private static readonly AllianceId Osdorp = new("osdorp-de-punt");
    private string _connectionString = "";
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        var cluster = await PostgresCluster.Shared;
        _connectionString = await cluster.CreateDatabaseAsync("cli");
        _dataSource = NpgsqlDataSource.Create(_connectionString);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    private AccountService Accounts => new(_dataSource, TimeProvider.System);

    private Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.RunAsync(_connectionString, args);

    private async Task<IReadOnlyList<RoleGrant>> GrantsOf(string email) =>
        (await Accounts.ActiveGrantsAsync((await Accounts.FindByEmailAsync(email))!.Value))!;

    private async Task<SignInStatus> SignIn(string email, string password)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new SignInOptions());
        using var throttle = new SignInThrottle(options);
        return (await new SignInService(_dataSource, TimeProvider.System, throttle, options).SignInAsync(email, password, null)).Status;
    }

    [Fact]
    public async Task Accounts_set_password_replaces_the_password_so_only_the_new_one_signs_in()
    {
        Assert.Equal(0, (await Run("accounts", "add", "--email", "wim@example.org", "--name", "Wim", "--password", "oud-wachtwoord-123")).Exit);

        var (exit, output, error) = await Run("accounts", "set-password", "--email", "wim@example.org", "--password", "nieuw-wachtwoord-456");

        Assert.Equal((0, ""), (exit, error));
        Assert.Contains("every session ended", output, StringComparison.Ordinal);
        Assert.Equal(SignInStatus.InvalidCredentials, await SignIn("wim@example.org", "oud-wachtwoord-123"));
        Assert.Equal(SignInStatus.Succeeded, await SignIn("wim@example.org", "nieuw-wachtwoord-456"));
        var (unknownExit, _, unknownError) = await Run("accounts", "set-password", "--email", "niemand@example.org");
        Assert.NotEqual(0, unknownExit);
        Assert.Contains("There is no account for niemand@example.org", unknownError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounts_add_without_a_password_prints_a_generated_one_once_and_it_signs_in()
    {
        var (exit, output, error) = await Run("accounts", "add", "--email", "Ilse@Example.org", "--name", "Ilse Bakker");

        Assert.Equal((0, ""), (exit, error));
        var created = Created().Match(output);
        Assert.True(created.Success, output);
        Assert.Equal("ilse@example.org", created.Groups[2].Value);
        var password = GeneratedPassword().Match(output).Groups[1].Value;
        Assert.Equal(16, password.Length);
        Assert.Equal(SignInStatus.Succeeded, await SignIn("ilse@example.org", password));
        var person = await new PeopleStore(_dataSource, TimeProvider.System).GetAsync(PersonId.Parse(created.Groups[1].Value));
        Assert.Equal(("Ilse Bakker", "Ilse@Example.org"), (person!.DisplayName, person.Email));
        Assert.Empty(await GrantsOf("ilse@example.org"));
    }

    [Fact]
    public async Task Accounts_add_with_a_role_grants_it_and_adding_a_role_to_an_existing_email_adds_the_grant()
    {
        var first = await Run("accounts", "add", "--email", "jan@example.org", "--name", "Jan", "--password", "een-goed-wachtwoord",
            "--alliance", "osdorp-de-punt", "--role", "representative", "--partner", "ymere");
        Assert.Equal(0, first.Exit);
        Assert.DoesNotContain("password", first.Out, StringComparison.Ordinal);
        Assert.Contains("granted representative of ymere in osdorp-de-punt", first.Out, StringComparison.Ordinal);

        var second = await Run("accounts", "add", "--email", "jan@example.org", "--name", "Jan", "--alliance", "osdorp-de-punt", "--role", "chair");
        Assert.Equal(0, second.Exit);
        Assert.DoesNotContain("created", second.Out, StringComparison.Ordinal);

        Assert.Equal(
            [new RoleGrant(Osdorp, Role.Chair), new RoleGrant(Osdorp, Role.Representative, new PartnerId("ymere"))],
            await GrantsOf("jan@example.org"));
        Assert.Equal(SignInStatus.Succeeded, await SignIn("jan@example.org", "een-goed-wachtwoord"));
    }

    [Fact]
    public async Task Accounts_add_for_an_existing_email_without_a_role_is_an_error()
    {
        await Run("accounts", "add", "--email", "dubbel@example.org", "--name", "Dubbel");
        var (exit, _, error) = await Run("accounts", "add", "--email", "dubbel@example.org", "--name", "Nog een");
        Assert.Equal(1, exit);
        Assert.StartsWith("error: An account for dubbel@example.org already exists", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounts_grant_and_revoke_change_the_roles_of_an_account()
    {
        await Run("accounts", "add", "--email", "kees@example.org", "--name", "Kees");

        var grant = await Run("accounts", "grant", "--email", "kees@example.org", "--alliance", "osdorp-de-punt", "--role", "core-group");
        Assert.Equal(0, grant.Exit);
        Assert.Contains("granted core-group in osdorp-de-punt", grant.Out, StringComparison.Ordinal);
        var again = await Run("accounts", "grant", "--email", "kees@example.org", "--alliance", "osdorp-de-punt", "--role", "core-group");
        Assert.Equal(0, again.Exit);
        Assert.Contains("already has core-group in osdorp-de-punt", again.Out, StringComparison.Ordinal);
        Assert.Equal([new RoleGrant(Osdorp, Role.CoreGroup)], await GrantsOf("kees@example.org"));

        var revoke = await Run("accounts", "revoke", "--email", "kees@example.org", "--alliance", "osdorp-de-punt", "--role", "core-group");
        Assert.Equal(0, revoke.Exit);
        Assert.Empty(await GrantsOf("kees@example.org"));
        var revokeAgain = await Run("accounts", "revoke", "--email", "kees@example.org", "--alliance", "osdorp-de-punt", "--role", "core-group");
        Assert.Equal(1, revokeAgain.Exit);
        Assert.StartsWith("error: kees@example.org does not have the role core-group in osdorp-de-punt", revokeAgain.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounts_add_admin_creates_a_system_wide_admin()
    {
        var (exit, output, _) = await Run("accounts", "add-admin", "--email", "root@example.org", "--name", "Beheer", "--password", "beheerder-wachtwoord");

        Assert.Equal(0, exit);
        Assert.Contains("granted admin (system-wide)", output, StringComparison.Ordinal);
        Assert.Equal([new RoleGrant(null, Role.Admin)], await GrantsOf("root@example.org"));
    }

    [Theory]
    [InlineData("the role chair needs an alliance", "accounts", "grant", "--email", "x@example.org", "--role", "chair")]
    [InlineData("A representative grant names the partner", "accounts", "grant", "--email", "x@example.org", "--alliance", "osdorp-de-punt", "--role", "representative")]
    [InlineData("Only a representative grant names a partner", "accounts", "grant", "--email", "x@example.org", "--alliance", "osdorp-de-punt", "--role", "chair", "--partner", "ymere")]
    [InlineData("'Osdorp' is not an alliance id", "accounts", "grant", "--email", "x@example.org", "--alliance", "Osdorp", "--role", "chair")]
    [InlineData("There is no account for nobody@example.org", "accounts", "grant", "--email", "nobody@example.org", "--alliance", "osdorp-de-punt", "--role", "chair")]
    [InlineData("at least 10 characters", "accounts", "add", "--email", "kort@example.org", "--name", "Kort", "--password", "kort")]
    [InlineData("is not an e-mail address", "accounts", "add", "--email", "geen-adres", "--name", "Niemand")]
    [InlineData("--alliance and --partner need --role", "accounts", "add", "--email", "y@example.org", "--name", "Y", "--alliance", "osdorp-de-punt")]
    public async Task A_refused_accounts_verb_prints_one_error_line_and_exits_non_zero(string expected, params string[] args)
    {
        await Run("accounts", "add", "--email", "x@example.org", "--name", "X");

        var (exit, output, error) = await Run(args);

        Assert.NotEqual(0, exit);
        Assert.Equal("", output);
        Assert.Contains(expected, error, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task An_unknown_role_is_refused_by_the_parser()
    {
        var (exit, _, error) = await Run("accounts", "grant", "--email", "x@example.org", "--alliance", "osdorp-de-punt", "--role", "koning");
        Assert.NotEqual(0, exit);
        Assert.Contains("koning", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounts_erase_clears_the_personal_data_of_an_account()
    {
        var created = Created().Match((await Run("accounts", "add", "--email", "weg@example.org", "--name", "Weg Ermee")).Out);
        var person = PersonId.Parse(created.Groups[1].Value);

        var (exit, output, _) = await Run("accounts", "erase", "--email", "weg@example.org");

        Assert.Equal(0, exit);
        Assert.Equal($"erased {person}", output.Trim());
        var erased = await new PeopleStore(_dataSource, TimeProvider.System).GetAsync(person);
        Assert.True(erased!.IsErased);
        Assert.Null(erased.DisplayName);
        var twice = await Run("accounts", "erase", "--person", person.Value);
        Assert.Equal(1, twice.Exit);
    }

    [GeneratedRegex(@"^created (p-[0-9a-f]{12}) (\S+)$", RegexOptions.Multiline)]
    private static partial Regex Created();

    [GeneratedRegex(@"^password (\S+)$", RegexOptions.Multiline)]
    private static partial Regex GeneratedPassword();
}
