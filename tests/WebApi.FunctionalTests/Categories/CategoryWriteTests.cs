namespace Ecommerce.WebApi.FunctionalTests.Categories;

public sealed class CategoryWriteTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Create_answers_201_with_location_etag_and_the_category()
    {
        var name = Unique("Phones");

        var response = await _client.PostAsJsonAsync("/api/v1/categories", new { name });

        var category = await response.ReadAsync<CategoryDto>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/categories/{category.Id}", response.Headers.Location?.OriginalString);
        Assert.Matches("^\"[0-9]+\"$", response.Headers.ETag?.ToString());
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal(name, category.Name);
        Assert.Equal(name.ToLowerInvariant().Replace(' ', '-'), category.Slug);
        Assert.Null(category.ParentId);
        Assert.True(category.IsActive);
        Assert.Equal(DateTimeKind.Utc, category.CreatedAt.Kind);
    }

    [Fact]
    public async Task A_generated_slug_is_transliterated_and_suffixed_when_taken()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];

        var first = await _client.CreateCategoryAsync($"Смартфоны {suffix}");
        var second = await _client.CreateCategoryAsync($"Смартфоны {suffix}");
        var third = await _client.CreateCategoryAsync($"Смартфоны {suffix}");

        Assert.Equal($"smartfony-{suffix}", first.Slug);
        Assert.Equal($"smartfony-{suffix}-2", second.Slug);
        Assert.Equal($"smartfony-{suffix}-3", third.Slug);
    }

    [Fact]
    public async Task An_explicit_slug_that_is_taken_is_a_conflict()
    {
        var existing = await _client.CreateCategoryAsync(Unique("Cafe"));

        var response = await _client.PostAsJsonAsync("/api/v1/categories", new { name = "Other", slug = existing.Slug });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(existing.Slug, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\":\"\"}", "name")]
    [InlineData("{\"name\":\"   \"}", "name")]
    [InlineData("{}", "name")]
    [InlineData("{\"name\":\"Ok\",\"slug\":\"Not Valid\"}", "slug")]
    [InlineData("{\"name\":\"Ok\",\"slug\":\"a--b\"}", "slug")]
    [InlineData("{\"name\":\"Ok\",\"parentId\":0}", "parentId")]
    [InlineData("{\"name\":\"Ok\",\"parentId\":987654}", "parentId")]
    public async Task Invalid_bodies_are_400_naming_the_field(string body, string field)
    {
        var response = await _client.PostAsync("/api/v1/categories", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertValidationErrorsAsync(field);
    }

    [Fact]
    public async Task Names_longer_than_100_characters_are_refused() =>
        await (await _client.PostAsJsonAsync("/api/v1/categories", new { name = new string('n', 101) }))
            .AssertValidationErrorsAsync("name");

    [Fact]
    public async Task An_inactive_parent_is_refused()
    {
        var parent = await _client.CreateCategoryAsync(Unique("Old"));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/categories/{parent.Id}")).StatusCode);

        var response = await _client.PostAsJsonAsync("/api/v1/categories", new { name = Unique("Child"), parentId = parent.Id });

        await response.AssertValidationErrorsAsync("parentId");
    }

    [Fact]
    public async Task Update_replaces_the_fields_keeps_an_absent_slug_and_changes_the_etag()
    {
        var parent = await _client.CreateCategoryAsync(Unique("Parent"));
        var category = await _client.CreateCategoryAsync(Unique("Phnoes"));
        var etag = await _client.ETagOfAsync($"/api/v1/categories/{category.Id}");

        var response = await _client.PutJsonAsync($"/api/v1/categories/{category.Id}", new { name = "Phones", parentId = parent.Id }, etag);

        var updated = await response.ReadAsync<CategoryDto>(HttpStatusCode.OK);
        Assert.Equal("Phones", updated.Name);
        Assert.Equal(category.Slug, updated.Slug);
        Assert.Equal(parent.Id, updated.ParentId);
        Assert.True(updated.UpdatedAt > category.UpdatedAt);
        Assert.NotEqual(etag, response.Headers.ETag?.ToString());
        Assert.Equal(response.Headers.ETag?.ToString(), await _client.ETagOfAsync($"/api/v1/categories/{category.Id}"));
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_412_and_changes_nothing()
    {
        var category = await _client.CreateCategoryAsync(Unique("Tablets"));
        var stale = await _client.ETagOfAsync($"/api/v1/categories/{category.Id}");
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/categories/{category.Id}", new { name = "Tablets 2" }, null)).StatusCode);

        var response = await _client.PutJsonAsync($"/api/v1/categories/{category.Id}", new { name = "Tablets 3" }, stale);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var current = await (await _client.GetAsync($"/api/v1/categories/{category.Id}")).ReadAsync<CategoryDto>(HttpStatusCode.OK);
        Assert.Equal("Tablets 2", current.Name);
    }

    /// <summary>
    /// <c>If-Match</c> compares strongly (RFC 9110 13.1.1): the current version sent as a weak tag does
    /// not match, so neither the update nor the delete happens, while the same tag sent strong does.
    /// </summary>
    [Fact]
    public async Task The_current_version_as_a_weak_tag_never_matches()
    {
        var category = await _client.CreateCategoryAsync(Unique("Weak"));
        var url = $"/api/v1/categories/{category.Id}";
        var current = await _client.ETagOfAsync(url);
        var weak = "W/" + current;

        await (await _client.PutJsonAsync(url, new { name = "Changed" }, weak)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await _client.DeleteAsync(url, weak)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var stored = await (await _client.GetAsync(url)).ReadAsync<CategoryDto>(HttpStatusCode.OK);
        Assert.Equal(category.Name, stored.Name);
        Assert.Equal(current, await _client.ETagOfAsync(url));
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync(url, new { name = "Changed" }, current)).StatusCode);
    }

    [Theory]
    [InlineData("\"not-a-version\"")]
    [InlineData("\"-1\"")]
    public async Task Foreign_etags_never_match(string ifMatch)
    {
        var category = await _client.CreateCategoryAsync(Unique("Foreign"));

        var response = await _client.PutJsonAsync($"/api/v1/categories/{category.Id}", new { name = "Changed" }, ifMatch);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Update_to_an_explicit_slug_of_another_category_is_a_conflict()
    {
        var taken = await _client.CreateCategoryAsync(Unique("Taken"));
        var category = await _client.CreateCategoryAsync(Unique("Mine"));

        var response = await _client.PutJsonAsync($"/api/v1/categories/{category.Id}", new { name = "Mine", slug = taken.Slug }, null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_category_cannot_become_its_own_ancestor_at_any_depth()
    {
        var root = await _client.CreateCategoryAsync(Unique("Root"));
        var child = await _client.CreateCategoryAsync(Unique("Child"), root.Id);
        var grandchild = await _client.CreateCategoryAsync(Unique("Grandchild"), child.Id);
        var greatGrandchild = await _client.CreateCategoryAsync(Unique("Great"), grandchild.Id);

        await (await _client.PutJsonAsync($"/api/v1/categories/{root.Id}", new { name = root.Name, parentId = greatGrandchild.Id }, null))
            .AssertValidationErrorsAsync("parentId");
        await (await _client.PutJsonAsync($"/api/v1/categories/{root.Id}", new { name = root.Name, parentId = root.Id }, null))
            .AssertValidationErrorsAsync("parentId");
    }

    [Fact]
    public async Task Update_and_delete_of_a_missing_category_are_404()
    {
        await (await _client.PutJsonAsync("/api/v1/categories/987654", new { name = "X" }, null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.DeleteAsync("/api/v1/categories/987654")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_deactivates_and_the_category_is_gone_for_readers()
    {
        var category = await _client.CreateCategoryAsync(Unique("Gone"));

        var response = await _client.DeleteAsync($"/api/v1/categories/{category.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await _client.GetAsync($"/api/v1/categories/{category.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"/api/v1/categories/by-slug/{category.Slug}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await factory.Database.ScalarAsync<bool>($"SELECT is_active FROM categories WHERE id = {category.Id}"));
    }

    [Fact]
    public async Task Delete_is_refused_while_active_subcategories_or_products_remain()
    {
        var parent = await _client.CreateCategoryAsync(Unique("Parent"));
        var child = await _client.CreateCategoryAsync(Unique("Child"), parent.Id);
        var withProduct = await _client.CreateCategoryAsync(Unique("Stocked"));
        await _client.CreateProductAsync(Unique("Item"), withProduct.Id);

        await (await _client.DeleteAsync($"/api/v1/categories/{parent.Id}")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await _client.DeleteAsync($"/api/v1/categories/{withProduct.Id}")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/categories/{child.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/categories/{parent.Id}")).StatusCode);
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_is_412()
    {
        var category = await _client.CreateCategoryAsync(Unique("Stale"));
        var stale = await _client.ETagOfAsync($"/api/v1/categories/{category.Id}");
        await _client.PutJsonAsync($"/api/v1/categories/{category.Id}", new { name = "Fresh" }, null);

        await (await _client.DeleteAsync($"/api/v1/categories/{category.Id}", stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/categories/{category.Id}", "*")).StatusCode);
    }
}
