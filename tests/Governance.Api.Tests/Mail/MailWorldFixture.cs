using Governance.Api.Tests.Alliances;
using Governance.Api.Auth;
using Governance.Api.Tests.Commitments;
using Governance.Domain;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Mail;

/// <summary>
/// One SMTP listener and one Osdorp de Punt (<see cref="PromiseWorld"/>) on the simulated clock for a whole test class, so the
/// class starts one server (issue 16). BCOP and Stadsdeel have appointed representatives, so they can table, decline and attend.
/// The inbox is shared: tests pick their own mails by subject (<see cref="MailsAsync"/>) and use ids of their own.
/// </summary>
public sealed class MailWorldFixture : IAsyncLifetime
{
    public SmtpListener Smtp { get; private set; } = null!;

    public PromiseWorld World { get; private set; } = null!;

    public HttpClient Bcop { get; private set; } = null!;

    public PersonId BcopPerson { get; private set; }

    public async Task InitializeAsync()
    {
        Smtp = await SmtpListener.StartAsync();
        World = await PromiseWorld.StartAsync(MailServer.SendsTo(Smtp.Port));
        (Bcop, BcopPerson) = await World.Server.ClientWithRolesAsync("Bea Bewoner", new RoleGrant(World.Osdorp, Role.Representative, PartnerId.Parse("bcop")));
        foreach (var (person, partner) in new[] { (BcopPerson, "bcop"), (World.StadsdeelPerson, "stadsdeel-nieuw-west") })
            await Ok(Post(World.Admin, $"{World.Base}/representatives", $$"""{"person":"{{person}}","partner":"{{partner}}","hasMandate":true}"""));
    }

    public async Task DisposeAsync()
    {
        Bcop.Dispose();
        await World.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    public async Task<string> AddressOfAsync(PersonId person) =>
        (await World.Server.Services.GetRequiredService<PeopleStore>().GetAsync(person))!.Email!;

    /// <summary>The next <paramref name="count"/> mails that <paramref name="match"/>; other tests' mails are passed over.</summary>
    public async Task<List<ReceivedMail>> MailsAsync(Func<ReceivedMail, bool> match, int count, TimeSpan? timeout = null)
    {
        var found = new List<ReceivedMail>();
        var until = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (found.Count < count)
        {
            var left = until - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero) throw new Xunit.Sdk.XunitException($"Only {found.Count} of {count} expected mails arrived.");
            var mail = await Smtp.NextAsync(left);
            if (match(mail)) found.Add(mail);
        }
        return found;
    }

    /// <summary>The mails that <paramref name="match"/> arriving within <paramref name="window"/> (to show that none comes).</summary>
    public async Task<List<ReceivedMail>> MatchingWithinAsync(Func<ReceivedMail, bool> match, TimeSpan window) =>
        [.. (await Smtp.AllWithinAsync(window)).Where(match)];

    /// <summary>Sets the simulated clock to <paramref name="at"/> (forward only).</summary>
    public Task MoveClockToAsync(NodaTime.Instant at) => Ok(Post(World.Admin, "/api/v1/dev/clock", $$"""{"now":"{{at}}"}"""));
}
