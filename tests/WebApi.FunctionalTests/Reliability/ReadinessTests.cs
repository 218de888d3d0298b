using System.Diagnostics;
using Ecommerce.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>
/// <c>/health/ready</c> says 503 only when this build's schema is really not in place, and answers
/// within 2 s whatever the database does: locked by a migrator, or hanging. The bound leaves 0.4 s
/// past the check's own hard limit, so these tests run alone, not beside tests that load the machine.
/// </summary>
[Collection(ReadinessTimingCollection.Name)]
public sealed class ReadinessTests
{
    private static readonly TimeSpan ProbeBound = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The case an empty database cannot show: a schema that serves data, one migration short. The
    /// probe must read which migrations are applied, not whether any are or whether the tables answer.
    /// </summary>
    [Fact]
    public async Task A_database_one_migration_behind_with_data_is_not_ready_until_it_is_migrated()
    {
        await using var database = await FreshDatabase.CreateAsync();
        await using var service = new ServiceOverDatabase(database.ConnectionString);
        string[] migrations;
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            migrations = [.. CatalogMigrations.InAssembly];
            await context.GetService<IMigrator>().MigrateAsync(migrations[^2]);
        }

        await database.ExecuteAsync("""
            INSERT INTO categories (name, slug, is_active, created_at, updated_at) VALUES ('Phones', 'phones', TRUE, now(), now());
            INSERT INTO products (name, slug, price, stock, category_id, rating, is_active, created_at, updated_at)
            VALUES ('Pixel', 'pixel', 1, 1, (SELECT id FROM categories WHERE slug = 'phones'), 0, TRUE, now(), now());
            """);
        Assert.Equal(migrations[..^1], await CatalogMigrations.AppliedAsync(database.ConnectionString));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM products"));
        var client = service.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        await service.MigrateAsync();
        Assert.Equal(migrations, await CatalogMigrations.AppliedAsync(database.ConnectionString));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products/by-slug/pixel")).StatusCode);
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_release_is_ready()
    {
        await using var database = await FreshDatabase.CreateAsync();
        await using var service = new ServiceOverDatabase(database.ConnectionString);
        await service.MigrateAsync();
        var client = service.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await using (var scope = service.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            var insert = context.GetService<IHistoryRepository>().GetInsertScript(new HistoryRow("29991231235959_FromTheNextRelease", "99.0.0"));
            await context.Database.ExecuteSqlRawAsync(insert);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task While_a_migrator_holds_the_history_lock_ready_answers_in_time_with_the_last_state_read()
    {
        await using var database = await FreshDatabase.CreateAsync();
        await using var service = new ServiceOverDatabase(database.ConnectionString);
        await service.MigrateAsync();
        var client = service.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await using (await LockAsync(database, "\"__EFMigrationsHistory\""))
        {
            await AssertReadyAnswersInTimeAsync(client, HttpStatusCode.OK);

            // An instance that never read the history cannot know whether the migration is its own.
            await using var started = new ServiceOverDatabase(database.ConnectionString);
            await AssertReadyAnswersInTimeAsync(started.CreateClient(), HttpStatusCode.ServiceUnavailable);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task While_a_migration_locks_the_products_table_ready_answers_in_time()
    {
        await using var database = await FreshDatabase.CreateAsync();
        await using var service = new ServiceOverDatabase(database.ConnectionString);
        await service.MigrateAsync();

        await using (await LockAsync(database, "products"))
        {
            await AssertReadyAnswersInTimeAsync(service.CreateClient(), HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task While_the_database_hangs_ready_answers_503_in_time_and_recovers_after()
    {
        await using var database = await FreshDatabase.CreateAsync();
        await using var proxy = PostgresProxy.To(database.ConnectionString);
        await using var service = new ServiceOverDatabase(proxy.Through(database.ConnectionString));
        await service.MigrateAsync();
        var client = service.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        proxy.Hang();
        await AssertReadyAnswersInTimeAsync(client, HttpStatusCode.ServiceUnavailable);
        await AssertReadyAnswersInTimeAsync(client, HttpStatusCode.ServiceUnavailable);

        proxy.Resume();
        var deadline = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync("/health/ready")).StatusCode;
        }
        while (status != HttpStatusCode.OK && deadline.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static async Task AssertReadyAnswersInTimeAsync(HttpClient client, HttpStatusCode expected)
    {
        var clock = Stopwatch.StartNew();
        var response = await client.GetAsync("/health/ready");
        var elapsed = clock.Elapsed;

        Assert.Equal(expected, response.StatusCode);
        Assert.True(elapsed < ProbeBound, $"/health/ready took {elapsed.TotalMilliseconds:0} ms");
    }

    /// <summary>Holds an ACCESS EXCLUSIVE lock on a table, as a migration does, until disposed.</summary>
    private static async Task<IAsyncDisposable> LockAsync(FreshDatabase database, string table)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        return connection;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReadinessTimingCollection
{
    public const string Name = "Readiness timing";
}
