using System.Text.RegularExpressions;
using Npgsql;

namespace Governance.Api.Cli;

/// <summary>
/// `bench … --pg-stats`: PostgreSQL's own account of where its time went (pg_stat_statements) over the measured part of a run.
/// The throw-away cluster preloads the extension and tracks statements inside functions and triggers too (the ledger's chain
/// trigger), so that an append's cost shows per statement.
/// </summary>
internal static partial class StatementStatistics
{
    public const string ClusterSettings = "shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track = all";

    /// <summary>One normalised statement from pg_stat_statements over the measured part (or all of them, <c>statement = "all"</c>).</summary>
    public sealed record StatementResult(string Statement, long Calls, double TotalMs, double MeanMs, long Rows, double Share, long BlocksHit, long BlocksRead);

    /// <summary>Creates pg_stat_statements (when it can) and empties it, so that what it counts afterwards is the measured part.</summary>
    public static async Task<bool> ResetAsync(NpgsqlDataSource dataSource, TextWriter error, CancellationToken ct)
    {
        try
        {
            await using (var create = dataSource.CreateCommand("create extension if not exists pg_stat_statements"))
                await create.ExecuteNonQueryAsync(ct);
            await using var reset = dataSource.CreateCommand("select pg_stat_statements_reset()");
            await reset.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch (PostgresException ex)
        {
            await error.WriteLineAsync($"--pg-stats: this server keeps no statement statistics ({ex.MessageText}); " +
                "it needs shared_preload_libraries = 'pg_stat_statements' (the throw-away cluster, GOVERNANCE_DB unset, has it)");
            return false;
        }
    }

    /// <summary>All statements of this database together, then the <paramref name="top"/> by total execution time.</summary>
    public static async Task<List<StatementResult>> TopAsync(NpgsqlDataSource dataSource, int top, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            select query, calls, total_exec_time, mean_exec_time, rows, shared_blks_hit, shared_blks_read,
                   sum(total_exec_time) over (), sum(calls) over (), sum(rows) over (), sum(shared_blks_hit) over (), sum(shared_blks_read) over ()
              from pg_stat_statements
             where dbid = (select oid from pg_database where datname = current_database()) and query not like '%pg_stat_statements%'
             order by total_exec_time desc
             limit $1
            """);
        cmd.Parameters.Add(new() { Value = top });
        var results = new List<StatementResult>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var all = reader.GetDouble(7);
            if (results.Count == 0)
            {
                var calls = (long)reader.GetDecimal(8);
                results.Add(new StatementResult("all", calls, Math.Round(all, 1), calls == 0 ? 0 : Math.Round(all / calls, 3),
                    (long)reader.GetDecimal(9), 1, (long)reader.GetDecimal(10), (long)reader.GetDecimal(11)));
            }
            var text = Whitespace().Replace(reader.GetString(0), " ").Trim();
            results.Add(new StatementResult(text.Length > 600 ? text[..600] + " …" : text, reader.GetInt64(1), Math.Round(reader.GetDouble(2), 1),
                Math.Round(reader.GetDouble(3), 3), reader.GetInt64(4), Math.Round(all == 0 ? 0 : reader.GetDouble(2) / all, 3),
                reader.GetInt64(5), reader.GetInt64(6)));
        }
        return results;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
