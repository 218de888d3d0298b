namespace Ecommerce.WebApi.FunctionalTests.Products.Paging;

/// <summary>
/// A reader follows <c>next</c> from page 1 to the end while a writer keeps inserting products and
/// deactivating others, in every order: no product appears twice, and every product that was there
/// from before the walk to after it appears.
/// </summary>
public sealed class CursorRaceTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>, IAsyncLifetime
{
    private const int Products = 400;

    private readonly HttpClient _client = factory.CreateAnonymousClient();

    public static TheoryData<string> Orders =>
        ["sort=name", "sort=-name", "sort=price", "sort=-price", "sort=rating", "sort=-rating", "sort=newest", "q=lamp", "q=lamp&sort=price"];

    public async Task InitializeAsync()
    {
        if (await factory.Database.ScalarAsync<long>("SELECT count(*) FROM categories") > 0)
        {
            return;
        }

        await factory.Database.ExecuteAsync($"""
            INSERT INTO categories (name, slug, is_active, created_at, updated_at) VALUES ('Lamps', 'lamps', TRUE, now(), now());
            INSERT INTO products (name, slug, description, price, stock, category_id, rating, is_active, created_at, updated_at)
            SELECT CASE WHEN i % 2 = 0 THEN 'Lamp ' || (i % 13) ELSE 'Shade ' || (i % 11) END, 'lamp-' || i,
                CASE WHEN i % 2 = 0 THEN 'Bright.' ELSE 'Fits any lamp.' END, (i % 17) * 3, 1,
                (SELECT id FROM categories WHERE slug = 'lamps'), (i % 5) / 1.0, TRUE, timestamptz '2026-01-01' + (i % 23) * interval '1 minute', now()
            FROM generate_series(1, {Products}) AS i;
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Walking_next_under_inserts_and_deletes_never_repeats_or_skips_a_product(string query)
    {
        var before = await ActiveIdsAsync();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() => WriteUntilAsync(query, stop.Token));

        List<int> walked;
        try
        {
            // A short pause between pages, so that the writer's changes land in the middle of the walk.
            walked = (await _client.WalkAsync($"/api/v1/products?{query}&pageSize=15", () => Task.Delay(5))).Ids();
        }
        finally
        {
            await stop.CancelAsync();
        }

        var writes = await writer;
        // Every product of this catalog mentions a lamp in its name or description, so each order walks all of them.
        var throughout = before.Intersect(await ActiveIdsAsync()).ToHashSet();

        Assert.True(writes >= 10, $"Only {writes} writes landed during the walk.");
        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Empty(throughout.Except(walked));
    }

    /// <summary>Inserts new products before, among and after the walked ones, and deactivates old and new ones, until stopped.</summary>
    private async Task<int> WriteUntilAsync(string query, CancellationToken stop)
    {
        var writes = 0;
        var round = 0;
        while (!stop.IsCancellationRequested)
        {
            round++;
            await factory.Database.ExecuteAsync($"""
                INSERT INTO products (name, slug, description, price, stock, category_id, rating, is_active, created_at, updated_at)
                SELECT CASE WHEN g % 2 = 0 THEN 'Lamp ' || g ELSE 'Aaa Lamp ' || g END, 'new-{Math.Abs(query.GetHashCode(StringComparison.Ordinal))}-{round}-' || g,
                    'Lamp.', (g * 7) % 60, 1, (SELECT id FROM categories WHERE slug = 'lamps'), (g % 5) / 1.0, TRUE,
                    timestamptz '2026-01-01' + ((g + {round}) % 30) * interval '1 minute', now()
                FROM generate_series(1, 3) AS g;
                UPDATE products SET is_active = FALSE, updated_at = now()
                WHERE id = (SELECT id FROM products WHERE is_active ORDER BY md5(id::text || '{round}') LIMIT 1);
                """);
            writes += 4;
            await Task.Delay(2, CancellationToken.None);
        }

        return writes;
    }

    private async Task<HashSet<int>> ActiveIdsAsync()
    {
        var ids = await factory.Database.ScalarAsync<int[]>("SELECT coalesce(array_agg(id), '{}') FROM products WHERE is_active");
        return [.. ids];
    }
}
