using System.Net;
using System.Net.Http.Json;
using Ecommerce.Application.Products;
using Ecommerce.Domain.Catalog;
using Ecommerce.WebApi.FunctionalTests.Infrastructure;
using static Ecommerce.WebApi.FunctionalTests.Infrastructure.ApiAssertions;

namespace Ecommerce.WebApi.FunctionalTests.Products;

/// <summary>Requests racing for one slug: a generated slug is always found, an explicit one is won once.</summary>
public sealed class ConcurrentCreateTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private const int Requests = 16;
    private const int Rounds = 4;

    public static TheoryData<int> NameLengths => [20, Product.MaxNameLength];

    [Theory]
    [MemberData(nameof(NameLengths))]
    public async Task Parallel_creates_of_one_name_all_succeed_with_distinct_generated_slugs(int nameLength)
    {
        var client = factory.CreateClient();
        var categoryId = (await client.CreateCategoryAsync(Unique("Race"))).Id;

        for (var round = 1; round <= Rounds; round++)
        {
            var name = (Unique("Same Name") + " " + new string('w', Product.MaxNameLength))[..nameLength].TrimEnd();
            var wanted = Slug.FromName(name);

            var responses = await Race.AllAtOnceAsync(Requests, _ =>
                client.PostAsJsonAsync("/api/v1/products", new { name, price = 5m, stock = 1, categoryId }));

            var slugs = await Task.WhenAll(responses.Select(async response => (await response.ReadAsync<ProductDto>(HttpStatusCode.Created)).Slug));
            var expected = Enumerable.Range(1, Requests).Select(number => number == 1 ? wanted.Value : wanted.WithSuffix(number).Value);
            Assert.Equal(expected.Order(), slugs.Order());
        }

        Assert.Equal(Requests * Rounds, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE category_id = {categoryId}"));
    }

    [Fact]
    public async Task Parallel_creates_of_one_explicit_slug_let_exactly_one_win()
    {
        var client = factory.CreateClient();
        var categoryId = (await client.CreateCategoryAsync(Unique("Race"))).Id;
        var slug = "explicit-" + Guid.NewGuid().ToString("N")[..8];

        var responses = await Race.AllAtOnceAsync(Requests, index =>
            client.PostAsJsonAsync("/api/v1/products", new { name = $"Item {index}", slug, price = 5m, stock = 1, categoryId }));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(response => response.StatusCode != HttpStatusCode.Created),
            response => Assert.Equal(HttpStatusCode.Conflict, response.StatusCode));
        Assert.Equal(1, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE category_id = {categoryId}"));
    }
}
