using System.Diagnostics;
using Ecommerce.Infrastructure.Persistence.Migrating;
using Ecommerce.TestSupport;
using Npgsql;

namespace Ecommerce.Infrastructure.IntegrationTests.Migrations;

/// <summary>
/// The migration bundle as deployments race it: two at once, one behind a long transaction, one
/// behind another migrator. Each test works on databases of its own.
/// </summary>
public sealed class MigrationLockTests
{
    private const string PreviousReleaseHead = "20261125200437_AddCategoryProductCounts";

    private static readonly IReadOnlyDictionary<string, string> OneSecondLockTimeout =
        new Dictionary<string, string> { [MigrationSettings.LockTimeoutVariable] = "1" };

    [Fact]
    public async Task Two_bundles_started_together_both_succeed_and_apply_each_migration_once()
    {
        for (var round = 1; round <= 3; round++)
        {
            var database = new PostgresDatabase();
            await database.InitializeAsync();
            try
            {
                var runs = await Task.WhenAll(
                    MigrationBundle.RunAsync(database.ConnectionString), MigrationBundle.RunAsync(database.ConnectionString));

                Assert.All(runs, run => Assert.True(run.ExitCode == 0, $"round {round}: {run.Output}"));
                Assert.Equal(MigrationBundleTests.AllMigrations(), await DatabaseSchema.AppliedMigrationsAsync(database.ConnectionString));
                Assert.Single(runs, run => run.Output.Contains("No migrations were applied", StringComparison.Ordinal));
            }
            finally
            {
                await database.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_bundle_waits_for_another_migrator_without_locking_the_history_table()
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            Assert.Equal(0, (await MigrationBundle.RunAsync(database.ConnectionString, PreviousReleaseHead)).ExitCode);
            await using var otherMigrator = new NpgsqlConnection(database.ConnectionString);
            await otherMigrator.OpenAsync();
            await ExecuteAsync(otherMigrator, $"SELECT pg_advisory_lock({CatalogHistoryRepository.AdvisoryLockKey})");

            var bundle = MigrationBundle.RunAsync(database.ConnectionString);
            await Task.Delay(TimeSpan.FromSeconds(2));

            Assert.False(bundle.IsCompleted, "The bundle went ahead while another migrator held the lock.");
            var readHistory = Stopwatch.StartNew();
            Assert.Contains(PreviousReleaseHead, await DatabaseSchema.AppliedMigrationsAsync(database.ConnectionString));
            Assert.True(readHistory.Elapsed < TimeSpan.FromSeconds(2), "Reading the history waited for the migrator.");

            await ExecuteAsync(otherMigrator, $"SELECT pg_advisory_unlock({CatalogHistoryRepository.AdvisoryLockKey})");
            var run = await bundle;

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(MigrationBundleTests.AllMigrations(), await DatabaseSchema.AppliedMigrationsAsync(database.ConnectionString));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_migration_behind_a_long_transaction_fails_fast_without_stalling_writes_and_succeeds_when_retried()
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            Assert.Equal(0, (await MigrationBundle.RunAsync(database.ConnectionString, PreviousReleaseHead)).ExitCode);
            await database.ExecuteAsync("""
                INSERT INTO categories (name, slug, is_active, created_at, updated_at)
                VALUES ('Phones', 'phones', TRUE, now(), now()), ('Tablets', 'tablets', TRUE, now(), now());
                """);

            // A product write that stays open: the recount's SHARE lock on products has to wait for it.
            await using var longWrite = new NpgsqlConnection(database.ConnectionString);
            await longWrite.OpenAsync();
            await using var transaction = await longWrite.BeginTransactionAsync();
            await using (var held = new NpgsqlCommand(ProductInsert("held", "phones"), longWrite, transaction))
            {
                await held.ExecuteNonQueryAsync();
            }

            var bundle = MigrationBundle.RunAsync(database.ConnectionString, OneSecondLockTimeout);
            await WaitUntilAsync(database, "SELECT count(*) FROM pg_locks WHERE relation = 'products'::regclass AND NOT granted", bundle);
            var otherWrite = Stopwatch.StartNew();
            await database.ExecuteAsync(ProductInsert("queued", "tablets"));
            otherWrite.Stop();
            var failed = await bundle;

            // The long write is still open: the bundle can only have ended by giving up on its lock.
            Assert.NotEqual(0, failed.ExitCode);
            Assert.Contains("canceling statement due to lock timeout", failed.Output, StringComparison.Ordinal);
            Assert.True(otherWrite.Elapsed < TimeSpan.FromSeconds(10), $"A write queued {otherWrite.Elapsed} behind the migration.");
            Assert.Equal(PreviousReleaseHead, (await DatabaseSchema.AppliedMigrationsAsync(database.ConnectionString))[^1]);

            await transaction.CommitAsync();
            var retried = await MigrationBundle.RunAsync(database.ConnectionString, OneSecondLockTimeout);

            Assert.True(retried.ExitCode == 0, retried.Output);
            Assert.Equal(MigrationBundleTests.AllMigrations(), await DatabaseSchema.AppliedMigrationsAsync(database.ConnectionString));
            Assert.Equal(2L, await database.ScalarAsync<long>("SELECT sum(active_products)::bigint FROM category_product_counts"));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>Each product in a category of its own: the counter rows of one category are locked by the write that changed them.</summary>
    private static string ProductInsert(string slug, string categorySlug) => $"""
        INSERT INTO products (name, slug, price, stock, category_id, created_at, updated_at)
        SELECT '{slug}', '{slug}', 1, 1, id, now(), now() FROM categories WHERE slug = '{categorySlug}'
        """;

    /// <summary>Until the count query finds a row (the bundle is waiting for its lock), unless the bundle ended first.</summary>
    private static async Task WaitUntilAsync(PostgresDatabase database, string countSql, Task bundle)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!bundle.IsCompleted && await database.ScalarAsync<long>(countSql) == 0)
        {
            await Task.Delay(50, patience.Token);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
