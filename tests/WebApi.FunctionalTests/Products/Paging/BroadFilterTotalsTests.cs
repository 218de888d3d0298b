using Ecommerce.Application.Common.Paging;

namespace Ecommerce.WebApi.FunctionalTests.Products.Paging;

/// <summary>
/// A filter counted past the cap is not counted again while the catalog is unchanged, and is counted
/// again once it changes: by another writer (seen within the change feed's poll) or by this service
/// (at once). 10,001 products match the filter at first.
/// </summary>
public sealed class BroadFilterTotalsTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>, IAsyncLifetime
{
    private const string Broad = "/api/v1/products?minPrice=1&maxPrice=9&pageSize=1";

    public async Task InitializeAsync() =>
        await factory.Database.ExecuteAsync("""
            INSERT INTO categories (name, slug, is_active, created_at, updated_at) VALUES ('Bulk', 'bulk', TRUE, now(), now());
            INSERT INTO products (name, slug, price, stock, category_id, rating, is_active, created_at, updated_at)
            SELECT 'Gadget ' || i, 'gadget-' || i, 5, 1, (SELECT id FROM categories WHERE slug = 'bulk'), 0, TRUE, now(), now()
            FROM generate_series(1, 10001) AS i;
            ANALYZE products;
            """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_broad_total_follows_changes_made_outside_the_service_and_through_it()
    {
        var reader = factory.CreateAnonymousClient();
        Assert.Equal((10_000, TotalCountRelation.Gte), await TotalAsync(reader));
        Assert.Equal((10_000, TotalCountRelation.Gte), await TotalAsync(reader));

        // Another writer takes two products out of the range: the change feed sees it within a poll.
        await factory.Database.ExecuteAsync("UPDATE products SET price = 50 WHERE slug IN ('gadget-1', 'gadget-2')");
        Assert.Equal((9_999, TotalCountRelation.Eq), await EventuallyAsync(reader, expected: (9_999, TotalCountRelation.Eq)));

        await factory.Database.ExecuteAsync("UPDATE products SET price = 5 WHERE slug IN ('gadget-1', 'gadget-2')");
        Assert.Equal((10_000, TotalCountRelation.Gte), await EventuallyAsync(reader, expected: (10_000, TotalCountRelation.Gte)));

        // A delete through this service: the next list counts again at once.
        var id = await factory.Database.ScalarAsync<int>("SELECT id FROM products WHERE slug = 'gadget-3'");
        Assert.Equal(HttpStatusCode.NoContent, (await factory.CreateClient().DeleteAsync($"/api/v1/products/{id}")).StatusCode);
        Assert.Equal((10_000, TotalCountRelation.Eq), await TotalAsync(reader));
    }

    private static async Task<(int, TotalCountRelation)> TotalAsync(HttpClient client)
    {
        var page = await client.PageAsync(Broad);
        return (page.TotalCount, page.TotalCountRelation);
    }

    private static async Task<(int, TotalCountRelation)> EventuallyAsync(HttpClient client, (int, TotalCountRelation) expected)
    {
        var total = await TotalAsync(client);
        for (var attempt = 0; attempt < 100 && total != expected; attempt++)
        {
            await Task.Delay(50);
            total = await TotalAsync(client);
        }

        return total;
    }
}
