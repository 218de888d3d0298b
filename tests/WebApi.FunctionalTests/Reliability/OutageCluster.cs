namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>
/// A PostgreSQL cluster of the outage tests' own, which they stop and start again, with the
/// service over a catalog database on it. Commits are synchronous here, unlike the other test
/// clusters: an immediate stop is a crash, and a crash may only lose what was never acknowledged.
/// </summary>
public sealed class OutageCluster : IAsyncLifetime
{
    private const string DatabaseName = "catalog";

    private PostgresCluster? _cluster;

    public PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster starts in InitializeAsync.");

    public string ConnectionString =>
        new NpgsqlConnectionStringBuilder(Cluster.AdminConnectionString) { Database = DatabaseName, Pooling = true }.ConnectionString;

    public ServiceOverDatabase Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _cluster = PostgresCluster.Start("-c synchronous_commit=on");
        await using (var connection = new NpgsqlConnection(Cluster.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync();
        }

        Service = new ServiceOverDatabase(ConnectionString);
        await Service.MigrateAsync();
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var seed = dataSource.CreateCommand(SeedCatalog.Sql);
        await seed.ExecuteNonQueryAsync();
        await WarmUpAsync();
    }

    /// <summary>
    /// One request of each kind before the load, as a load balancer sends traffic only to an instance
    /// that is ready: the first of each pays for compiling code, which is not what the outage tests measure.
    /// </summary>
    private async Task WarmUpAsync()
    {
        var client = Service.CreateClient();
        for (var attempt = 0; attempt < 10 && !(await client.GetAsync("/health/ready")).IsSuccessStatusCode; attempt++)
        {
        }

        foreach (var url in new[] { "/api/v1/products/1", "/api/v1/products/by-slug/seed-1", "/api/v1/products?category=phones", "/api/v1/products?q=seed", "/api/v1/categories/tree", "/api/v1/categories", "/api/v1/categories/1" })
        {
            (await client.GetAsync(url)).EnsureSuccessStatusCode();
        }

        var created = await client.PostAsJsonAsync("/api/v1/products", new { name = "Warm-up", price = 1m, stock = 1, categoryId = 1 });
        var id = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await client.PutAsJsonAsync($"/api/v1/products/{id}", new { name = "Warm-up", price = 2m, stock = 1, categoryId = 1 })).EnsureSuccessStatusCode();
        (await client.DeleteAsync($"/api/v1/products/{id}")).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/categories", new { name = "Warm-up", parentId = 1 })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        _cluster?.Dispose();
    }
}

/// <summary>The outage tests stop a server: they run alone, after the tests that run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OutageCollection : ICollectionFixture<OutageCluster>
{
    public const string Name = "Outages";
}
