using static Ecommerce.WebApi.FunctionalTests.Idempotency.IdempotentPosts;

namespace Ecommerce.WebApi.FunctionalTests.Idempotency;

/// <summary>
/// Requests with one key at the same moment: one of them runs, the others get its answer or, while it
/// is still running, a <c>409</c>; never a second product.
/// </summary>
public sealed class IdempotencyRaceTests(IdempotencyApiFactory factory) : IClassFixture<IdempotencyApiFactory>
{
    private const string Products = "/api/v1/products";
    private const int Rounds = 20;

    [Fact]
    public async Task Two_posts_with_one_key_at_once_create_one_product_and_get_its_answer_or_in_flight()
    {
        var client = factory.CreateClient();
        var categoryId = (await client.CreateCategoryAsync(Unique("Race"))).Id;
        for (var round = 0; round < Rounds; round++)
        {
            var name = Unique("Raced product");
            var body = $"{{\"name\":\"{name}\",\"price\":5,\"stock\":1,\"categoryId\":{categoryId}}}";
            var key = NewKey();

            var responses = await Race.AllAtOnceAsync(2, _ => client.PostAsync(Products, body, key));
            var answers = await Task.WhenAll(responses.Select(response => response.AnswerAsync()));
            var retry = await (await client.PostAsync(Products, body, key)).AnswerAsync();

            Assert.Equal(HttpStatusCode.Created, retry.Status);
            Assert.All(answers, answer =>
            {
                if (answer.Status != HttpStatusCode.Created)
                {
                    Assert.Equal(HttpStatusCode.Conflict, answer.Status);
                    Assert.Equal("Idempotency.RequestInFlight", JsonDocument.Parse(answer.Body).RootElement.GetProperty("code").GetString());
                }
                else
                {
                    Assert.Equal(retry, answer);
                }
            });
            Assert.Equal(1, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE name = '{name}'"));
        }
    }

    /// <summary>The first request is held inside its transaction (the test locks the category it refers to).</summary>
    [Fact]
    public async Task A_retry_while_the_first_request_runs_is_409_and_after_it_gets_the_first_answer()
    {
        var client = factory.CreateClient();
        var categoryId = (await client.CreateCategoryAsync(Unique("Held"))).Id;
        var name = Unique("Held product");
        var body = $"{{\"name\":\"{name}\",\"price\":5,\"stock\":1,\"categoryId\":{categoryId}}}";
        var key = NewKey();

        Task<HttpResponseMessage> first;
        HttpResponseMessage duringFirst;
        await using (var blocker = new NpgsqlConnection(factory.Database.ConnectionString))
        {
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var lockCategory = new NpgsqlCommand($"SELECT 1 FROM categories WHERE id = {categoryId} FOR UPDATE", blocker, transaction))
            {
                await lockCategory.ExecuteNonQueryAsync();
            }

            first = client.PostAsync(Products, body, key);
            // Waiting for the category's lock: past its claim, so holding the key.
            await WaitUntilAsync(async () => await factory.Database.ScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 1);
            duringFirst = await client.PostAsync(Products, body, key);
            await transaction.RollbackAsync();
        }

        var original = await (await first).AnswerAsync();
        var afterFirst = await (await client.PostAsync(Products, body, key)).AnswerAsync();

        Assert.Equal("Idempotency.RequestInFlight", (await duringFirst.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, original.Status);
        Assert.Equal(original, afterFirst);
        Assert.Equal(1, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE name = '{name}'"));
    }

    /// <summary>
    /// A lost race for a generated slug is retried by the command pipeline inside the key's transaction
    /// (EF Core rolls back to a savepoint), so every request still succeeds once.
    /// </summary>
    [Fact]
    public async Task Posts_of_one_name_with_different_keys_all_succeed_with_distinct_slugs()
    {
        const int requests = 8;
        var client = factory.CreateClient();
        var categoryId = (await client.CreateCategoryAsync(Unique("Slugs"))).Id;
        var name = Unique("Same name");
        var body = $"{{\"name\":\"{name}\",\"price\":5,\"stock\":1,\"categoryId\":{categoryId}}}";

        var responses = await Race.AllAtOnceAsync(requests, _ => client.PostAsync(Products, body, NewKey()));
        var slugs = await Task.WhenAll(responses.Select(async response => (await response.ReadAsync<ProductDto>(HttpStatusCode.Created)).Slug));

        Assert.Equal(requests, slugs.Distinct().Count());
        Assert.Equal(requests, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE name = '{name}'"));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The first request never reached the locked category.");
            await Task.Delay(20);
        }
    }
}
