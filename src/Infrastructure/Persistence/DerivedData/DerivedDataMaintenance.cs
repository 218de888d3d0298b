using Ecommerce.Infrastructure.Persistence.Migrating;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.DerivedData;

/// <summary>Checks every <see cref="DerivedDataSet"/> against its source rows, and rebuilds them.</summary>
public sealed class DerivedDataMaintenance(NpgsqlDataSource dataSource)
{
    /// <summary>Read-only: each set is compared in one statement, so against one snapshot of its source rows.</summary>
    public async Task<IReadOnlyList<DerivedDataDrift>> FindDriftAsync(CancellationToken cancellationToken)
    {
        var drift = new List<DerivedDataDrift>();
        foreach (var set in DerivedDataSet.All)
        {
            await using var command = dataSource.CreateCommand(set.DriftSql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                drift.Add(new DerivedDataDrift(set.Name, reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        return drift;
    }

    /// <summary>
    /// Rebuilds each set in a transaction of its own; writes to its source rows wait for that
    /// transaction. Like a migration, it gives up after the migrations' lock timeout rather than queue
    /// every write of the catalog behind a long transaction; run it again then.
    /// </summary>
    /// <returns>How many values each set corrected.</returns>
    public async Task<IReadOnlyDictionary<string, int>> RebuildAsync(CancellationToken cancellationToken)
    {
        var corrected = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in DerivedDataSet.All)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var timeout = new NpgsqlCommand(
                $"SET LOCAL lock_timeout = '{(int)MigrationSettings.LockTimeout.TotalMilliseconds}ms'", connection, transaction))
            {
                await timeout.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var command = new NpgsqlCommand(set.RebuildSql, connection, transaction);
            corrected[set.Name] = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            await transaction.CommitAsync(cancellationToken);
        }

        return corrected;
    }
}
