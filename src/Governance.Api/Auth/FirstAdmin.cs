namespace Governance.Api.Auth;

/// <summary>
/// First run: when there is no account at all and <c>Governance:FirstAdmin:Email</c> and <c>:Password</c> are set,
/// creates that system-wide admin, so a fresh installation can be signed into without the CLI.
/// Runs after the migrations (hosted services start in registration order; the ledger's come first).
/// </summary>
internal sealed class FirstAdminOnStart(AccountService accounts, IConfiguration configuration, ILogger<FirstAdminOnStart> logger) : IHostedService
{
    public const string Section = "Governance:FirstAdmin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Passwords.Warm();
        var email = configuration[$"{Section}:Email"];
        if (string.IsNullOrWhiteSpace(email)) return;
        var password = configuration[$"{Section}:Password"];
        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("{Section}:Email is set but {Section}:Password is not: no first admin created.", Section, Section);
            return;
        }
        if (await accounts.AnyAccountsAsync(cancellationToken)) return;
        var name = configuration[$"{Section}:Name"] is { Length: > 0 } n ? n : "Beheerder";
        try
        {
            var admin = await accounts.CreateAccountAsync(email, name, password, [new RoleGrant(null, Role.Admin)], cancellationToken);
            logger.LogInformation("Created the first admin {Person}.", admin.Person);
        }
        catch (AccountException ex) when (ex.Code == "account.email-taken")
        {
            // Another node created it at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
