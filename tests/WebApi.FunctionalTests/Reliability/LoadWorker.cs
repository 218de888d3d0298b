using System.Diagnostics;

namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>
/// One client of the outage load: reads of the seed catalog (by id, by slug, lists, the tree) and
/// writes of its own products and categories (create, update, delete), one request at a time. It
/// follows what each answer says: an acknowledged write is tracked, a write refused with 503
/// "not applied" is remembered as never applied, and after an unknown outcome the entity is left alone.
/// </summary>
/// <param name="name">Prefixes the names of what it creates; unique per run, since runs share a database.</param>
internal sealed class LoadWorker(string name, int seed, HttpClient client, Stopwatch clock, Action<LoadAnswer> record)
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(15);

    private readonly Random _random = new(seed);
    private int _created;

    public List<TrackedEntity> Entities { get; } = [];

    /// <summary>Names of creates whose outcome is unknown: each may exist once, never twice.</summary>
    public List<string> UnknownCreates { get; } = [];

    /// <summary>Names of creates answered "not applied": none may exist.</summary>
    public List<string> RefusedCreates { get; } = [];

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var roll = _random.Next(100);
            await (roll switch
            {
                < 55 => ReadAsync(),
                < 70 => CreateAsync("products"),
                < 82 => RenameAsync("products"),
                < 88 => DeleteProductAsync(),
                < 94 => CreateAsync("categories"),
                _ => RenameAsync("categories"),
            });
            await Task.Delay(Pause, CancellationToken.None);
        }
    }

    private Task ReadAsync()
    {
        var seedProduct = 1 + _random.Next(SeedCatalog.Products);
        var own = Entities.Where(entity => entity.IsSettled && entity.IsActive).ToList();
        var mine = own.Count > 0 ? own[_random.Next(own.Count)] : null;
        var url = _random.Next(8) switch
        {
            0 => $"/api/v1/products/{seedProduct}",
            1 => $"/api/v1/products/by-slug/{SeedCatalog.ProductSlug(seedProduct)}",
            2 => $"/api/v1/products?category={SeedCatalog.CategorySlug}&pageSize=5",
            3 => "/api/v1/products?q=seed&sort=-price",
            4 => "/api/v1/categories/tree",
            5 => "/api/v1/categories",
            6 => $"/api/v1/categories/{SeedCatalog.CategoryIds[_random.Next(SeedCatalog.CategoryIds.Length)]}",
            _ when mine is not null => $"/api/v1/{mine.Table}/{mine.Id}",
            _ => "/api/v1/products",
        };
        return SendAsync("read " + url.Split('?')[0], () => new HttpRequestMessage(HttpMethod.Get, url));
    }

    private async Task CreateAsync(string table)
    {
        var created = $"{name}-{table[0]}{++_created}";
        object body = table == "products"
            ? new { name = created, price = 10m, stock = 1, categoryId = SeedCatalog.CategoryIds[_random.Next(SeedCatalog.CategoryIds.Length)] }
            : new { name = created, parentId = SeedCatalog.CategoryIds[0] };
        var (answer, response) = await SendAsync(
            "create " + table, () => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/{table}") { Content = JsonContent.Create(body) });
        if (answer.Status == (int)HttpStatusCode.Created)
        {
            var saved = JsonDocument.Parse(await response!.Content.ReadAsStringAsync()).RootElement;
            Entities.Add(new TrackedEntity(
                table, saved.GetProperty("id").GetInt32(), created, saved.GetProperty("slug").GetString()!, VersionOf(response)));
        }
        else if (answer.Code == "Write.OutcomeUnknown")
        {
            UnknownCreates.Add(created);
        }
        else if (answer.Status == (int)HttpStatusCode.ServiceUnavailable)
        {
            RefusedCreates.Add(created);
        }
    }

    private async Task RenameAsync(string table)
    {
        if (Pick(table) is not { } entity)
        {
            await CreateAsync(table);
            return;
        }

        var renamed = $"{TrackedEntity.BaseName(entity.Name)}~{_random.Next(1_000_000)}";
        object body = table == "products"
            ? new { name = renamed, price = 11m, stock = 2, categoryId = SeedCatalog.CategoryIds[0] }
            : new { name = renamed, parentId = SeedCatalog.CategoryIds[0] };
        // The body keeps the slug out: an update without one keeps the current slug.
        var (answer, response) = await SendAsync(
            "update " + table, () => new HttpRequestMessage(HttpMethod.Put, $"/api/v1/{table}/{entity.Id}") { Content = JsonContent.Create(body) });
        if (answer.IsSuccess)
        {
            entity.Renamed(renamed, VersionOf(response!));
        }
        else if (answer.Code == "Write.OutcomeUnknown")
        {
            entity.RenameUnknown(renamed);
        }
    }

    private async Task DeleteProductAsync()
    {
        if (Pick("products") is not { } entity)
        {
            await CreateAsync("products");
            return;
        }

        var (answer, _) = await SendAsync("delete products", () => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/products/{entity.Id}"));
        if (answer.IsSuccess)
        {
            entity.Deleted();
        }
        else if (answer.Code == "Write.OutcomeUnknown")
        {
            entity.DeleteUnknown();
        }
    }

    private TrackedEntity? Pick(string table)
    {
        var candidates = Entities.Where(entity => entity.Table == table && entity.IsSettled && entity.IsActive).ToList();
        return candidates.Count == 0 ? null : candidates[_random.Next(candidates.Count)];
    }

    private async Task<(LoadAnswer Answer, HttpResponseMessage? Response)> SendAsync(string operation, Func<HttpRequestMessage> request)
    {
        var sentAt = clock.Elapsed;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request());
        }
        catch (HttpRequestException)
        {
            var lost = new LoadAnswer(operation, !operation.StartsWith("read", StringComparison.Ordinal), sentAt, clock.Elapsed, 0, null, false, false);
            record(lost);
            return (lost, null);
        }

        var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
        string? code = null;
        if (isProblem)
        {
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            code = problem.TryGetProperty("code", out var value) ? value.GetString() : null;
        }

        var answer = new LoadAnswer(
            operation, !operation.StartsWith("read", StringComparison.Ordinal), sentAt, clock.Elapsed, (int)response.StatusCode, code, isProblem,
            response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 });
        record(answer);
        return (answer, response);
    }

    private static uint VersionOf(HttpResponseMessage response) =>
        uint.Parse(response.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture);
}
