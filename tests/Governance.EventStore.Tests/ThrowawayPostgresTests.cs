using System.Diagnostics;
using System.Globalization;
using Governance.Api.Hosting;

namespace Governance.EventStore.Tests;

/// <summary>A killed test process leaves its throw-away cluster behind; the next one to start a cluster removes it.</summary>
public sealed class ThrowawayPostgresTests
{
    [Fact]
    public void Clusters_of_a_process_that_is_gone_are_removed_and_a_living_owners_are_kept()
    {
        using var finished = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        finished.WaitForExit();
        var abandoned = Directory.CreateTempSubdirectory("governance-pg-").FullName;
        File.WriteAllText(Path.Combine(abandoned, "owner.pid"), finished.Id.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(abandoned, "data"));
        var living = Directory.CreateTempSubdirectory("governance-pg-").FullName;
        File.WriteAllText(Path.Combine(living, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            Assert.True(ThrowawayPostgres.RemoveAbandoned() >= 1);
            Assert.False(Directory.Exists(abandoned));
            Assert.True(Directory.Exists(living));
        }
        finally
        {
            Directory.Delete(living, recursive: true);
        }
    }
}
