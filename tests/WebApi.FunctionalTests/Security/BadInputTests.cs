namespace Ecommerce.WebApi.FunctionalTests.Security;

/// <summary>Malformed requests across every endpoint: each is a 4xx problem, and none changes the database.</summary>
public sealed class BadInputTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>, IAsyncLifetime
{
    private const string Json = "application/json";
    private const string CategoryBody = "{\"name\":\"Valid\"}";
    private const string ProductBody = "{\"name\":\"Valid\",\"price\":1,\"stock\":1,\"categoryId\":1}";

    private const string Snapshot = """
        SELECT md5(coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM categories t), '') ||
                   coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM products t), ''))
        """;

    public static TheoryData<string, string, string?, string?, int> Requests => new()
    {
        // Bodies that are not JSON, or not the JSON we take.
        { "POST", "/api/v1/categories", Json, "{", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":", 400 },
        { "POST", "/api/v1/categories", Json, "not json", 400 },
        { "POST", "/api/v1/categories", Json, "[]", 400 },
        { "POST", "/api/v1/categories", Json, "\"name\"", 400 },
        { "POST", "/api/v1/categories", Json, "null", 400 },
        { "POST", "/api/v1/categories", Json, "", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"a\"}{\"name\":\"b\"}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"Valid\",}", 400 },
        { "POST", "/api/v1/categories", Json, "{'name':'single quotes'}", 400 },
        { "POST", "/api/v1/categories", "text/plain", CategoryBody, 415 },
        { "POST", "/api/v1/categories", "application/xml", "<name>x</name>", 415 },
        { "POST", "/api/v1/categories", "application/x-www-form-urlencoded", "name=x", 415 },
        { "POST", "/api/v1/categories", null, null, 400 },
        { "POST", "/api/v1/categories", "application/json; charset=latin1", CategoryBody, 415 },
        { "POST", "/api/v1/categories", "application/json; charset=iso-8859-1", CategoryBody, 415 },
        { "POST", "/api/v1/categories", "application/json; charset=utf-16", CategoryBody, 415 },
        { "POST", "/api/v1/categories", "application/json; charset=no-such-encoding", CategoryBody, 415 },
        { "PUT", "/api/v1/products/1", "application/json; charset=\"windows-1252\"", ProductBody, 415 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"First\",\"name\":\"Second\"}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"First\",\"Name\":\"Second\"}", 400 },
        // Wrong JSON types and values out of range, field by field.
        { "POST", "/api/v1/categories", Json, "{\"name\":42}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":[\"a\"]}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":{\"first\":\"a\"}}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"Ok\",\"parentId\":\"1\"}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"Ok\",\"parentId\":1.5}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"Ok\",\"parentId\":99999999999}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"Ok\",\"parentId\":-1}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"Ok\",\"slug\":\"UPPER\"}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"Ok\",\"slug\":\"смартфоны\"}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"Ok\",\"slug\":\"a/b\"}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"Ok\",\"slug\":\"'; DROP TABLE products; --\"}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"Ok\",\"slug\":true}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"Ok\",\"slug\":\"phone\\n\"}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"slug\":\"phone\\n\",\"price\":1,\"stock\":1,\"categoryId\":1}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"" + new string('n', 101) + "\"}", 400 },
        { "POST", "/api/v1/categories", Json, "{\"name\":\"\\u0000\"}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"price\":1e400,\"stock\":1,\"categoryId\":1}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"price\":NaN,\"stock\":1,\"categoryId\":1}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"price\":\"Infinity\",\"stock\":1,\"categoryId\":1}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"price\":-0.01,\"stock\":1,\"categoryId\":1}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"price\":0.001,\"stock\":1,\"categoryId\":1}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"price\":1e-30,\"stock\":1,\"categoryId\":1}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"price\":1.000000000000000000000000000000001,\"stock\":1,\"categoryId\":1}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"price\":1,\"stock\":-5,\"categoryId\":1}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"price\":1,\"stock\":2147483648,\"categoryId\":1}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"price\":1,\"stock\":1,\"categoryId\":null}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"price\":1,\"stock\":1,\"categoryId\":424242}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"price\":1,\"stock\":1,\"categoryId\":1,\"imageUrl\":\"javascript:alert(1)\"}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"price\":1,\"stock\":1,\"categoryId\":1,\"imageUrl\":\"file:///etc/passwd\"}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"price\":1,\"stock\":1,\"categoryId\":1,\"imageUrl\":42}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"description\":{},\"price\":1,\"stock\":1,\"categoryId\":1}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"description\":\"a\\u0000b\",\"price\":1,\"stock\":1,\"categoryId\":1}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"P\",\"imageUrl\":\"https://x.example/\\u0000.png\",\"price\":1,\"stock\":1,\"categoryId\":1}", 400 },
        { "POST", "/api/v1/products", Json, "{\"name\":\"<script>\",\"price\":true,\"stock\":1,\"categoryId\":1}", 400 },
        { "POST", "/api/v1/products", "text/html", ProductBody, 415 },
        // Updates and deletes of rows that are not there, or with ids that are not ids.
        { "PUT", "/api/v1/categories/424242", Json, CategoryBody, 404 },
        { "PUT", "/api/v1/categories/-1", Json, CategoryBody, 404 },
        { "PUT", "/api/v1/categories/abc", Json, CategoryBody, 404 },
        { "PUT", "/api/v1/categories/1", Json, "{\"name\":\"\"}", 400 },
        { "PUT", "/api/v1/products/424242", Json, ProductBody, 404 },
        { "PUT", "/api/v1/products/1", Json, "{\"name\":\"P\"}", 400 },
        { "PUT", "/api/v1/products/99999999999999999999", Json, ProductBody, 404 },
        { "DELETE", "/api/v1/categories/424242", null, null, 404 },
        { "DELETE", "/api/v1/products/0", null, null, 404 },
        { "DELETE", "/api/v1/products/1.5", null, null, 404 },
        { "PATCH", "/api/v1/products/1", Json, ProductBody, 405 },
        // Query strings and route values.
        { "GET", "/api/v1/products?page=0", null, null, 400 },
        { "GET", "/api/v1/products?page=-3", null, null, 400 },
        { "GET", "/api/v1/products?page=2147483648", null, null, 400 },
        { "GET", "/api/v1/products?pageSize=1000", null, null, 400 },
        { "GET", "/api/v1/products?pageSize=ten", null, null, 400 },
        { "GET", "/api/v1/products?minPrice=NaN", null, null, 400 },
        { "GET", "/api/v1/products?maxPrice=1,5", null, null, 400 },
        { "GET", "/api/v1/products?minPrice=0x10", null, null, 400 },
        { "GET", "/api/v1/products?inStock=1", null, null, 400 },
        { "GET", "/api/v1/products?sort=price;DROP", null, null, 400 },
        { "GET", "/api/v1/products?sort=-", null, null, 400 },
        { "GET", "/api/v1/products?q=" + "%25%25%25" + "&pageSize=0", null, null, 400 },
        { "GET", "/api/v1/categories/by-slug/%C0%AE", null, null, 404 },
        { "GET", "/api/v1/products?q=%00", null, null, 400 },
        { "GET", "/api/v1/products?q=%01abc", null, null, 400 },
        { "GET", "/api/v1/products/by-slug/..%2F..%2Fetc", null, null, 404 },
        { "GET", "/api/v1/products/2147483648", null, null, 404 },
    };

    private string _before = string.Empty;

    public async Task InitializeAsync()
    {
        if (await factory.Database.ScalarAsync<long>("SELECT count(*) FROM categories") == 0)
        {
            var client = factory.CreateClient();
            var category = await client.CreateCategoryAsync("Existing");
            await client.CreateProductAsync("Existing product", category.Id);
        }

        _before = await factory.Database.ScalarAsync<string>(Snapshot);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_table_covers_at_least_fifty_requests() => Assert.True(Requests.Count() >= 50);

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_malformed_request_is_a_4xx_problem_and_changes_nothing(
        string method, string url, string? contentType, string? body, int status)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null || contentType is not null)
        {
            request.Content = new StringContent(body ?? string.Empty, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await factory.CreateClient().SendAsync(request);

        await response.AssertProblemAsync((HttpStatusCode)status);
        Assert.Equal(_before, await factory.Database.ScalarAsync<string>(Snapshot));
    }
}
