namespace Ecommerce.Application.Products;

/// <summary>A parsed and validated product list request, as the read port receives it.</summary>
/// <param name="CategorySlug">Products of this category and of all its descendants.</param>
/// <param name="Search">A case-insensitive literal substring of the name.</param>
public sealed record ProductListCriteria(
    string? CategorySlug,
    string? Search,
    decimal? MinPrice,
    decimal? MaxPrice,
    bool? InStock,
    ProductSort Sort,
    int Page,
    int PageSize);
