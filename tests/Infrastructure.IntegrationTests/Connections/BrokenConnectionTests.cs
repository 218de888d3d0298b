using Ecommerce.Application.Products;
using Ecommerce.Domain.Catalog;
using Ecommerce.Infrastructure.Persistence.Categories;
using Ecommerce.Infrastructure.Persistence.Connections;
using Ecommerce.Infrastructure.Persistence.Products;

namespace Ecommerce.Infrastructure.IntegrationTests.Connections;

/// <summary>
/// Connections that break under the service (a restart, a failover, the network): reads recover by
/// themselves, the pools drop their dead connections, and a save whose answer was lost says so.
/// </summary>
public sealed class BrokenConnectionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const int PooledConnections = 4;

    private readonly PostgresProxy _proxy = PostgresProxy.To(database.ConnectionString);

    public async Task InitializeAsync()
    {
        await using (var context = CatalogContexts.Create(database.ConnectionString))
        {
            await context.Database.MigrateAsync();
        }

        await database.ExecuteAsync("""
            TRUNCATE products, categories RESTART IDENTITY CASCADE;
            INSERT INTO categories (name, slug, is_active, created_at, updated_at) VALUES ('Phones', 'phones', TRUE, now(), now());
            INSERT INTO products (name, slug, price, stock, category_id, rating, is_active, created_at, updated_at)
            VALUES ('Pixel', 'pixel', 1, 1, 1, 0, TRUE, now(), now());
            """);
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    [Fact]
    public async Task Reads_succeed_right_after_every_pooled_connection_was_cut()
    {
        await using var dataSources = CatalogDataSources.Create(_proxy.Through(database.ConnectionString), new CatalogDatabaseOptions());
        var reads = CatalogReads.Over(dataSources.Reads);
        var products = new ProductReader(reads.Contexts, reads.DataSource, reads.Model, NoBroadFilters());
        var categories = new CategoryReader(reads.Contexts, reads.DataSource, reads.Model);
        await Task.WhenAll(Enumerable.Range(0, PooledConnections).Select(_ => SleepOnAsync(dataSources.Reads)));
        var openedBefore = _proxy.AcceptedConnections;

        _proxy.CutAll();

        Assert.Equal("pixel", (await products.FindActiveAsync(1, CancellationToken.None))?.Slug);
        Assert.Equal("pixel", (await products.FindActiveBySlugAsync("pixel", CancellationToken.None))?.Slug);
        Assert.Equal(1, (await products.ListAsync(new ListProductsQuery(ProductFilter.None), CancellationToken.None)).TotalCount);
        Assert.Equal(["phones"], (await categories.ListActiveAsync(CancellationToken.None)).Select(category => category.Slug));
        Assert.True(_proxy.AcceptedConnections > openedBefore, "the reads must have opened new connections in place of the cut ones");
    }

    [Fact]
    public async Task After_a_command_breaks_on_a_dead_connection_the_pool_hands_out_live_ones_only()
    {
        await using var dataSources = CatalogDataSources.Create(_proxy.Through(database.ConnectionString), new CatalogDatabaseOptions());
        var options = new DbContextOptionsBuilder<CatalogDbContext>();
        CatalogDatabase.Configure(options, dataSources.Primary);
        await Task.WhenAll(Enumerable.Range(0, PooledConnections).Select(_ => SleepOnAsync(dataSources.Primary)));

        _proxy.CutAll();

        await using (var broken = new CatalogDbContext(options.Options))
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => broken.Products.CountAsync());
            Assert.Equal(DatabaseFailure.Unavailable, DatabaseFailures.Classify(failure));
        }

        // Npgsql clears the pool when a connection breaks, and the service relies on it: were the pool
        // not cleared, this would be handed the next of the dead connections.
        await using var next = new CatalogDbContext(options.Options);
        Assert.Equal(1, await next.Products.CountAsync());
    }

    [Fact]
    public async Task A_save_whose_answer_was_lost_reports_an_unknown_outcome_and_is_applied_once()
    {
        await using var dataSources = CatalogDataSources.Create(_proxy.Through(database.ConnectionString), new CatalogDatabaseOptions());
        var options = new DbContextOptionsBuilder<CatalogDbContext>();
        CatalogDatabase.Configure(options, dataSources.Primary);
        await using var context = new CatalogDbContext(options.Options);
        var unitOfWork = new EfUnitOfWork(context);
        var lost = _proxy.LoseReplyToNext(sql => sql.StartsWith("INSERT INTO categories", StringComparison.Ordinal));

        context.Categories.Add(Category.Create("Lost answer", Slug.FromName("lost-answer"), null, DateTime.UtcNow));
        await Assert.ThrowsAsync<WriteOutcomeUnknownException>(() => unitOfWork.SaveChangesAsync(CancellationToken.None));

        Assert.True(lost.IsCompletedSuccessfully, "the proxy must have dropped the insert's answer");
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM categories WHERE slug = 'lost-answer'"));
    }

    /// <summary>Holds a connection for a moment, so that parallel calls leave that many connections in the pool.</summary>
    private static async Task SleepOnAsync(Npgsql.NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_sleep(0.05)");
        await command.ExecuteNonQueryAsync();
    }
}
