using Governance.Api.Auth;
using Governance.Api.Tests.Commitments;
using Governance.Domain;

namespace Governance.Api.Tests.Mail;

/// <summary>
/// What the mail test classes share: a real SMTP listener, and Osdorp de Punt (<see cref="PromiseWorld"/>) on the simulated
/// clock with its mail going to that listener. xUnit makes one instance per test, so each test starts with an empty inbox.
/// </summary>
public abstract class MailWorldTests : IAsyncLifetime
{
    protected SmtpListener Smtp { get; private set; } = null!;

    protected PromiseWorld World { get; private set; } = null!;

    /// <summary>The world's alliance, Osdorp de Punt, and its API path.</summary>
    protected AllianceId Osdorp => World.Osdorp;

    protected string Base => World.Base;

    /// <summary>More settings for the app, applied after the mail server's.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public async Task InitializeAsync()
    {
        Smtp = await SmtpListener.StartAsync();
        World = await PromiseWorld.StartAsync(builder =>
        {
            MailServer.SendsTo(Smtp.Port)(builder);
            Configure(builder);
        });
    }

    public async Task DisposeAsync()
    {
        await World.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>The e-mail address of <paramref name="person"/>, from the erasable people table.</summary>
    protected async Task<string> AddressOfAsync(PersonId person) =>
        (await World.Server.Services.GetRequiredService<PeopleStore>().GetAsync(person))!.Email!;
}
