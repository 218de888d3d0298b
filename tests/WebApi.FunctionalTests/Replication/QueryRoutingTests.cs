namespace Ecommerce.WebApi.FunctionalTests.Replication;

/// <summary>
/// Where the service's statements run, seen from the servers: each pool names itself in
/// <c>application_name</c>, and <c>pg_stat_activity</c> shows each session's last statement.
/// </summary>
[Collection(ReplicationCollection.Name)]
public sealed class QueryRoutingTests(ReplicatedCatalog catalog)
{
    private const string ProductReads = "%FROM products%";

    [Fact]
    public async Task Queries_are_served_by_the_standby_and_commands_by_the_primary()
    {
        var database = catalog.Database;
        var primary = catalog.ReplicaSet.PrimaryAdminConnectionString;
        var standby = catalog.ReplicaSet.StandbyAdminConnectionString;
        var client = catalog.Service.CreateClient();
        await catalog.WaitUntilStandbyServesReadsAsync();
        var since = await catalog.ServerTimeAsync();

        var (id, _) = await ReplicatedCatalog.CreateProductAsync(client, ReplicatedCatalog.Name("Routed"));
        await catalog.ReplicaSet.WaitForReplayAsync();
        for (var read = 0; read < 50; read++)
        {
            (await client.GetAsync($"/api/v1/products/{id}")).EnsureSuccessStatusCode();
            (await client.GetAsync("/api/v1/products?category=phones")).EnsureSuccessStatusCode();
        }

        Assert.True(await database.StandbyScalarAsync<bool>("SELECT pg_is_in_recovery()"));
        Assert.True(await ReplicatedCatalog.SessionsAsync(standby, database.Name, ReplicatedCatalog.QueriesPool, since, ProductReads) > 0,
            "No query session on the standby read products.");
        Assert.Equal(0, await ReplicatedCatalog.SessionsAsync(primary, database.Name, ReplicatedCatalog.QueriesPool, since));

        Assert.False(await database.ScalarAsync<bool>("SELECT pg_is_in_recovery()"));
        // The insert's session last read the write's consistency token.
        Assert.True(await ReplicatedCatalog.SessionsAsync(primary, database.Name, ReplicatedCatalog.CommandsPool, since, "%pg_current_wal_insert_lsn()%") > 0,
            "No command session on the primary ran since the test started.");
        Assert.Equal(0, await ReplicatedCatalog.SessionsAsync(standby, database.Name, ReplicatedCatalog.CommandsPool, since));
    }

    [Fact]
    public async Task The_reads_inside_a_command_see_what_the_primary_has_even_while_the_standby_lags()
    {
        var client = catalog.Service.CreateClient();
        await catalog.ReplicaSet.PauseReplayAsync();
        try
        {
            var created = await client.PostAsJsonAsync("/api/v1/categories", new { name = ReplicatedCatalog.Name("Parent") });
            var parentId = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

            // The child's parent rule reads the parent inside the command: on the standby it would not exist yet.
            var child = await client.PostAsJsonAsync("/api/v1/categories", new { name = ReplicatedCatalog.Name("Child"), parentId });
            Assert.Equal(HttpStatusCode.Created, child.StatusCode);
        }
        finally
        {
            await catalog.ReplicaSet.ResumeReplayAsync();
        }

        await catalog.WaitUntilStandbyServesReadsAsync();
    }

    [Fact]
    public async Task A_standby_that_falls_too_far_behind_stops_serving_reads_and_serves_them_again_once_it_caught_up()
    {
        var client = catalog.Service.CreateClient();
        await catalog.WaitUntilStandbyServesReadsAsync();
        await catalog.ReplicaSet.PauseReplayAsync();
        int id;
        try
        {
            (id, _) = await ReplicatedCatalog.CreateProductAsync(client, ReplicatedCatalog.Name("Behind"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/products/{id}")).StatusCode);

            await catalog.WaitForStandbyStateAsync(state => state.Contains("behind the primary (limit", StringComparison.Ordinal), "fall behind",
                ReplicatedCatalog.MaxLag + TimeSpan.FromSeconds(5));

            // Dropped: a read without a token now goes to the primary, which has the product.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/products/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            await catalog.ReplicaSet.ResumeReplayAsync();
        }

        await catalog.WaitUntilStandbyServesReadsAsync();
        var since = await catalog.ServerTimeAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/products/{id}")).StatusCode);
        Assert.Equal(0, await ReplicatedCatalog.SessionsAsync(
            catalog.ReplicaSet.PrimaryAdminConnectionString, catalog.Database.Name, ReplicatedCatalog.QueriesPool, since));
    }
}
