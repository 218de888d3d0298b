namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>
/// A write whose commit went through but whose answer was lost on the way back (the connection
/// broke in between) is reported as a 503 with an unknown outcome, never as done, and is applied
/// exactly once: the service does not send it again.
/// </summary>
public sealed class LostCommitTests : IAsyncLifetime
{
    private FreshDatabase _database = null!;
    private PostgresProxy _proxy = null!;
    private ServiceOverDatabase _service = null!;

    public async Task InitializeAsync()
    {
        _database = await FreshDatabase.CreateAsync();
        _proxy = PostgresProxy.To(_database.ConnectionString);
        _service = new ServiceOverDatabase(_proxy.Through(_database.ConnectionString));
        await _service.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _proxy.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_create_whose_commit_answer_was_lost_is_a_503_and_is_applied_exactly_once()
    {
        var client = _service.CreateClient();
        var category = await client.CreateCategoryAsync("Phones");
        var lost = _proxy.LoseReplyToNext(sql => sql.StartsWith("INSERT INTO products", StringComparison.Ordinal));

        var response = await client.PostAsJsonAsync("/api/v1/products", new { name = "Pixel Lost", price = 10m, stock = 1, categoryId = category.Id });

        var problem = await response.AssertUnavailableAsync();
        Assert.Equal("Write.OutcomeUnknown", problem.GetProperty("code").GetString());
        Assert.True(lost.IsCompletedSuccessfully, "the proxy must have dropped the insert's answer");
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM products WHERE name = 'Pixel Lost'"));

        // What the answer tells the client to do: check first. The write is there, so it is not sent again.
        var found = await (await client.GetAsync("/api/v1/products/by-slug/pixel-lost")).ReadAsync<ProductDto>(HttpStatusCode.OK);
        Assert.Equal("Pixel Lost", found.Name);
        var copies = await _database.ScalarAsync<long>("SELECT count(*) FROM products WHERE name = 'Pixel Lost'");
        ReliabilityLog.Record(new ReliabilityObservation(
            "lost-commit",
            "A create whose commit answer is lost is answered 503 Write.OutcomeUnknown, never 201, and is applied exactly once.",
            RequestsSent: 1,
            ServerErrors: 1,
            WritesAcknowledged: 0,
            WritesFound: (int)copies,
            Notes: $"answer {(int)response.StatusCode} {problem.GetProperty("code").GetString()}; rows with the create's name afterwards: {copies}"));
        Assert.Equal(1L, copies);
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM products"));
    }

    [Fact]
    public async Task An_update_whose_commit_answer_was_lost_is_a_503_applied_once_and_a_blind_retry_is_refused()
    {
        var client = _service.CreateClient();
        var category = await client.CreateCategoryAsync("Phones");
        var product = await client.CreateProductAsync("Pixel", category.Id);
        var before = await client.ETagOfAsync($"/api/v1/products/{product.Id}");
        var lost = _proxy.LoseReplyToNext(sql => sql.StartsWith("UPDATE products", StringComparison.Ordinal));
        var renamed = new { name = "Pixel Renamed", price = 12m, stock = 1, categoryId = category.Id };

        var response = await client.PutJsonAsync($"/api/v1/products/{product.Id}", renamed, ifMatch: before);

        var problem = await response.AssertUnavailableAsync();
        Assert.Equal("Write.OutcomeUnknown", problem.GetProperty("code").GetString());
        Assert.True(lost.IsCompletedSuccessfully, "the proxy must have dropped the update's answer");
        var current = await client.GetAsync($"/api/v1/products/{product.Id}");
        Assert.Equal("Pixel Renamed", (await current.ReadAsync<ProductDto>(HttpStatusCode.OK)).Name);
        Assert.NotEqual(before, current.Headers.ETag!.ToString());

        // A client that retries without checking, but with its If-Match, cannot apply the change twice.
        var retried = await client.PutJsonAsync($"/api/v1/products/{product.Id}", renamed, ifMatch: before);
        await retried.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Reads_and_writes_work_again_right_after_every_connection_was_cut()
    {
        var client = _service.CreateClient();
        var category = await client.CreateCategoryAsync("Phones");
        var product = await client.CreateProductAsync("Pixel", category.Id);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products?category=phones")).StatusCode);

        _proxy.CutAll();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/products/{product.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products?category=phones")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/categories/tree")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        // A write handed a connection the cut killed fails on its first read, before anything was
        // sent to be saved: a 503 that says nothing was applied. The pool is cleared by then.
        var write = await client.PostAsJsonAsync("/api/v1/products", new { name = "Pixel 2", price = 10m, stock = 1, categoryId = category.Id });
        if (write.StatusCode != HttpStatusCode.Created)
        {
            Assert.Equal("Database.Unavailable", (await write.AssertUnavailableAsync()).GetProperty("code").GetString());
        }

        await client.CreateProductAsync("Pixel 3", category.Id);
    }
}
