namespace Ecommerce.WebApi.FunctionalTests.Caching;

/// <summary><c>HEAD</c> wherever <c>GET</c> is: the same status and headers, no body; and <c>Cache-Control</c> on every read.</summary>
public sealed class HeadTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private static readonly string[] ComparedHeaders = ["ETag", "Cache-Control", "X-Content-Type-Options"];

    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> Reads => new()
    {
        "/api/v1/categories",
        "/api/v1/categories/tree",
        "/api/v1/categories/{categoryId}",
        "/api/v1/categories/by-slug/{categorySlug}",
        "/api/v1/products",
        "/api/v1/products?category={categorySlug}&sort=-price&pageSize=3",
        "/api/v1/products/{productId}",
        "/api/v1/products/by-slug/{productSlug}",
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Every_read_is_200_with_an_etag_and_cache_control_and_head_answers_the_same_without_a_body(string route)
    {
        var url = await UrlAsync(route);

        var get = await _client.GetAsync(url);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.NotNull(get.Headers.ETag);
        Assert.Equal("public, no-cache", get.Headers.CacheControl?.ToString());
        Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
        AssertSameAnswer(get, head);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/v1/products/987654321")]
    [InlineData("/api/v1/categories/by-slug/no-such-category")]
    [InlineData("/api/v1/products?pageSize=1000")]
    public async Task Head_of_a_read_that_fails_has_the_failure_s_status_and_headers_without_a_body(string url)
    {
        var get = await _client.GetAsync(url);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.True((int)get.StatusCode >= 400);
        AssertSameAnswer(get, head);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_with_a_current_tag_is_304_like_get()
    {
        var url = await UrlAsync("/api/v1/products?category={categorySlug}");
        var tag = await _client.ETagOfAsync(url);
        var request = new HttpRequestMessage(HttpMethod.Head, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", tag);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(tag, response.Headers.ETag!.ToString());
    }

    private static void AssertSameAnswer(HttpResponseMessage get, HttpResponseMessage head)
    {
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        foreach (var name in ComparedHeaders)
        {
            Assert.Equal(Values(get, name), Values(head, name));
        }
    }

    private static string[] Values(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? [.. values] : [];

    /// <summary>The route with ids and slugs of a category and product made once per class database.</summary>
    private async Task<string> UrlAsync(string route)
    {
        var slug = "head-reads";
        var category = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM categories WHERE slug = 'head-reads'") == 0
            ? await _client.CreateCategoryAsync("Head reads", slug: slug)
            : await (await _client.GetAsync($"/api/v1/categories/by-slug/{slug}")).ReadAsync<CategoryDto>(HttpStatusCode.OK);
        var product = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM products WHERE slug = 'head-product'") == 0
            ? await _client.CreateProductAsync("Head product", category.Id, slug: "head-product")
            : await (await _client.GetAsync("/api/v1/products/by-slug/head-product")).ReadAsync<ProductDto>(HttpStatusCode.OK);
        return route
            .Replace("{categoryId}", category.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{categorySlug}", category.Slug, StringComparison.Ordinal)
            .Replace("{productId}", product.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{productSlug}", product.Slug, StringComparison.Ordinal);
    }
}
