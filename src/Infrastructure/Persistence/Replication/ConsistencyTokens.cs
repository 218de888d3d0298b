using Ecommerce.Infrastructure.Persistence.Connections;
using Npgsql;
using NpgsqlTypes;

namespace Ecommerce.Infrastructure.Persistence.Replication;

/// <summary>
/// Read-your-writes across standbys. A write's response carries a token: the primary's WAL position
/// read after the write committed. A later read that presents it is served only by a host that has
/// replayed that far (<see cref="ReadRouting.ChooseAsync"/>), so it sees the write, and every other
/// write committed before it.
/// </summary>
public sealed class ConsistencyTokens(CatalogDataSources dataSources)
{
    /// <summary>
    /// <c>pg_current_wal_insert_lsn()</c> rather than <c>pg_current_wal_lsn()</c>: with
    /// <c>synchronous_commit=off</c> the write position may still be short of the commit record, while
    /// the insert position is past it once the commit returned. It may be a little further than needed;
    /// a standby then reaches it with the next WAL the primary flushes, or the read falls back to the primary.
    /// </summary>
    private const string CurrentPosition = "SELECT pg_current_wal_insert_lsn()";

    /// <summary>The token for every write committed so far; call it after the write's commit.</summary>
    public async Task<string> IssueAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSources.Primary.CreateCommand(CurrentPosition);
        var position = (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(cancellationToken))!;
        return position.ToString();
    }

    /// <summary>
    /// Reads the tokens a request presents (several, comma-separated or repeated, mean the newest of
    /// them). False when one of them is not a token: such a read is served by the primary.
    /// </summary>
    public static bool TryRead(IEnumerable<string?> values, out NpgsqlLogSequenceNumber newest)
    {
        newest = default;
        foreach (var value in values)
        {
            foreach (var token in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!NpgsqlLogSequenceNumber.TryParse(token, out var position))
                {
                    return false;
                }

                newest = position > newest ? position : newest;
            }
        }

        return true;
    }

    internal static bool IsUnavailable(Exception exception) =>
        exception is NpgsqlException or TimeoutException or OperationCanceledException;
}
