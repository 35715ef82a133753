using System.Net.Sockets;
using Npgsql;

namespace Governance.Api.Http;

/// <summary>
/// Tells a database that cannot be reached (refused or dropped connections, a full pool, a server shutting down) from a
/// fault of ours: that is a 503 with Retry-After, for the API and the pages alike, and the node serves again as soon as
/// PostgreSQL is back, without a restart.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 53300 too many connections.
                case PostgresException pg when pg.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "08000" or "08003" or "08006":
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case NpgsqlException when e.Message.Contains("pool", StringComparison.OrdinalIgnoreCase):
                case SocketException:
                    return true;
            }
        }
        return false;
    }
}
