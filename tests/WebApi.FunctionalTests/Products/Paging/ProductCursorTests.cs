namespace Ecommerce.WebApi.FunctionalTests.Products.Paging;

/// <summary>
/// <c>after</c> and <c>next</c> (contract v1.1, "Deep pages and cursors") over a catalog full of ties:
/// equal prices, ratings, creation times and names, and names too long to travel whole in a cursor.
/// </summary>
public sealed class ProductCursorTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>, IAsyncLifetime
{
    private static readonly string LongName = new('Ж', 195);

    private readonly HttpClient _client = factory.CreateAnonymousClient();

    public static TheoryData<string> Orders =>
        ["sort=name", "sort=-name", "sort=price", "sort=-price", "sort=rating", "sort=-rating", "sort=newest", "q=widget", "q=widget&sort=-price",
            "sort=price&minPrice=10&maxPrice=40&inStock=true", "category=gadgets&sort=-rating", "q=gadget&sort=newest"];

    public async Task InitializeAsync()
    {
        if (await factory.Database.ScalarAsync<long>("SELECT count(*) FROM categories") > 0)
        {
            return;
        }

        await factory.Database.ExecuteAsync($"""
            INSERT INTO categories (name, slug, is_active, created_at, updated_at) VALUES ('Gadgets', 'gadgets', TRUE, now(), now());
            INSERT INTO products (name, slug, description, price, stock, category_id, rating, is_active, created_at, updated_at)
            SELECT CASE WHEN i % 9 = 0 THEN '{LongName}' || lpad((100 - i)::text, 5, '0') ELSE 'Widget ' || (i % 7) END,
                'widget-' || i,
                CASE WHEN i % 3 = 0 THEN 'A widget gadget.' ELSE 'A widget.' END,
                (i % 5) * 10, i % 4, (SELECT id FROM categories WHERE slug = 'gadgets'), (i % 3) / 2.0,
                i % 11 <> 0, timestamptz '2026-01-01' + (i % 6) * interval '1 hour', now()
            FROM generate_series(1, 100) AS i;
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Following_next_from_page_one_reads_the_whole_list_once_in_its_order(string query)
    {
        var whole = await _client.PageAsync($"/api/v1/products?{query}&pageSize=100");
        Assert.Null(whole.Next);

        var pages = await _client.WalkAsync($"/api/v1/products?{query}&pageSize=7");

        Assert.Equal(whole.Items.Select(product => product.Id), pages.Ids());
        Assert.Equal(1, pages[0].Page);
        Assert.All(pages.Skip(1), page => Assert.Null(page.Page));
        Assert.All(pages, page => Assert.Equal(whole.TotalCount, page.TotalCount));
        Assert.All(pages.SkipLast(1), page => Assert.Equal(7, page.Items.Count));
        Assert.Null(pages[^1].Next);
    }

    [Fact]
    public async Task Offset_pages_end_with_a_next_link_into_the_same_order()
    {
        var byOffset = await _client.PageAsync("/api/v1/products?sort=price&pageSize=10&page=3");
        var whole = await _client.PageAsync("/api/v1/products?sort=price&pageSize=100");

        var following = await _client.PageAsync(byOffset.Next!);

        Assert.Equal(whole.Items.Skip(30).Take(10).Select(product => product.Id), following.Items.Select(product => product.Id));
        Assert.Null(following.Page);
    }

    [Fact]
    public async Task Next_keeps_every_other_parameter_and_replaces_page_with_after()
    {
        var page = await _client.PageAsync("/api/v1/products?category=gadgets&minPrice=10&inStock=true&sort=-price&pageSize=5&page=2");

        var next = page.Next!;
        Assert.Equal("gadgets", ProductPages.QueryValue(next, "category"));
        Assert.Equal("10", ProductPages.QueryValue(next, "minPrice"));
        Assert.Equal("true", ProductPages.QueryValue(next, "inStock"));
        Assert.Equal("-price", ProductPages.QueryValue(next, "sort"));
        Assert.Equal("5", ProductPages.QueryValue(next, "pageSize"));
        Assert.Null(ProductPages.QueryValue(next, "page"));
        Assert.True(ProductPages.QueryValue(next, "after")!.Length is > 0 and <= ProductCursor.MaxLength);
    }

    [Fact]
    public async Task A_cursor_after_a_name_too_long_to_carry_whole_stays_short_and_continues_in_place()
    {
        var whole = await _client.PageAsync($"/api/v1/products?sort=-name&pageSize=100");

        var pages = await _client.WalkAsync($"/api/v1/products?sort=-name&pageSize=1");

        Assert.Contains(whole.Items, product => product.Name.StartsWith(LongName, StringComparison.Ordinal));
        Assert.All(pages.SkipLast(1), page => Assert.True(ProductPages.QueryValue(page.Next!, "after")!.Length <= ProductCursor.MaxLength));
        Assert.Equal(whole.Items.Select(product => product.Id), pages.Ids());
    }

    [Fact]
    public async Task After_with_page_is_refused_under_after()
    {
        var next = (await _client.PageAsync("/api/v1/products?pageSize=5")).Next!;

        await (await _client.GetAsync(next + "&page=2")).AssertValidationErrorsAsync("after");
    }

    [Fact]
    public async Task A_cursor_of_another_order_or_search_is_refused_under_after()
    {
        var byPrice = (await _client.PageAsync("/api/v1/products?sort=price&pageSize=5")).Next!;
        var byWidget = (await _client.PageAsync("/api/v1/products?q=widget&pageSize=5")).Next!;
        var priceCursor = Uri.EscapeDataString(ProductPages.QueryValue(byPrice, "after")!);
        var widgetCursor = Uri.EscapeDataString(ProductPages.QueryValue(byWidget, "after")!);

        await (await _client.GetAsync($"/api/v1/products?sort=name&after={priceCursor}")).AssertValidationErrorsAsync("after");
        await (await _client.GetAsync($"/api/v1/products?after={priceCursor}")).AssertValidationErrorsAsync("after");
        await (await _client.GetAsync($"/api/v1/products?q=gadget&after={widgetCursor}")).AssertValidationErrorsAsync("after");
        await (await _client.GetAsync($"/api/v1/products?q=widget&sort=name&after={widgetCursor}")).AssertValidationErrorsAsync("after");
    }

    [Theory]
    [InlineData("x")]
    [InlineData("not a cursor")]
    [InlineData("eyJpZCI6MX0")]
    [InlineData("AQAAAAAA")]
    [InlineData("AgAAAAAAAAAACgBQaG9uZSBY")]
    [InlineData("AQAAAAAAAAAAAABQaG9uZSBY")]
    [InlineData("AQIAAAAAAAAACg")]
    [InlineData("AQAAAAAAAAAACgD_")]
    [InlineData("AQAAAAAAAAAACgBQaG9uZQA")]
    public async Task A_cursor_that_does_not_decode_is_refused_under_after(string after) =>
        await (await _client.GetAsync($"/api/v1/products?after={Uri.EscapeDataString(after)}")).AssertValidationErrorsAsync("after");

    [Fact]
    public async Task A_cursor_longer_than_512_characters_is_refused_under_after() =>
        await (await _client.GetAsync($"/api/v1/products?after={new string('A', 513)}")).AssertValidationErrorsAsync("after");

    [Fact]
    public async Task The_documented_example_cursor_decodes_as_the_default_order_after_a_product()
    {
        var cursor = ProductCursor.Decode("AQAAAAAAAAAACgBQaG9uZSBY");

        Assert.Equal(new ProductCursor(ProductSort.Name, 10, 0) { Name = "Phone X" }, cursor);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/v1/products?after=AQAAAAAAAAAACgBQaG9uZSBY")).StatusCode);
    }
}
