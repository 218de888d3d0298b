using Ecommerce.Application.Products;
using Ecommerce.Infrastructure.Persistence.Categories;
using Ecommerce.Infrastructure.Persistence.Products;

namespace Ecommerce.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The reads by id and slug are hand-written SQL; they must return exactly what EF Core's model
/// reads for the same rows (the lists still go through EF Core), and nothing for inactive rows.
/// </summary>
public sealed class SingleRowReadTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using (var context = CatalogContexts.Create(database.ConnectionString))
        {
            await context.Database.MigrateAsync();
        }

        await database.ExecuteAsync("""
            TRUNCATE products, categories RESTART IDENTITY CASCADE;
            INSERT INTO categories (name, slug, parent_id, is_active, created_at, updated_at) VALUES
                ('Phones', 'phones', NULL, TRUE, '2026-01-02 03:04:05.123456+00', '2026-02-03 04:05:06.654321+00'),
                ('Android', 'android', 1, TRUE, '2026-01-02 03:04:05+00', '2026-01-02 03:04:05+00'),
                ('Retired', 'retired', NULL, FALSE, '2026-01-02 03:04:05+00', '2026-01-02 03:04:05+00');
            INSERT INTO products (name, slug, description, price, image_url, stock, category_id, rating, is_active, created_at, updated_at) VALUES
                ('Pixel 9', 'pixel-9', 'A phone', 799.99, 'https://example.test/pixel.png', 12, 2, 4.5, TRUE,
                 '2026-01-02 03:04:05.123456+00', '2026-02-03 04:05:06.654321+00'),
                ('Bare', 'bare', NULL, 0.01, NULL, 0, 1, 0, TRUE, '2026-01-02 03:04:05+00', '2026-01-02 03:04:05+00'),
                ('Gone', 'gone', NULL, 1, NULL, 1, 1, 0, FALSE, '2026-01-02 03:04:05+00', '2026-01-02 03:04:05+00');
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_product_read_by_id_or_slug_equals_the_one_EF_Core_lists()
    {
        var contexts = new CatalogContextFactory(() => CatalogContexts.Create(database.ConnectionString));
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var reader = new ProductReader(contexts, dataSource, contexts.CreateDbContext().Model, NoBroadFilters());
        var listed = await reader.ListAsync(
            new ListProductsQuery(ProductFilter.None), CancellationToken.None);

        Assert.Equal(["bare", "pixel-9"], listed.Items.Select(product => product.Slug));
        foreach (var product in listed.Items)
        {
            Assert.Equal(product, await reader.FindActiveAsync(product.Id, CancellationToken.None));
            Assert.Equal(product, await reader.FindActiveBySlugAsync(product.Slug, CancellationToken.None));
        }

        Assert.NotEqual(0u, listed.Items[0].Version);
    }

    [Fact]
    public async Task A_category_read_by_id_or_slug_equals_the_one_EF_Core_lists()
    {
        var contexts = new CatalogContextFactory(() => CatalogContexts.Create(database.ConnectionString));
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var reader = new CategoryReader(contexts, dataSource, contexts.CreateDbContext().Model);
        var listed = await reader.ListActiveAsync(CancellationToken.None);

        Assert.Equal(["android", "phones"], listed.Select(category => category.Slug));
        foreach (var category in listed)
        {
            Assert.Equal(category, await reader.FindActiveAsync(category.Id, CancellationToken.None));
            Assert.Equal(category, await reader.FindActiveBySlugAsync(category.Slug, CancellationToken.None));
        }

        Assert.NotEqual(0u, listed[0].Version);
    }

    [Fact]
    public async Task Inactive_and_unknown_rows_are_not_found()
    {
        var contexts = new CatalogContextFactory(() => CatalogContexts.Create(database.ConnectionString));
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var products = new ProductReader(contexts, dataSource, contexts.CreateDbContext().Model, NoBroadFilters());
        var categories = new CategoryReader(contexts, dataSource, contexts.CreateDbContext().Model);

        Assert.Null(await products.FindActiveAsync(3, CancellationToken.None));
        Assert.Null(await products.FindActiveBySlugAsync("gone", CancellationToken.None));
        Assert.Null(await products.FindActiveAsync(404, CancellationToken.None));
        Assert.Null(await categories.FindActiveAsync(3, CancellationToken.None));
        Assert.Null(await categories.FindActiveBySlugAsync("retired", CancellationToken.None));
        Assert.Null(await categories.FindActiveBySlugAsync("unknown", CancellationToken.None));
    }
}
