using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Health;

/// <summary>The migrations this build knows, and a read of the ones the database has applied that never waits long.</summary>
internal sealed class MigrationHistory
{
    /// <summary>A migrator locks the history table while it migrates; the read gives up on the lock after this long.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMilliseconds(400);

    private readonly string _selectApplied;

    private MigrationHistory(IReadOnlySet<string> known, string selectApplied)
    {
        Known = known;
        _selectApplied = selectApplied;
    }

    public IReadOnlySet<string> Known { get; }

    public static MigrationHistory Of(IDbContextFactory<CatalogDbContext> contexts)
    {
        using var context = contexts.CreateDbContext();
        var relational = RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>());
        var table = context.GetService<ISqlGenerationHelper>().DelimitIdentifier(
            relational.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName, relational.MigrationsHistoryTableSchema);
        return new MigrationHistory(context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal), $"SELECT * FROM {table}");
    }

    /// <summary>
    /// The ids of the applied migrations, none when the history table does not exist yet. Throws a
    /// <see cref="PostgresException"/> with <c>lock_not_available</c> when a migrator holds the table.
    /// </summary>
    public async Task<IReadOnlySet<string>> ReadAppliedAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var lockTimeout = ((int)LockTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { new NpgsqlBatchCommand($"SET LOCAL lock_timeout = {lockTimeout}"), new NpgsqlBatchCommand(_selectApplied) },
        };

        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            do
            {
                if (reader.FieldCount == 0)
                {
                    continue;
                }

                var migrationId = MigrationIdOrdinal(reader);
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(migrationId));
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            // Nothing migrated this database yet.
        }

        return applied;
    }

    /// <summary>
    /// The history table's key column is <c>MigrationId</c>, or <c>migration_id</c> under the
    /// snake-case naming convention; found by name so that the convention may change.
    /// </summary>
    private static int MigrationIdOrdinal(NpgsqlDataReader reader)
    {
        for (var ordinal = 0; ordinal < reader.FieldCount; ordinal++)
        {
            if (string.Equals(reader.GetName(ordinal).Replace("_", string.Empty, StringComparison.Ordinal), "MigrationId", StringComparison.OrdinalIgnoreCase))
            {
                return ordinal;
            }
        }

        throw new InvalidOperationException("The migration history table has no migration id column.");
    }
}
