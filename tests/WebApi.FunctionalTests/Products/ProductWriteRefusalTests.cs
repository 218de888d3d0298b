namespace Ecommerce.WebApi.FunctionalTests.Products;

/// <summary>
/// A create or an update is one statement that PostgreSQL may refuse (the slug's unique index, the
/// category rule's trigger, the version in the update's condition). Each refusal answers with the
/// status, code and message that the lookups before the write used to give.
/// </summary>
public sealed class ProductWriteRefusalTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private const string CategoryMessage = "categoryId must name an active category.";

    private readonly HttpClient _client = factory.CreateClient();

    private async Task<int> CategoryAsync() => (await _client.CreateCategoryAsync(Unique("Category"))).Id;

    private Task<long> CountAsync(string name) => factory.Database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE name = '{name}'");

    [Fact]
    public async Task An_explicit_slug_that_is_taken_is_a_409_that_names_it_and_writes_nothing()
    {
        var categoryId = await CategoryAsync();
        var existing = await _client.CreateProductAsync(Unique("Taken"), categoryId);
        var name = Unique("Late");

        var response = await _client.PostAsJsonAsync("/api/v1/products", new { name, slug = existing.Slug, price = 1m, stock = 1, categoryId });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Product.SlugTaken", problem.GetProperty("code").GetString());
        Assert.Equal($"The slug '{existing.Slug}' is already taken.", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CountAsync(name));
    }

    [Fact]
    public async Task A_generated_slug_that_is_taken_gets_the_first_free_suffix_past_the_ones_in_use()
    {
        var categoryId = await CategoryAsync();
        var name = Unique("Gap");
        var first = await _client.CreateProductAsync(name, categoryId);
        await _client.CreateProductAsync(Unique("Other"), categoryId, slug: first.Slug + "-2");

        var third = await _client.CreateProductAsync(name, categoryId);

        Assert.Equal(first.Slug + "-3", third.Slug);
        Assert.Equal(2, await CountAsync(name));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_create_or_update_into_an_inactive_or_missing_category_is_the_400_it_always_was(bool missing)
    {
        var categoryId = await CategoryAsync();
        var product = await _client.CreateProductAsync(Unique("Stays"), categoryId);
        var refusedCategory = missing ? 987654 : await CategoryAsync();
        if (!missing)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/categories/{refusedCategory}")).StatusCode);
        }

        var name = Unique("Nowhere");
        var created = await _client.PostAsJsonAsync("/api/v1/products", new { name, price = 1m, stock = 1, categoryId = refusedCategory });
        var updated = await _client.PutJsonAsync(
            $"/api/v1/products/{product.Id}", new { name, price = 1m, stock = 1, categoryId = refusedCategory }, null);

        foreach (var response in new[] { created, updated })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal("Validation", problem.GetProperty("code").GetString());
            Assert.Equal([CategoryMessage], problem.GetProperty("errors").GetProperty("categoryId").EnumerateArray().Select(message => message.GetString()));
            Assert.Single(problem.GetProperty("errors").EnumerateObject());
        }

        Assert.Equal(0, await CountAsync(name));
        Assert.Equal(product, await (await _client.GetAsync($"/api/v1/products/{product.Id}")).ReadAsync<ProductDto>(HttpStatusCode.OK));
    }

    [Fact]
    public async Task An_update_to_another_products_slug_is_a_409_that_names_it_and_to_its_own_slug_a_200()
    {
        var categoryId = await CategoryAsync();
        var product = await _client.CreateProductAsync(Unique("Chair"), categoryId);
        var other = await _client.CreateProductAsync(Unique("Table"), categoryId);

        var taken = await _client.PutJsonAsync($"/api/v1/products/{product.Id}", new { name = "Chair", slug = other.Slug, price = 1m, stock = 1, categoryId }, null);
        var own = await _client.PutJsonAsync($"/api/v1/products/{product.Id}", new { name = "Chair", slug = product.Slug, price = 1m, stock = 1, categoryId }, null);

        var problem = await taken.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(("Product.SlugTaken", $"The slug '{other.Slug}' is already taken."), (problem.GetProperty("code").GetString(), problem.GetProperty("detail").GetString()));
        Assert.Equal(product.Slug, (await own.ReadAsync<ProductDto>(HttpStatusCode.OK)).Slug);
    }

    [Fact]
    public async Task An_update_tells_a_missing_or_deleted_product_404_from_a_changed_one_412()
    {
        var categoryId = await CategoryAsync();
        var live = await _client.CreateProductAsync(Unique("Live"), categoryId);
        var deleted = await _client.CreateProductAsync(Unique("Gone"), categoryId);
        var liveTag = await _client.ETagOfAsync($"/api/v1/products/{live.Id}");
        var deletedTag = await _client.ETagOfAsync($"/api/v1/products/{deleted.Id}");
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/products/{deleted.Id}")).StatusCode);
        var body = new { name = "Renamed", price = 1m, stock = 1, categoryId };

        await (await _client.PutJsonAsync("/api/v1/products/987654", body, "\"5\"")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PutJsonAsync($"/api/v1/products/{deleted.Id}", body, deletedTag)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PutJsonAsync($"/api/v1/products/{deleted.Id}", body, "*")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PutJsonAsync($"/api/v1/products/{live.Id}", body, "\"1\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(liveTag, await _client.ETagOfAsync($"/api/v1/products/{live.Id}"));

        var renamed = await _client.PutJsonAsync($"/api/v1/products/{live.Id}", body, "\"1\", " + liveTag);
        Assert.Equal("Renamed", (await renamed.ReadAsync<ProductDto>(HttpStatusCode.OK)).Name);
        Assert.Equal(renamed.Headers.ETag!.ToString(), await _client.ETagOfAsync($"/api/v1/products/{live.Id}"));
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/products/{live.Id}", body, "*")).StatusCode);
    }

    [Fact]
    public async Task A_write_answers_the_price_as_the_client_wrote_it()
    {
        var categoryId = await CategoryAsync();

        var created = await _client.PostAsJsonAsync("/api/v1/products", new { name = Unique("Priced"), price = 12.5m, stock = 1, categoryId });
        var id = (await created.ReadAsync<ProductDto>(HttpStatusCode.Created)).Id;
        var updated = await _client.PutJsonAsync($"/api/v1/products/{id}", new { name = "Repriced", price = 25m, stock = 1, categoryId }, null);

        Assert.Contains("\"price\":12.5,", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"price\":25,", await updated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
