using Governance.Api.Auth;
using Governance.Api.Tests.Commitments;
using Governance.Domain;

namespace Governance.Api.Tests.Mail;

/// <summary>
/// What the mail test classes share: a real SMTP listener, and Osdorp de Punt (<see cref="PromiseWorld"/>) on the simulated
/// clock with its mail going to that listener. xUnit makes one instance per test, so each test starts with an empty inbox.
/// Given a <see cref="MailServerFixture"/>, each test founds its world on the class's one server and reads only the mail to the
/// world's people (issue 16 §4); without one, each test starts a server of its own (<see cref="Configure"/> applies to that).
/// </summary>
public abstract class MailWorldTests(MailServerFixture? shared = null) : IAsyncLifetime
{
    private SmtpListener? _ownListener;

    /// <summary>The mail to the world's people.</summary>
    protected Inbox Smtp { get; private set; } = null!;

    /// <summary>The SMTP listener's port, for another node that sends there too.</summary>
    protected int SmtpPort { get; private set; }

    protected PromiseWorld World { get; private set; } = null!;

    /// <summary>The world's alliance, Osdorp de Punt, and its API path.</summary>
    protected AllianceId Osdorp => World.Osdorp;

    protected string Base => World.Base;

    /// <summary>More settings for a server of the test's own, applied after the mail server's.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public async Task InitializeAsync()
    {
        if (shared is null)
        {
            _ownListener = await SmtpListener.StartAsync();
            World = await PromiseWorld.StartAsync(builder =>
            {
                MailServer.SendsTo(_ownListener.Port)(builder);
                Configure(builder);
            });
            Smtp = _ownListener.All;
            SmtpPort = _ownListener.Port;
        }
        else
        {
            World = await PromiseWorld.FoundAsync(shared.Server);
            Smtp = shared.Smtp.InboxFor(await Task.WhenAll(World.People.Select(AddressOfAsync)));
            SmtpPort = shared.Smtp.Port;
        }
    }

    public async Task DisposeAsync()
    {
        await World.DisposeAsync();
        if (_ownListener is not null) await _ownListener.DisposeAsync();
    }

    /// <summary>The e-mail address of <paramref name="person"/>, from the erasable people table.</summary>
    protected async Task<string> AddressOfAsync(PersonId person) =>
        (await World.Server.Services.GetRequiredService<PeopleStore>().GetAsync(person))!.Email!;
}

/// <summary>
/// One SMTP listener and one server on the simulated clock that mails to it, for all the tests of a mail class (issue 16 §4):
/// each test founds a world of its own on it (<see cref="MailWorldTests"/>).
/// </summary>
public sealed class MailServerFixture : IAsyncLifetime
{
    public SmtpListener Smtp { get; private set; } = null!;

    public GovernanceServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await SmtpListener.StartAsync();
        Server = await GovernanceServer.StartAsync(MailServer.SendsTo(Smtp.Port), "--clock", "simulated");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
