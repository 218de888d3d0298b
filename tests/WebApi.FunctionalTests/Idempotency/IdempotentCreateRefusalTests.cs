using static Ecommerce.WebApi.FunctionalTests.Idempotency.IdempotentPosts;

namespace Ecommerce.WebApi.FunctionalTests.Idempotency;

/// <summary>
/// A create with an <c>Idempotency-Key</c> writes inside the transaction that holds the key, so a
/// statement that PostgreSQL refuses must leave that transaction usable: for the slug lookup that
/// follows, for the answer recorded with the write, or for the rollback that frees the key.
/// </summary>
public sealed class IdempotentCreateRefusalTests(IdempotencyApiFactory factory) : IClassFixture<IdempotencyApiFactory>
{
    private const string Products = "/api/v1/products";

    private Task<long> CountAsync(string name) => factory.Database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE name = '{name}'");

    [Fact]
    public async Task A_generated_slug_refused_in_the_keys_transaction_gets_its_suffix_and_a_retry_the_same_answer()
    {
        var client = factory.CreateClient();
        var categoryId = (await client.CreateCategoryAsync(Unique("Shelf"))).Id;
        var name = Unique("Twice");
        var first = await client.CreateProductAsync(name, categoryId);
        var body = $"{{\"name\":\"{name}\",\"price\":5,\"stock\":1,\"categoryId\":{categoryId}}}";
        var key = NewKey();

        var answer = await (await client.PostAsync(Products, body, key)).AnswerAsync();
        var retry = await (await client.PostAsync(Products, body, key)).AnswerAsync();

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal(first.Slug + "-2", JsonDocument.Parse(answer.Body).RootElement.GetProperty("slug").GetString());
        Assert.Equal(answer, retry);
        Assert.Equal(2, await CountAsync(name));
    }

    [Fact]
    public async Task A_create_refused_in_the_keys_transaction_records_nothing_and_the_key_runs_again()
    {
        var client = factory.CreateClient();
        var active = (await client.CreateCategoryAsync(Unique("Shelf"))).Id;
        var inactive = (await client.CreateCategoryAsync(Unique("Closed"))).Id;
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/categories/{inactive}")).StatusCode);
        var taken = await client.CreateProductAsync(Unique("Taken"), active);
        var name = Unique("Keyed");
        var key = NewKey();

        var slugTaken = await client.PostAsync(Products, $"{{\"name\":\"{name}\",\"slug\":\"{taken.Slug}\",\"price\":5,\"stock\":1,\"categoryId\":{active}}}", key);
        var categoryRefused = await client.PostAsync(Products, $"{{\"name\":\"{name}\",\"price\":5,\"stock\":1,\"categoryId\":{inactive}}}", key);
        var accepted = await client.PostAsync(Products, $"{{\"name\":\"{name}\",\"price\":5,\"stock\":1,\"categoryId\":{active}}}", key);

        Assert.Equal("Product.SlugTaken", (await slugTaken.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await categoryRefused.AssertValidationErrorsAsync("categoryId");
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(1, await CountAsync(name));
    }

    [Fact]
    public async Task Racing_keyed_creates_of_one_name_all_succeed_with_distinct_slugs()
    {
        const int requests = 8;
        var client = factory.CreateClient();
        var categoryId = (await client.CreateCategoryAsync(Unique("Race"))).Id;
        var name = Unique("Keyed race");
        var body = $"{{\"name\":\"{name}\",\"price\":5,\"stock\":1,\"categoryId\":{categoryId}}}";

        var responses = await Race.AllAtOnceAsync(requests, _ => client.PostAsync(Products, body, NewKey()));

        var slugs = await Task.WhenAll(responses.Select(async response => (await response.ReadAsync<ProductDto>(HttpStatusCode.Created)).Slug));
        Assert.Equal(requests, slugs.Distinct().Count());
        Assert.Equal(requests, await CountAsync(name));
    }
}
