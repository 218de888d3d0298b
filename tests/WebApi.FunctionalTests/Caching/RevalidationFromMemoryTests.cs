using Ecommerce.Application.Caching;
using Ecommerce.WebApi.FunctionalTests.Performance;

namespace Ecommerce.WebApi.FunctionalTests.Caching;

/// <summary>
/// A revalidation of a single resource that this instance read since the last change to its table is
/// answered <c>304</c> from memory, without a statement; a change by any writer (here one that bypasses
/// the service, as another instance would) makes the old tag read the row again once the change feed
/// has seen it, and a request with a consistency token always reads. Lists take the version their tag
/// is made of from memory on the same terms.
/// </summary>
public sealed class RevalidationFromMemoryTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_resource_read_since_the_last_change_is_revalidated_without_the_database_unless_a_consistency_token_comes()
    {
        var category = await _client.CreateCategoryAsync(Unique("Remembered"));
        var product = await _client.CreateProductAsync(Unique("Remembered product"), category.Id);
        await SettledAsync();
        var urls = new[]
        {
            $"/api/v1/products/{product.Id}", $"/api/v1/products/by-slug/{product.Slug}",
            $"/api/v1/categories/{category.Id}", $"/api/v1/categories/by-slug/{category.Slug}",
        };
        var tags = new List<string>();
        foreach (var url in urls)
        {
            tags.Add(await _client.ETagOfAsync(url));
        }

        using var sent = new SentStatements(factory.Database.Name);
        for (var i = 0; i < urls.Length; i++)
        {
            await AssertNotModifiedAsync(urls[i], tags[i]);
        }

        Assert.DoesNotContain(sent.Statements, ReadsTheCatalog);

        var withToken = Get(urls[0], tags[0]);
        withToken.Headers.TryAddWithoutValidation("Catalog-Consistency", "any");
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(withToken)).StatusCode);
        Assert.Contains(sent.Statements, ReadsTheCatalog);
    }

    [Fact]
    public async Task A_change_committed_by_another_writer_makes_the_remembered_tag_read_the_row_again()
    {
        var category = await _client.CreateCategoryAsync(Unique("Changed elsewhere"));
        var product = await _client.CreateProductAsync(Unique("Changed elsewhere"), category.Id);
        var url = $"/api/v1/products/{product.Id}";
        await SettledAsync();
        var tag = await _client.ETagOfAsync(url);
        await AssertNotModifiedAsync(url, tag);

        await factory.Database.ExecuteAsync($"UPDATE products SET name = 'Renamed elsewhere' WHERE id = {product.Id}");

        var response = await ReadUntilChangedAsync(url, tag);
        Assert.NotEqual(tag, response.Headers.ETag!.ToString());
        Assert.Equal("Renamed elsewhere", (await response.Content.ReadFromJsonAsync<ProductDto>())!.Name);
    }

    [Fact]
    public async Task A_list_takes_its_version_from_memory_until_another_writer_changes_its_tables()
    {
        var category = await _client.CreateCategoryAsync(Unique("Listed from memory"));
        var product = await _client.CreateProductAsync(Unique("Listed from memory"), category.Id);
        var url = $"/api/v1/products?category={category.Slug}";
        await SettledAsync();
        var tag = await _client.ETagOfAsync(url);

        using (var sent = new SentStatements(factory.Database.Name))
        {
            await AssertNotModifiedAsync(url, tag);
            Assert.DoesNotContain(sent.Statements, statement => statement.Contains("catalog_versions", StringComparison.Ordinal));
        }

        await factory.Database.ExecuteAsync($"UPDATE products SET price = price + 1 WHERE id = {product.Id}");

        var response = await ReadUntilChangedAsync(url, tag);
        Assert.NotEqual(tag, response.Headers.ETag!.ToString());
    }

    private static bool ReadsTheCatalog(string statement) =>
        statement.Contains("FROM products", StringComparison.Ordinal) || statement.Contains("FROM categories", StringComparison.Ordinal);

    /// <summary>Following the versions, with earlier writes seen: the feed reads the versions a moment after each commit.</summary>
    private async Task SettledAsync()
    {
        var changes = factory.Services.GetRequiredService<ICatalogChangeFeed>();
        var deadline = DateTime.UtcNow + Deadline;
        var position = changes.Position(CatalogTables.Categories | CatalogTables.Products);
        for (var quiet = 0; quiet < 3 || position is null; position = changes.Position(CatalogTables.Categories | CatalogTables.Products))
        {
            Assert.True(DateTime.UtcNow < deadline, "The service does not follow the catalog's versions.");
            await Task.Delay(100);
            quiet = position is not null && changes.Position(CatalogTables.Categories | CatalogTables.Products) == position ? quiet + 1 : 0;
        }
    }

    private async Task<HttpResponseMessage> ReadUntilChangedAsync(string url, string staleTag)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var response = await _client.SendAsync(Get(url, staleTag));
            if (response.StatusCode != HttpStatusCode.NotModified)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return response;
            }

            Assert.True(DateTime.UtcNow < deadline, "The stale tag was still answered 304.");
            await Task.Delay(50);
        }
    }

    private async Task AssertNotModifiedAsync(string url, string tag)
    {
        var response = await _client.SendAsync(Get(url, tag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(tag, response.Headers.ETag!.ToString());
        Assert.Equal("public, no-cache", response.Headers.CacheControl!.ToString());
    }

    private static HttpRequestMessage Get(string url, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return request;
    }
}
