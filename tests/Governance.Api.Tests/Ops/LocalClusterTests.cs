using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Governance.Api.Tests.Browser;
using Npgsql;

namespace Governance.Api.Tests.Ops;

/// <summary>
/// ops/run's private cluster (start_local_cluster in ops/postgres-lib.sh) for a clone in a folder nobody else may enter,
/// as a `mktemp -d` folder (mode 0700) or /root is. Run as root — as ops/test runs in CI — the cluster runs as the
/// postgres user, who cannot enter the clone, so it must live elsewhere; run as anyone else it lives in the clone.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LocalClusterTests
{
    private static readonly bool AsRoot = Environment.UserName == "root";

    [Fact]
    public async Task Ops_run_makes_and_starts_its_cluster_for_a_clone_in_a_closed_folder_and_a_taken_port_fails_in_one_line()
    {
        var closed = Directory.CreateTempSubdirectory("governance-closed-");
        File.SetUnixFileMode(closed.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var clone = Path.Combine(closed.FullName, "clone");
        Directory.CreateDirectory(Path.Combine(clone, "ops"));
        File.Copy(Path.Combine(RepositoryFiles.Root, "ops", "postgres-lib.sh"), Path.Combine(clone, "ops", "postgres-lib.sh"));
        var link = Path.Combine(clone, ".data", "pg");
        try
        {
            // Another program listens on the port: the cluster is made, does not start, and one line says why and what to do.
            using (var other = new TcpListener(IPAddress.Loopback, 0))
            {
                other.Start();
                var taken = ((IPEndPoint)other.LocalEndpoint).Port;
                var refused = await LibraryAsync(clone, "start_local_cluster \"$1\" \"$2\"", taken.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(1, refused.Exit);
                var line = Assert.Single(refused.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.StartsWith($"ops/run: port {taken} on 127.0.0.1 is taken by another program", line, StringComparison.Ordinal);
                Assert.Contains("GOVERNANCE_PG_PORT=", line, StringComparison.Ordinal);
            }

            var port = FreePort();
            var started = await LibraryAsync(clone, "start_local_cluster \"$1\" \"$2\" && echo \"port=$LOCAL_PG_PORT\"", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(started.Exit == 0, $"exit {started.Exit}: {started.Err}");
            Assert.Contains($"PostgreSQL started on 127.0.0.1:{port}", started.Out, StringComparison.Ordinal);

            await using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false"))
            {
                await connection.OpenAsync();
                await using var show = new NpgsqlCommand("show data_directory", connection);
                var data = (string)(await show.ExecuteScalarAsync())!;
                if (AsRoot)
                {
                    Assert.StartsWith("/var/lib/governance/", data, StringComparison.Ordinal);
                    Assert.Equal(data, new FileInfo(link).LinkTarget);
                    Assert.Equal(clone, File.ReadAllText(Path.Combine(Path.GetDirectoryName(data)!, "clone")).TrimEnd());
                }
                else
                {
                    Assert.Equal(link, data);
                }
            }

            // Running already: nothing to do, and the port it runs on is kept.
            var again = await LibraryAsync(clone, "start_local_cluster \"$1\" \"$2\" && echo \"port=$LOCAL_PG_PORT\"", "1");
            Assert.Equal(0, again.Exit);
            Assert.Equal($"port={port}", again.Out.Trim());
        }
        finally
        {
            await LibraryAsync(clone, "stop_local_cluster \"$1\"");
            if (AsRoot && new FileInfo(link).LinkTarget is { } data && data.StartsWith("/var/lib/governance/", StringComparison.Ordinal))
            {
                Directory.Delete(Path.GetDirectoryName(data)!, recursive: true);
            }
            closed.Delete(recursive: true);
        }
    }

    /// <summary>Runs <paramref name="script"/> in bash with the clone's ops/postgres-lib.sh sourced, as ops/run does; $1 is the clone.</summary>
    private static async Task<(int Exit, string Out, string Err)> LibraryAsync(string clone, string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = clone };
        foreach (var arg in (string[])["-c", ". \"$1/ops/postgres-lib.sh\" && " + script, "ops/run", clone, .. args]) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
