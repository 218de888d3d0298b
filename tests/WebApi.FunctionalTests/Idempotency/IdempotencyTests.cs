using static Ecommerce.WebApi.FunctionalTests.Idempotency.IdempotentPosts;

namespace Ecommerce.WebApi.FunctionalTests.Idempotency;

/// <summary>POST with <c>Idempotency-Key</c>: retries get the first answer, other uses of a key are refused.</summary>
public sealed class IdempotencyTests(IdempotencyApiFactory factory) : IClassFixture<IdempotencyApiFactory>
{
    private const string Products = "/api/v1/products";

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_gets_the_first_answer_and_creates_nothing()
    {
        var client = factory.CreateClient();
        var (name, body) = await ProductBodyAsync(client);
        var key = NewKey();

        var first = await (await client.PostAsync(Products, body, key)).AnswerAsync();
        var retry = await (await client.PostAsync(Products, body, key)).AnswerAsync();

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.NotNull(first.Location);
        Assert.NotNull(first.ETag);
        Assert.Equal(first, retry);
        Assert.Equal(1, await CountAsync(name));
    }

    [Fact]
    public async Task The_same_body_written_differently_is_the_same_request_and_a_key_quoted_or_bare_is_the_same_key()
    {
        var client = factory.CreateClient();
        var (name, body) = await ProductBodyAsync(client);
        var bare = Guid.NewGuid().ToString();
        var reordered = JsonSerializer.Serialize(
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(body)!.Reverse().ToDictionary(), new JsonSerializerOptions { WriteIndented = true });

        var first = await (await client.PostAsync(Products, body, Quoted(bare))).AnswerAsync();
        var retry = await (await client.PostAsync(Products, reordered, bare)).AnswerAsync();

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(first, retry);
        Assert.Equal(1, await CountAsync(name));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_runs_nothing()
    {
        var client = factory.CreateClient();
        var (name, body) = await ProductBodyAsync(client);
        var key = NewKey();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(Products, body, key)).StatusCode);

        var other = await client.PostAsync(Products, body.Replace(name, name + " changed", StringComparison.Ordinal), key);
        var elsewhere = await client.PostAsync("/api/v1/categories", $"{{\"name\":\"{Unique("Elsewhere")}\"}}", key);

        Assert.Equal("Idempotency.KeyReused", (await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        await elsewhere.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, await CountAsync(name + " changed"));
        Assert.Equal(1, await CountAsync(name));
    }

    [Fact]
    public async Task Keys_belong_to_the_token_subject_so_two_clients_never_see_each_others_answers()
    {
        var first = factory.CreateClient();
        var second = factory.CreateClient();
        second.DefaultRequestHeaders.Authorization = new("Bearer", factory.Tokens.Create(["admin"], subject: "another-admin"));
        var (name, body) = await ProductBodyAsync(first);
        var key = NewKey();

        var mine = await (await first.PostAsync(Products, body, key)).AnswerAsync();
        var theirs = await (await second.PostAsync(Products, body, key)).AnswerAsync();

        Assert.Equal(HttpStatusCode.Created, mine.Status);
        Assert.Equal(HttpStatusCode.Created, theirs.Status);
        Assert.NotEqual(mine.Location, theirs.Location);
        Assert.Equal(2, await CountAsync(name));
    }

    [Fact]
    public async Task A_key_is_kept_for_24_hours_and_then_runs_again()
    {
        var client = factory.CreateClient();
        var (name, body) = await ProductBodyAsync(client);
        var key = NewKey();
        var first = await (await client.PostAsync(Products, body, key)).AnswerAsync();

        factory.Clock.Advance(TimeSpan.FromHours(23.9));
        var retried = await (await client.PostAsync(Products, body, key)).AnswerAsync();
        factory.Clock.Advance(TimeSpan.FromHours(0.2));
        var afterExpiry = await (await client.PostAsync(Products, body, key)).AnswerAsync();

        Assert.Equal(first, retried);
        Assert.Equal(HttpStatusCode.Created, afterExpiry.Status);
        Assert.NotEqual(first.Location, afterExpiry.Location);
        Assert.Equal(2, await CountAsync(name));
    }

    [Fact]
    public async Task A_refused_request_records_nothing_so_its_key_can_be_sent_again_corrected()
    {
        var client = factory.CreateClient();
        var (name, body) = await ProductBodyAsync(client);
        var key = NewKey();

        var refused = await client.PostAsync(Products, body.Replace("\"price\":5", "\"price\":-5", StringComparison.Ordinal), key);
        var corrected = await client.PostAsync(Products, body, key);

        await refused.AssertValidationErrorsAsync("price");
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(1, await CountAsync(name));
    }

    [Theory]
    [InlineData("\"unterminated")]
    [InlineData("\"\"")]
    [InlineData("\"a\";param=1")]
    [InlineData("two words")]
    [InlineData("\"tab\tinside\"")]
    public async Task A_malformed_key_is_400_naming_the_header(string key)
    {
        var client = factory.CreateClient();
        var (name, body) = await ProductBodyAsync(client);

        await (await client.PostAsync(Products, body, key)).AssertValidationErrorsAsync("Idempotency-Key");
        Assert.Equal(0, await CountAsync(name));
    }

    [Fact]
    public async Task A_key_over_255_characters_or_two_keys_are_400()
    {
        var client = factory.CreateClient();
        var (_, body) = await ProductBodyAsync(client);

        await (await client.PostAsync(Products, body, Quoted(new string('k', 256)))).AssertValidationErrorsAsync("Idempotency-Key");
        await (await client.PostAsync(Products, body, NewKey(), NewKey())).AssertValidationErrorsAsync("Idempotency-Key");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(Products, body, Quoted(new string('k', 255)))).StatusCode);
    }

    [Fact]
    public async Task Put_and_delete_are_idempotent_by_method_and_ignore_the_header()
    {
        var client = factory.CreateClient();
        var category = await client.CreateCategoryAsync(Unique("Put"));
        var key = NewKey();

        var first = await PutAsync(client, category.Id, Unique("Renamed"), key);
        var second = await PutAsync(client, category.Id, Unique("Renamed again"), key);
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/categories/{category.Id}");
        delete.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(delete)).StatusCode);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, int id, string name, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/categories/{id}")
        {
            Content = new StringContent($"{{\"name\":\"{name}\"}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<(string Name, string Body)> ProductBodyAsync(HttpClient client)
    {
        var category = await client.CreateCategoryAsync(Unique("Idempotency"));
        var name = Unique("Retried product");
        return (name, $"{{\"name\":\"{name}\",\"price\":5,\"stock\":1,\"categoryId\":{category.Id}}}");
    }

    private Task<long> CountAsync(string name) =>
        factory.Database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE name = '{name}'");
}
