using Ecommerce.Application.Common.Paging;

namespace Ecommerce.WebApi.FunctionalTests.Products;

/// <summary>The list query over a small known catalog of its own database.</summary>
public sealed class ProductListTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = factory.CreateClient();

    public async Task InitializeAsync()
    {
        // xunit makes an instance per test; the data is made once per class database.
        if (await factory.Database.ScalarAsync<long>("SELECT count(*) FROM categories") > 0)
        {
            return;
        }

        var electronics = await _client.CreateCategoryAsync("Electronics");
        var phones = await _client.CreateCategoryAsync("Phones", electronics.Id);
        var android = await _client.CreateCategoryAsync("Android", phones.Id);
        var books = await _client.CreateCategoryAsync("Books");
        var pixel = await _client.CreateProductAsync("Pixel 10", android.Id, price: 799m, stock: 3);
        var galaxy = await _client.CreateProductAsync("Galaxy 100% Pure", android.Id, price: 899m, stock: 0);
        var phoneCase = await _client.CreateProductAsync("Phone_Case", phones.Id, price: 19.99m, stock: 10);
        var tv = await _client.CreateProductAsync("TV", electronics.Id, price: 1299m, stock: 2);
        var spqr = await _client.CreateProductAsync("SPQR", books.Id, price: 25m, stock: 5);
        var retired = await _client.CreateProductAsync("Old Phone", android.Id, price: 10m, stock: 1);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/products/{retired.Id}")).StatusCode);

        // The API cannot set a rating (it is read-only in the contract), so the ratings are written as
        // the rating process would. Each tie is ordered by id against the order of the names.
        await factory.Database.ExecuteAsync($"""
            UPDATE products SET rating = CASE id
                WHEN {galaxy.Id} THEN 1.25 WHEN {tv.Id} THEN 3.50 WHEN {spqr.Id} THEN 3.50
                WHEN {pixel.Id} THEN 4.75 WHEN {phoneCase.Id} THEN 4.75 WHEN {retired.Id} THEN 5.00 END
            WHERE id IN ({galaxy.Id}, {tv.Id}, {spqr.Id}, {pixel.Id}, {phoneCase.Id}, {retired.Id})
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<PagedList<ProductDto>> ListAsync(string query) =>
        await (await _client.GetAsync("/api/v1/products" + query)).ReadAsync<PagedList<ProductDto>>(HttpStatusCode.OK);

    private async Task<string[]> NamesAsync(string query) => [.. (await ListAsync(query)).Items.Select(product => product.Name)];

    [Fact]
    public async Task By_default_active_products_are_listed_by_name_with_totals()
    {
        var page = await ListAsync(string.Empty);

        Assert.Equal(["Galaxy 100% Pure", "Phone_Case", "Pixel 10", "SPQR", "TV"], page.Items.Select(product => product.Name));
        Assert.Equal(1, page.Page);
        Assert.Equal(20, page.PageSize);
        Assert.Equal(5, page.TotalCount);
        Assert.Equal(1, page.TotalPages);
    }

    [Theory]
    [InlineData("electronics", new[] { "Galaxy 100% Pure", "Phone_Case", "Pixel 10", "TV" })]
    [InlineData("phones", new[] { "Galaxy 100% Pure", "Phone_Case", "Pixel 10" })]
    [InlineData("android", new[] { "Galaxy 100% Pure", "Pixel 10" })]
    [InlineData("books", new[] { "SPQR" })]
    public async Task A_category_includes_all_its_descendants(string category, string[] expected) =>
        Assert.Equal(expected, await NamesAsync($"?category={category}"));

    [Theory]
    [InlineData("no-such-category")]
    [InlineData("Not%20A%20Slug")]
    [InlineData("%00")]
    public async Task An_unknown_category_is_an_empty_page_not_an_error(string category)
    {
        var page = await ListAsync("?category=" + category);

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
        Assert.Equal(0, page.TotalPages);
    }

    [Theory]
    [InlineData("pixel", new[] { "Pixel 10" })]
    [InlineData("PIXEL", new[] { "Pixel 10" })]
    [InlineData("100%25", new[] { "Galaxy 100% Pure" })]
    [InlineData("%25", new[] { "Galaxy 100% Pure" })]
    [InlineData("_", new[] { "Phone_Case" })]
    [InlineData("e_c", new[] { "Phone_Case" })]
    [InlineData("nothing", new string[0])]
    public async Task Q_matches_a_literal_case_insensitive_substring(string q, string[] expected) =>
        Assert.Equal(expected, await NamesAsync($"?q={q}"));

    [Fact]
    public async Task Price_range_and_stock_filters_combine()
    {
        Assert.Equal(["Galaxy 100% Pure", "Pixel 10", "SPQR"], await NamesAsync("?minPrice=20&maxPrice=900"));
        Assert.Equal(["Phone_Case", "Pixel 10", "SPQR", "TV"], await NamesAsync("?inStock=true"));
        Assert.Equal(["Galaxy 100% Pure"], await NamesAsync("?inStock=false"));
        Assert.Equal(["Pixel 10"], await NamesAsync("?category=android&inStock=true&maxPrice=800"));
    }

    [Theory]
    [InlineData("name", new[] { "Galaxy 100% Pure", "Phone_Case", "Pixel 10", "SPQR", "TV" })]
    [InlineData("-name", new[] { "TV", "SPQR", "Pixel 10", "Phone_Case", "Galaxy 100% Pure" })]
    [InlineData("price", new[] { "Phone_Case", "SPQR", "Pixel 10", "Galaxy 100% Pure", "TV" })]
    [InlineData("-price", new[] { "TV", "Galaxy 100% Pure", "Pixel 10", "SPQR", "Phone_Case" })]
    [InlineData("newest", new[] { "SPQR", "TV", "Phone_Case", "Galaxy 100% Pure", "Pixel 10" })]
    public async Task Sorting_orders_the_whole_list(string sort, string[] expected) =>
        Assert.Equal(expected, await NamesAsync($"?sort={sort}"));

    [Theory]
    [InlineData("rating", new[] { "Galaxy 100% Pure", "TV", "SPQR", "Pixel 10", "Phone_Case" })]
    [InlineData("-rating", new[] { "Phone_Case", "Pixel 10", "SPQR", "TV", "Galaxy 100% Pure" })]
    public async Task Ratings_sort_with_id_as_the_tie_breaker(string sort, string[] expected)
    {
        var page = await ListAsync($"?sort={sort}");

        Assert.Equal(expected, page.Items.Select(product => product.Name));
        decimal[] ratings = sort == "rating" ? [1.25m, 3.50m, 3.50m, 4.75m, 4.75m] : [4.75m, 4.75m, 3.50m, 3.50m, 1.25m];
        Assert.Equal(ratings, page.Items.Select(product => product.Rating));
    }

    [Fact]
    public async Task Paging_returns_the_requested_slice_and_totals()
    {
        var second = await ListAsync("?sort=price&page=2&pageSize=2");
        var beyond = await ListAsync("?page=99&pageSize=2");

        Assert.Equal(["Pixel 10", "Galaxy 100% Pure"], second.Items.Select(product => product.Name));
        Assert.Equal(2, second.Page);
        Assert.Equal(5, second.TotalCount);
        Assert.Equal(3, second.TotalPages);
        Assert.Empty(beyond.Items);
        Assert.Equal(5, beyond.TotalCount);
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?page=-1", "page")]
    [InlineData("?page=abc", "page")]
    [InlineData("?page=99999999999", "page")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?pageSize=1.5", "pageSize")]
    [InlineData("?minPrice=abc", "minPrice")]
    [InlineData("?minPrice=-1", "minPrice")]
    [InlineData("?maxPrice=1e3", "maxPrice")]
    [InlineData("?minPrice=10&maxPrice=5", "maxPrice")]
    [InlineData("?inStock=maybe", "inStock")]
    [InlineData("?sort=cheapest", "sort")]
    [InlineData("?sort=PRICE", "sort")]
    public async Task Bad_query_values_are_400_naming_the_parameter(string query, string parameter) =>
        await (await _client.GetAsync("/api/v1/products" + query)).AssertValidationErrorsAsync(parameter);

    [Fact]
    public async Task A_product_is_found_by_id_and_by_slug_with_its_etag()
    {
        var pixel = (await ListAsync("?q=pixel")).Items.Single();

        var byId = await _client.GetAsync($"/api/v1/products/{pixel.Id}");
        var bySlug = await _client.GetAsync($"/api/v1/products/by-slug/{pixel.Slug}");

        Assert.Equal(pixel, await byId.ReadAsync<ProductDto>(HttpStatusCode.OK));
        Assert.Equal(pixel, await bySlug.ReadAsync<ProductDto>(HttpStatusCode.OK));
        Assert.Equal("pixel-10", pixel.Slug);
        Assert.NotNull(byId.Headers.ETag);
        Assert.Equal(byId.Headers.ETag, bySlug.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/v1/products/987654")]
    [InlineData("/api/v1/products/by-slug/old-phone")]
    [InlineData("/api/v1/products/by-slug/NOPE")]
    [InlineData("/api/v1/products/abc")]
    public async Task Missing_or_inactive_products_are_404(string url) =>
        await (await _client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
}
