using System.Data;
using Ecommerce.Infrastructure.Persistence.Connections;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence;

/// <summary>
/// Reads at most one row by a single key with plain Npgsql. For the reads by id and slug, the
/// busiest requests of the API, where EF Core's query pipeline cost more than the statement itself.
/// </summary>
internal static class SingleRowQuery
{
    public static async Task<TRow?> ReadAsync<TKey, TRow>(
        NpgsqlDataSource dataSource, string sql, TKey key, Func<NpgsqlDataReader, TRow> map, CancellationToken cancellationToken)
        where TRow : class
    {
        // The retry loop is written out here rather than wrapped around a delegate: on the busiest
        // path it then costs nothing until a read fails.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = dataSource.CreateCommand(sql);
                command.Parameters.Add(new NpgsqlParameter<TKey> { TypedValue = key });
                await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? map(reader) : null;
            }
            catch (Exception exception) when (DatabaseFailures.IsTransient(exception))
            {
                if (!await ReadRetry.ShouldRetryAsync(exception, attempt, cancellationToken))
                {
                    throw;
                }
            }
        }
    }
}
