namespace Ecommerce.WebApi.FunctionalTests.Bulk;

public sealed class ProductImportTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private async Task<string> CategoryAsync() => (await _client.CreateCategoryAsync(Unique("Category"), slug: Unique("cat"))).Slug;

    private async Task<ProductDto> ProductAsync(string slug) =>
        await (await _client.GetAsync($"/api/v1/products/by-slug/{slug}")).ReadAsync<ProductDto>(HttpStatusCode.OK);

    [Fact]
    public async Task Ndjson_inserts_new_slugs_and_updates_existing_ones()
    {
        var category = await CategoryAsync();
        var existing = Unique("old");
        var added = Unique("new");
        await _client.ImportAsync(BulkFiles.NdjsonOf(new { name = "Old", slug = existing, price = 1m, stock = 1, category }), BulkFiles.Ndjson);

        var response = await _client.ImportAsync(BulkFiles.NdjsonOf(
            new { name = "  Old, renamed  ", slug = existing, description = "Now described", price = 2.50m, stock = 3, category },
            new { name = "Новый", slug = added, price = 10m, imageUrl = "https://cdn.example.com/n.png", stock = 0, category }) + "\n\n", BulkFiles.Ndjson);

        Assert.Equal(new ImportSummary(1, 1, 0, false), await response.ReadAsync<ImportSummary>(HttpStatusCode.OK));
        var updated = await ProductAsync(existing);
        Assert.Equal(("Old, renamed", "Now described", 2.50m, 3), (updated.Name, updated.Description, updated.Price, updated.Stock));
        var inserted = await ProductAsync(added);
        Assert.Equal(("Новый", 10m, "https://cdn.example.com/n.png", 0.0m), (inserted.Name, inserted.Price, inserted.ImageUrl, inserted.Rating));
        Assert.True(inserted.IsActive);
    }

    [Fact]
    public async Task Csv_inserts_and_updates_with_quoted_commas_quotes_and_line_breaks()
    {
        var category = await CategoryAsync();
        var first = Unique("csv");
        var second = Unique("csv");
        var csv = $"""
            slug,name,description,price,stock,category,imageUrl
            {first},"Phone, black","Says ""hello""
            on two lines",999.90,5,{category},
            {second},Plain,,0,0,{category},https://cdn.example.com/p.png

            """.Replace("\n", "\r\n", StringComparison.Ordinal);

        var response = await _client.ImportAsync(csv, BulkFiles.Csv);

        Assert.Equal(new ImportSummary(2, 0, 0, false), await response.ReadAsync<ImportSummary>(HttpStatusCode.OK));
        var quoted = await ProductAsync(first);
        Assert.Equal(("Phone, black", "Says \"hello\"\r\non two lines", 999.90m, 5, (string?)null),
            (quoted.Name, quoted.Description, quoted.Price, quoted.Stock, quoted.ImageUrl));
        Assert.Null((await ProductAsync(second)).Description);

        var again = await _client.ImportAsync($"name,slug,price,stock,category\nPlain,{second},7.5,1,{category}\n", BulkFiles.Csv);
        Assert.Equal(new ImportSummary(0, 1, 0, false), await again.ReadAsync<ImportSummary>(HttpStatusCode.OK));
        Assert.Equal(7.5m, (await ProductAsync(second)).Price);
    }

    [Fact]
    public async Task A_bad_row_rejects_the_whole_file_and_every_bad_row_is_listed_by_line()
    {
        var category = await CategoryAsync();
        var good = Unique("good");
        var lines = string.Join('\n',
            JsonSerializer.Serialize(new { name = "Fine", slug = good, price = 1m, stock = 1, category }, Json),
            JsonSerializer.Serialize(new { name = "", slug = Unique("bad"), price = 1.234m, stock = -1, category }, Json),
            "{not json",
            JsonSerializer.Serialize(new { name = "No category", slug = Unique("bad"), price = 1m, stock = 1, category = "no-such-category" }, Json),
            JsonSerializer.Serialize(new { name = "No slug", price = 1m, stock = 1, category }, Json),
            """{"name":"Text price","slug":"text-price","price":"12","stock":1,"category":"x"}""",
            JsonSerializer.Serialize(new { name = "Repeated", slug = good, price = 1m, stock = 1, category }, Json));

        var response = await _client.ImportAsync(lines, BulkFiles.Ndjson);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Import.RowsRejected", problem.GetProperty("code").GetString());
        Assert.Equal(6, problem.GetProperty("rejectedRows").GetInt32());
        var rows = problem.GetProperty("rows").EnumerateArray()
            .ToDictionary(row => row.GetProperty("line").GetInt32(), row => row.GetProperty("errors"));
        Assert.Equal([2, 3, 4, 5, 6, 7], rows.Keys.Order());
        Assert.Equal(["name", "price", "stock"], rows[2].EnumerateObject().Select(field => field.Name).Order());
        Assert.Equal("A name is required.", rows[2].GetProperty("name")[0].GetString());
        Assert.Equal("Stock cannot be negative.", rows[2].GetProperty("stock")[0].GetString());
        Assert.True(rows[3].TryGetProperty("row", out _));
        Assert.Equal("category must name an active category.", rows[4].GetProperty("category")[0].GetString());
        Assert.Equal("A slug is required: imported rows are matched to products by slug.", rows[5].GetProperty("slug")[0].GetString());
        Assert.True(rows[6].TryGetProperty("price", out _));
        Assert.Equal("The slug is already on line 1 of this file.", rows[7].GetProperty("slug")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/products/by-slug/{good}")).StatusCode);
    }

    [Fact]
    public async Task A_dry_run_answers_as_an_import_and_writes_nothing()
    {
        var category = await CategoryAsync();
        var existing = Unique("dry");
        await _client.ImportAsync(BulkFiles.NdjsonOf(new { name = "Dry", slug = existing, price = 1m, stock = 1, category }), BulkFiles.Ndjson);
        var before = await factory.ScalarAsync<long>("SELECT count(*) FROM products");
        var file = BulkFiles.NdjsonOf(
            new { name = "Dry", slug = existing, price = 1m, stock = 1, category },
            new { name = "Dry 2", slug = Unique("dry"), price = 1m, stock = 1, category },
            new { name = "Dry 3", slug = Unique("dry"), price = 1m, stock = 1, category });

        var response = await _client.ImportAsync(file, BulkFiles.Ndjson, dryRun: true);

        Assert.Equal(new ImportSummary(2, 0, 1, true), await response.ReadAsync<ImportSummary>(HttpStatusCode.OK));
        Assert.Equal(before, await factory.ScalarAsync<long>("SELECT count(*) FROM products"));
        var rejected = await _client.ImportAsync(BulkFiles.NdjsonOf(new { name = "x", slug = Unique("dry"), price = -1m, stock = 1, category }), BulkFiles.Ndjson, dryRun: true);
        await rejected.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_slug_of_a_deleted_product_and_an_inactive_category_are_row_errors()
    {
        var category = await CategoryAsync();
        var deleted = Unique("gone");
        await _client.ImportAsync(BulkFiles.NdjsonOf(new { name = "Gone", slug = deleted, price = 1m, stock = 1, category }), BulkFiles.Ndjson);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/products/{(await ProductAsync(deleted)).Id}", null)).StatusCode);
        var emptied = await _client.CreateCategoryAsync(Unique("Closed"), slug: Unique("closed"));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/categories/{emptied.Id}", null)).StatusCode);

        var response = await _client.ImportAsync(BulkFiles.NdjsonOf(
            new { name = "Back", slug = deleted, price = 1m, stock = 1, category },
            new { name = "Closed", slug = Unique("closed"), price = 1m, stock = 1, category = emptied.Slug }), BulkFiles.Ndjson);

        var rows = (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("rows");
        Assert.Equal("slug", rows[0].GetProperty("errors").EnumerateObject().Single().Name);
        Assert.Equal("category", rows[1].GetProperty("errors").EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task Counters_match_the_products_after_imports_that_insert_move_and_update()
    {
        var first = await CategoryAsync();
        var second = await CategoryAsync();
        var slugs = Enumerable.Range(0, 50).Select(_ => Unique("count")).ToList();
        await _client.ImportAsync(BulkFiles.NdjsonOf([.. slugs.Select((slug, i) => (object)new { name = "C", slug, price = 1m, stock = i, category = first })]), BulkFiles.Ndjson);
        var moved = await _client.ImportAsync(BulkFiles.NdjsonOf([.. slugs.Take(20).Select(slug => (object)new { name = "C", slug, price = 2m, stock = 1, category = second })]), BulkFiles.Ndjson);

        Assert.Equal(new ImportSummary(0, 20, 0, false), await moved.ReadAsync<ImportSummary>(HttpStatusCode.OK));
        Assert.Equal(0, await factory.CounterDriftAsync());
        Assert.Equal(30, await factory.ScalarAsync<int>($"SELECT active_products FROM category_product_counts JOIN categories ON id = category_id WHERE slug = '{first}'"));
    }

    [Fact]
    public async Task Other_media_types_are_415_and_a_bad_dry_run_flag_is_400()
    {
        var json = await _client.ImportAsync("{}", "application/json");
        await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var flag = await _client.PostAsync("/api/v1/products/import?dryRun=maybe", new StringContent("", null, BulkFiles.Ndjson));
        await flag.AssertValidationErrorsAsync("dryRun");
    }

    [Fact]
    public async Task Invalid_utf8_in_csv_is_a_400()
    {
        var content = new ByteArrayContent([.. "name,slug,price,stock,category\n"u8.ToArray(), 0xC3, 0x28, (byte)'\n']);
        content.Headers.ContentType = new(BulkFiles.Csv);
        var response = await _client.PostAsync("/api/v1/products/import", content);
        await response.AssertValidationErrorsAsync("body");
    }

    [Fact]
    public async Task Anonymous_clients_get_401_and_non_admins_403()
    {
        var anonymous = factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.ImportAsync("", BulkFiles.Ndjson)).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", factory.Tokens.Create(roles: ["reader"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.ImportAsync("", BulkFiles.Ndjson)).StatusCode);
    }
}
