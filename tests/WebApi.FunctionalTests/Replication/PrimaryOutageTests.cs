using Ecommerce.WebApi.FunctionalTests.Reliability;

namespace Ecommerce.WebApi.FunctionalTests.Replication;

/// <summary>
/// While the primary is down, writes are answered 503 with Retry-After, reads go on from the standby
/// and the instance stays ready (degraded); once the primary is back, writes work again without a restart.
/// </summary>
[Collection(ReplicationCollection.Name)]
public sealed class PrimaryOutageTests(ReplicatedCatalog catalog)
{
    [Fact]
    public async Task Writes_answer_503_while_the_primary_is_down_and_reads_go_on_from_the_standby()
    {
        await catalog.WaitUntilStandbyServesReadsAsync();
        var client = catalog.Service.CreateClient();
        await catalog.ReplicaSet.WaitForReplayAsync();

        catalog.ReplicaSet.StopPrimary();
        try
        {
            for (var write = 0; write < 5; write++)
            {
                var response = await client.PostAsJsonAsync("/api/v1/products", new { name = ReplicatedCatalog.Name("Outage"), price = 1m, stock = 1, categoryId = 1 });
                await response.AssertUnavailableAsync();
                Assert.False(response.Headers.Contains("Catalog-Consistency"));
            }

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products/1")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/products?category={SeedCatalog.CategorySlug}")).StatusCode);

            var ready = await client.GetAsync("/health/ready");
            var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Degraded", body.GetProperty("status").GetString());
            Assert.StartsWith("serving reads", body.GetProperty("checks").GetProperty("database").GetProperty("data").GetProperty("replica-1").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            catalog.ReplicaSet.StartPrimary();
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        HttpResponseMessage created;
        while (!(created = await client.PostAsJsonAsync("/api/v1/products", new { name = ReplicatedCatalog.Name("Back"), price = 1m, stock = 1, categoryId = 1 })).IsSuccessStatusCode)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Writes still fail 10 s after the primary restarted: {(int)created.StatusCode}");
            await Task.Delay(100);
        }

        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/products/{id}");
        read.Headers.Add("Catalog-Consistency", ReplicatedCatalog.TokenOf(created));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(read)).StatusCode);
        await catalog.ReplicaSet.WaitForReplayAsync();
        await catalog.WaitUntilStandbyServesReadsAsync();
    }
}
