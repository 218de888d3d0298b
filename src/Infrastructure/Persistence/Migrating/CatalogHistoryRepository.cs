#pragma warning disable EF1001 // The provider's history repository is internal API; this extends it through its public members only.
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace Ecommerce.Infrastructure.Persistence.Migrating;

/// <summary>
/// Serializes migrators with a session-level advisory lock held for the whole run, so that a second
/// bundle started at the same time waits, then finds nothing left to apply. The provider's own lock
/// (<c>LOCK TABLE "__EFMigrationsHistory"</c>) ends with each migration's transaction, which lets a
/// second migrator in between two migrations, and blocks every reader of the history table (the
/// readiness check) while it is held. Once the lock is held, DDL gets a short <c>lock_timeout</c>, so
/// that a migration stuck behind a long transaction fails fast instead of queueing every write of the
/// catalog behind its own lock request.
/// </summary>
public sealed class CatalogHistoryRepository(HistoryRepositoryDependencies dependencies)
    : NpgsqlHistoryRepository(dependencies)
{
    /// <summary>An arbitrary key that only the catalog's migrators use.</summary>
    public const long AdvisoryLockKey = 0x0CA7A1_06_4D16;

    // Polled rather than waited for with pg_advisory_lock: a session blocked inside a statement holds a
    // snapshot, and CREATE INDEX CONCURRENTLY in the first migrator would wait for that snapshot while
    // the second waits for the first's lock: a deadlock.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public override LockReleaseBehavior LockReleaseBehavior => LockReleaseBehavior.Connection;

    public override IMigrationsDatabaseLock AcquireDatabaseLock()
    {
        Dependencies.MigrationsLogger.AcquiringMigrationLock();
        while (!(bool)Execute($"SELECT pg_try_advisory_lock({AdvisoryLockKey})")!)
        {
            Thread.Sleep(PollInterval);
        }

        Execute(SetLockTimeoutSql);
        return new AdvisoryLock(this);
    }

    public override async Task<IMigrationsDatabaseLock> AcquireDatabaseLockAsync(CancellationToken cancellationToken = default)
    {
        Dependencies.MigrationsLogger.AcquiringMigrationLock();
        while (!(bool)(await ExecuteAsync($"SELECT pg_try_advisory_lock({AdvisoryLockKey})", cancellationToken))!)
        {
            await Task.Delay(PollInterval, cancellationToken);
        }

        await ExecuteAsync(SetLockTimeoutSql, cancellationToken);
        return new AdvisoryLock(this);
    }

    private static string SetLockTimeoutSql =>
        $"SET lock_timeout = '{(int)MigrationSettings.LockTimeout.TotalMilliseconds}ms'";

    private object? Execute(string sql) =>
        Dependencies.RawSqlCommandBuilder.Build(sql).ExecuteScalar(Parameters());

    private Task<object?> ExecuteAsync(string sql, CancellationToken cancellationToken) =>
        Dependencies.RawSqlCommandBuilder.Build(sql).ExecuteScalarAsync(Parameters(), cancellationToken);

    private RelationalCommandParameterObject Parameters() => new(
        Dependencies.Connection, null, null, Dependencies.CurrentContext.Context, Dependencies.CommandLogger, CommandSource.Migrations);

    private sealed class AdvisoryLock(CatalogHistoryRepository repository) : IMigrationsDatabaseLock
    {
        private static readonly string ReleaseSql = $"SELECT pg_advisory_unlock({AdvisoryLockKey}); RESET lock_timeout";

        public IHistoryRepository HistoryRepository => repository;

        // A connection that broke has lost its session, and the lock with it.
        public void Dispose()
        {
            if (repository.Dependencies.Connection.DbConnection.State == System.Data.ConnectionState.Open)
            {
                repository.Execute(ReleaseSql);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (repository.Dependencies.Connection.DbConnection.State == System.Data.ConnectionState.Open)
            {
                await repository.ExecuteAsync(ReleaseSql, CancellationToken.None);
            }
        }
    }
}
