using Ecommerce.Application.Products;

namespace Ecommerce.WebApi.Endpoints;

/// <summary>The export's filter as the client spelled it: the list's filter parameters, parsed as the list parses them.</summary>
public sealed record ProductExportRequest(string? Category, string? Q, string? MinPrice, string? MaxPrice, string? InStock)
{
    /// <returns>The filter, or null with <paramref name="errors"/> naming each value that does not parse.</returns>
    public ProductFilter? ToFilter(out Dictionary<string, string[]> errors) =>
        new ProductListRequest(Category, Q, MinPrice, MaxPrice, InStock, null, null, null).ToQuery(out errors)?.Filter;
}
