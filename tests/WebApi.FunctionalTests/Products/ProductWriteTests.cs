namespace Ecommerce.WebApi.FunctionalTests.Products;

public sealed class ProductWriteTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<int> CategoryAsync() => (await _client.CreateCategoryAsync(Unique("Category"))).Id;

    [Fact]
    public async Task Create_answers_201_with_location_etag_and_the_product()
    {
        var categoryId = await CategoryAsync();
        var name = Unique("Phone X");

        var response = await _client.PostAsJsonAsync("/api/v1/products", new
        {
            name,
            description = "A phone",
            price = 999.90m,
            imageUrl = "https://cdn.example.com/x.png",
            stock = 5,
            categoryId,
        });

        var product = await response.ReadAsync<ProductDto>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/products/{product.Id}", response.Headers.Location?.OriginalString);
        Assert.Matches("^\"[0-9]+\"$", response.Headers.ETag?.ToString());
        Assert.Equal(name, product.Name);
        Assert.Equal(999.90m, product.Price);
        Assert.Equal(0m, product.Rating);
        Assert.Equal(5, product.Stock);
        Assert.Equal(categoryId, product.CategoryId);
        Assert.True(product.IsActive);
        Assert.Equal(product, await (await _client.GetAsync($"/api/v1/products/{product.Id}")).ReadAsync<ProductDto>(HttpStatusCode.OK));
    }

    [Fact]
    public async Task The_json_shape_is_the_contract_with_price_as_a_number()
    {
        var product = await _client.CreateProductAsync(Unique("Shape"), await CategoryAsync(), price: 12.50m);

        var json = JsonDocument.Parse(await (await _client.GetAsync($"/api/v1/products/{product.Id}")).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(
            ["categoryId", "createdAt", "description", "id", "imageUrl", "isActive", "name", "price", "rating", "slug", "stock", "updatedAt"],
            json.EnumerateObject().Select(property => property.Name).Order());
        Assert.Equal(JsonValueKind.Number, json.GetProperty("price").ValueKind);
        Assert.Equal(12.50m, json.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task Generated_slugs_get_suffixes_and_explicit_taken_ones_conflict()
    {
        var categoryId = await CategoryAsync();
        var name = Unique("Café & Bar");

        var first = await _client.CreateProductAsync(name, categoryId);
        var second = await _client.CreateProductAsync(name, categoryId);
        var conflict = await _client.PostAsJsonAsync("/api/v1/products", new { name, slug = first.Slug, price = 1m, stock = 1, categoryId });

        Assert.StartsWith("cafe-bar-", first.Slug, StringComparison.Ordinal);
        Assert.Equal(first.Slug + "-2", second.Slug);
        await conflict.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    public static TheoryData<string, string[]> InvalidBodies => new()
    {
        { "{}", ["name", "price", "stock", "categoryId"] },
        { "{\"name\":\"P\",\"price\":-1,\"stock\":1,\"categoryId\":1}", ["price"] },
        { "{\"name\":\"P\",\"price\":1.005,\"stock\":1,\"categoryId\":1}", ["price"] },
        { "{\"name\":\"P\",\"price\":100000000,\"stock\":1,\"categoryId\":1}", ["price"] },
        { "{\"name\":\"P\",\"price\":1,\"stock\":-1,\"categoryId\":1}", ["stock"] },
        { "{\"name\":\"P\",\"price\":1,\"stock\":1,\"categoryId\":1,\"imageUrl\":\"ftp://x/y.png\"}", ["imageUrl"] },
        { "{\"name\":\"P\",\"price\":1,\"stock\":1,\"categoryId\":1,\"imageUrl\":\"/relative.png\"}", ["imageUrl"] },
        { "{\"name\":\"P\",\"price\":1,\"stock\":1,\"categoryId\":1,\"slug\":\"Bad Slug\"}", ["slug"] },
        { "{\"name\":\"P\",\"price\":1,\"stock\":1,\"categoryId\":987654}", ["categoryId"] },
        { "{\"name\":\"P\",\"price\":1,\"stock\":1,\"categoryId\":0}", ["categoryId"] },
        { $"{{\"name\":\"{new string('n', 201)}\",\"price\":1,\"stock\":1,\"categoryId\":1}}", ["name"] },
        { $"{{\"name\":\"P\",\"description\":\"{new string('d', 4001)}\",\"price\":1,\"stock\":1,\"categoryId\":1}}", ["description"] },
        { "{\"name\":\"P\",\"price\":\"abc\",\"stock\":1,\"categoryId\":1}", ["price"] },
        { "{\"name\":\"P\",\"price\":1,\"stock\":1.5,\"categoryId\":1}", ["stock"] },
        { "{\"name\":\"P\",\"price\":1,\"stock\":99999999999,\"categoryId\":1}", ["stock"] },
        { "{\"name\":\"P\",\"price\":1,", ["body"] },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_bodies_are_400_naming_the_fields_and_write_nothing(string body, string[] fields)
    {
        var before = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM products");
        await CategoryAsync();

        var response = await _client.PostAsync("/api/v1/products", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertValidationErrorsAsync(fields);
        Assert.Equal(before, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM products"));
    }

    [Fact]
    public async Task An_inactive_category_is_refused()
    {
        var categoryId = await CategoryAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/categories/{categoryId}")).StatusCode);

        var response = await _client.PostAsJsonAsync("/api/v1/products", new { name = "P", price = 1m, stock = 1, categoryId });

        await response.AssertValidationErrorsAsync("categoryId");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var response = await _client.PostAsync("/api/v1/products", new StringContent("name=P", Encoding.UTF8, "text/plain"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Update_replaces_the_product_keeps_an_absent_slug_and_honours_if_match()
    {
        var categoryId = await CategoryAsync();
        var product = await _client.CreateProductAsync(Unique("Lamp"), categoryId, price: 20m);
        var etag = await _client.ETagOfAsync($"/api/v1/products/{product.Id}");
        var body = new { name = "Desk Lamp", price = 25.50m, stock = 0, categoryId };

        var updated = await (await _client.PutJsonAsync($"/api/v1/products/{product.Id}", body, etag)).ReadAsync<ProductDto>(HttpStatusCode.OK);
        var stale = await _client.PutJsonAsync($"/api/v1/products/{product.Id}", body with { name = "Stale" }, etag);

        Assert.Equal("Desk Lamp", updated.Name);
        Assert.Equal(product.Slug, updated.Slug);
        Assert.Equal(25.50m, updated.Price);
        Assert.Equal(0, updated.Stock);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Desk Lamp", (await (await _client.GetAsync($"/api/v1/products/{product.Id}")).ReadAsync<ProductDto>(HttpStatusCode.OK)).Name);
    }

    /// <summary><c>If-Match</c> compares strongly (RFC 9110 13.1.1): the current version sent as a weak tag does not match.</summary>
    [Fact]
    public async Task The_current_version_as_a_weak_tag_never_matches()
    {
        var categoryId = await CategoryAsync();
        var product = await _client.CreateProductAsync(Unique("Kettle"), categoryId);
        var url = $"/api/v1/products/{product.Id}";
        var current = await _client.ETagOfAsync(url);
        var weak = "W/" + current;
        var body = new { name = "Changed", price = 1m, stock = 1, categoryId };

        await (await _client.PutJsonAsync(url, body, weak)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await _client.DeleteAsync(url, weak)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal(product, await (await _client.GetAsync(url)).ReadAsync<ProductDto>(HttpStatusCode.OK));
        Assert.Equal(current, await _client.ETagOfAsync(url));
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync(url, body, current)).StatusCode);
    }

    [Fact]
    public async Task Without_if_match_the_last_write_wins()
    {
        var categoryId = await CategoryAsync();
        var product = await _client.CreateProductAsync(Unique("Mug"), categoryId);

        await _client.PutJsonAsync($"/api/v1/products/{product.Id}", new { name = "First", price = 1m, stock = 1, categoryId }, null);
        var last = await _client.PutJsonAsync($"/api/v1/products/{product.Id}", new { name = "Last", price = 1m, stock = 1, categoryId }, null);

        Assert.Equal("Last", (await last.ReadAsync<ProductDto>(HttpStatusCode.OK)).Name);
    }

    [Fact]
    public async Task Update_validation_conflict_and_not_found_paths()
    {
        var categoryId = await CategoryAsync();
        var product = await _client.CreateProductAsync(Unique("Chair"), categoryId);
        var other = await _client.CreateProductAsync(Unique("Table"), categoryId);

        await (await _client.PutJsonAsync($"/api/v1/products/{product.Id}", new { name = "", price = 1m, stock = 1, categoryId }, null))
            .AssertValidationErrorsAsync("name");
        await (await _client.PutJsonAsync($"/api/v1/products/{product.Id}", new { name = "Chair", slug = other.Slug, price = 1m, stock = 1, categoryId }, null))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await _client.PutJsonAsync("/api/v1/products/987654", new { name = "X", price = 1m, stock = 1, categoryId }, null))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_deactivates_answers_404_after_and_honours_if_match()
    {
        var categoryId = await CategoryAsync();
        var product = await _client.CreateProductAsync(Unique("Bottle"), categoryId);
        var stale = await _client.ETagOfAsync($"/api/v1/products/{product.Id}");
        await _client.PutJsonAsync($"/api/v1/products/{product.Id}", new { name = "Bottle 2", price = 1m, stock = 1, categoryId }, null);

        await (await _client.DeleteAsync($"/api/v1/products/{product.Id}", stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/products/{product.Id}")).StatusCode);
        await (await _client.GetAsync($"/api/v1/products/{product.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"/api/v1/products/by-slug/{product.Slug}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.DeleteAsync($"/api/v1/products/{product.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await factory.Database.ScalarAsync<bool>($"SELECT is_active FROM products WHERE id = {product.Id}"));
    }
}
