using Ecommerce.Application.Common.Paging;

namespace Ecommerce.WebApi.FunctionalTests.Products.Paging;

/// <summary>
/// Totals and offset paging at the cap (contract v1.1, "Totals" and "Deep pages"): a catalog of
/// 10,050 products in one category, written straight into the table, and 5 in another.
/// </summary>
public sealed class ProductTotalsCapTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>, IAsyncLifetime
{
    private const int Bulk = 10_050;

    private readonly HttpClient _client = factory.CreateAnonymousClient();

    public async Task InitializeAsync()
    {
        if (await factory.Database.ScalarAsync<long>("SELECT count(*) FROM categories") > 0)
        {
            return;
        }

        await factory.Database.ExecuteAsync($"""
            INSERT INTO categories (name, slug, is_active, created_at, updated_at)
            VALUES ('Bulk', 'bulk', TRUE, now(), now()), ('Few', 'few', TRUE, now(), now());
            INSERT INTO products (name, slug, description, price, stock, category_id, rating, is_active, created_at, updated_at)
            SELECT 'Gadget ' || i, 'gadget-' || i, CASE WHEN i % 1000 = 0 THEN 'Rare sprocket.' ELSE 'Useful.' END, i % 100, i % 10,
                (SELECT id FROM categories WHERE slug = 'bulk'), 0, TRUE, now(), now()
            FROM generate_series(1, {Bulk}) AS i;
            INSERT INTO products (name, slug, price, stock, category_id, rating, is_active, created_at, updated_at)
            SELECT 'Gizmo ' || i, 'gizmo-' || i, 5, 1, (SELECT id FROM categories WHERE slug = 'few'), 0, TRUE, now(), now()
            FROM generate_series(1, 5) AS i;
            ANALYZE products;
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("")]                        // the counters of every category
    [InlineData("category=bulk")]           // the counters of one category
    [InlineData("minPrice=0")]              // a counted filter
    [InlineData("q=gadget")]                // a search
    [InlineData("q=gadget&sort=price")]
    public async Task Past_ten_thousand_matches_the_total_is_ten_thousand_and_gte(string query)
    {
        var page = await _client.PageAsync($"/api/v1/products?{query}");

        Assert.Equal((10_000, TotalCountRelation.Gte, 500), (page.TotalCount, page.TotalCountRelation, page.TotalPages));
        Assert.Equal(20, page.Items.Count);
        Assert.NotNull(page.Next);
    }

    [Theory]
    [InlineData("category=few", 5)]
    [InlineData("q=sprocket", 10)]
    [InlineData("q=gizmo&minPrice=5", 5)]
    [InlineData("minPrice=99", 100)]
    public async Task Under_the_cap_the_total_is_exact_and_eq(string query, int total)
    {
        var page = await _client.PageAsync($"/api/v1/products?{query}&pageSize=100");

        Assert.Equal((total, TotalCountRelation.Eq), (page.TotalCount, page.TotalCountRelation));
        Assert.Equal(total, page.Items.Count);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task The_total_is_returned_as_v1_clients_read_it_with_the_relation_beside_it()
    {
        var body = await _client.GetStringAsync("/api/v1/products?pageSize=1");

        Assert.Contains("\"totalCount\":10000,\"totalCountRelation\":\"gte\",\"totalPages\":10000", body, StringComparison.Ordinal);
        Assert.Contains("\"page\":1,", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page=500", 20)]
    [InlineData("page=100&pageSize=100", 100)]
    [InlineData("page=334&pageSize=30", 30)]
    [InlineData("q=gadget&page=500", 20)]
    public async Task The_last_offset_pages_within_ten_thousand_are_served(string query, int count) =>
        Assert.Equal(count, (await _client.PageAsync($"/api/v1/products?{query}")).Items.Count);

    [Theory]
    [InlineData("page=501")]
    [InlineData("page=101&pageSize=100")]
    [InlineData("page=10001&pageSize=1")]
    [InlineData("q=gadget&page=501")]
    [InlineData("category=few&page=2147483647")]
    public async Task A_page_that_starts_past_ten_thousand_is_refused_under_page_pointing_to_after(string query)
    {
        var response = await _client.GetAsync($"/api/v1/products?{query}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.GetProperty("errors").EnumerateObject()).Value[0].GetString()!;
        Assert.Equal("page", Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name);
        Assert.Contains("after", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 55)]
    [InlineData("q=gadget", 50)]
    public async Task Cursors_read_on_past_the_ten_thousandth_product(string query, int rest)
    {
        var last = await _client.PageAsync($"/api/v1/products?{query}&pageSize=100&page=100");

        var beyond = await _client.PageAsync(last.Next!);

        Assert.Equal(rest, beyond.Items.Count);
        Assert.Null(beyond.Page);
        Assert.Null(beyond.Next);
        Assert.Empty(last.Items.Select(product => product.Id).Intersect(beyond.Items.Select(product => product.Id)));
    }
}
