using Ecommerce.WebApi.FunctionalTests.Products.Paging;

namespace Ecommerce.WebApi.FunctionalTests.Products;

/// <summary><c>q</c> through HTTP (contract v1.1, "Search"): what it finds, and the relevance order.</summary>
public sealed class ProductSearchTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = factory.CreateClient();

    public async Task InitializeAsync()
    {
        if (await factory.Database.ScalarAsync<long>("SELECT count(*) FROM categories") > 0)
        {
            return;
        }

        var shop = await _client.CreateCategoryAsync("Shop");
        (string Name, string? Description, decimal Price)[] products =
        [
            ("Red Wireless Phone", "A phone for calls.", 120m),
            ("Смартфон Xiaomi Redmi", "Тонкий корпус и яркий экран.", 300m),
            ("Blender Pro 500", "Crushes ice.", 80m),
            ("Kitchen Mixer", "Works as a blender too.", 60m),
            ("Blendr Mini", "A small one.", 30m),
            ("Superblender 3000", "Very loud.", 200m),
            ("Food Processor", "Comes with a blendr attachment.", 90m),
            ("Apple iPhone 15", "The latest model.", 999m),
            ("100% Cotton Shirt", "Soft.", 20m),
            ("1000 Items Shirt", "A thousand of them.", 25m),
            ("snake_case Sticker", "For programmers.", 2m),
            ("snakeXcase Sticker", "A lookalike.", 3m),
            (@"Path C:\temp Poster", "Backslashes.", 5m),
            ("Blender Basic", null, 40m),
        ];
        foreach (var (name, description, price) in products)
        {
            var response = await _client.PostAsJsonAsync("/api/v1/products", new { name, description, price, stock = 1, categoryId = shop.Id });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("phone red", "Red Wireless Phone")]              // every word, in any order
    [InlineData("wireless RED phone", "Red Wireless Phone")]
    [InlineData("phones", "Red Wireless Phone")]                 // an English form
    [InlineData("смартфона", "Смартфон Xiaomi Redmi")]           // a Russian form
    [InlineData("СМАРТФОНЫ xiaomi", "Смартфон Xiaomi Redmi")]
    [InlineData("blendr", "Blender Pro 500")]                    // one typo
    [InlineData("bledner pro", "Blender Pro 500")]               // two letters swapped
    [InlineData("red wire", "Red Wireless Phone")]               // the last word as a prefix
    [InlineData("crushes", "Blender Pro 500")]                   // a word of the description
    [InlineData("phon", "Apple iPhone 15")]                      // v1's substring of the name
    [InlineData("100%", "100% Cotton Shirt")]
    [InlineData("snake_case", "snake_case Sticker")]
    [InlineData(@"c:\temp", @"Path C:\temp Poster")]
    public async Task A_search_finds_the_product(string q, string name) =>
        Assert.Contains(name, await NamesAsync(q));

    [Theory]
    [InlineData("pho red", "Red Wireless Phone")]                // only the last word is a prefix
    [InlineData("100%", "1000 Items Shirt")]                     // % is no wildcard
    [InlineData("snake_case", "snakeXcase Sticker")]             // _ is no wildcard
    [InlineData(@"c:\temp", "snake_case Sticker")]               // \ escapes nothing
    [InlineData("mixr kitchen", "Kitchen Mixer")]                // no typo in words under five letters
    [InlineData("kettle", "Red Wireless Phone")]
    public async Task A_search_does_not_find_the_product(string q, string name) =>
        Assert.DoesNotContain(name, await NamesAsync(q));

    [Fact]
    public async Task Name_matches_come_before_description_matches_and_exact_words_before_typos_with_ties_by_id()
    {
        var page = await _client.PageAsync("/api/v1/products?q=blender");

        Assert.Equal(
            ["Blender Pro 500", "Blender Basic", "Superblender 3000", "Kitchen Mixer", "Blendr Mini", "Food Processor"],
            page.Items.Select(product => product.Name));
        Assert.True(page.Items[0].Id < page.Items[1].Id);
        Assert.Equal(6, page.TotalCount);
        Assert.Equal(Application.Common.Paging.TotalCountRelation.Eq, page.TotalCountRelation);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Relevance_is_the_default_order_of_a_search_and_name_stays_the_default_without_one()
    {
        Assert.Equal(await NamesAsync("blender", "&sort=relevance"), await NamesAsync("blender"));
        var all = await _client.PageAsync("/api/v1/products?pageSize=100");
        Assert.Equal(all.Items.Select(product => product.Name).Order(StringComparer.Ordinal), all.Items.Select(product => product.Name));
    }

    [Fact]
    public async Task A_search_in_another_order_keeps_its_matches_and_takes_that_order()
    {
        var byPrice = await _client.PageAsync("/api/v1/products?q=blender&sort=price");

        Assert.Equal(
            ["Blendr Mini", "Blender Basic", "Kitchen Mixer", "Blender Pro 500", "Food Processor", "Superblender 3000"],
            byPrice.Items.Select(product => product.Name));
    }

    [Fact]
    public async Task Relevance_pages_by_cursor_walk_the_same_order_as_one_page()
    {
        var whole = await _client.PageAsync("/api/v1/products?q=blender&pageSize=100");

        var pages = await _client.WalkAsync("/api/v1/products?q=blender&pageSize=2");

        Assert.Equal(whole.Items.Select(product => product.Id), pages.Ids());
        Assert.Equal([1, null, null], pages.Select(page => page.Page));
        Assert.All(pages, page => Assert.Equal(6, page.TotalCount));
    }

    [Theory]
    [InlineData("?sort=relevance")]
    [InlineData("?sort=relevance&q=%20%20")]
    [InlineData("?sort=relevance&category=shop")]
    public async Task Relevance_without_a_search_is_refused_under_sort(string query) =>
        await (await _client.GetAsync("/api/v1/products" + query)).AssertValidationErrorsAsync("sort");

    private async Task<List<string>> NamesAsync(string q, string extra = "") =>
        [.. (await _client.PageAsync($"/api/v1/products?q={Uri.EscapeDataString(q)}&pageSize=100{extra}")).Items.Select(product => product.Name)];
}
