using Ecommerce.Domain.Catalog;

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

    /// <summary>
    /// The codes of a slug conflict: the handler's when it finds the slug taken, the unit of work's when
    /// the unique index refuses a slug taken between that check and the save.
    /// </summary>
    private static string[] SlugTakenCodes(string resource) => [$"{resource}.SlugTaken"];

    [Fact]
    public async Task Parallel_creates_of_one_explicit_product_slug_let_exactly_one_win_and_the_rest_conflict()
    {
        var client = factory.CreateClient();
        var categoryId = (await client.CreateCategoryAsync(Unique("Race"))).Id;

        for (var round = 1; round <= Rounds; round++)
        {
            var slug = "explicit-" + Guid.NewGuid().ToString("N")[..8];
            var names = Enumerable.Range(0, Requests).Select(index => $"Item {round}-{index}").ToArray();

            var responses = await Race.AllAtOnceAsync(Requests, index =>
                client.PostAsJsonAsync("/api/v1/products", new { name = names[index], slug, price = 5m, stock = 1, categoryId }));

            var winner = await AssertOneWinnerAsync<ProductDto>(responses, "Product");
            Assert.Equal(slug, winner.Slug);
            Assert.Equal(winner.Name, await factory.Database.ScalarAsync<string>($"SELECT name FROM products WHERE slug = '{slug}'"));
        }

        Assert.Equal(Rounds, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE category_id = {categoryId}"));
    }

    [Fact]
    public async Task Parallel_creates_of_one_explicit_category_slug_let_exactly_one_win_and_the_rest_conflict()
    {
        var client = factory.CreateClient();

        for (var round = 1; round <= Rounds; round++)
        {
            var slug = "explicit-" + Guid.NewGuid().ToString("N")[..8];

            var responses = await Race.AllAtOnceAsync(Requests, index =>
                client.PostAsJsonAsync("/api/v1/categories", new { name = $"Category {round}-{index}", slug }));

            var winner = await AssertOneWinnerAsync<CategoryDto>(responses, "Category");
            Assert.Equal(slug, winner.Slug);
            Assert.Equal(1, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM categories WHERE slug = '{slug}'"));
        }
    }

    [Fact]
    public async Task Parallel_creates_of_distinct_explicit_slugs_all_succeed()
    {
        var client = factory.CreateClient();
        var categoryId = (await client.CreateCategoryAsync(Unique("Race"))).Id;
        var slugs = Enumerable.Range(0, Requests).Select(index => $"distinct-{index}-{Guid.NewGuid():N}"[..24]).ToArray();

        var responses = await Race.AllAtOnceAsync(Requests, index =>
            client.PostAsJsonAsync("/api/v1/products", new { name = $"Item {index}", slug = slugs[index], price = 5m, stock = 1, categoryId }));

        var created = await Task.WhenAll(responses.Select(response => response.ReadAsync<ProductDto>(HttpStatusCode.Created)));
        Assert.Equal(slugs.Order(), created.Select(product => product.Slug).Order());
        Assert.Equal(Requests, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE category_id = {categoryId}"));
    }

    /// <summary>Exactly one <c>201</c>; every other answer a <c>409</c> slug conflict. Returns the winner.</summary>
    private static async Task<T> AssertOneWinnerAsync<T>(HttpResponseMessage[] responses, string resource)
    {
        var winner = Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        foreach (var loser in responses.Where(response => response != winner))
        {
            var problem = await loser.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains(problem.GetProperty("code").GetString(), SlugTakenCodes(resource));
        }

        return await winner.ReadAsync<T>(HttpStatusCode.Created);
    }
}
