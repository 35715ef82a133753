using Governance.Api.Tests.Alliances;

namespace Governance.Api.Tests;

/// <summary>
/// One server on the simulated clock, with its system administrator, for all the tests of a class (issue 16 §4): for a class
/// whose tests each found an alliance of their own and take every time relative to the clock's now, so that a clock moved
/// on by an earlier test changes nothing for the next. The promise and dispute classes found a <c>PromiseWorld</c> on it per test.
/// </summary>
public sealed class SimulatedClockServer : IAsyncLifetime
{
    public GovernanceServer Server { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await GovernanceServer.StartAsync(null, "--clock", "simulated");
        (Admin, _) = await Server.SystemAdminAsync();
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Ids for tests that share a server.</summary>
public static class TestIds
{
    private static int _alliances;

    /// <summary>An alliance id no other test of the run uses: <paramref name="prefix"/> and a number.</summary>
    public static string NewAlliance(string prefix) => $"{prefix}-{Interlocked.Increment(ref _alliances)}";
}
