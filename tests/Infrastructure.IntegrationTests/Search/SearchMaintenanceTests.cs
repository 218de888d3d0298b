namespace Ecommerce.Infrastructure.IntegrationTests.Search;

/// <summary>The search vector and the lexicon follow every write, and the backfill fills what predates them.</summary>
public sealed class SearchMaintenanceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string StaleVectors =
        "SELECT count(*) FROM products WHERE search_vector IS DISTINCT FROM catalog_search_document(name, description)";

    public async Task InitializeAsync()
    {
        await SearchCatalog.MigrateAsync(database);
        await database.ExecuteAsync("""
            TRUNCATE products, search_words;
            INSERT INTO categories (id, name, slug, is_active, created_at, updated_at) VALUES (1, 'All', 'all', TRUE, now(), now())
            ON CONFLICT DO NOTHING;
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Inserts_and_updates_keep_the_vector_and_the_lexicon_in_step()
    {
        await database.ExecuteAsync("""
            INSERT INTO products (id, name, slug, description, price, stock, category_id, is_active, created_at, updated_at)
            VALUES (1, 'Toaster Deluxe', 't-1', 'Crunchy bread', 10, 1, 1, TRUE, now(), now());
            """);
        Assert.Equal(0L, await database.ScalarAsync<long>(StaleVectors));
        Assert.True(await HasWordAsync("toaster"));
        Assert.True(await HasWordAsync("crunchi"));
        Assert.Equal("Toaster Deluxe", await FirstHitAsync("toastr"));

        await database.ExecuteAsync("UPDATE products SET name = 'Waffle Iron', description = 'Crisp waffles' WHERE id = 1");
        Assert.Equal(0L, await database.ScalarAsync<long>(StaleVectors));
        Assert.True(await HasWordAsync("waffl"));
        Assert.Equal("Waffle Iron", await FirstHitAsync("wafle"));
        Assert.Null(await FirstHitAsync("toaster"));

        var vector = await database.ScalarAsync<string>("SELECT search_vector::text FROM products WHERE id = 1");
        await database.ExecuteAsync("UPDATE products SET price = 12, stock = 0 WHERE id = 1");
        Assert.Equal(vector, await database.ScalarAsync<string>("SELECT search_vector::text FROM products WHERE id = 1"));
    }

    [Fact]
    public async Task The_backfill_fills_every_vector_that_predates_the_trigger_and_its_words()
    {
        await database.ExecuteAsync("""
            INSERT INTO products (id, name, slug, description, price, stock, category_id, is_active, created_at, updated_at)
            SELECT 100 + g, 'Lantern ' || g, 'l-' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE 'Camping light' END, 5, 1, 1, g % 7 <> 0, now(), now()
            FROM generate_series(1, 23) AS g;
            UPDATE products SET search_vector = NULL WHERE id > 100;
            DELETE FROM search_words;
            """);
        Assert.Equal(23L, await database.ScalarAsync<long>("SELECT count(*) FROM products WHERE search_vector IS NULL"));

        await database.ExecuteAsync("CALL backfill_product_search_vectors(4)");

        Assert.Equal(0L, await database.ScalarAsync<long>(StaleVectors));
        Assert.True(await HasWordAsync("lantern"));
        Assert.True(await HasWordAsync("camp"));
        Assert.Equal(20L, (await SearchCatalog.SearchAsync(database.ConnectionString, "lanterns")).Total);
    }

    private async Task<bool> HasWordAsync(string word) =>
        await database.ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM search_words WHERE word = '{word}')");

    private async Task<string?> FirstHitAsync(string q) =>
        (await SearchCatalog.SearchAsync(database.ConnectionString, q)).Hits.FirstOrDefault()?.Name;
}
