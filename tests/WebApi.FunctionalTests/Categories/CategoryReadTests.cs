namespace Ecommerce.WebApi.FunctionalTests.Categories;

/// <summary>Reads against a database of their own, so that whole lists can be asserted.</summary>
public sealed class CategoryReadTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = factory.CreateClient();
    private CategoryDto _electronics = null!;
    private CategoryDto _phones = null!;
    private CategoryDto _android = null!;
    private CategoryDto _books = null!;

    public async Task InitializeAsync()
    {
        // xunit makes an instance per test; the data is made once per class database.
        if (await factory.Database.ScalarAsync<long>("SELECT count(*) FROM categories") > 0)
        {
            _electronics = await BySlugAsync("electronics");
            _phones = await BySlugAsync("phones");
            _android = await BySlugAsync("android");
            _books = await BySlugAsync("books");
            return;
        }

        _electronics = await _client.CreateCategoryAsync("Electronics");
        _phones = await _client.CreateCategoryAsync("Phones", _electronics.Id);
        _android = await _client.CreateCategoryAsync("Android", _phones.Id);
        _books = await _client.CreateCategoryAsync("Books");
        var retired = await _client.CreateCategoryAsync("Archive");
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/categories/{retired.Id}")).StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<CategoryDto> BySlugAsync(string slug) =>
        await (await _client.GetAsync($"/api/v1/categories/by-slug/{slug}")).ReadAsync<CategoryDto>(HttpStatusCode.OK);

    [Fact]
    public async Task The_list_holds_active_categories_ordered_by_name()
    {
        var categories = await (await _client.GetAsync("/api/v1/categories")).ReadAsync<List<CategoryDto>>(HttpStatusCode.OK);

        Assert.Equal(["Android", "Books", "Electronics", "Phones"], categories.Select(category => category.Name));
    }

    [Fact]
    public async Task The_tree_nests_active_categories_under_their_parents()
    {
        var response = await _client.GetAsync("/api/v1/categories/tree");

        var tree = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Books", "Electronics"], tree.EnumerateArray().Select(node => node.GetProperty("name").GetString()));
        var electronics = tree[1];
        var phones = Assert.Single(electronics.GetProperty("children").EnumerateArray());
        Assert.Equal("Phones", phones.GetProperty("name").GetString());
        var android = Assert.Single(phones.GetProperty("children").EnumerateArray());
        Assert.Equal(_android.Id, android.GetProperty("id").GetInt32());
        Assert.Empty(android.GetProperty("children").EnumerateArray());
        Assert.Empty(tree[0].GetProperty("children").EnumerateArray());
    }

    [Fact]
    public async Task A_category_is_found_by_id_and_by_slug_with_its_etag()
    {
        var byId = await _client.GetAsync($"/api/v1/categories/{_phones.Id}");
        var bySlug = await _client.GetAsync("/api/v1/categories/by-slug/phones");

        var fromId = await byId.ReadAsync<CategoryDto>(HttpStatusCode.OK);
        var fromSlug = await bySlug.ReadAsync<CategoryDto>(HttpStatusCode.OK);
        Assert.Equal(_phones.Id, fromId.Id);
        Assert.Equal(_electronics.Id, fromId.ParentId);
        Assert.Equal(fromId, fromSlug);
        Assert.NotNull(byId.Headers.ETag);
        Assert.Equal(byId.Headers.ETag, bySlug.Headers.ETag);
    }

    [Fact]
    public async Task The_json_shape_is_the_contract()
    {
        var json = JsonDocument.Parse(await (await _client.GetAsync($"/api/v1/categories/{_books.Id}")).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(
            ["createdAt", "id", "isActive", "name", "parentId", "slug", "updatedAt"],
            json.EnumerateObject().Select(property => property.Name).Order());
        Assert.EndsWith("Z", json.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/categories/987654")]
    [InlineData("/api/v1/categories/by-slug/no-such-slug")]
    [InlineData("/api/v1/categories/by-slug/Not%20A%20Slug")]
    [InlineData("/api/v1/categories/by-slug/archive")]
    public async Task Missing_or_inactive_categories_are_404(string url) =>
        await (await _client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);

    [Theory]
    [InlineData("/api/v1/categories/abc")]
    [InlineData("/api/v1/categories/99999999999999")]
    public async Task Ids_that_are_not_numbers_in_range_are_404_not_500(string url) =>
        await (await _client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
}
