namespace Ecommerce.Infrastructure.IntegrationTests.Search;

/// <summary>
/// A one-word total may be counted from the names first when the statistics say the word is in many
/// of them; the total is exact whichever way it was counted, even when the statistics are stale.
/// </summary>
public sealed class SearchTotalsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const int Cap = 10_001;

    public async Task InitializeAsync()
    {
        await SearchCatalog.MigrateAsync(database);
        await database.ExecuteAsync("""
            TRUNCATE products;
            INSERT INTO categories (id, name, slug, is_active, created_at, updated_at) VALUES (1, 'All', 'all', TRUE, now(), now())
            ON CONFLICT DO NOTHING;
            INSERT INTO products (name, slug, description, price, stock, category_id, is_active, created_at, updated_at)
            SELECT 'Gizmo ' || i, 'gizmo-' || i, 'A thing.', 10, 1, 1, TRUE, now(), now() FROM generate_series(1, 31000) AS i;
            INSERT INTO products (name, slug, description, price, stock, category_id, is_active, created_at, updated_at)
            SELECT 'Widget ' || i, 'widget-' || i, 'Works with any gizmo.', 10, 1, 1, TRUE, now(), now() FROM generate_series(1, 2000) AS i;
            ANALYZE products;
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_word_in_many_names_is_counted_to_the_cap()
    {
        Assert.True(await database.ScalarAsync<double>("SELECT catalog_search_names_estimate('gizmo')") >= 3 * Cap);

        var result = await SearchCatalog.SearchAsync(database.ConnectionString, "gizmo");

        Assert.Equal(Cap, result.Total);
    }

    [Fact]
    public async Task Stale_statistics_still_give_the_exact_total()
    {
        // The statistics still say 31,000 names; 6,000 are left, and 2,000 descriptions.
        await database.ExecuteAsync("UPDATE products SET is_active = FALSE WHERE name LIKE 'Gizmo %' AND id > 6000");
        try
        {
            Assert.True(await database.ScalarAsync<double>("SELECT catalog_search_names_estimate('gizmo')") >= 3 * Cap);

            var result = await SearchCatalog.SearchAsync(database.ConnectionString, "gizmo");

            Assert.Equal(8_000, result.Total);
        }
        finally
        {
            await database.ExecuteAsync("UPDATE products SET is_active = TRUE");
        }
    }
}
