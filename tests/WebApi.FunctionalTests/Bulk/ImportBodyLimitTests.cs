namespace Ecommerce.WebApi.FunctionalTests.Bulk;

public sealed class SmallImportLimitFactory : CatalogApiFactory
{
    public const int MaxImportBytes = 4096;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Catalog:Limits:MaxImportBodyBytes"] = MaxImportBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class ImportBodyLimitTests(SmallImportLimitFactory factory) : IClassFixture<SmallImportLimitFactory>
{
    [Fact]
    public async Task A_body_over_the_import_limit_is_413_and_imports_nothing()
    {
        var client = factory.CreateClient();
        var category = (await client.CreateCategoryAsync("Limits", slug: "limits")).Slug;
        var line = BulkFiles.NdjsonOf(new { name = "Big", slug = "big-0", price = 1m, stock = 1, category }) + "\n";
        var body = new StringBuilder();
        for (var i = 0; body.Length <= SmallImportLimitFactory.MaxImportBytes; i++)
        {
            body.Append(line.Replace("big-0", $"big-{i}", StringComparison.Ordinal));
        }

        var response = await client.ImportAsync(body.ToString(), BulkFiles.Ndjson);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0L, await factory.ScalarAsync<long>("SELECT count(*) FROM products"));
    }

    [Fact]
    public async Task The_import_limit_is_its_own_not_the_json_bodies_one()
    {
        var client = factory.CreateClient();
        var json = new StringContent($"{{\"name\":\"{new string('x', SmallImportLimitFactory.MaxImportBytes)}\"}}", Encoding.UTF8, "application/json");
        // Under the 1 MiB limit of JSON bodies: refused for its content, not its size.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/products", json)).StatusCode);
    }
}
