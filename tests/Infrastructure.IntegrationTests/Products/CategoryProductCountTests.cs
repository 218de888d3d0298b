namespace Ecommerce.Infrastructure.IntegrationTests.Products;

/// <summary>The per-category counters that list totals read stay equal to a real count through every kind of change.</summary>
public sealed class CategoryProductCountTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Mismatches = """
        SELECT count(*) FROM (SELECT category_id, count(*)::integer AS n FROM products WHERE is_active GROUP BY category_id) AS actual
        FULL JOIN category_product_counts AS counted USING (category_id)
        WHERE coalesce(actual.n, 0) <> coalesce(counted.active_products, 0)
        """;

    public async Task InitializeAsync()
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);
        await context.Database.MigrateAsync();
        await database.ExecuteAsync("""
            INSERT INTO categories (id, name, slug, is_active, created_at, updated_at)
            SELECT g, 'Category ' || g, 'category-' || g, TRUE, now(), now() FROM generate_series(1, 3) AS g;
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Counters_follow_inserts_updates_deletes_and_truncation()
    {
        await database.ExecuteAsync("""
            INSERT INTO products (id, name, slug, price, stock, category_id, is_active, created_at, updated_at)
            SELECT g, 'Product ' || g, 'product-' || g, 1, 1, 1 + g % 3, g % 5 <> 0, now(), now() FROM generate_series(1, 30) AS g;
            """);
        Assert.Equal(8L, await CounterAsync(1));
        await AssertCountersMatchAsync();

        await database.ExecuteAsync("UPDATE products SET price = 2 WHERE id <= 10");
        await AssertCountersMatchAsync();

        await database.ExecuteAsync("UPDATE products SET category_id = 3 WHERE id IN (1, 3, 4)");
        await AssertCountersMatchAsync();

        await database.ExecuteAsync("UPDATE products SET is_active = FALSE WHERE category_id = 2");
        Assert.Equal(0L, await CounterAsync(2));
        await AssertCountersMatchAsync();

        await database.ExecuteAsync("UPDATE products SET is_active = TRUE WHERE id IN (5, 10, 11)");
        await AssertCountersMatchAsync();

        await database.ExecuteAsync("DELETE FROM products WHERE id > 20");
        await AssertCountersMatchAsync();

        await database.ExecuteAsync("TRUNCATE products");
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT coalesce(sum(active_products), 0) FROM category_product_counts"));
    }

    private Task<long> CounterAsync(int categoryId) =>
        database.ScalarAsync<long>($"SELECT coalesce(sum(active_products), 0) FROM category_product_counts WHERE category_id = {categoryId}");

    private async Task AssertCountersMatchAsync() => Assert.Equal(0L, await database.ScalarAsync<long>(Mismatches));
}
