using System.Diagnostics;

namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>
/// Bounded work: a read that runs past the read statement timeout is stopped on the server, a
/// request that runs past the request timeout is stopped too, and both are answered 503 with
/// Retry-After. A lock held on the products table makes any statement on it wait as long as needed.
/// </summary>
public sealed class TimeoutTests
{
    [Fact]
    public async Task A_read_past_the_statement_timeout_is_stopped_on_the_server_and_answered_503()
    {
        await using var database = await FreshDatabase.CreateAsync();
        await using var service = new ServiceOverDatabase(database.ConnectionString, new Dictionary<string, string>
        {
            ["Catalog:Database:ReadStatementTimeoutSeconds"] = "1",
            ["Catalog:Limits:RequestTimeoutSeconds"] = "60",
        });
        await service.MigrateAsync();
        var client = service.CreateClient();
        var category = await client.CreateCategoryAsync("Phones");
        var product = await client.CreateProductAsync("Pixel", category.Id);
        var anonymous = service.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;

        await using (await LockProductsAsync(database))
        {
            foreach (var url in new[] { "/api/v1/products?q=pixel&sort=-price", $"/api/v1/products/{product.Id}", "/api/v1/products/by-slug/pixel" })
            {
                var problem = await (await anonymous.GetAsync(url)).AssertUnavailableAsync();
                Assert.Equal("Database.StatementTimeout", problem.GetProperty("code").GetString());
            }

            Assert.Equal(0L, await WaitingOnLocksAsync(database));
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/products/{product.Id}")).StatusCode);
    }

    [Fact]
    public async Task Requests_past_the_request_timeout_are_answered_503_and_their_statements_cancelled()
    {
        await using var database = await FreshDatabase.CreateAsync();
        await using var service = new ServiceOverDatabase(database.ConnectionString, new Dictionary<string, string>
        {
            ["Catalog:Database:ReadStatementTimeoutSeconds"] = "0",
            ["Catalog:Limits:RequestTimeoutSeconds"] = "3",
        });
        await service.MigrateAsync();
        await database.ExecuteAsync("""
            INSERT INTO categories (name, slug, is_active, created_at, updated_at) VALUES ('Phones', 'phones', TRUE, now(), now());
            INSERT INTO products (name, slug, price, stock, category_id, rating, is_active, created_at, updated_at)
            VALUES ('Pixel', 'pixel', 1, 1, 1, 0, TRUE, now(), now());
            """);
        var client = service.CreateClient();
        var renamed = new { name = "Renamed", price = 2m, stock = 1, categoryId = 1 };
        // Unlocked first, until they succeed: a cold first call may itself take longer than this short timeout.
        await UntilOkAsync(() => client.GetAsync("/api/v1/products?q=pixel"));
        await UntilOkAsync(() => client.PutAsJsonAsync("/api/v1/products/1", renamed));

        await using (await LockProductsAsync(database))
        {
            var read = await (await client.GetAsync("/api/v1/products?q=pixel")).AssertUnavailableAsync();
            Assert.Equal("Request.Timeout", read.GetProperty("code").GetString());

            var write = await (await client.PutAsJsonAsync("/api/v1/products/1", renamed)).AssertUnavailableAsync();
            Assert.Equal("Write.OutcomeUnknown", write.GetProperty("code").GetString());
            Assert.Contains("may or may not have been applied", write.GetProperty("detail").GetString(), StringComparison.Ordinal);

            // Npgsql cancels a statement whose request was cancelled; none is left waiting on the lock.
            var waiting = await PollAsync(() => WaitingOnLocksAsync(database), count => count == 0);
            Assert.Equal(0L, waiting);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products/1")).StatusCode);
    }

    [Fact]
    public async Task While_the_database_is_cut_off_requests_are_answered_503_in_bounded_time()
    {
        await using var database = await FreshDatabase.CreateAsync();
        await using var proxy = PostgresProxy.To(database.ConnectionString);
        var connectionString = new NpgsqlConnectionStringBuilder(proxy.Through(database.ConnectionString))
        {
            CommandTimeout = 10,
            CancellationTimeout = 500,
        }.ConnectionString;
        await using var service = new ServiceOverDatabase(connectionString, new Dictionary<string, string>
        {
            ["Catalog:Limits:RequestTimeoutSeconds"] = "2",
        });
        await service.MigrateAsync();
        await database.ExecuteAsync("""
            INSERT INTO categories (name, slug, is_active, created_at, updated_at) VALUES ('Phones', 'phones', TRUE, now(), now());
            INSERT INTO products (name, slug, price, stock, category_id, rating, is_active, created_at, updated_at)
            VALUES ('Pixel', 'pixel', 1, 1, 1, 0, TRUE, now(), now());
            """);
        var client = service.CreateClient();
        await UntilOkAsync(() => client.GetAsync("/api/v1/products/1"));
        await UntilOkAsync(() => client.GetAsync("/api/v1/products?category=phones"));
        await UntilOkAsync(() => client.PutAsJsonAsync("/api/v1/products/1", new { name = "Pixel", price = 2m, stock = 1, categoryId = 1 }));

        // The connections the service holds go silent and new ones fail, as when the network path is
        // cut. A read is cancelled at the request timeout (2 s), and Npgsql gives the server 0.5 s to
        // confirm before it drops the connection; well before the Command Timeout (10 s).
        proxy.Partition();
        foreach (var url in new[] { "/api/v1/products/1", "/api/v1/products?category=phones" })
        {
            var clock = Stopwatch.StartNew();
            await (await client.GetAsync(url)).AssertUnavailableAsync();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(7), $"{url} took {clock.Elapsed.TotalSeconds:0.0} s");
        }

        // A command's pooled connection is reset before reuse, and Npgsql cannot cancel while it waits
        // for the reset's answer: the connection's Command Timeout bounds the write instead.
        var writeClock = Stopwatch.StartNew();
        var write = await (await client.PutAsJsonAsync("/api/v1/products/1", new { name = "Cut off", price = 2m, stock = 1, categoryId = 1 }))
            .AssertUnavailableAsync();
        Assert.Contains(write.GetProperty("code").GetString(), new[] { "Write.OutcomeUnknown", "Database.Unavailable" });
        Assert.True(writeClock.Elapsed < TimeSpan.FromSeconds(16), $"the write took {writeClock.Elapsed.TotalSeconds:0.0} s");

        proxy.Resume();
        await UntilOkAsync(() => client.GetAsync("/api/v1/products/1"));
    }

    private static async Task UntilOkAsync(Func<Task<HttpResponseMessage>> send)
    {
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 10 && status == HttpStatusCode.ServiceUnavailable; attempt++)
        {
            status = (await send()).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, status);
    }

    /// <summary>Holds an ACCESS EXCLUSIVE lock on products, as a migration rewriting the table would.</summary>
    private static async Task<IAsyncDisposable> LockProductsAsync(FreshDatabase database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("BEGIN; LOCK TABLE products IN ACCESS EXCLUSIVE MODE", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Sessions of the service that wait for a lock in this database right now.</summary>
    private static Task<long> WaitingOnLocksAsync(FreshDatabase database) => database.ScalarAsync<long>(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            value = await read();
        }

        return value;
    }
}
