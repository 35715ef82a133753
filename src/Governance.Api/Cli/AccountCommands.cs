using System.CommandLine;
using Governance.Api.Auth;
using Governance.Api.Hosting;
using Governance.Domain;
using Npgsql;

namespace Governance.Api.Cli;

/// <summary>
/// `accounts add | add-admin | grant | revoke | erase | set-password`: people, their sign-in and their roles, for operators.
/// Each verb migrates first, so it also works on a database that has never been served.
/// </summary>
public static class AccountCommands
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var accounts = new Command("accounts", "Accounts and roles.");

        var email = new Option<string>("--email") { Description = "The e-mail address the person signs in with.", Required = true };
        var name = new Option<string>("--name") { Description = "The name shown on the pages.", Required = true };
        var password = new Option<string?>("--password") { Description = $"At least {Passwords.MinimumLength} characters; without it one is generated and printed once." };
        var alliance = new Option<string?>("--alliance") { Description = "The alliance (e.g. osdorp-de-punt). Leave out only for a system-wide admin." };
        var role = new Option<string?>("--role") { Description = "admin, chair, secretary, representative, core-group or escalation-contact." };
        var partner = new Option<string?>("--partner") { Description = "The partner represented (representative only), e.g. ymere." };
        role.AcceptOnlyFromAmong([.. Enum.GetValues<Role>().Select(r => r.ToKebab())]);

        var add = new Command("add", "Create a person with an account; with --role, grant it (to an existing account too).")
            { email, name, password, alliance, role, partner };
        add.SetAction((parse, ct) => Run(error, async (db, clock) =>
        {
            var service = new AccountService(db, clock);
            var grant = GrantFrom(parse.GetValue(alliance), parse.GetValue(role), parse.GetValue(partner), roleRequired: false);
            var existing = await service.FindByEmailAsync(parse.GetValue(email)!, ct);
            if (existing is { } person)
            {
                if (grant is null) throw new CliException($"An account for {AccountService.NormalizeEmail(parse.GetValue(email)!)} already exists; give --alliance and --role to add a role.");
                await Grant(output, service, person, grant, ct);
                return 0;
            }
            var created = await service.CreateAccountAsync(parse.GetValue(email)!, parse.GetValue(name)!, parse.GetValue(password),
                grant is null ? [] : [grant], ct);
            await Created(output, created, grant);
            return 0;
        }));

        var addAdmin = new Command("add-admin", "Create a system-wide admin (who may found alliances); an existing account gets the role.")
            { email, name, password };
        addAdmin.SetAction((parse, ct) => Run(error, async (db, clock) =>
        {
            var service = new AccountService(db, clock);
            var grant = new RoleGrant(null, Role.Admin);
            if (await service.FindByEmailAsync(parse.GetValue(email)!, ct) is { } person)
            {
                await Grant(output, service, person, grant, ct);
                return 0;
            }
            var created = await service.CreateAccountAsync(parse.GetValue(email)!, parse.GetValue(name)!, parse.GetValue(password), [grant], ct);
            await Created(output, created, grant);
            return 0;
        }));

        var grantCommand = new Command("grant", "Give an account a role.") { email, alliance, role, partner };
        grantCommand.SetAction((parse, ct) => Run(error, async (db, clock) =>
        {
            var service = new AccountService(db, clock);
            var grant = GrantFrom(parse.GetValue(alliance), parse.GetValue(role), parse.GetValue(partner), roleRequired: true)!;
            await Grant(output, service, await Find(service, parse.GetValue(email)!, ct), grant, ct);
            return 0;
        }));

        var revoke = new Command("revoke", "Take a role away; it stops working on the person's next request.") { email, alliance, role, partner };
        revoke.SetAction((parse, ct) => Run(error, async (db, clock) =>
        {
            var service = new AccountService(db, clock);
            var grant = GrantFrom(parse.GetValue(alliance), parse.GetValue(role), parse.GetValue(partner), roleRequired: true)!;
            var person = await Find(service, parse.GetValue(email)!, ct);
            if (!await service.RevokeAsync(person, grant, ct))
                throw new CliException($"{AccountService.NormalizeEmail(parse.GetValue(email)!)} does not have the role {Describe(grant)}.");
            await output.WriteLineAsync($"revoked {Describe(grant)} from {person}");
            return 0;
        }));

        var eraseEmail = new Option<string?>("--email") { Description = "The account's e-mail address." };
        var erasePerson = new Option<string?>("--person") { Description = "The person id (p- and 12 hex digits), e.g. for a person without an account." };
        var erase = new Command("erase", "Erase a person's name, e-mail and phone, disable the account and revoke tokens and roles. Events keep only the id.")
            { eraseEmail, erasePerson };
        erase.SetAction((parse, ct) => Run(error, async (db, clock) =>
        {
            var byEmail = parse.GetValue(eraseEmail);
            var byId = parse.GetValue(erasePerson);
            if ((byEmail is null) == (byId is null)) throw new CliException("Give either --email or --person.");
            PersonId person;
            if (byId is not null)
            {
                if (!PersonId.TryParse(byId, out person)) throw new CliException($"'{byId}' is not a person id (p- and 12 lower-case hex digits).");
            }
            else
            {
                person = await Find(new AccountService(db, clock), byEmail!, ct);
            }
            if (!await new PeopleStore(db, clock).EraseAsync(person, ct))
                throw new CliException($"There is no person {person}, or it was erased before.");
            await output.WriteLineAsync($"erased {person}");
            return 0;
        }));

        var newPassword = new Option<string?>("--password") { Description = $"The new password, at least {Passwords.MinimumLength} characters; without it one is generated and printed once." };
        var setPassword = new Command("set-password", "Give an account a new password; every session of the person ends at once.") { email, newPassword };
        setPassword.SetAction((parse, ct) => Run(error, async (db, clock) =>
        {
            var service = new AccountService(db, clock);
            var person = await Find(service, parse.GetValue(email)!, ct);
            var (changed, generated) = await service.ChangePasswordAsync(person, parse.GetValue(newPassword), ct);
            if (!changed) throw new CliException($"There is no account for {parse.GetValue(email)!.Trim()}.");
            await output.WriteLineAsync($"password changed for {person}; every session ended");
            if (generated is not null) await output.WriteLineAsync($"password {generated}");
            return 0;
        }));

        accounts.Subcommands.Add(add);
        accounts.Subcommands.Add(addAdmin);
        accounts.Subcommands.Add(grantCommand);
        accounts.Subcommands.Add(revoke);
        accounts.Subcommands.Add(erase);
        accounts.Subcommands.Add(setPassword);
        return accounts;
    }

    private static Task<int> Run(TextWriter error, Func<NpgsqlDataSource, TimeProvider, Task<int>> verb) => GovernanceCli.Guarded(error, async () =>
    {
        await using var db = await CliDatabase.OpenAsync(CancellationToken.None);
        try
        {
            return await verb(db.DataSource, TimeProvider.System);
        }
        catch (AccountException ex)
        {
            throw new CliException(ex.Message);
        }
    });

    private static RoleGrant? GrantFrom(string? alliance, string? role, string? partner, bool roleRequired)
    {
        if (role is null)
        {
            if (roleRequired) throw new CliException("Give --role.");
            if (alliance is not null || partner is not null) throw new CliException("--alliance and --partner need --role.");
            return null;
        }
        if (!RoleNames.TryParse(role, out var parsed)) throw new CliException($"'{role}' is not a role.");
        AllianceId? allianceId = null;
        if (alliance is not null)
        {
            if (!AllianceId.TryParse(alliance, out var a)) throw new CliException($"'{alliance}' is not an alliance id (lower-case letters, digits and hyphens).");
            allianceId = a;
        }
        PartnerId? partnerId = null;
        if (partner is not null)
        {
            if (!PartnerId.TryParse(partner, out var p)) throw new CliException($"'{partner}' is not a partner id (lower-case letters, digits and hyphens).");
            partnerId = p;
        }
        var grant = new RoleGrant(allianceId, parsed, partnerId);
        try
        {
            AccountService.Validate(grant);
        }
        catch (AccountException ex)
        {
            throw new CliException(ex.Message);
        }
        return grant;
    }

    private static async Task<PersonId> Find(AccountService service, string email, CancellationToken ct) =>
        await service.FindByEmailAsync(email, ct) ?? throw new CliException($"There is no account for {email.Trim()}.");

    private static async Task Grant(TextWriter output, AccountService service, PersonId person, RoleGrant grant, CancellationToken ct) =>
        await output.WriteLineAsync(await service.GrantAsync(person, grant, ct)
            ? $"granted {Describe(grant)} to {person}"
            : $"{person} already has {Describe(grant)}");

    private static async Task Created(TextWriter output, NewAccount created, RoleGrant? grant)
    {
        await output.WriteLineAsync($"created {created.Person} {created.Email}");
        if (created.GeneratedPassword is not null) await output.WriteLineAsync($"password {created.GeneratedPassword}");
        if (grant is not null) await output.WriteLineAsync($"granted {Describe(grant)} to {created.Person}");
    }

    internal static string Describe(RoleGrant grant) => grant switch
    {
        { Alliance: null } => $"{grant.Role.ToKebab()} (system-wide)",
        { Partner: { } p } => $"{grant.Role.ToKebab()} of {p} in {grant.Alliance}",
        _ => $"{grant.Role.ToKebab()} in {grant.Alliance}",
    };
}
