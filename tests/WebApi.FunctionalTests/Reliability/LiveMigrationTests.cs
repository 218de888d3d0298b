using System.Collections.Concurrent;

namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>
/// The migration bundle applied to a catalog that is serving writes: the release's migrations must
/// keep the service working while they run, and leave no derived value out of step with its rows.
/// </summary>
public sealed class LiveMigrationTests(PreviousReleaseSchemaFactory factory) : IClassFixture<PreviousReleaseSchemaFactory>
{
    private const int Writers = 4;

    private const string CounterMismatches = """
        SELECT count(*) FROM (SELECT category_id, count(*)::integer AS n FROM products WHERE is_active GROUP BY category_id) AS actual
        FULL JOIN category_product_counts AS counted USING (category_id)
        WHERE coalesce(actual.n, 0) <> coalesce(counted.active_products, 0)
        """;

    [Fact]
    public async Task The_bundle_applied_under_a_writer_loop_loses_no_write_fails_no_request_and_leaves_exact_counters()
    {
        var writers = await Task.WhenAll(Enumerable.Range(0, Writers).Select(index => CatalogWriter.StartAsync(factory.CreateClient(), index)));
        // What the counters of the previous release could miss: a product counted nowhere.
        await factory.Database.ExecuteAsync(
            $"UPDATE category_product_counts SET active_products = active_products + 7 WHERE category_id = {writers[0].Shelves[0]}");

        using var stop = new CancellationTokenSource();
        var loops = writers.Select(writer => writer.RunAsync(stop.Token)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var bundle = await MigrationBundle.RunAsync(factory.Database.ConnectionString);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        Assert.True(bundle.ExitCode == 0, bundle.Output);
        Assert.Equal(CatalogMigrations.InAssembly, await CatalogMigrations.AppliedAsync(factory.Database.ConnectionString));
        var statuses = writers.SelectMany(writer => writer.Statuses).ToList();
        Assert.All(statuses, status => Assert.True(status is >= 200 and < 300, $"A write got {status} while the migration ran."));
        Assert.All(writers.SelectMany(writer => writer.StaleTags), stale => Assert.True(stale.Value == 1, $"Product {stale.Key} went stale {stale.Value} times."));
        var found = 0;
        foreach (var writer in writers)
        {
            found += await writer.CountAcknowledgedStateFoundAsync(factory.Database);
        }

        var acknowledged = writers.Sum(writer => writer.AcknowledgedEntities);
        Assert.Equal(acknowledged, found);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>(CounterMismatches));
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM category_product_count_drift()"));
        ReliabilityLog.Record(new ReliabilityObservation(
            "live-migration",
            "The bundle applied while writers create, move, update and delete: no request fails, every acknowledged write is there, counters equal a recount.",
            statuses.Count, statuses.Count(status => status >= 500), acknowledged, found,
            $"{Writers} writers; {writers.Sum(writer => writer.WritesAcknowledged)} writes acknowledged; writes counted here are the "
            + "products and categories they touched, each checked against its last acknowledged state"));
    }

    /// <summary>
    /// One admin working on a corner of the catalog nobody else touches (two shelves, its products and
    /// subcategories), so that every write it makes is valid and its last acknowledged state is known.
    /// </summary>
    private sealed class CatalogWriter
    {
        private readonly HttpClient _client;
        private readonly Random _random;
        private readonly Dictionary<int, (ProductDto Product, string ETag)> _products = [];
        private readonly Dictionary<int, CategoryDto> _subcategories = [];
        private readonly HashSet<int> _deletedProducts = [];
        private readonly HashSet<int> _deletedSubcategories = [];

        private CatalogWriter(HttpClient client, int seed, int[] shelves)
        {
            _client = client;
            _random = new Random(seed);
            Shelves = shelves;
        }

        public int[] Shelves { get; }

        public ConcurrentBag<int> Statuses { get; } = [];

        /// <summary>How many times each product's tag went stale under the migration.</summary>
        public Dictionary<int, int> StaleTags { get; } = [];

        public int WritesAcknowledged { get; private set; }

        public int AcknowledgedEntities => _products.Count + _deletedProducts.Count + _subcategories.Count + _deletedSubcategories.Count;

        public static async Task<CatalogWriter> StartAsync(HttpClient client, int index)
        {
            var shelves = new[]
            {
                (await client.CreateCategoryAsync(ApiAssertions.Unique($"Writer {index} shelf"))).Id,
                (await client.CreateCategoryAsync(ApiAssertions.Unique($"Writer {index} other shelf"))).Id,
            };
            var writer = new CatalogWriter(client, index, shelves);
            for (var product = 0; product < 5; product++)
            {
                await writer.CreateProductAsync(CancellationToken.None);
            }

            return writer;
        }

        /// <summary>
        /// Writes until <paramref name="stop"/>, which is only looked at between writes: a write cut off
        /// while in flight may be applied without its answer arriving, and the state known here would
        /// no longer be the last one acknowledged.
        /// </summary>
        public async Task RunAsync(CancellationToken stop)
        {
            var none = CancellationToken.None;
            while (!stop.IsCancellationRequested)
            {
                var live = _products.Keys.ToList();
                await (_random.Next(8) switch
                {
                    0 or 1 => CreateProductAsync(none),
                    2 or 3 when live.Count > 0 => UpdateProductAsync(live[_random.Next(live.Count)], moveToOtherShelf: false, none),
                    4 when live.Count > 0 => UpdateProductAsync(live[_random.Next(live.Count)], moveToOtherShelf: true, none),
                    5 when live.Count > 2 => DeleteProductAsync(live[_random.Next(live.Count)], none),
                    6 => CreateSubcategoryAsync(none),
                    7 when _subcategories.Count > 0 => MoveOrDeleteSubcategoryAsync(_subcategories.Keys.First(), none),
                    _ => CreateProductAsync(none),
                });
            }
        }

        public Task CreateProductAsync(CancellationToken cancellationToken) =>
            SendAsync(
                _client.PostAsJsonAsync("/api/v1/products", Body(ApiAssertions.Unique("Live"), Shelves[0]), cancellationToken),
                async response => Remember(await response.Content.ReadFromJsonAsync<ProductDto>(ApiAssertions.Json), response));

        /// <summary>Counts the entities whose row matches what the API last acknowledged for them.</summary>
        public async Task<int> CountAcknowledgedStateFoundAsync(PostgresDatabase database)
        {
            var found = 0;
            // updated_at rather than the row version: the search backfill rewrites rows (new xmin) without changing them.
            foreach (var (product, _) in _products.Values)
            {
                found += await database.ScalarAsync<long>($"""
                    SELECT count(*) FROM products WHERE id = {product.Id} AND is_active AND name = '{product.Name}'
                    AND category_id = {product.CategoryId} AND price = {product.Price.ToString(System.Globalization.CultureInfo.InvariantCulture)}
                    AND updated_at = '{product.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture)}+00'
                    """) == 1 ? 1 : 0;
            }

            foreach (var id in _deletedProducts)
            {
                found += await database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE id = {id} AND NOT is_active") == 1 ? 1 : 0;
            }

            foreach (var category in _subcategories.Values)
            {
                found += await database.ScalarAsync<long>(
                    $"SELECT count(*) FROM categories WHERE id = {category.Id} AND is_active AND parent_id = {category.ParentId}") == 1 ? 1 : 0;
            }

            foreach (var id in _deletedSubcategories)
            {
                found += await database.ScalarAsync<long>($"SELECT count(*) FROM categories WHERE id = {id} AND NOT is_active") == 1 ? 1 : 0;
            }

            return found;
        }

        private Task UpdateProductAsync(int id, bool moveToOtherShelf, CancellationToken cancellationToken)
        {
            var (product, etag) = _products[id];
            var shelf = moveToOtherShelf ? Shelves.Single(shelf => shelf != product.CategoryId) : product.CategoryId;
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/products/{id}")
            {
                Content = JsonContent.Create(Body(product.Name, shelf, price: product.Price + 1m)),
            };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return SendConditionalAsync(
                id,
                _client.SendAsync(request, cancellationToken),
                async response => Remember(await response.Content.ReadFromJsonAsync<ProductDto>(ApiAssertions.Json), response),
                cancellationToken);
        }

        private Task DeleteProductAsync(int id, CancellationToken cancellationToken)
        {
            var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/products/{id}");
            request.Headers.TryAddWithoutValidation("If-Match", _products[id].ETag);
            return SendConditionalAsync(
                id,
                _client.SendAsync(request, cancellationToken),
                _ =>
                {
                    _products.Remove(id);
                    _deletedProducts.Add(id);
                    return Task.CompletedTask;
                },
                cancellationToken);
        }

        private Task CreateSubcategoryAsync(CancellationToken cancellationToken) =>
            SendAsync(
                _client.PostAsJsonAsync("/api/v1/categories", new { name = ApiAssertions.Unique("Live sub"), parentId = Shelves[0] }, cancellationToken),
                async response =>
                {
                    var category = (await response.Content.ReadFromJsonAsync<CategoryDto>(ApiAssertions.Json))!;
                    _subcategories[category.Id] = category;
                });

        private Task MoveOrDeleteSubcategoryAsync(int id, CancellationToken cancellationToken)
        {
            var category = _subcategories[id];
            if (category.ParentId == Shelves[1])
            {
                return SendAsync(_client.DeleteAsync($"/api/v1/categories/{id}", cancellationToken), _ =>
                {
                    _subcategories.Remove(id);
                    _deletedSubcategories.Add(id);
                    return Task.CompletedTask;
                });
            }

            return SendAsync(
                _client.PutAsJsonAsync($"/api/v1/categories/{id}", new { name = category.Name, parentId = Shelves[1] }, cancellationToken),
                async response =>
                {
                    var moved = (await response.Content.ReadFromJsonAsync<CategoryDto>(ApiAssertions.Json))!;
                    _subcategories[id] = moved;
                });
        }

        private async Task SendAsync(Task<HttpResponseMessage> sending, Func<HttpResponseMessage, Task> acknowledge)
        {
            using var response = await sending;
            Statuses.Add((int)response.StatusCode);
            if (response.IsSuccessStatusCode)
            {
                WritesAcknowledged++;
                await acknowledge(response);
            }
        }

        /// <summary>
        /// A write with <c>If-Match</c>. A backfill that rewrites a row gives it a new version, so the tag
        /// this client holds goes stale once per product: the client does what the contract says for a
        /// 412, reads the product again, and the test checks that no product went stale twice.
        /// </summary>
        private async Task SendConditionalAsync(
            int id, Task<HttpResponseMessage> sending, Func<HttpResponseMessage, Task> acknowledge, CancellationToken cancellationToken)
        {
            using var response = await sending;
            if (response.StatusCode != HttpStatusCode.PreconditionFailed)
            {
                Statuses.Add((int)response.StatusCode);
                if (response.IsSuccessStatusCode)
                {
                    WritesAcknowledged++;
                    await acknowledge(response);
                }

                return;
            }

            StaleTags[id] = StaleTags.GetValueOrDefault(id) + 1;
            using var current = await _client.GetAsync($"/api/v1/products/{id}", cancellationToken);
            Remember(await current.Content.ReadFromJsonAsync<ProductDto>(ApiAssertions.Json), current);
        }

        private void Remember(ProductDto? product, HttpResponseMessage response) =>
            _products[product!.Id] = (product, response.Headers.ETag!.ToString());

        private static object Body(string name, int categoryId, decimal price = 10m) => new { name, price, stock = 3, categoryId };
    }
}
