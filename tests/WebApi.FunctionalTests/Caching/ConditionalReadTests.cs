namespace Ecommerce.WebApi.FunctionalTests.Caching;

/// <summary>
/// <c>If-None-Match</c> on every read: <c>304</c> with the same tag while nothing the answer shows
/// has changed, a full <c>200</c> with a new tag after any write that changes it.
/// </summary>
public sealed class ConditionalReadTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_product_read_with_its_current_tag_is_304_with_the_tag_and_no_body_by_id_and_by_slug()
    {
        var category = await _client.CreateCategoryAsync(Unique("Tagged"));
        var product = await _client.CreateProductAsync(Unique("Tagged product"), category.Id);

        foreach (var url in new[] { $"/api/v1/products/{product.Id}", $"/api/v1/products/by-slug/{product.Slug}" })
        {
            var tag = await _client.ETagOfAsync(url);
            Assert.False(EntityTag(tag).IsWeak);
            await AssertNotModifiedAsync(url, tag, tag);
        }
    }

    [Fact]
    public async Task A_category_read_with_its_current_tag_is_304_by_id_and_by_slug()
    {
        var category = await _client.CreateCategoryAsync(Unique("Tagged category"));

        foreach (var url in new[] { $"/api/v1/categories/{category.Id}", $"/api/v1/categories/by-slug/{category.Slug}" })
        {
            var tag = await _client.ETagOfAsync(url);
            await AssertNotModifiedAsync(url, tag, tag);
        }
    }

    [Fact]
    public async Task If_none_match_compares_weakly_accepts_a_star_and_a_list_and_ignores_tags_that_do_not_match()
    {
        var category = await _client.CreateCategoryAsync(Unique("Weak"));
        var product = await _client.CreateProductAsync(Unique("Weak product"), category.Id);
        var url = $"/api/v1/products/{product.Id}";
        var tag = await _client.ETagOfAsync(url);

        await AssertNotModifiedAsync(url, "W/" + tag, tag);
        await AssertNotModifiedAsync(url, "*", tag);
        await AssertNotModifiedAsync(url, $"\"1\", {tag}", tag);
        await AssertNotModifiedAsync("/api/v1/categories", "*", await _client.ETagOfAsync("/api/v1/categories"));

        var listTag = await _client.ETagOfAsync("/api/v1/categories");
        await AssertNotModifiedAsync("/api/v1/categories", listTag[2..], listTag);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url, "\"1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url, "not a tag")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/api/v1/products/987654321", "*")).StatusCode);
    }

    [Fact]
    public async Task A_product_tag_goes_stale_when_the_product_changes()
    {
        var category = await _client.CreateCategoryAsync(Unique("Stale"));
        var product = await _client.CreateProductAsync(Unique("Stale product"), category.Id);
        var url = $"/api/v1/products/{product.Id}";
        var before = await _client.ETagOfAsync(url);

        var update = await _client.PutJsonAsync(url, new { name = "Renamed " + product.Name, price = 12m, stock = 3, categoryId = category.Id }, before);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var written = update.Headers.ETag!.ToString();

        var response = await GetAsync(url, before);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(written, response.Headers.ETag!.ToString());
        Assert.StartsWith("Renamed ", (await response.Content.ReadFromJsonAsync<ProductDto>())!.Name, StringComparison.Ordinal);
        await AssertNotModifiedAsync(url, written, written);
    }

    [Fact]
    public async Task A_list_with_its_current_weak_tag_is_304_until_a_product_it_shows_is_created_updated_or_deleted()
    {
        var category = await _client.CreateCategoryAsync(Unique("Listed"));
        var url = $"/api/v1/products?category={category.Slug}&pageSize=5";
        var first = await _client.CreateProductAsync(Unique("Listed product"), category.Id);
        var tag = await _client.ETagOfAsync(url);
        Assert.True(EntityTag(tag).IsWeak);
        await AssertNotModifiedAsync(url, tag, tag);

        await _client.CreateProductAsync(Unique("Listed second"), category.Id);
        tag = await AssertChangedAsync(url, tag);

        var productUrl = $"/api/v1/products/{first.Id}";
        var update = await _client.PutJsonAsync(productUrl, new { name = first.Name, price = 99m, stock = 1, categoryId = category.Id }, null);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        tag = await AssertChangedAsync(url, tag);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync(productUrl, null)).StatusCode);
        await AssertChangedAsync(url, tag);
    }

    [Fact]
    public async Task A_list_tag_changes_with_a_write_to_any_product_even_in_another_category_because_the_version_is_per_table()
    {
        var listed = await _client.CreateCategoryAsync(Unique("Coarse listed"));
        var other = await _client.CreateCategoryAsync(Unique("Coarse other"));
        await _client.CreateProductAsync(Unique("Coarse product"), listed.Id);
        var url = $"/api/v1/products?category={listed.Slug}";
        var tag = await _client.ETagOfAsync(url);

        await _client.CreateProductAsync(Unique("Elsewhere"), other.Id);

        await AssertChangedAsync(url, tag);
    }

    [Fact]
    public async Task Different_queries_have_different_tags_and_the_order_of_parameters_does_not_matter()
    {
        var category = await _client.CreateCategoryAsync(Unique("Queries"));
        await _client.CreateProductAsync(Unique("Query product"), category.Id);

        var ordered = await _client.ETagOfAsync($"/api/v1/products?category={category.Slug}&pageSize=5&sort=price");
        var reordered = await _client.ETagOfAsync($"/api/v1/products?sort=price&pageSize=5&category={category.Slug}");
        var otherPage = await _client.ETagOfAsync($"/api/v1/products?category={category.Slug}&pageSize=5&sort=price&page=2");
        var unfiltered = await _client.ETagOfAsync("/api/v1/products?pageSize=5&sort=price");

        Assert.Equal(ordered, reordered);
        Assert.Equal(3, new[] { ordered, otherPage, unfiltered }.Distinct().Count());
        Assert.NotEqual(await _client.ETagOfAsync("/api/v1/categories"), await _client.ETagOfAsync("/api/v1/categories/tree"));
    }

    [Fact]
    public async Task The_tree_and_the_category_list_change_with_categories_and_not_with_products()
    {
        var parent = await _client.CreateCategoryAsync(Unique("Tree parent"));
        var urls = new[] { "/api/v1/categories/tree", "/api/v1/categories" };
        var tags = new List<string>();
        foreach (var url in urls)
        {
            tags.Add(await _client.ETagOfAsync(url));
        }

        await _client.CreateProductAsync(Unique("Not in the tree"), parent.Id);
        for (var i = 0; i < urls.Length; i++)
        {
            await AssertNotModifiedAsync(urls[i], tags[i], tags[i]);
        }

        var child = await _client.CreateCategoryAsync(Unique("Tree child"), parent.Id);
        for (var i = 0; i < urls.Length; i++)
        {
            tags[i] = await AssertChangedAsync(urls[i], tags[i]);
        }

        var moved = await _client.PutJsonAsync($"/api/v1/categories/{child.Id}", new { name = child.Name }, null);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        for (var i = 0; i < urls.Length; i++)
        {
            await AssertChangedAsync(urls[i], tags[i]);
        }
    }

    [Fact]
    public async Task A_list_asked_with_an_invalid_query_is_still_a_400()
    {
        var response = await GetAsync("/api/v1/products?pageSize=0", "*");

        await response.AssertValidationErrorsAsync("pageSize");
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await _client.SendAsync(request);
    }

    private async Task AssertNotModifiedAsync(string url, string ifNoneMatch, string currentTag)
    {
        var response = await GetAsync(url, ifNoneMatch);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(currentTag, response.Headers.ETag!.ToString());
        Assert.Equal("public, no-cache", response.Headers.CacheControl!.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The old tag now gives the whole answer with a new tag, which is itself current.</summary>
    private async Task<string> AssertChangedAsync(string url, string staleTag)
    {
        var response = await GetAsync(url, staleTag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tag = response.Headers.ETag!.ToString();
        Assert.NotEqual(staleTag, tag);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        await AssertNotModifiedAsync(url, tag, tag);
        return tag;
    }

    private static System.Net.Http.Headers.EntityTagHeaderValue EntityTag(string tag) =>
        System.Net.Http.Headers.EntityTagHeaderValue.Parse(tag);
}
