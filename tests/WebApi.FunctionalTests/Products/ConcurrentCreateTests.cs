using System.Net;
using System.Net.Http.Json;
using Ecommerce.Application.Products;
using Ecommerce.WebApi.FunctionalTests.Infrastructure;
using static Ecommerce.WebApi.FunctionalTests.Infrastructure.ApiAssertions;

namespace Ecommerce.WebApi.FunctionalTests.Products;

/// <summary>Requests racing for one slug: each gets a distinct slug or a 409, never a 500 or a half write.</summary>
public sealed class ConcurrentCreateTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private const int Requests = 20;

    [Fact]
    public async Task Parallel_creates_of_one_name_get_distinct_slugs_or_409()
    {
        var client = factory.CreateClient();
        var categoryId = (await client.CreateCategoryAsync(Unique("Race"))).Id;
        var name = Unique("Same Name");

        var responses = await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ =>
            client.PostAsJsonAsync("/api/v1/products", new { name, price = 5m, stock = 1, categoryId })));

        Assert.All(responses, response => Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var created = responses.Where(response => response.StatusCode == HttpStatusCode.Created).ToList();
        var slugs = await Task.WhenAll(created.Select(async response => (await response.ReadAsync<ProductDto>(HttpStatusCode.Created)).Slug));
        Assert.NotEmpty(slugs);
        Assert.Equal(slugs.Length, slugs.Distinct().Count());
        Assert.Equal(created.Count, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE category_id = {categoryId}"));
    }

    [Fact]
    public async Task Parallel_creates_of_one_explicit_slug_let_exactly_one_win()
    {
        var client = factory.CreateClient();
        var categoryId = (await client.CreateCategoryAsync(Unique("Race"))).Id;
        var slug = "explicit-" + Guid.NewGuid().ToString("N")[..8];

        var responses = await Task.WhenAll(Enumerable.Range(0, Requests).Select(index =>
            client.PostAsJsonAsync("/api/v1/products", new { name = $"Item {index}", slug, price = 5m, stock = 1, categoryId })));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(response => response.StatusCode != HttpStatusCode.Created),
            response => Assert.Equal(HttpStatusCode.Conflict, response.StatusCode));
        Assert.Equal(1, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE category_id = {categoryId}"));
    }
}
