using Ecommerce.Infrastructure.Persistence.DerivedData;

namespace Ecommerce.Infrastructure.IntegrationTests.Persistence;

/// <summary>The supported way to find and repair drift in derived values, on counters broken on purpose.</summary>
public sealed class DerivedDataMaintenanceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    private DerivedDataMaintenance Maintenance => new(_dataSource!);

    public async Task InitializeAsync()
    {
        await using (var context = CatalogContexts.Create(database.ConnectionString))
        {
            await context.Database.MigrateAsync();
        }

        _dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await database.ExecuteAsync("""
            TRUNCATE products, categories RESTART IDENTITY CASCADE;
            INSERT INTO categories (id, name, slug, is_active, created_at, updated_at)
            SELECT g, 'Category ' || g, 'category-' || g, TRUE, now(), now() FROM generate_series(1, 3) AS g;
            INSERT INTO products (name, slug, price, stock, category_id, created_at, updated_at)
            SELECT 'Product ' || g, 'product-' || g, 1, 1, 1 + g % 2, now(), now() FROM generate_series(1, 10) AS g;
            """);
    }

    public async Task DisposeAsync() => await _dataSource!.DisposeAsync();

    [Fact]
    public async Task Drift_is_reported_per_value_and_a_rebuild_corrects_exactly_those_values()
    {
        Assert.Empty(await Maintenance.FindDriftAsync(CancellationToken.None));
        await database.ExecuteAsync("UPDATE category_product_counts SET active_products = 42 WHERE category_id = 1");
        await database.ExecuteAsync("DELETE FROM category_product_counts WHERE category_id = 2");

        var drift = await Maintenance.FindDriftAsync(CancellationToken.None);

        Assert.Equal(
            [new DerivedDataDrift("category_product_counts", "1", "42", "5"), new DerivedDataDrift("category_product_counts", "2", "0", "5")],
            drift);
        Assert.Equal(2, (await Maintenance.RebuildAsync(CancellationToken.None))["category_product_counts"]);
        Assert.Empty(await Maintenance.FindDriftAsync(CancellationToken.None));
        Assert.Equal(0, (await Maintenance.RebuildAsync(CancellationToken.None))["category_product_counts"]);
    }

    [Fact]
    public async Task A_counter_that_drifted_below_the_truth_never_fails_a_write()
    {
        await database.ExecuteAsync("UPDATE category_product_counts SET active_products = 1 WHERE category_id = 2");

        await database.ExecuteAsync("UPDATE products SET is_active = FALSE WHERE category_id = 2");

        Assert.Equal(0, await database.ScalarAsync<int>("SELECT active_products FROM category_product_counts WHERE category_id = 2"));
        await Maintenance.RebuildAsync(CancellationToken.None);
        Assert.Empty(await Maintenance.FindDriftAsync(CancellationToken.None));
    }
}
