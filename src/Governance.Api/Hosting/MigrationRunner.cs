using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace Governance.Api.Hosting;

/// <summary>The host's own tables (schema <c>app</c>: people, accounts, documents): numbered SQL migrations (<c>0001_name.sql</c>), each once, in order, in its own transaction.</summary>
public static partial class MigrationRunner
{
    // Any constant works; it only has to be the same on every node so that two nodes never migrate at once.
    private const long MigrationLockKey = 0x6c65646765720001;

    [GeneratedRegex(@"\.(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();

    /// <summary>A migration script: its number, name and SQL.</summary>
    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>Reads every embedded <c>NNNN_name.sql</c> resource of <paramref name="assembly"/>, ordered by number.</summary>
    public static IReadOnlyList<Migration> FromAssembly(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Select(n => (Name: n, Match: MigrationName().Match(n)))
            .Where(x => x.Match.Success)
            .Select(x =>
            {
                using var stream = assembly.GetManifestResourceStream(x.Name)!;
                using var reader = new StreamReader(stream);
                return new Migration(int.Parse(x.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                    x.Match.Groups[2].Value, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();

    /// <summary>The migrations of <paramref name="module"/> not yet recorded as applied (all of them on a database without the table).</summary>
    public static async Task<IReadOnlyList<Migration>> PendingAsync(
        NpgsqlDataSource dataSource, string module, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "select version from app.schema_migrations where module = $1");
        cmd.Parameters.Add(new() { Value = module });
        var applied = new HashSet<int>();
        try
        {
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt32(0));
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return migrations;
        }
        return [.. migrations.Where(m => !applied.Contains(m.Version))];
    }

    /// <summary>
    /// Applies the migrations of <paramref name="module"/> that are not applied yet.
    /// Each module (the ledger, the projections, the host) keeps its own numbering.
    /// </summary>
    /// <returns>The migrations applied now.</returns>
    public static async Task<IReadOnlyList<Migration>> MigrateAsync(
        NpgsqlDataSource dataSource, string module, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCmd = new NpgsqlCommand("select pg_advisory_lock($1)", conn))
        {
            lockCmd.Parameters.Add(new() { Value = MigrationLockKey });
            await lockCmd.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            await using (var init = new NpgsqlCommand("""
                create schema if not exists app;
                create table if not exists app.schema_migrations (
                    module text not null, version integer not null, name text not null,
                    applied_at timestamptz not null default now(), primary key (module, version))
                """, conn))
            {
                await init.ExecuteNonQueryAsync(cancellationToken);
            }

            var applied = new HashSet<int>();
            await using (var cmd = new NpgsqlCommand("select version from app.schema_migrations where module = $1", conn))
            {
                cmd.Parameters.Add(new() { Value = module });
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt32(0));
            }

            var done = new List<Migration>();
            foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
            {
                await using var tx = await conn.BeginTransactionAsync(cancellationToken);
                await using (var run = new NpgsqlCommand(migration.Sql, conn, tx))
                    await run.ExecuteNonQueryAsync(cancellationToken);
                await using (var record = new NpgsqlCommand(
                    "insert into app.schema_migrations (module, version, name) values ($1, $2, $3)", conn, tx))
                {
                    record.Parameters.Add(new() { Value = module });
                    record.Parameters.Add(new() { Value = migration.Version });
                    record.Parameters.Add(new() { Value = migration.Name });
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await tx.CommitAsync(cancellationToken);
                done.Add(migration);
            }
            return done;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock($1)", conn);
            unlock.Parameters.Add(new() { Value = MigrationLockKey });
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
