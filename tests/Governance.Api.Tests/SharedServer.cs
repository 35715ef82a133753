namespace Governance.Api.Tests;

/// <summary>
/// One plain server (an empty ledger on a copy of the migrated template) for all the tests of a class (issue 16 §4): for a
/// class whose tests each work with their own accounts and ids and never count what the others wrote. A class whose tests
/// move the clock share a <see cref="SimulatedClockServer"/>; one whose tests count events or need an empty ledger starts its own
/// server per test. Tests that found alliances take their ids from <see cref="TestIds"/>.
/// </summary>
public sealed class SharedServer : IAsyncLifetime
{
    private GovernanceServer? _server;

    public GovernanceServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await GovernanceServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
