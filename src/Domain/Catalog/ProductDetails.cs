namespace Ecommerce.Domain.Catalog;

/// <summary>The editable fields of a product, as one value so create and update stay in step.</summary>
public sealed record ProductDetails(
    string Name,
    string? Description,
    decimal Price,
    string? ImageUrl,
    int Stock,
    int CategoryId);
