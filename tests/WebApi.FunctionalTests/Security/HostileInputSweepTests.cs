using Ecommerce.Domain.Catalog;

namespace Ecommerce.WebApi.FunctionalTests.Security;

/// <summary>
/// Hostile and odd input against every endpoint that takes it, over real HTTP: no request gets a
/// 5xx, each gets the status its input calls for, refusals are problems naming the field and write
/// nothing. What was sent and seen goes to the reliability log.
/// </summary>
public sealed class HostileInputSweepTests(KestrelCatalogApiFactory factory, HostileInputTally tally)
    : IClassFixture<KestrelCatalogApiFactory>, IClassFixture<HostileInputTally>, IAsyncLifetime
{
    /// <summary>Deep enough that the tree nests past the request-body depth limit of 32.</summary>
    private const int ChainDepth = 20;

    private const string Snapshot = """
        SELECT md5(coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM categories t), '') ||
                   coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM products t), ''))
        """;

    private readonly HttpClient _client = factory.CreateClient();
    private int _category;
    private int _product;

    public static TheoryData<string> Cases => [.. HostileInputCases.All.Keys];

    public async Task InitializeAsync()
    {
        if (await factory.Database.ScalarAsync<long>("SELECT count(*) FROM categories") == 0)
        {
            var category = await _client.CreateCategoryAsync("Existing");
            await _client.CreateProductAsync("Existing product", category.Id);
            int? parent = null;
            for (var level = 1; level <= ChainDepth; level++)
            {
                parent = (await _client.CreateCategoryAsync($"Chain {level}", parent)).Id;
            }
        }

        _category = await factory.Database.ScalarAsync<int>("SELECT id FROM categories WHERE slug = 'existing'");
        _product = await factory.Database.ScalarAsync<int>("SELECT id FROM products WHERE slug = 'existing-product'");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_sweep_covers_every_input_class_across_the_endpoints()
    {
        var requests = HostileInputCases.All.Values.ToList();

        Assert.True(requests.Count >= 500, $"Only {requests.Count} requests.");
        Assert.Equal(
            ["body-number", "body-structure", "body-syntax", "body-text", "body-type", "built-up", "content-type", "precondition", "query", "route-id", "route-slug"],
            requests.Select(request => request.InputClass).Distinct().Order(StringComparer.Ordinal));
        string[] endpoints =
        [
            "GET /api/v1/categories/{id}", "GET /api/v1/products/{id}", "GET /api/v1/categories/by-slug/{slug}",
            "GET /api/v1/products/by-slug/{slug}", "GET /api/v1/products?", "GET /api/v1/categories/tree",
            "POST /api/v1/categories", "PUT /api/v1/categories/{id}", "DELETE /api/v1/categories/{id}",
            "POST /api/v1/products", "PUT /api/v1/products/{id}", "DELETE /api/v1/products/{id}",
        ];
        Assert.All(endpoints, endpoint => Assert.Contains(requests, request => Endpoint(request) == endpoint));
        Assert.All(["page", "pageSize", "minPrice", "maxPrice", "inStock", "sort", "q", "category"], parameter =>
            Assert.Contains(requests, request => request.Url.Contains($"?{parameter}=", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_request_gets_its_answer_and_a_refused_one_writes_nothing(string name)
    {
        var request = HostileInputCases.All[name];
        var before = await factory.Database.ScalarAsync<string>(Snapshot);

        using var response = await _client.SendAsync(Message(request));

        var status = (int)response.StatusCode;
        var refused = status >= 400;
        var changed = refused && await factory.Database.ScalarAsync<string>(Snapshot) != before;
        tally.Sent(request.InputClass, status, request.IsWrite && response.IsSuccessStatusCode, changed);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{status}: {body}");
        Assert.True(status == request.Status, $"Expected {request.Status}, got {status}: {body}");
        Assert.False(changed, "A refused request changed the database.");
        if (request.ByServer)
        {
            Assert.Equal(0, response.Content.Headers.ContentLength);
        }
        else if (refused)
        {
            await AssertProblemAsync(response, request);
        }
        else if (response.StatusCode == HttpStatusCode.Created)
        {
            await AssertReadBackAsync(response, request);
        }
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HostileRequest request)
    {
        var problem = await response.AssertProblemAsync((HttpStatusCode)request.Status);
        if (request.Field is not null)
        {
            var fields = problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).ToArray();
            Assert.Equal([request.Field], fields);
        }
    }

    private async Task AssertReadBackAsync(HttpResponseMessage response, HostileRequest request)
    {
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var slug = created.GetProperty("slug").GetString();
        Assert.True(Slug.IsValid(slug), $"Slug '{slug}' breaks the rules.");
        var readBack = await _client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, readBack.StatusCode);
        Assert.Equal(created.GetProperty("name").GetString(), JsonDocument.Parse(await readBack.Content.ReadAsStringAsync()).RootElement.GetProperty("name").GetString());
        tally.WriteFound(request.InputClass);
    }

    private HttpRequestMessage Message(HostileRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), Resolve(request.Url));
        var bytes = request.Bytes ?? (request.Body is null ? null : Encoding.UTF8.GetBytes(Resolve(request.Body)));
        if (bytes is not null)
        {
            message.Content = new ByteArrayContent(bytes);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        if (request.Header is not null)
        {
            message.Headers.TryAddWithoutValidation(request.Header, request.HeaderValue);
        }

        return message;
    }

    private string Resolve(string text) => text
        .Replace("{category}", _category.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{product}", _product.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The route a request is aimed at, whatever its values: <c>GET /api/v1/products/{id}</c>.</summary>
    private static string Endpoint(HostileRequest request)
    {
        var path = request.Url.Split('?')[0];
        var segments = path.Split('/');
        var shape = segments.Length switch
        {
            _ when request.Url.Contains('?', StringComparison.Ordinal) => path + "?",
            6 when segments[4] == "by-slug" => string.Join('/', segments[..5]) + "/{slug}",
            5 when segments[4] != "tree" => string.Join('/', segments[..4]) + "/{id}",
            _ => path,
        };
        return $"{request.Method} {shape}";
    }
}
