using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Governance.Api.Hosting;

/// <summary>
/// A throw-away PostgreSQL cluster: initdb into a temp dir, a free loopback port, removed when disposed or when
/// the process exits (or, when the process was killed, by the next one that starts a cluster). Tests use it with fsync off (speed); the benchmark with the server's defaults (fsync on).
/// This file is also compiled into tests/Governance.TestSupport, so tests and the bench verb share one implementation.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _binDir;
    private int _databaseCounter;

    private ThrowawayPostgres(string root, string binDir, int port)
    {
        _root = root;
        _binDir = binDir;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=60;Include Error Detail=true";

    /// <summary>
    /// A new database for one test class or test: empty, or a copy of <paramref name="template"/> (a migrated one copies in a
    /// fraction of the time migrating takes).
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t", string? template = null)
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}";
        await using var conn = new NpgsqlConnection(ConnectionString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"create database \"{name}\"" + (template is null ? "" : $" template \"{template}\""), conn);
        await cmd.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <param name="durable">The server's defaults (fsync on) instead of the tests' speed settings.</param>
    /// <param name="settings">More lines for postgresql.conf, e.g. <c>shared_preload_libraries = 'pg_stat_statements'</c> (`bench read --pg-stats`).</param>
    public static async Task<ThrowawayPostgres> StartAsync(bool durable = false, string? settings = null)
    {
        var binDir = FindBinDir();
        RemoveAbandoned(binDir);
        var root = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var data = Path.Combine(root, "data");
        var runAsPostgres = Environment.UserName == "root";
        if (runAsPostgres) Run("chown", $"-R postgres: {root}");

        Run(runAsPostgres, Path.Combine(binDir, "initdb"),
            $"-D {data} -U postgres -A trust -E UTF8 --locale=C.UTF-8" + (durable ? "" : " --no-sync"));
        var speed = durable ? "" : """
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            """;
        await File.AppendAllTextAsync(Path.Combine(data, "postgresql.conf"), $"""

            {speed}
            max_connections = 300
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            {settings}
            """);
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            try
            {
                Run(runAsPostgres, Path.Combine(binDir, "pg_ctl"),
                    $"-D {data} -l {Path.Combine(root, "server.log")} -o \"-p {port}\" -w -t 30 start");
                var cluster = new ThrowawayPostgres(root, binDir, port);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
                return cluster;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took the port between our probe and the server's bind: try another.
            }
        }
    }

    private const string DirectoryPrefix = "governance-pg-";
    private const string OwnerFile = "owner.pid";

    /// <summary>
    /// Stops and removes the clusters of processes that are gone. The ProcessExit handler does not run when a test host
    /// is killed (a cancelled run, a crash, vstest ending it), and every such run used to leave a cluster — and its
    /// server — behind in the temp folder, until the disk was full.
    /// </summary>
    public static int RemoveAbandoned(string? binDir = null)
    {
        var removed = 0;
        foreach (var root in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            try
            {
                var owner = Path.Combine(root, OwnerFile);
                // A cluster being created has no owner file yet for a moment; leave young ones alone.
                if (!File.Exists(owner) && Directory.GetCreationTimeUtc(root) > DateTime.UtcNow.AddMinutes(-10)) continue;
                if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && IsAlive(pid)) continue;
                new ThrowawayPostgres(root, binDir ?? FindBinDir(), 0).Stop();
                removed++;
            }
            catch (IOException)
            {
                // Another process is removing it at the same moment.
            }
        }
        return removed;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string FindBinDir()
    {
        var fromEnv = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL binaries not found: install the postgresql package (ops/test and ops/run do) or set PG_BIN.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(bool asPostgres, string file, string args)
    {
        if (asPostgres) Run("runuser", $"-u postgres -- {file} {args}");
        else Run(file, args);
    }

    private static void Run(string file, string args)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {args} timed out.");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {args} exited with {p.ExitCode}: {stdout.Result}{stderr.Result}");
    }

    private void Stop()
    {
        try
        {
            var data = Path.Combine(_root, "data");
            Run(Environment.UserName == "root", Path.Combine(_binDir, "pg_ctl"), $"-D {data} -m immediate -w stop");
        }
        catch (InvalidOperationException)
        {
            // The process is exiting; a cluster that will not stop is left for the temp cleaner.
        }
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Stops the server but keeps its data (an outage, for tests); <see cref="Resume"/> starts it again on the same port.</summary>
    public void Pause() =>
        Run(Environment.UserName == "root", Path.Combine(_binDir, "pg_ctl"), $"-D {Path.Combine(_root, "data")} -m fast -w stop");

    /// <summary>Starts a paused server again on its port.</summary>
    public void Resume() =>
        Run(Environment.UserName == "root", Path.Combine(_binDir, "pg_ctl"),
            $"-D {Path.Combine(_root, "data")} -l {Path.Combine(_root, "server.log")} -o \"-p {Port}\" -w -t 30 start");

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
