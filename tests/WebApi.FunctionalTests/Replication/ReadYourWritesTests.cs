namespace Ecommerce.WebApi.FunctionalTests.Replication;

/// <summary>
/// The standby applies each commit 50 ms after the primary made it, so a read right after a write
/// misses it there; with the write's consistency token, the read sees it every time.
/// </summary>
[Collection(ReplicationCollection.Name)]
public sealed class ReadYourWritesTests(ReplicatedCatalog catalog)
{
    private static readonly TimeSpan ApplyDelay = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Every_read_that_presents_its_writes_token_sees_the_write_across_200_pairs()
    {
        var client = catalog.Service.CreateClient();
        var (id, _) = await ReplicatedCatalog.CreateProductAsync(client, ReplicatedCatalog.Name("Pairs"));
        await catalog.ReplicaSet.WaitForReplayAsync();
        await catalog.ReplicaSet.SetStandbyApplyDelayAsync(ApplyDelay);
        try
        {
            await catalog.WaitUntilStandbyServesReadsAsync();
            var stale = 0;
            for (var pair = 0; pair < 20; pair++)
            {
                var name = ReplicatedCatalog.Name($"Untokened {pair}");
                await UpdateAsync(client, id, name);
                stale += await NameAsync(client, id, token: null) == name ? 0 : 1;
            }

            // Without the token the standby answers, before it has applied the write.
            Assert.True(stale > 0, "Every read without a token saw its write: the standby did not lag, so this test proves nothing.");

            for (var pair = 0; pair < 200; pair++)
            {
                var name = ReplicatedCatalog.Name($"Pair {pair}");
                var token = await UpdateAsync(client, id, name);
                Assert.Equal(name, await NameAsync(client, id, token));
            }
        }
        finally
        {
            await catalog.ReplicaSet.SetStandbyApplyDelayAsync(TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task A_token_also_covers_a_new_resource_and_several_tokens_mean_the_newest()
    {
        var client = catalog.Service.CreateClient();
        await catalog.ReplicaSet.SetStandbyApplyDelayAsync(ApplyDelay);
        try
        {
            await catalog.WaitUntilStandbyServesReadsAsync();
            var (first, firstToken) = await ReplicatedCatalog.CreateProductAsync(client, ReplicatedCatalog.Name("First"));
            var (second, secondToken) = await ReplicatedCatalog.CreateProductAsync(client, ReplicatedCatalog.Name("Second"));

            using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/products/{second}");
            read.Headers.Add("Catalog-Consistency", $"{firstToken}, {secondToken}");
            (await client.SendAsync(read)).EnsureSuccessStatusCode();

            using var garbled = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/products/{first}");
            garbled.Headers.Add("Catalog-Consistency", "not-a-token");
            (await client.SendAsync(garbled)).EnsureSuccessStatusCode();
        }
        finally
        {
            await catalog.ReplicaSet.SetStandbyApplyDelayAsync(TimeSpan.Zero);
        }
    }

    private static async Task<string> UpdateAsync(HttpClient client, int id, string name)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/products/{id}", new { name, price = 10m, stock = 1, categoryId = 1 });
        response.EnsureSuccessStatusCode();
        return ReplicatedCatalog.TokenOf(response);
    }

    private static async Task<string?> NameAsync(HttpClient client, int id, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/products/{id}");
        if (token is not null)
        {
            request.Headers.Add("Catalog-Consistency", token);
        }

        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString();
    }
}
