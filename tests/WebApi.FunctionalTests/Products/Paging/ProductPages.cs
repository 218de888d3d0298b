using Ecommerce.Application.Common.Paging;

namespace Ecommerce.WebApi.FunctionalTests.Products.Paging;

/// <summary>Reading list pages and following their <c>next</c> links, as a storefront does.</summary>
internal static class ProductPages
{
    public static async Task<PagedList<ProductDto>> PageAsync(this HttpClient client, string url) =>
        await (await client.GetAsync(url)).ReadAsync<PagedList<ProductDto>>(HttpStatusCode.OK);

    /// <summary>Every page from <paramref name="url"/> on, following <c>next</c> until it is null.</summary>
    public static async Task<List<PagedList<ProductDto>>> WalkAsync(this HttpClient client, string url, Func<Task>? betweenPages = null)
    {
        var pages = new List<PagedList<ProductDto>> { await client.PageAsync(url) };
        while (pages[^1].Next is { } next)
        {
            Assert.StartsWith("/api/v1/products?", next, StringComparison.Ordinal);
            if (betweenPages is not null)
            {
                await betweenPages();
            }

            pages.Add(await client.PageAsync(next));
            Assert.True(pages.Count < 10_000, "The walk does not end.");
        }

        return pages;
    }

    public static List<int> Ids(this IEnumerable<PagedList<ProductDto>> pages) => [.. pages.SelectMany(page => page.Items).Select(product => product.Id)];

    /// <summary>The value of <paramref name="name"/> in a relative URL's query.</summary>
    public static string? QueryValue(string url, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), url).Query)
            .TryGetValue(name, out var value) ? value.ToString() : null;
}
