using System.Net.Http.Headers;

namespace Ecommerce.WebApi.FunctionalTests.Bulk;

/// <summary>Sending import files and reading exports and the catalog's own tables behind them.</summary>
internal static class BulkFiles
{
    public const string Ndjson = "application/x-ndjson";
    public const string Csv = "text/csv";

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string body, string mediaType, bool dryRun = false)
    {
        var content = new StringContent(body, new UTF8Encoding(false), mediaType);
        return client.PostAsync($"/api/v1/products/import{(dryRun ? "?dryRun=true" : string.Empty)}", content);
    }

    public static string NdjsonOf(params object[] rows) => string.Join('\n', rows.Select(row => JsonSerializer.Serialize(row, ApiAssertions.Json)));

    public static async Task<(string MediaType, string Body)> ExportAsync(this HttpClient client, string query = "", string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/products/export{query}");
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (response.Content.Headers.ContentType!.MediaType!, body);
    }

    public static async Task<T> ScalarAsync<T>(this CatalogApiFactory factory, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(factory.Database.ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Counter rows that disagree with a count of the products themselves.</summary>
    public static Task<long> CounterDriftAsync(this CatalogApiFactory factory) => factory.ScalarAsync<long>("""
        SELECT count(*) FROM categories category
        LEFT JOIN category_product_counts counts ON counts.category_id = category.id
        WHERE coalesce(counts.active_products, 0) <> (SELECT count(*) FROM products WHERE category_id = category.id AND is_active)
        """);
}
