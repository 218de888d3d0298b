namespace Ecommerce.WebApi.FunctionalTests.Infrastructure;

/// <summary>Shortcuts for arranging data through the API itself.</summary>
internal static class CatalogClient
{
    public static async Task<CategoryDto> CreateCategoryAsync(this HttpClient client, string name, int? parentId = null, string? slug = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/categories", new { name, slug, parentId });
        return await response.ReadAsync<CategoryDto>(HttpStatusCode.Created);
    }

    public static async Task<ProductDto> CreateProductAsync(
        this HttpClient client, string name, int categoryId, decimal price = 10m, int stock = 1, string? slug = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/products", new { name, slug, price, stock, categoryId });
        return await response.ReadAsync<ProductDto>(HttpStatusCode.Created);
    }

    public static async Task<string> ETagOfAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }
}
