using System.Data;
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
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<TKey> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? map(reader) : null;
    }
}
