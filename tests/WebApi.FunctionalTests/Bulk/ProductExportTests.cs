namespace Ecommerce.WebApi.FunctionalTests.Bulk;

public sealed class ProductExportTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>A category with a subcategory, holding four products of different prices and stocks.</summary>
    private async Task<(string Parent, string Child, string[] Slugs)> CatalogAsync()
    {
        var parent = await _client.CreateCategoryAsync(Unique("Parent"), slug: Unique("parent"));
        var child = await _client.CreateCategoryAsync(Unique("Child"), parent.Id, Unique("child"));
        var slugs = Enumerable.Range(0, 4).Select(_ => Unique("export")).ToArray();
        var response = await _client.ImportAsync(BulkFiles.NdjsonOf(
            new { name = "Cheap, \"quoted\"", slug = slugs[0], description = "two\nlines", price = 1.50m, stock = 0, category = parent.Slug },
            new { name = "Mid", slug = slugs[1], price = 20m, stock = 3, category = parent.Slug, imageUrl = "https://cdn.example.com/m.png" },
            new { name = "Телефон", slug = slugs[2], price = 300m, stock = 1, category = child.Slug },
            new { name = "Gone", slug = slugs[3], price = 5m, stock = 1, category = child.Slug }), BulkFiles.Ndjson);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var gone = await (await _client.GetAsync($"/api/v1/products/by-slug/{slugs[3]}")).ReadAsync<ProductDto>(HttpStatusCode.OK);
        await _client.DeleteAsync($"/api/v1/products/{gone.Id}", null);
        return (parent.Slug, child.Slug, slugs);
    }

    private static List<ImportRow> Rows(string ndjson) =>
        [.. ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize<ImportRow>(line, Json)!)];

    [Fact]
    public async Task Ndjson_is_the_default_and_holds_the_active_products_of_the_category_subtree_in_the_import_shape()
    {
        var (parent, child, slugs) = await CatalogAsync();

        var (mediaType, body) = await _client.ExportAsync($"?category={parent}");

        Assert.Equal(BulkFiles.Ndjson, mediaType);
        var rows = Rows(body);
        Assert.Equal(slugs[..3], rows.Select(row => row.Slug));
        Assert.Equal(new ImportRow("Cheap, \"quoted\"", slugs[0], "two\nlines", 1.50m, null, 0, parent), rows[0]);
        Assert.Equal(child, rows[2].Category);
        Assert.Equal(
            ["category", "description", "imageUrl", "name", "price", "slug", "stock"],
            JsonDocument.Parse(body.Split('\n')[0]).RootElement.EnumerateObject().Select(property => property.Name).Order());
    }

    [Fact]
    public async Task Price_and_stock_filters_narrow_the_export_as_they_narrow_the_list()
    {
        var (parent, _, slugs) = await CatalogAsync();

        Assert.Equal([slugs[1], slugs[2]], Rows((await _client.ExportAsync($"?category={parent}&inStock=true")).Body).Select(row => row.Slug));
        Assert.Equal([slugs[1]], Rows((await _client.ExportAsync($"?category={parent}&minPrice=2&maxPrice=100")).Body).Select(row => row.Slug));
        Assert.Empty(Rows((await _client.ExportAsync("?category=no-such-category")).Body));
        await (await _client.GetAsync("/api/v1/products/export?minPrice=5&maxPrice=1")).AssertValidationErrorsAsync("maxPrice");
        await (await _client.GetAsync("/api/v1/products/export?inStock=yes")).AssertValidationErrorsAsync("inStock");
        await (await _client.GetAsync("/api/v1/products/export?q=phone")).AssertValidationErrorsAsync("q");
    }

    [Fact]
    public async Task Csv_by_accept_quotes_what_needs_quoting_and_round_trips()
    {
        var (parent, _, slugs) = await CatalogAsync();

        var (mediaType, body) = await _client.ExportAsync($"?category={parent}", BulkFiles.Csv);

        Assert.Equal(BulkFiles.Csv, mediaType);
        Assert.StartsWith("name,slug,description,price,imageUrl,stock,category\r\n", body, StringComparison.Ordinal);
        Assert.Contains($"\"Cheap, \"\"quoted\"\"\",{slugs[0]},\"two\nlines\",1.50,,0,{parent}\r\n", body, StringComparison.Ordinal);
        var again = await _client.ImportAsync(body, BulkFiles.Csv);
        Assert.Equal(new ImportSummary(0, 0, 3, false), await again.ReadAsync<ImportSummary>(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Importing_an_export_changes_nothing()
    {
        await CatalogAsync();
        var before = await factory.ScalarAsync<string>("SELECT string_agg(id || ':' || xmin || ':' || updated_at, ',' ORDER BY id) FROM products");
        var (_, ndjson) = await _client.ExportAsync();
        var count = Rows(ndjson).Count;

        var response = await _client.ImportAsync(ndjson, BulkFiles.Ndjson);

        Assert.Equal(new ImportSummary(0, 0, count, false), await response.ReadAsync<ImportSummary>(HttpStatusCode.OK));
        Assert.Equal(before, await factory.ScalarAsync<string>("SELECT string_agg(id || ':' || xmin || ':' || updated_at, ',' ORDER BY id) FROM products"));
        Assert.Equal(ndjson, (await _client.ExportAsync()).Body);
    }

    [Fact]
    public async Task Exports_span_more_than_one_batch_in_id_order()
    {
        var category = (await _client.CreateCategoryAsync(Unique("Many"), slug: Unique("many"))).Slug;
        var rows = Enumerable.Range(0, 5_200).Select(i => (object)new { name = $"Item {i}", slug = $"{category}-{i}", price = 1m, stock = 1, category });
        Assert.Equal(HttpStatusCode.OK, (await _client.ImportAsync(BulkFiles.NdjsonOf([.. rows]), BulkFiles.Ndjson)).StatusCode);

        var exported = Rows((await _client.ExportAsync($"?category={category}")).Body);

        Assert.Equal(Enumerable.Range(0, 5_200).Select(i => $"{category}-{i}"), exported.Select(row => row.Slug));
        Assert.Equal(0, await factory.CounterDriftAsync());
    }
}
