namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>
/// Two admins who read the same version and send their changes at the same moment with that version
/// in <c>If-Match</c>: one change is saved, the other is refused with <c>412</c> and is not in the row.
/// </summary>
public sealed class LostUpdateTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    /// <summary>Several rounds, so that both requests read the row before either writes in some of them.</summary>
    private const int Rounds = 12;

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Two_product_updates_with_the_same_if_match_save_one_and_refuse_the_other()
    {
        var categoryId = (await _client.CreateCategoryAsync(Unique("Lost update"))).Id;

        for (var round = 1; round <= Rounds; round++)
        {
            var product = await _client.CreateProductAsync(Unique("Contested"), categoryId, price: 10m, stock: 1);
            var url = $"/api/v1/products/{product.Id}";
            var etag = await _client.ETagOfAsync(url);
            object[] bodies =
            [
                new { name = $"First {round}", price = 11m, stock = 2, categoryId },
                new { name = $"Second {round}", price = 22m, stock = 3, categoryId },
            ];

            var responses = await Race.AllAtOnceAsync(2, index => _client.PutJsonAsync(url, bodies[index], etag));

            var (winner, saved) = await AssertOneSavedOneRefusedAsync<ProductDto>(responses);
            var stored = await (await _client.GetAsync(url)).ReadAsync<ProductDto>(HttpStatusCode.OK);
            Assert.Equal(saved, stored);
            Assert.Equal(winner == 0 ? ($"First {round}", 11m, 2) : ($"Second {round}", 22m, 3), (stored.Name, stored.Price, stored.Stock));
            Assert.Equal(responses[winner].Headers.ETag?.ToString(), await _client.ETagOfAsync(url));
        }
    }

    [Fact]
    public async Task Two_category_updates_with_the_same_if_match_save_one_and_refuse_the_other()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var category = await _client.CreateCategoryAsync(Unique("Contested"));
            var url = $"/api/v1/categories/{category.Id}";
            var etag = await _client.ETagOfAsync(url);
            string[] names = [$"First {round}", $"Second {round}"];

            var responses = await Race.AllAtOnceAsync(2, index => _client.PutJsonAsync(url, new { name = names[index] }, etag));

            var (winner, saved) = await AssertOneSavedOneRefusedAsync<CategoryDto>(responses);
            var stored = await (await _client.GetAsync(url)).ReadAsync<CategoryDto>(HttpStatusCode.OK);
            Assert.Equal(saved, stored);
            Assert.Equal(names[winner], stored.Name);
            Assert.Equal(names[winner], await factory.Database.ScalarAsync<string>($"SELECT name FROM categories WHERE id = {category.Id}"));
            Assert.Equal(responses[winner].Headers.ETag?.ToString(), await _client.ETagOfAsync(url));
        }
    }

    /// <returns>The index of the request that was saved, and what it answered.</returns>
    private static async Task<(int Winner, T Saved)> AssertOneSavedOneRefusedAsync<T>(HttpResponseMessage[] responses)
    {
        var statuses = responses.Select(response => response.StatusCode).ToArray();
        Assert.True(
            statuses.Order().SequenceEqual([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed]),
            $"Expected one 200 and one 412, got {string.Join(" and ", statuses.Select(status => (int)status))}.");
        var winner = Array.IndexOf(statuses, HttpStatusCode.OK);
        await responses[1 - winner].AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        return (winner, await responses[winner].ReadAsync<T>(HttpStatusCode.OK));
    }
}
